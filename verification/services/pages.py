"""Fetch a page by its URL and ingest it like any document, with its archived copy and fact-checks."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction

from verification.factchecks import claimreviews_in_html
from verification.fetching import Fetched, page_fetch
from verification.ingestion import read_document
from verification.models import ArchivedPage, Document, JobRun

from .archive import page_archive
from .dispatch import page_ingest_dispatch
from .factchecks import factchecks_store
from .ingest import document_ingest


@dataclass(frozen=True)
class PageOutcome:
    """What fetching one page did: the document it became (new or known) and its archived copy."""

    url: str
    document_id: int
    archived_page_id: int | None
    created: bool
    tickets_opened: list[int] = field(default_factory=list)
    factchecks: int = 0

    def as_result(self) -> dict:
        return dataclasses.asdict(self)


def document_known_at(url: str) -> Document | None:
    """Return the document already ingested from url (its canonical or fetched address), if any."""
    archived = ArchivedPage.objects.filter(url=url, document__isnull=False).select_related("document").first()
    return archived.document if archived else Document.objects.filter(url=url).first()


def page_ingest(
    *,
    url: str,
    source_id: int | None = None,
    publisher: str = "",
    title: str = "",
    published_on: dt.date | None = None,
) -> PageOutcome:
    """Fetch url and ingest it; raise FetchRefused or IngestError with nothing stored."""
    fetched = page_fetch(url, accept="text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.5")
    return fetched_page_ingest(
        fetched=fetched, source_id=source_id, publisher=publisher, title=title, published_on=published_on
    )


def fetched_page_ingest(
    *,
    fetched: Fetched,
    source_id: int | None = None,
    publisher: str = "",
    title: str = "",
    published_on: dt.date | None = None,
) -> PageOutcome:
    """Ingest a fetched page: its article, its archived copy and its ClaimReviews, all or nothing."""
    # Read before anything is written: a page with no article is refused with nothing stored.
    incoming = read_document(
        fetched.body,
        source_name=fetched.final_url,
        max_bytes=settings.VERIFICATION_MAX_DOCUMENT_BYTES,
        declared_format=fetched.header("Content-Type") or None,
        title=title,
        publisher=publisher,
        published_on=published_on,
    )
    # The page's own canonical link names it; else the address that answered.
    canonical = incoming.url or fetched.final_url
    incoming = dataclasses.replace(
        incoming, url=canonical, publisher=incoming.publisher or urlsplit(canonical).hostname or ""
    )
    known = document_known_at(canonical)
    if known is not None:
        return PageOutcome(url=fetched.url, document_id=known.pk, archived_page_id=None, created=False)
    records = claimreviews_in_html(fetched.body, page_url=canonical)
    with transaction.atomic(), page_archive(fetched=fetched, source_id=source_id) as archived:
        result = document_ingest(incoming=incoming)
        archived.document = result.document
        archived.save(update_fields=["document"])
        stored = factchecks_store(records=records) if records else []
    return PageOutcome(
        url=fetched.url,
        document_id=result.document.pk,
        archived_page_id=archived.pk,
        created=result.created,
        tickets_opened=[t.pk for t in result.tickets_opened],
        factchecks=len(stored),
    )


@transaction.atomic
def document_url_submit(*, url: str, requested_by=None) -> JobRun:
    """Queue the fetch of a page by URL as a job the client polls."""
    return page_ingest_dispatch(url=url, requested_by=requested_by)
