"""The states and labels the desk uses, in one place."""

from django.db import models


class TicketStatus(models.TextChoices):
    UNVERIFIED = "unverified", "Unverified"
    CORROBORATED = "corroborated", "Corroborated"
    DISPUTED = "disputed", "Disputed"


class Stance(models.TextChoices):
    SUPPORTS = "supports", "Supports"
    CONTRADICTS = "contradicts", "Contradicts"
    RELATED = "related", "Related"


class Decision(models.TextChoices):
    PENDING = "pending", "Pending"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


# Decisions under which a candidate still counts as evidence; rejected ones do not.
STANDING_DECISIONS = (Decision.PENDING, Decision.ACCEPTED)


class EventKind(models.TextChoices):
    STATUS_CHANGE = "status_change", "Status change"
    DECISION = "decision", "Evidence decision"
