"""Editors' accounts: the create_editor command, logging in and out."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

PASSWORD = "tall-mountain-river-42"


def test_create_editor_makes_a_user_who_may_upload_and_review(client):
    call_command("create_editor", "wang", "--password", PASSWORD, stdout=StringIO())
    user = get_user_model().objects.get(username="wang")
    assert user.has_perm("articles.add_article") and user.has_perm("metrics.change_indicator")
    assert not user.is_staff

    response = client.post(
        reverse("login"), {"username": "wang", "password": PASSWORD, "next": reverse("review:upload")}
    )
    assert response.status_code == 302 and response.url == reverse("review:upload")
    page = client.get(reverse("review:upload")).content.decode()
    assert f'action="{reverse("logout")}"' in page and f'href="{reverse("review:queue")}"' in page


def test_an_existing_user_becomes_an_editor_with_the_new_password(client):
    get_user_model().objects.create_user("li", password="old-password-123")
    call_command("create_editor", "li", "--password", PASSWORD, stdout=StringIO())
    # django-axes watches every login, so it is made with a request, as the login page makes it.
    assert client.login(request=HttpRequest(), username="li", password=PASSWORD)
    assert get_user_model().objects.get(username="li").has_perm("articles.add_article")


def test_the_password_is_asked_twice_when_not_given(monkeypatch):
    answers = iter([PASSWORD, "something-else-entirely"])
    monkeypatch.setattr("accounts.management.commands.create_editor.getpass", lambda prompt: next(answers))
    with pytest.raises(CommandError, match="do not match"):
        call_command("create_editor", "zhao")
    assert not get_user_model().objects.filter(username="zhao").exists()


def test_a_weak_password_is_refused():
    with pytest.raises(CommandError):
        call_command("create_editor", "zhao", "--password", "123")
    assert not get_user_model().objects.filter(username="zhao").exists()


@pytest.mark.parametrize(
    "password, problem",
    [("zhangwei2024", "too similar to the username"), ("short-pw-9x", "at least 12 characters")],
)
def test_a_password_like_the_user_name_or_under_12_characters_is_refused(password, problem):
    with translation.override("en"), pytest.raises(CommandError, match=problem):
        call_command("create_editor", "zhangwei", "--password", password, "--email", "zw@example.org")
    assert not get_user_model().objects.filter(username="zhangwei").exists()


def test_an_existing_users_own_attributes_count_against_its_new_password():
    get_user_model().objects.create_user("li", email="lixiaoming@example.org", password="old-password-123")
    with translation.override("en"), pytest.raises(CommandError, match="too similar to the email address"):
        call_command("create_editor", "li", "--password", "lixiaoming@example")


def test_an_api_token_is_printed_once_and_stored_only_as_its_hash():
    from knox.auth import TokenAuthentication
    from knox.models import AuthToken

    call_command("create_editor", "wang", "--password", PASSWORD, stdout=StringIO())
    out, err = StringIO(), StringIO()
    call_command("create_api_token", "wang", "--days", "30", stdout=out, stderr=err)
    token = out.getvalue().strip()
    stored = AuthToken.objects.get(user__username="wang")
    assert token not in {stored.digest, stored.token_key} and stored.digest != token
    assert 29 <= (stored.expiry - stored.created).days <= 30
    user, _ = TokenAuthentication().authenticate_credentials(token.encode())
    assert user.username == "wang"


def test_an_api_token_needs_an_existing_user():
    with pytest.raises(CommandError, match="no user"):
        call_command("create_api_token", "nobody", stdout=StringIO())


def test_readers_see_no_editor_links_and_can_log_out(client_of):
    reader = client_of("reader", editor=False)
    page = reader.get(reverse("login")).content.decode()
    assert reverse("review:upload") not in page and reverse("review:queue") not in page
    assert reader.post(reverse("logout")).status_code == 302
    assert 'href="/accounts/login/' in reader.get(reverse("login")).content.decode()


def test_logging_in_from_a_comparison_comes_back_to_the_same_comparison(client):
    from urllib.parse import quote

    html = client.get("/compare/", {"zones": "weihai,kunming", "year": "2024"}).content.decode()
    assert (
        f'href="{reverse("login")}?next={quote("/compare/?zones=weihai%2Ckunming&year=2024", safe="/")}"'
        in html
    )
