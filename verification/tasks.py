"""Celery tasks: ids in, one service call; the services are idempotent, so redelivery is harmless."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from verification import services
from verification.models import Ticket

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
