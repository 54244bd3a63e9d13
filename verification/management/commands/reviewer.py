"""Create (or reset) a desk login for the admin and the API, and print it."""

from django.core.management.base import BaseCommand

from verification.roles import REVIEWER_GROUP, ROLES
from verification.services.accounts import account_ensure


class Command(BaseCommand):
    help = "Create or update a staff user in a desk role, with an API token, and print the login."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="reviewer")
        parser.add_argument("--password", required=True)
        parser.add_argument("--role", choices=list(ROLES), default=REVIEWER_GROUP)

    def handle(self, *args, username, password, role, **options):
        user, token = account_ensure(username=username, password=password, role=role)
        self.stdout.write(
            self.style.SUCCESS(f"{role} login: {user.username} / {password}  (API token {token.key})")
        )
