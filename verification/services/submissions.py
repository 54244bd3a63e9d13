"""A document submitted by an API client: stored at once, its claims extracted by a queued job."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from verification.choices import JobKind, JobStatus
from verification.ingestion import IncomingDocument
from verification.models import Document, JobRun

from .dispatch import document_extract_dispatch
from .ingest import document_store


@dataclass(frozen=True)
class Submission:
    """What submitting a document did: the stored document, whether it is new, and its extraction job."""

    document: Document
    created: bool
    run: JobRun | None
    queued: bool = False


@transaction.atomic
def document_submit(*, incoming: IncomingDocument, requested_by=None) -> Submission:
    """Store the document and queue the job that extracts its claims; a known content queues nothing,
    unless its last extraction failed, which is then tried again (extraction is idempotent).

    The job's task is sent after commit, so the worker always finds the document and its run.
    """
    stored = document_store(incoming=incoming)
    document = stored.document
    if stored.created:
        run = document_extract_dispatch(document_id=document.pk, requested_by=requested_by)
        return Submission(document=document, created=True, run=run, queued=True)
    latest = JobRun.objects.filter(document=document, kind=JobKind.EXTRACT_DOCUMENT).order_by("-id").first()
    if latest is not None and latest.status == JobStatus.FAILED:
        run = document_extract_dispatch(document_id=document.pk, requested_by=requested_by)
        return Submission(document=document, created=False, run=run, queued=True)
    return Submission(document=document, created=False, run=latest)
