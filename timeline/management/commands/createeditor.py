import getpass
import os
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

EDITORS_GROUP = "Editors"
PASSWORD_VARIABLE = "REDLINE_EDITOR_PASSWORD"


class Command(BaseCommand):
    help = (
        "Create an editor: a staff user (not a superuser) in the Editors group, who can keep "
        "the collection current in the admin. The password is asked for twice, or read from "
        f"the environment variable {PASSWORD_VARIABLE} when a script runs the command."
    )
    # Tests hand the command a terminal-like stdin to exercise the prompts.
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("username", help="the editor's user name, for signing in")
        parser.add_argument("--email", default="", help="the editor's email address")
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help=f"never prompt: the password must be in {PASSWORD_VARIABLE}",
        )

    def handle(self, *args, username: str, email: str, interactive: bool, **options):
        User = get_user_model()
        try:
            User.username_validator(username)
            if email:
                validate_email(email)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        if User.objects.filter(username=username).exists():
            raise CommandError(f'A user named "{username}" already exists; nothing was changed.')
        try:
            group = Group.objects.get(name=EDITORS_GROUP)
        except Group.DoesNotExist:
            raise CommandError(
                f'The "{EDITORS_GROUP}" group does not exist: run "manage.py migrate" first.'
            ) from None

        stdin = options.get("stdin", sys.stdin)
        password = self.password(interactive=interactive and stdin.isatty())
        user = User(username=username, email=email, is_staff=True)
        try:
            validate_password(password, user)
        except ValidationError as error:
            problems = "\n".join(f"  - {message}" for message in error.messages)
            raise CommandError(
                f"The password was refused; no user was created:\n{problems}"
            ) from None

        user.set_password(password)
        with transaction.atomic():
            user.save()
            user.groups.add(group)
        self.stdout.write(self.style.SUCCESS(f'Editor "{username}" created: sign in at /admin/.'))

    def password(self, *, interactive: bool) -> str:
        """The password from the environment, else from two prompts that must agree."""
        password = os.environ.get(PASSWORD_VARIABLE, "")
        if password:
            return password
        if not interactive:
            raise CommandError(
                f"No password given: set {PASSWORD_VARIABLE} in the environment, "
                "or run the command in a terminal to be asked for one."
            )
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("The two passwords do not match; no user was created.")
        if not password:
            raise CommandError("The password is empty; no user was created.")
        return password
