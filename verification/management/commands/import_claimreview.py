"""Import other fact-checkers' verdicts (ClaimReview JSON-LD) from a file or a URL, and match them."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from verification import services
from verification.errors import DomainError
from verification.factchecks import claimreviews_in_json
from verification.fetching import page_fetch


class Command(BaseCommand):
    help = (
        "Import ClaimReview fact-checks from a JSON file or URL (one ClaimReview, a list, an @graph or a "
        "DataFeed); each is stored once by its URL and matched against the tickets as lookup by text does."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="A .json file, or an http(s) URL of a ClaimReview feed.")

    def handle(self, *args, source, **options):
        try:
            data = json.loads(self._read(source))
        except ValueError as exc:
            raise CommandError(f"{source}: not JSON ({exc}); nothing was imported.") from exc
        try:
            outcome = services.factchecks_import(records=claimreviews_in_json(data, source=source))
        except DomainError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"{outcome.created} fact-checks imported, {outcome.updated} refreshed; "
                f"{outcome.matches} ticket matches."
            )
        )

    def _read(self, source: str) -> bytes:
        """Return the bytes of the file or URL, or stop with the reason it could not be read."""
        if source.startswith(("http://", "https://")):
            try:
                return page_fetch(source, accept="application/ld+json, application/json").body
            except DomainError as exc:
                raise CommandError(str(exc)) from exc
        try:
            return Path(source).read_bytes()
        except OSError as exc:
            raise CommandError(f"{source}: cannot be read ({exc.strerror}).") from exc
