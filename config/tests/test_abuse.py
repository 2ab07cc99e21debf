"""Guessing passwords and tokens: failures are counted per client and refused after a few, on the
login page, the admin's login and the API; password reset exists only where mail can be sent."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse

pytestmark = pytest.mark.django_db

PASSWORD = "tall-mountain-river-42"


@pytest.fixture
def wang(db):
    return get_user_model().objects.create_user("wang", password=PASSWORD, is_staff=True)


@pytest.fixture(autouse=True)
def english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.mark.parametrize("login_url", ["/accounts/login/", "/admin/login/"])
def test_wrong_passwords_lock_the_user_out_from_that_address_even_with_the_right_one(
    client, wang, login_url, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(login_url, {"username": "wang", "password": "guess"}).status_code == 200
    locked = client.post(login_url, {"username": "wang", "password": "guess"})
    assert locked.status_code == 429 and "Too many attempts" in locked.content.decode()
    assert client.post(login_url, {"username": "wang", "password": PASSWORD}).status_code == 429

    call_command("axes_reset", verbosity=0)
    assert client.post(login_url, {"username": "wang", "password": PASSWORD}).status_code == 302


def test_another_address_is_not_locked_out_by_someone_elses_guesses(client, wang, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "wang", "password": "guess"}, REMOTE_ADDR="203.0.113.9")
    response = client.post(
        "/accounts/login/", {"username": "wang", "password": PASSWORD}, REMOTE_ADDR="198.51.100.7"
    )
    assert response.status_code == 302


def test_a_forwarded_address_is_not_believed_without_a_trusted_proxy(client, wang, settings):
    """Otherwise each guess could claim a new address and never be locked out."""
    for number in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/accounts/login/",
            {"username": "wang", "password": "guess"},
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}",
        )
    response = client.post("/accounts/login/", {"username": "wang", "password": PASSWORD})
    assert response.status_code == 429


def test_wrong_api_tokens_are_throttled_per_client_before_being_looked_up(api_client, token_for, settings):
    good = token_for("reader", editor=False)
    rate = int(settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["token_failure"].split("/")[0])
    for number in range(rate):
        api_client.credentials(HTTP_AUTHORIZATION=f"Token wrong{number:060d}")
        assert api_client.get("/api/v1/zones/").status_code == 401
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {good}")
    refused = api_client.get("/api/v1/zones/")
    assert refused.status_code == 429
    error = refused.json()["error"]
    assert error["code"] == "throttled" and error["details"]["wait_seconds"] > 0
    # Another client still gets in with its right token.
    assert api_client.get("/api/v1/zones/", REMOTE_ADDR="198.51.100.7").status_code == 200


def test_right_tokens_and_anonymous_requests_are_not_counted_as_failures(api_client, token_for, settings):
    rate = int(settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["token_failure"].split("/")[0])
    good = token_for("reader", editor=False)
    for _ in range(rate + 2):
        api_client.credentials(HTTP_AUTHORIZATION=f"Token {good}")
        assert api_client.get("/api/v1/zones/").status_code == 200
        api_client.credentials()
        assert api_client.get("/api/v1/zones/").status_code == 200


def test_an_expired_token_is_refused(api_client, token_for):
    from django.utils import timezone
    from knox.models import AuthToken

    token = token_for("reader", editor=False)
    AuthToken.objects.update(expiry=timezone.now())
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api_client.get("/api/v1/zones/").status_code == 401


def test_without_a_mail_server_password_reset_does_not_exist(client, settings):
    assert not settings.EMAIL_HOST
    assert client.get("/accounts/password_reset/").status_code == 404
    with pytest.raises(NoReverseMatch):
        reverse("password_reset")
    assert "password_reset" not in client.get("/accounts/login/").content.decode()


def test_password_reset_mails_are_limited_per_address(rf, settings):
    from config.views import PASSWORD_RESETS_PER_HOUR, ThrottledPasswordResetView

    view = ThrottledPasswordResetView.as_view(success_url="/sent/")  # its pages exist only with mail
    statuses = []
    for _ in range(PASSWORD_RESETS_PER_HOUR + 1):
        request = rf.post("/accounts/password_reset/", {"email": "someone@example.org"})
        request._dont_enforce_csrf_checks = True
        statuses.append(view(request).status_code)
    assert statuses == [302] * PASSWORD_RESETS_PER_HOUR + [429]


def test_anonymous_clients_have_the_anonymous_rate_only_and_users_the_user_rate(
    api_client, token_for, monkeypatch
):
    from rest_framework.throttling import SimpleRateThrottle

    monkeypatch.setattr(
        SimpleRateThrottle,
        "THROTTLE_RATES",
        {"anon": "3/minute", "user": "2/minute", "token_failure": "9/minute"},
    )
    assert [api_client.get("/api/v1/zones/").status_code for _ in range(4)] == [200, 200, 200, 429]
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token_for('reader', editor=False)}")
    assert [api_client.get("/api/v1/zones/").status_code for _ in range(3)] == [200, 200, 429]


def test_every_response_carries_the_content_security_and_permissions_policies(client):
    response = client.get("/zones/")
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    assert policy["script-src"] == "'self'" and policy["frame-ancestors"] == "'none'"
    assert "geolocation=()" in response["Permissions-Policy"]
