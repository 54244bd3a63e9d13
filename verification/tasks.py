"""Celery tasks: ids in, one service call, the run recorded; each named after the service it calls.

Every task is idempotent, so each acknowledges late and is handed back to the queue when its
worker dies mid-run (task_reject_on_worker_lost): a killed worker's work runs again at once.
"""

import functools

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from verification import services
from verification.choices import JobKind
from verification.logcontext import job_context
from verification.models import Document, Ticket, WebhookDelivery
from verification.services import dispatch
from verification.services.runs import job_run_forget, job_run_record

RETRY = {
    "bind": True,
    "acks_late": True,
    "reject_on_worker_lost": True,
    # Only a lost connection or a restarting database is worth retrying; other errors are bugs to see.
    "autoretry_for": (OperationalError, InterfaceError),
    "retry_backoff": True,
    # Kept well below the broker's visibility timeout, so a waiting retry is not delivered twice.
    "retry_backoff_max": 60,
    "retry_jitter": True,
    "max_retries": 5,
}


def recorded(kind: JobKind, *, subject: type[Ticket] | type[Document] | None = None, quiet: bool = False):
    """Record each execution of the task as a job run: its start, result dict, duration or error.

    subject is the model the task's one id argument points at; a run the caller queued comes as
    run_id, so retries and redeliveries count as that run's attempts. A quiet task (one beat runs
    every few seconds) forgets its run when it found nothing to do.
    """

    def decorate(body):
        @functools.wraps(body)
        def run(self, *ids, run_id=None, **options):
            links = {}
            if subject is not None:
                # A row deleted since the task was queued is recorded as such, not as a broken link.
                exists = subject.objects.filter(pk=ids[0]).exists()
                links[f"{subject._meta.model_name}_id"] = ids[0] if exists else None
            task_id = self.request.id or ""
            with (
                job_context(job_id=run_id, celery_task_id=task_id, **links),
                job_run_record(kind=kind, run_id=run_id, task_id=task_id, **links) as outcome,
                job_context(job_id=outcome.run.pk),
            ):
                outcome.result = body(self, *ids, **options)
            if quiet and not any(outcome.result.values()):
                job_run_forget(run=outcome.run)
            return outcome.result

        return run

    return decorate


@shared_task(name=dispatch.TICKET_CORROBORATE, **RETRY)
@recorded(JobKind.CORROBORATE_TICKET, subject=Ticket)
def ticket_corroborate(self, ticket_id: int) -> dict:
    """Attach candidate sources to one ticket."""
    try:
        return services.ticket_corroborate(ticket_id=ticket_id).as_result()
    except Ticket.DoesNotExist:
        return {"ticket_id": ticket_id, "skipped": "ticket no longer exists"}


@shared_task(name=dispatch.DOCUMENT_RECHECK, **RETRY)
@recorded(JobKind.RECHECK_DOCUMENT, subject=Document)
def document_recheck_open_tickets(self, document_id: int) -> dict:
    """Embed a new document's passages and queue corroboration for the open tickets it bears on."""
    return services.document_recheck_open_tickets(document_id=document_id)


@shared_task(name=dispatch.DOCUMENT_EXTRACT, **RETRY)
@recorded(JobKind.EXTRACT_DOCUMENT, subject=Document)
def document_extract(self, document_id: int) -> dict:
    """Extract a submitted document's claims, recorded as the job run its client polls."""
    opened = services.document_extract(document_id=document_id)
    return {"document_id": document_id, "tickets_opened": [ticket.pk for ticket in opened]}


@shared_task(name=dispatch.WEBHOOK_DELIVER, **RETRY)
@recorded(JobKind.DELIVER_WEBHOOK)
def webhook_delivery_attempt(self, delivery_id: int, attempt: int | None = None) -> dict:
    """Post one attempt of a signed webhook delivery; a failed one queues the next with backoff."""
    try:
        delivery = services.webhook_delivery_attempt(delivery_id=delivery_id, attempt=attempt)
    except WebhookDelivery.DoesNotExist:
        return {"delivery_id": delivery_id, "skipped": "delivery no longer exists"}
    if delivery is None:
        return {"delivery_id": delivery_id, "skipped": f"attempt {attempt} is made or being made elsewhere"}
    return {"delivery_id": delivery_id, "status": delivery.status, "attempts": delivery.attempts}


@shared_task(**RETRY)
@recorded(JobKind.STALE_SWEEP)
def stale_tickets_enqueue(self) -> dict:
    """Queue corroboration for open tickets whose evidence is stale (run by beat)."""
    return {"queued": len(services.stale_tickets_enqueue())}


@shared_task(**RETRY)
@recorded(JobKind.EMBED_PASSAGES)
def passages_embed(self) -> dict:
    """Embed passages stored before semantic search was switched on, a batch per run."""
    return {"embedded": services.passages_embed(limit=2000)}


@shared_task(**RETRY)
@recorded(JobKind.PRUNE_RUNS)
def job_runs_prune(self) -> dict:
    """Forget finished job runs and published outbox rows older than the retention period (beat)."""
    cutoff = timezone.now() - settings.VERIFICATION_JOB_RUN_RETENTION
    return {
        "deleted": services.job_runs_prune(older_than=cutoff),
        "outbox_deleted": services.outbox_prune(older_than=cutoff),
    }


@shared_task(**RETRY)
@recorded(JobKind.RELAY_OUTBOX, quiet=True)
def outbox_relay(self) -> dict:
    """Publish outbox rows left unsent or now due, such as webhook retries (run by beat)."""
    return {"published": services.outbox_relay()}


@shared_task(**RETRY)
@recorded(JobKind.REAP_STUCK, quiet=True)
def job_runs_reap_stuck(self) -> dict:
    """Send again, or fail with a reason, runs stuck running or queued past their limits (beat)."""
    now = timezone.now()
    return services.job_runs_reap_stuck(
        running_before=now - settings.VERIFICATION_STUCK_RUNNING_AFTER,
        queued_before=now - settings.VERIFICATION_STUCK_QUEUED_AFTER,
    )


@shared_task(name=dispatch.SOURCE_POLL, **RETRY)
@recorded(JobKind.POLL_SOURCE)
def source_poll(self, source_id: int) -> dict:
    """Poll one watched source (run by its own beat entry): what it fetched, skipped and why."""
    from verification.models import Source

    try:
        return services.source_poll(source_id=source_id).as_result()
    except Source.DoesNotExist:
        return {"source_id": source_id, "skipped": "source no longer exists"}


@shared_task(name=dispatch.PAGE_INGEST, **RETRY)
@recorded(JobKind.FETCH_DOCUMENT)
def page_ingest(self, url: str) -> dict:
    """Fetch a page a client asked for by URL and ingest it, recorded as the job run it polls."""
    return services.page_ingest(url=url).as_result()
