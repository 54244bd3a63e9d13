"""Explicit serializers: what the API shows and what it accepts, one module per resource."""

from .documents import DocumentInSerializer, DocumentMetaSerializer, JobRunSerializer, SubmissionSerializer
from .tickets import (
    CandidateSerializer,
    DecisionSerializer,
    LookupQuerySerializer,
    StanceCorrectionSerializer,
    TicketDetailSerializer,
    TicketMatchSerializer,
    TicketSerializer,
    TicketStatusSerializer,
    TransitionSerializer,
)
from .webhooks import WebhookDeliverySerializer, WebhookEndpointCreatedSerializer, WebhookEndpointSerializer

__all__ = [
    "CandidateSerializer",
    "DecisionSerializer",
    "DocumentInSerializer",
    "DocumentMetaSerializer",
    "JobRunSerializer",
    "LookupQuerySerializer",
    "StanceCorrectionSerializer",
    "SubmissionSerializer",
    "TicketDetailSerializer",
    "TicketStatusSerializer",
    "TicketMatchSerializer",
    "TicketSerializer",
    "TransitionSerializer",
    "WebhookDeliverySerializer",
    "WebhookEndpointCreatedSerializer",
    "WebhookEndpointSerializer",
]
