from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from knox.models import get_token_model

from accounts.editors import UPLOAD_PERMISSION


class Command(BaseCommand):
    help = (
        "Create an API token for an existing user and print it. Only its hash is stored: the token "
        "is shown this once. It expires after --days (default: settings.REST_KNOX TOKEN_TTL)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--days", type=int, help="days the token is valid")

    def handle(self, *args, username, days=None, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"There is no user {username!r}; create_editor makes one.") from None
        if days is not None and days < 1:
            raise CommandError("--days must be at least 1.")
        # Without --days, knox's manager applies TOKEN_TTL (an explicit None would mean "never").
        validity = {"expiry": timedelta(days=days)} if days is not None else {}
        token, key = get_token_model().objects.create(user=user, **validity)
        if not user.has_perm(UPLOAD_PERMISSION):
            self.stderr.write(f"Note: {username} is not an editor; the token may read but not upload.")
        self.stderr.write(f"Token for {username}, valid until {token.expiry:%Y-%m-%d %H:%M %Z}:")
        self.stdout.write(key)
