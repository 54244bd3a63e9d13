"""Celery tasks: ids in, one service call, the run recorded; the services are idempotent."""

import functools

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from verification import services
from verification.choices import JobKind
from verification.models import Document, Ticket, WebhookDelivery
from verification.services.runs import job_run_record
from verification.services.webhooks import DeliveryFailed

RETRY = {
    "bind": True,
    "acks_late": True,
    # Only a lost connection or a restarting database is worth retrying; other errors are bugs to see.
    "autoretry_for": (OperationalError, InterfaceError),
    "retry_backoff": True,
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": 5,
}


def recorded(kind: JobKind, *, subject: type[Ticket] | type[Document] | None = None):
    """Record each execution of the task as a job run: its start, result dict, duration or error.

    subject is the model the task's one id argument points at; a run the caller queued comes as
    run_id, so retries and redeliveries count as that run's attempts.
    """

    def decorate(body):
        @functools.wraps(body)
        def run(self, *ids, run_id=None):
            links = {}
            if subject is not None:
                # A row deleted since the task was queued is recorded as such, not as a broken link.
                exists = subject.objects.filter(pk=ids[0]).exists()
                links[f"{subject._meta.model_name}_id"] = ids[0] if exists else None
            with job_run_record(kind=kind, run_id=run_id, task_id=self.request.id or "", **links) as outcome:
                outcome.result = body(self, *ids)
            return outcome.result

        return run

    return decorate


@shared_task(**RETRY)
@recorded(JobKind.CORROBORATE_TICKET, subject=Ticket)
def corroborate_ticket(self, ticket_id: int) -> dict:
    """Attach candidate sources to one ticket."""
    try:
        return services.ticket_corroborate(ticket_id=ticket_id).as_result()
    except Ticket.DoesNotExist:
        return {"ticket_id": ticket_id, "skipped": "ticket no longer exists"}


@shared_task(**RETRY)
@recorded(JobKind.RECHECK_DOCUMENT, subject=Document)
def recheck_open_tickets(self, document_id: int) -> dict:
    """Embed a new document's passages and queue corroboration for the open tickets it bears on."""
    return services.document_recheck_open_tickets(document_id=document_id)


@shared_task(**RETRY)
@recorded(JobKind.STALE_SWEEP)
def corroborate_stale_tickets(self) -> dict:
    """Queue corroboration for open tickets whose evidence is stale (run by beat)."""
    return {"queued": len(services.stale_tickets_enqueue())}


@shared_task(**RETRY)
@recorded(JobKind.EMBED_PASSAGES)
def embed_passages(self) -> dict:
    """Embed passages stored before semantic search was switched on, a batch per run."""
    return {"embedded": services.passages_embed(limit=2000)}


@shared_task(**RETRY)
@recorded(JobKind.PRUNE_RUNS)
def prune_job_runs(self) -> dict:
    """Forget finished job runs older than the retention period (run by beat)."""
    cutoff = timezone.now() - settings.VERIFICATION_JOB_RUN_RETENTION
    return {"deleted": services.job_runs_prune(older_than=cutoff)}


@shared_task(**RETRY)
@recorded(JobKind.EXTRACT_DOCUMENT, subject=Document)
def extract_document(self, document_id: int) -> dict:
    """Extract a submitted document's claims, recorded as the job run its client polls."""
    opened = services.document_extract(document_id=document_id)
    return {"document_id": document_id, "tickets_opened": [ticket.pk for ticket in opened]}


@shared_task(
    bind=True,
    acks_late=True,
    # A receiver that is down or answers non-2xx is retried with exponential backoff and jitter.
    autoretry_for=(DeliveryFailed, OperationalError, InterfaceError),
    retry_backoff=settings.VERIFICATION_WEBHOOK_RETRY_BACKOFF,
    retry_backoff_max=settings.VERIFICATION_WEBHOOK_RETRY_BACKOFF_MAX,
    retry_jitter=True,
    max_retries=settings.VERIFICATION_WEBHOOK_MAX_ATTEMPTS - 1,
)
def deliver_webhook(self, delivery_id: int) -> dict:
    """Post one signed webhook delivery; the service logs every attempt."""
    try:
        delivery = services.webhook_delivery_attempt(delivery_id=delivery_id)
    except WebhookDelivery.DoesNotExist:
        return {"delivery_id": delivery_id, "skipped": "delivery no longer exists"}
    return {"delivery_id": delivery_id, "status": delivery.status, "attempts": delivery.attempts}


@shared_task(**RETRY)
@recorded(JobKind.POLL_SOURCE)
def poll_source(self, source_id: int) -> dict:
    """Poll one watched source (run by its own beat entry): what it fetched, skipped and why."""
    from verification.models import Source

    try:
        return services.source_poll(source_id=source_id).as_result()
    except Source.DoesNotExist:
        return {"source_id": source_id, "skipped": "source no longer exists"}


@shared_task(**RETRY)
@recorded(JobKind.FETCH_DOCUMENT)
def fetch_document(self, url: str) -> dict:
    """Fetch a page a client asked for by URL and ingest it, recorded as the job run it polls."""
    return services.page_ingest(url=url).as_result()
