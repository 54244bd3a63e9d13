"""Celery tasks: ids in, one service call; the services are idempotent, so redelivery is harmless."""

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from verification import services
from verification.choices import JobKind
from verification.models import Ticket, WebhookDelivery
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


@shared_task(**RETRY)
def corroborate_ticket(self, ticket_id: int) -> dict:
    """Attach candidate sources to one ticket."""
    try:
        outcome = services.ticket_corroborate(ticket_id=ticket_id)
    except Ticket.DoesNotExist:
        return {"ticket_id": ticket_id, "skipped": "ticket no longer exists"}
    return {"ticket_id": outcome.ticket_id, "attached": outcome.attached, "refreshed": outcome.refreshed}


@shared_task(**RETRY)
def recheck_open_tickets(self, document_id: int) -> dict:
    """Queue corroboration for open tickets a newly ingested document may bear on."""
    return {
        "document_id": document_id,
        "queued": services.document_recheck_open_tickets(document_id=document_id),
    }


@shared_task(**RETRY)
def corroborate_stale_tickets(self) -> dict:
    """Queue corroboration for open tickets whose evidence is stale (run by beat)."""
    return {"queued": len(services.stale_tickets_enqueue())}


@shared_task(**RETRY)
def extract_document(self, run_id: int, document_id: int) -> dict:
    """Extract a submitted document's claims, recorded as the job run its client polls."""
    with job_run_record(
        kind=JobKind.EXTRACT_DOCUMENT, run_id=run_id, task_id=self.request.id or "", document_id=document_id
    ) as outcome:
        opened = services.document_extract(document_id=document_id)
        outcome.result = {"document_id": document_id, "tickets_opened": [ticket.pk for ticket in opened]}
    return outcome.result


@shared_task(
    bind=True,
    acks_late=True,
    # A receiver that is down or answers non-2xx is retried with exponential backoff and jitter.
    autoretry_for=(DeliveryFailed, OperationalError, InterfaceError),
    retry_backoff=settings.VERIFICATION_WEBHOOKS["RETRY_BACKOFF"],
    retry_backoff_max=settings.VERIFICATION_WEBHOOKS["RETRY_BACKOFF_MAX"],
    retry_jitter=True,
    max_retries=settings.VERIFICATION_WEBHOOKS["MAX_ATTEMPTS"] - 1,
)
def deliver_webhook(self, delivery_id: int) -> dict:
    """Post one signed webhook delivery; the service logs every attempt."""
    try:
        delivery = services.webhook_delivery_attempt(delivery_id=delivery_id)
    except WebhookDelivery.DoesNotExist:
        return {"delivery_id": delivery_id, "skipped": "delivery no longer exists"}
    return {"delivery_id": delivery_id, "status": delivery.status, "attempts": delivery.attempts}
