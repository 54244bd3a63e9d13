"""The desk's models, one module per concept."""

from .documents import Document, Passage
from .evidence import CandidateSource
from .jobs import JobRun
from .tickets import Appearance, Ticket, TicketEvent
from .webhooks import WebhookDelivery, WebhookEndpoint

__all__ = [
    "Appearance",
    "CandidateSource",
    "Document",
    "JobRun",
    "Passage",
    "Ticket",
    "TicketEvent",
    "WebhookDelivery",
    "WebhookEndpoint",
]
