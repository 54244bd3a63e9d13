"""The only place that writes: ingest, open tickets, corroborate, decide, change status."""

from .assignment import ticket_assign
from .bulk import BulkOutcome, tickets_assign, tickets_corroboration_request, tickets_transition
from .corroboration import (
    document_recheck_open_tickets,
    stale_tickets_enqueue,
    ticket_corroborate,
    tickets_recorroborate,
)
from .decisions import candidate_decide
from .dispatch import job_runs_reap_stuck, outbox_prune, outbox_relay
from .embeddings import passages_embed
from .factchecks import ImportOutcome, factchecks_import, factchecks_store, tickets_match_factchecks
from .ingest import IngestResult, document_extract, document_ingest, document_store
from .pages import PageOutcome, document_url_submit, page_ingest
from .reextract import document_reextract
from .runs import job_runs_prune
from .sources import (
    PollReport,
    source_create,
    source_delete,
    source_poll,
    source_poll_request,
    source_update,
)
from .stances import candidate_stance_correct
from .submissions import Submission, document_submit
from .tickets import claim_key, ticket_for_claim, tickets_open_for_document
from .transitions import ticket_transition
from .webhooks import (
    webhook_delivery_attempt,
    webhook_delivery_retry,
    webhook_endpoint_create,
    webhook_endpoint_delete,
    webhook_endpoint_update,
)

__all__ = [
    "BulkOutcome",
    "ImportOutcome",
    "IngestResult",
    "PageOutcome",
    "PollReport",
    "Submission",
    "candidate_decide",
    "candidate_stance_correct",
    "claim_key",
    "document_extract",
    "document_reextract",
    "document_ingest",
    "document_recheck_open_tickets",
    "document_store",
    "document_submit",
    "document_url_submit",
    "factchecks_import",
    "factchecks_store",
    "job_runs_prune",
    "page_ingest",
    "job_runs_reap_stuck",
    "outbox_prune",
    "outbox_relay",
    "passages_embed",
    "source_create",
    "source_delete",
    "source_poll",
    "source_poll_request",
    "source_update",
    "stale_tickets_enqueue",
    "ticket_assign",
    "ticket_corroborate",
    "ticket_for_claim",
    "ticket_transition",
    "tickets_assign",
    "tickets_corroboration_request",
    "tickets_match_factchecks",
    "tickets_open_for_document",
    "tickets_recorroborate",
    "tickets_transition",
    "webhook_delivery_attempt",
    "webhook_delivery_retry",
    "webhook_endpoint_create",
    "webhook_endpoint_delete",
    "webhook_endpoint_update",
]
