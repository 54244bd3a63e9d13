"""The only place that writes: ingest, open tickets, corroborate, decide, change status."""

from .corroboration import document_recheck_open_tickets, stale_tickets_enqueue, ticket_corroborate
from .decisions import candidate_decide
from .ingest import IngestResult, document_extract, document_ingest, document_store
from .submissions import Submission, document_submit
from .tickets import claim_key, ticket_for_claim, tickets_open_for_document
from .transitions import ticket_transition
from .webhooks import (
    webhook_delivery_attempt,
    webhook_delivery_retry,
    webhook_endpoint_create,
    webhook_endpoint_update,
)

__all__ = [
    "IngestResult",
    "Submission",
    "candidate_decide",
    "claim_key",
    "document_extract",
    "document_ingest",
    "document_recheck_open_tickets",
    "document_store",
    "document_submit",
    "stale_tickets_enqueue",
    "ticket_corroborate",
    "ticket_for_claim",
    "ticket_transition",
    "tickets_open_for_document",
    "webhook_delivery_attempt",
    "webhook_delivery_retry",
    "webhook_endpoint_create",
    "webhook_endpoint_update",
]
