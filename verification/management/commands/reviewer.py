"""Create (or reset) a reviewer login for the admin and print it."""

from django.core.management.base import BaseCommand

from verification.services.accounts import reviewer_ensure


class Command(BaseCommand):
    help = "Create or update a staff user in the Reviewer group, with an API token, and print the login."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="reviewer")
        parser.add_argument("--password", required=True)

    def handle(self, *args, username, password, **options):
        user, token = reviewer_ensure(username=username, password=password)
        self.stdout.write(
            self.style.SUCCESS(f"Reviewer login: {user.username} / {password}  (API token {token.key})")
        )
