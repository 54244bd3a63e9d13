"""API views, one module per resource."""

from .documents import DocumentSubmitView, JobRunViewSet
from .tickets import CandidateViewSet, TicketViewSet
from .webhooks import WebhookEndpointViewSet

__all__ = [
    "CandidateViewSet",
    "DocumentSubmitView",
    "JobRunViewSet",
    "TicketViewSet",
    "WebhookEndpointViewSet",
]
