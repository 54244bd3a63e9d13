"""The desk's models, one module per concept."""

from .archive import ArchivedPage
from .documents import Document, Passage
from .embeddings import PassageEmbedding
from .evidence import CandidateSource
from .factchecks import FactCheckMatch, KnownFactCheck
from .jobs import JobRun
from .origins import DocumentFingerprint, Origin
from .outbox import OutboxMessage
from .sources import Source
from .tickets import Appearance, Ticket, TicketEvent
from .webhooks import WebhookDelivery, WebhookEndpoint

__all__ = [
    "Appearance",
    "ArchivedPage",
    "CandidateSource",
    "Document",
    "DocumentFingerprint",
    "FactCheckMatch",
    "JobRun",
    "KnownFactCheck",
    "Origin",
    "OutboxMessage",
    "Passage",
    "PassageEmbedding",
    "Source",
    "Ticket",
    "TicketEvent",
    "WebhookDelivery",
    "WebhookEndpoint",
]
