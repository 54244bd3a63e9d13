"""Candidate sources: passages the machine found for a ticket, and the reviewer's decision on each."""

from django.conf import settings
from django.db import models

from verification.choices import Decision, Stance

from .documents import Passage
from .tickets import Ticket


class CandidateSource(models.Model):
    """A passage that may corroborate or contradict a ticket's claim."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="candidates")
    # PROTECT: a reviewer's decision must not vanish because its source was deleted.
    passage = models.ForeignKey(Passage, on_delete=models.PROTECT, related_name="candidacies")
    score = models.FloatField(help_text="Relevance of the passage to the claim, in [0, 1].")
    matched_terms = models.JSONField(
        default=list, blank=True, help_text="Word stems claim and passage share."
    )
    # The stance that counts (guards, origin counts): the machine's, or the reviewer's correction.
    stance = models.CharField(max_length=20, choices=Stance.choices, default=Stance.UNRELATED)
    stance_cues = models.JSONField(default=list, blank=True, help_text="What decided the stance.")
    machine_stance = models.CharField(
        max_length=20,
        choices=Stance.choices,
        blank=True,
        help_text="The stance the machine found, kept when a reviewer corrects it.",
    )
    stance_confidence = models.FloatField(
        null=True, blank=True, help_text="The stance model's probability for the machine's stance."
    )
    stance_sentence = models.TextField(
        blank=True, help_text="The sentence of the passage that carries the stance."
    )
    agreeing_facts = models.JSONField(
        default=list, blank=True, help_text="Places, dates, names and quantities claim and passage share."
    )
    clashing_facts = models.JSONField(
        default=list, blank=True, help_text="Places, dates, names and quantities on which they differ."
    )
    stance_corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    stance_corrected_at = models.DateTimeField(null=True, blank=True)
    decision = models.CharField(max_length=20, choices=Decision.choices, default=Decision.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    found_at = models.DateTimeField(auto_now_add=True)
    refreshed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-score"]
        constraints = [
            # Attaching is idempotent: a passage is a candidate for a ticket at most once.
            models.UniqueConstraint(fields=["ticket", "passage"], name="candidate_unique_passage"),
        ]
        indexes = [models.Index(fields=["ticket", "stance", "decision"], name="candidate_ledger_idx")]

    def __str__(self):
        return f"{self.get_stance_display()} ({self.score:.2f}) for ticket {self.ticket_id}"

    @property
    def stance_corrected(self) -> bool:
        """Return whether a reviewer set this candidate's stance (re-corroboration then keeps it)."""
        return self.stance_corrected_by_id is not None or self.stance_corrected_at is not None
