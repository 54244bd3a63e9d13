"""Ingest articles (text, HTML, JSON) from files and folders: store, split, extract claims, open tickets."""

import logging
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from verification import selectors, services
from verification.errors import DomainError, IngestError
from verification.ingestion import iter_document_files, read_document_file

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Ingest articles from files or folders: .txt, .html/.htm and .json (text plus title, publisher, "
        "url, date); other files are sniffed. An http(s) URL is fetched as sources are (robots.txt, "
        "address guard, size cap) and archived. Re-ingesting the same content changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="+", help="Files, folders of .txt/.html/.json files, or http(s) URLs of pages."
        )

    def handle(self, *args, paths, **options):
        urls = [p for p in paths if p.startswith(("http://", "https://"))]
        if urls:
            self._ingest_urls(urls)
        paths = [Path(p) for p in paths if p not in urls]
        if not paths:
            return
        outside: list[Path] = []
        files = list(iter_document_files(paths, outside=outside))
        for link in outside:
            self.stderr.write(self.style.WARNING(f"{link}: a link out of its folder, not read."))
        if not files:
            raise CommandError(f"No .txt, .html or .json files found in {', '.join(map(str, paths))}.")
        created = known = opened = 0
        errors = []
        max_bytes = settings.VERIFICATION_MAX_DOCUMENT_BYTES
        progress = tqdm(files, desc="Ingesting", unit="doc", disable=len(files) < 2)
        for path in progress:
            result, error = self._ingest_one(path, max_bytes=max_bytes)
            if error:
                errors.append(error)
                progress.write(self.style.ERROR(error), file=self.stderr)
                continue
            created += result.created
            known += not result.created
            opened += len(result.tickets_opened)
            verb = "ingested" if result.created else "already known, skipped"
            progress.write(
                f"{path.name}: {verb} "
                f"(document {result.document.pk}, {len(result.tickets_opened)} new tickets)",
                file=self.stdout,
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"{created} ingested, {known} already known, {opened} tickets opened, {len(errors)} failed."
            )
        )
        waiting = selectors.outbox_waiting_count()
        if waiting:
            # The documents and tickets are stored; only their background work waits for the queue.
            self.stdout.write(
                self.style.WARNING(
                    f"The queue (Redis) could not be reached: {waiting} background task(s) are kept in the "
                    "database and will be sent when it is back (beat's relay-outbox, or "
                    "`manage.py outbox_relay`)."
                )
            )
        if errors:
            raise CommandError(
                f"{len(errors)} file(s) could not be ingested; the others were. See the errors above."
            )

    def _ingest_one(self, path: Path, *, max_bytes: int):
        """Return (result, None), or (None, the error to show) when the file was not ingested."""
        try:
            return services.document_ingest(incoming=read_document_file(path, max_bytes=max_bytes)), None
        except IngestError as exc:
            return None, str(exc)
        except Exception as exc:  # one broken file must not stop the others; its transaction rolled back
            logger.exception("unexpected error ingesting %s", path)
            return None, f"{path}: unexpected error ({exc!r}); nothing of it was stored. Please report it."

    def _ingest_urls(self, urls: list[str]) -> None:
        """Fetch, archive and ingest each page; stop with an error after the others if one failed."""
        failed = 0
        for url in urls:
            try:
                outcome = services.page_ingest(url=url)
            except DomainError as exc:
                failed += 1
                self.stderr.write(self.style.ERROR(str(exc)))
                continue
            verb = "ingested" if outcome.created else "already known, skipped"
            self.stdout.write(
                f"{url}: {verb} (document {outcome.document_id}, {len(outcome.tickets_opened)} new tickets, "
                f"archived copy {outcome.archived_page_id or 'kept from before'})"
            )
        if failed:
            raise CommandError(f"{failed} URL(s) could not be ingested; nothing of them was stored.")
