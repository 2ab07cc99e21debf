from getpass import getpass

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from accounts.editors import make_editor


class Command(BaseCommand):
    help = (
        "Create an editor (a user in the editors group, who may upload reports and review figures), "
        "or make an existing user one and set its password. Asks for the password unless --password is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--password", help="the password (default: ask for it twice)")
        parser.add_argument("--email", default="")

    def handle(self, *args, username, password=None, email="", **options):
        if password is None:
            password = self.ask_password()
        # Checked against the user too: a password resembling the user name or email is refused.
        User = get_user_model()
        user = User.objects.filter(username=username).first() or User(username=username, email=email)
        try:
            validate_password(password, user=user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        user, created = make_editor(username, password=password, email=email)
        self.stdout.write(f"{'Created' if created else 'Updated'} editor {user.username}.")

    def ask_password(self) -> str:
        password = getpass("Password: ")
        if password != getpass("Password (again): "):
            raise CommandError("The passwords do not match.")
        return password
