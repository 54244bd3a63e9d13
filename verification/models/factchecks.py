"""Other fact-checkers' verdicts (ClaimReview) and the tickets whose claims they match."""

from django.db import models

from .search import stored_search_vector


class KnownFactCheck(models.Model):
    """A published fact-check: the claim reviewed, its rating, who checked it, when, and where."""

    claim_text = models.TextField()
    claimant = models.CharField(max_length=300, blank=True)
    rating = models.CharField(max_length=200)
    author = models.CharField(max_length=300, help_text="The fact-checking organisation.")
    reviewed_on = models.DateField(null=True, blank=True)
    url = models.URLField(max_length=2000, unique=True, help_text="The fact-check's own page.")
    search_vector = stored_search_vector("claim_text")
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reviewed_on", "-pk"]
        indexes = [models.Index(fields=["author"], name="knownfactcheck_author_idx")]

    def __str__(self):
        return f"{self.author}: {self.rating}"


class FactCheckMatch(models.Model):
    """A ticket whose claim matches a known fact-check, with the similarity lookup by text gave."""

    ticket = models.ForeignKey(
        "verification.Ticket", on_delete=models.CASCADE, related_name="factcheck_matches"
    )
    factcheck = models.ForeignKey(KnownFactCheck, on_delete=models.CASCADE, related_name="matches")
    similarity = models.FloatField()
    matched_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-similarity", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["ticket", "factcheck"], name="factcheckmatch_unique_pair")
        ]

    def __str__(self):
        return f"#{self.ticket_id} ~ {self.factcheck} ({self.similarity:.2f})"

    @property
    def verdict(self) -> str:
        """Return 'checked by AUTHOR on DATE: RATING', as the desk shows a known fact-check."""
        check = self.factcheck
        when = f" on {check.reviewed_on:%Y-%m-%d}" if check.reviewed_on else ""
        return f"checked by {check.author}{when}: {check.rating}"
