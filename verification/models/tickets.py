"""Verification tickets, where their claims appear, and their audit trail."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import models

from verification.choices import Decision, EventKind, Stance, TicketStatus
from verification.ingestion.readers import shorten

from .documents import Document
from .search import stored_search_vector

# Most urgent first: check-worthiness, then how often the claim was seen, then how recently; id breaks ties.
URGENCY = ["-checkworthiness", "-appearance_total", "-last_seen_at", "-id"]


class Ticket(models.Model):
    """One distinct check-worthy claim and the desk's verdict on it."""

    claim_text = models.TextField()
    claim_key = models.CharField(
        max_length=64, unique=True, help_text="Fingerprint of the normalised claim; the same claim maps here."
    )
    claimant = models.CharField(max_length=300, blank=True, help_text="Who makes the claim, as first seen.")
    hedges = models.JSONField(default=list, blank=True, help_text="Hedging words around the claim.")
    checkworthiness = models.FloatField(help_text="Check-worthiness in [0, 1].")
    score_reasons = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=20, choices=TicketStatus.choices, default=TicketStatus.UNVERIFIED)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    last_corroborated_at = models.DateTimeField(null=True, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_tickets",
        help_text="The reviewer working on this ticket.",
    )
    # Kept by a database trigger on Appearance (migration 0008), so the queue can sort on them by index.
    appearance_total = models.PositiveIntegerField(
        default=0, editable=False, help_text="How many times the claim was seen."
    )
    last_seen_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the claim was last seen in a document."
    )
    version = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Bumped by every reviewer change; an edit made on an older version is refused.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_vector = stored_search_vector("claim_text")

    class Meta:
        ordering = ["-checkworthiness", "-created_at"]
        permissions = [("assign_ticket", "Can assign tickets to reviewers")]
        indexes = [
            GinIndex(fields=["search_vector"], name="ticket_search_gin"),
            # The queue's order, most urgent first, within one status and across all of them.
            models.Index(fields=["status", *URGENCY], name="ticket_queue_idx"),
            models.Index(fields=URGENCY, name="ticket_urgency_idx"),
            models.Index(fields=["assignee", "status", *URGENCY], name="ticket_assignee_queue_idx"),
            models.Index(fields=["status", "last_corroborated_at"], name="ticket_staleness_idx"),
            # The API's "updated since" filter, for clients that sync changes.
            models.Index(fields=["updated_at", "id"], name="ticket_updated_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(checkworthiness__gte=0, checkworthiness__lte=1),
                name="ticket_score_in_unit_range",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=TicketStatus.values), name="ticket_status_valid"
            ),
        ]

    def __str__(self):
        return f"#{self.pk} {shorten(self.claim_text, 80)}"


class Appearance(models.Model):
    """Where a ticket's claim was seen: a document and the exact span in its text."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="appearances")
    # PROTECT: a ticket never loses the text its claim was cut from.
    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="appearances")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    claimant = models.CharField(max_length=300, blank=True)
    hedges = models.JSONField(default=list, blank=True)
    seen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["seen_at"]
        constraints = [
            models.UniqueConstraint(fields=["document", "start"], name="appearance_unique_span"),
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="appearance_span_not_empty"
            ),
        ]

    def __str__(self):
        return f"{self.ticket_id} in {self.document_id} [{self.start}:{self.end}]"

    @property
    def text(self) -> str:
        """Return the claim as written in this document."""
        return self.document.text[self.start : self.end]


class TicketEvent(models.Model):
    """An entry of a ticket's history: a status change or an evidence decision, with who and why."""

    # PROTECT: the history is the audit trail; a ticket that has one cannot be deleted.
    ticket = models.ForeignKey(Ticket, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    from_status = models.CharField(max_length=20, choices=TicketStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=TicketStatus.choices, blank=True)
    candidate = models.ForeignKey(
        "verification.CandidateSource",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    decision = models.CharField(max_length=20, choices=Decision.choices, blank=True)
    from_stance = models.CharField(max_length=20, choices=Stance.choices, blank=True)
    to_stance = models.CharField(max_length=20, choices=Stance.choices, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Who the ticket was assigned to (assignment events; empty: unassigned).",
    )
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    rationale = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["ticket", "-created_at"], name="ticket_event_timeline_idx")]

    def __str__(self):
        if self.kind == EventKind.STATUS_CHANGE:
            return f"{self.from_status} → {self.to_status}"
        if self.kind == EventKind.ASSIGNMENT:
            return f"assigned to {self.assignee_id or 'nobody'}"
        if self.kind == EventKind.STANCE_CORRECTION:
            return f"stance of candidate {self.candidate_id}: {self.from_stance} → {self.to_stance}"
        return f"{self.decision} candidate {self.candidate_id}"
