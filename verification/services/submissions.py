"""A document submitted by an API client: stored at once, its claims extracted by a queued job."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from verification.choices import JobKind
from verification.ingestion import IncomingDocument
from verification.models import Document, JobRun

from .ingest import document_store
from .runs import job_run_queue


@dataclass(frozen=True)
class Submission:
    """What submitting a document did: the stored document, whether it is new, and its extraction job."""

    document: Document
    created: bool
    run: JobRun | None


@transaction.atomic
def document_submit(*, incoming: IncomingDocument, requested_by=None) -> Submission:
    """Store the document and queue the job that extracts its claims; a known content queues nothing.

    The job's task is sent after commit, so the worker always finds the document and its run.
    """
    stored = document_store(incoming=incoming)
    if not stored.created:
        runs = JobRun.objects.filter(document=stored.document, kind=JobKind.EXTRACT_DOCUMENT)
        latest = runs.order_by("-id").first()
        return Submission(document=stored.document, created=False, run=latest)
    run = job_run_queue(
        kind=JobKind.EXTRACT_DOCUMENT, document_id=stored.document.pk, requested_by=requested_by
    )
    from verification import tasks  # tasks import services; importing here breaks the cycle

    tasks.extract_document.delay_on_commit(run.pk, stored.document.pk)
    return Submission(document=stored.document, created=True, run=run)
