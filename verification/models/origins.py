"""Independent origins: the copies of one story count once as evidence."""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models


class Origin(models.Model):
    """One story as first seen; its syndicated copies, near-duplicates and republished quotes share it."""

    first_document = models.ForeignKey(
        "verification.Document",
        null=True,
        blank=True,
        # SET_NULL: the origin, and the count of independent evidence, outlive its first copy.
        on_delete=models.SET_NULL,
        related_name="+",
    )
    label = models.CharField(max_length=300, help_text="Publisher and title of the first copy seen.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.label or f"Origin {self.pk}"


class DocumentFingerprint(models.Model):
    """A document's MinHash signature and LSH band hashes: the shared near-duplicate index."""

    document = models.OneToOneField(
        "verification.Document", on_delete=models.CASCADE, primary_key=True, related_name="fingerprint"
    )
    signature = ArrayField(models.BigIntegerField(), help_text="MinHash minimums, one per permutation.")
    bands = ArrayField(models.BigIntegerField(), help_text="One hash per LSH band, distinct per band.")

    class Meta:
        # The GIN index answers "which documents share a band with these" (bands && ARRAY[...]).
        indexes = [GinIndex(fields=["bands"], name="fingerprint_bands_gin")]

    def __str__(self):
        return f"Fingerprint of document {self.document_id}"
