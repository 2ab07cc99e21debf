"""Who may use the API. Kept apart from api.support because DRF imports its default permission
class while it is itself still loading, which a module importing DRF's views cannot survive."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import permissions

from accounts.editors import UPLOAD_PERMISSION


def is_editor(user) -> bool:
    """The same test as the upload page's: the editors group's permission (a superuser has it too)."""
    return bool(user and user.is_authenticated and user.has_perm(UPLOAD_PERMISSION))


class ReadOpenEditorsWrite(permissions.BasePermission):
    """Anyone may read (unless settings.API_READ_REQUIRES_LOGIN); only editors may write."""

    message = _("Only members of the editors group may change data through the API.")

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return not settings.API_READ_REQUIRES_LOGIN or bool(
                request.user and request.user.is_authenticated
            )
        return is_editor(request.user)
