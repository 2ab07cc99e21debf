"""Account pages that need more than Django's own."""

from django.contrib.auth.views import PasswordResetView
from django.core.cache import cache
from django.shortcuts import render

from config.clients import client_address

# Reset mails per client address and hour: enough for a forgetful editor, too few to flood an inbox
# or to probe which addresses have accounts.
PASSWORD_RESETS_PER_HOUR = 5


class ThrottledPasswordResetView(PasswordResetView):
    def post(self, request, *args, **kwargs):
        key = f"password-reset:{client_address(request)}"
        cache.add(key, 0, timeout=3600)
        if cache.incr(key) > PASSWORD_RESETS_PER_HOUR:
            return render(request, "registration/locked_out.html", status=429)
        return super().post(request, *args, **kwargs)
