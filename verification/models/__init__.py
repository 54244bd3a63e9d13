"""The desk's models, one module per concept."""

from .documents import Document, Passage
from .embeddings import PassageEmbedding
from .evidence import CandidateSource
from .jobs import JobRun
from .origins import DocumentFingerprint, Origin
from .outbox import OutboxMessage
from .tickets import Appearance, Ticket, TicketEvent
from .webhooks import WebhookDelivery, WebhookEndpoint

__all__ = [
    "Appearance",
    "CandidateSource",
    "Document",
    "DocumentFingerprint",
    "JobRun",
    "Origin",
    "OutboxMessage",
    "Passage",
    "PassageEmbedding",
    "Ticket",
    "TicketEvent",
    "WebhookDelivery",
    "WebhookEndpoint",
]
