"""Store a document with its passages, extract its claims into tickets; once per content."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction

from verification.extraction.extractor import prose_sentences
from verification.ingestion import IncomingDocument, read_document
from verification.models import Document, Passage, Ticket

from .dispatch import document_recheck_dispatch
from .factchecks import tickets_match_factchecks
from .origins import document_origin_assign
from .tickets import tickets_open_for_document


@dataclass(frozen=True)
class IngestResult:
    """What ingesting one document did."""

    document: Document
    created: bool
    tickets_opened: list[Ticket] = field(default_factory=list)


def document_ingest(
    *,
    incoming: IncomingDocument | None = None,
    raw: bytes | str | None = None,
    declared_format: str | None = None,
    source_name: str = "",
    title: str = "",
    publisher: str = "",
    url: str = "",
    published_on: dt.date | None = None,
) -> IngestResult:
    """Store a document, its passages and its claims' tickets; a known content is a no-op.

    Pass either an ``incoming`` document already read, or the ``raw`` bytes (or text) with an
    optional ``declared_format`` ("text", "html", "json", a content type or a file name) and
    metadata that wins over what the document says about itself.
    """
    if (incoming is None) == (raw is None):
        raise TypeError("document_ingest takes either incoming or raw, not both or neither")
    if incoming is None:
        assert raw is not None  # checked above: exactly one of them is given
        # Read before the transaction: a refused document never opens one.
        incoming = read_document(
            raw,
            source_name=source_name or "submission",
            max_bytes=settings.VERIFICATION_MAX_DOCUMENT_BYTES,
            declared_format=declared_format,
            title=title,
            publisher=publisher,
            url=url,
            published_on=published_on,
        )
    with transaction.atomic():
        stored = document_store(incoming=incoming)
        if not stored.created:
            return stored
        opened = document_extract(document_id=stored.document.pk)
    return IngestResult(document=stored.document, created=True, tickets_opened=opened)


@transaction.atomic
def document_store(*, incoming: IncomingDocument) -> IngestResult:
    """Store the document and its passages, without extracting claims; a known content is a no-op."""
    existing = Document.objects.filter(content_hash=incoming.content_hash).first()
    if existing:
        return IngestResult(document=existing, created=False)
    try:
        # A savepoint: when a concurrent ingest of the same content wins, only this insert rolls back.
        with transaction.atomic():
            document = Document.objects.create(
                title=incoming.title,
                publisher=incoming.publisher,
                url=incoming.url,
                published_on=incoming.published_on,
                source_name=incoming.source_name,
                original=incoming.original,
                text=incoming.text,
                content_hash=incoming.content_hash,
            )
    except IntegrityError:
        return IngestResult(document=Document.objects.get(content_hash=incoming.content_hash), created=False)
    Passage.objects.bulk_create(
        Passage(
            document=document,
            ordinal=ordinal,
            paragraph=sentence.paragraph,
            start=sentence.start,
            end=sentence.end,
            text=sentence.text,
        )
        # Headlines, captions, credits and bylines are not evidence for anything: not stored.
        for ordinal, sentence in enumerate(prose_sentences(document.text))
    )
    document_origin_assign(document=document)
    return IngestResult(document=document, created=True)


@transaction.atomic
def document_extract(*, document_id: int) -> list[Ticket]:
    """Open tickets for a stored document's claims and queue the re-check of open tickets it bears on.

    Safe to run again (a re-extract): a claim already seen at the same place adds nothing.
    """
    document = Document.objects.get(pk=document_id)
    opened = tickets_open_for_document(document=document)
    # A new ticket whose claim another desk already checked says so in the queue at once.
    tickets_match_factchecks(ticket_ids=[ticket.pk for ticket in opened])
    document_recheck_dispatch(document_id=document.pk)
    return opened

