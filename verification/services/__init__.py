"""The only place that writes: ingest, open tickets, corroborate, decide, change status."""

from .corroboration import document_recheck_open_tickets, stale_tickets_enqueue, ticket_corroborate
from .decisions import candidate_decide
from .embeddings import passages_embed
from .ingest import IngestResult, document_extract, document_ingest, document_store
from .tickets import claim_key, tickets_open_for_document
from .transitions import ticket_transition

__all__ = [
    "IngestResult",
    "candidate_decide",
    "claim_key",
    "document_extract",
    "document_ingest",
    "document_recheck_open_tickets",
    "document_store",
    "passages_embed",
    "stale_tickets_enqueue",
    "ticket_corroborate",
    "ticket_transition",
    "tickets_open_for_document",
]
