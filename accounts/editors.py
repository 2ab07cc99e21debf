"""Who may change the data: members of the `editors` group upload reports and review figures;
everyone else reads."""

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.models import Group
from django.db import transaction

EDITORS_GROUP = "editors"
# The group's permissions (granted by migration articles.0002); views and templates check these.
UPLOAD_PERMISSION = "articles.add_article"
REVIEW_PERMISSION = "metrics.change_indicator"


def editor_only(view):
    """Anonymous visitors are sent to log in; users who are not editors are refused (403)."""
    return login_required(permission_required(REVIEW_PERMISSION, raise_exception=True)(view))


@transaction.atomic
def make_editor(username: str, *, password: str, email: str = ""):
    """Create the user (or take the existing one), set its password and put it in the editors group;
    returns (user, created)."""
    user, created = get_user_model().objects.get_or_create(username=username, defaults={"email": email})
    user.set_password(password)
    user.save(update_fields=["password"])
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user, created
