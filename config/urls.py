from django.conf import settings
from django.contrib import admin
from django.contrib.auth import urls as auth_urls
from django.urls import include, path

from config.views import ThrottledPasswordResetView

# Password reset mails a link: without a mail server (settings.PASSWORD_RESET_ENABLED) its pages
# would claim to have sent one, so they do not exist.
_PASSWORD_RESET = (
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
)
account_urls = [
    pattern
    for pattern in auth_urls.urlpatterns
    if settings.PASSWORD_RESET_ENABLED or pattern.name not in _PASSWORD_RESET
]
if settings.PASSWORD_RESET_ENABLED:
    account_urls.insert(
        0, path("password_reset/", ThrottledPasswordResetView.as_view(), name="password_reset")
    )

urlpatterns = [
    path("", include("review.urls")),
    path("", include("dashboard.urls")),
    path("api/", include("api.urls")),
    path("accounts/", include(account_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

handler400 = "config.errors.bad_request"
handler500 = "config.errors.server_error"
