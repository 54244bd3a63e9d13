"""Archived copies: every fetched page's raw response, kept as a WARC record in the archive storage."""

from django.db import models


class ArchivedPage(models.Model):
    """One fetch of a page: where its WARC record is stored, the payload's hash and when it was fetched."""

    url = models.URLField(max_length=2000, help_text="The address asked for.")
    final_url = models.URLField(max_length=2000, help_text="The address that answered, after redirects.")
    status = models.PositiveSmallIntegerField()
    content_type = models.CharField(max_length=200, blank=True)
    sha256 = models.CharField(max_length=64, help_text="SHA-256 of the response body.")
    size = models.PositiveIntegerField()
    fetched_at = models.DateTimeField()
    warc_path = models.CharField(max_length=500, help_text="The WARC record's name in the archive storage.")
    # PROTECT: the copy is what the desk cites; a document goes only with its archive.
    document = models.ForeignKey(
        "verification.Document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="archived_pages",
    )
    source = models.ForeignKey(
        "verification.Source", null=True, blank=True, on_delete=models.SET_NULL, related_name="archived_pages"
    )

    class Meta:
        ordering = ["-fetched_at", "-pk"]
        indexes = [models.Index(fields=["url", "sha256"], name="archivedpage_url_sha_idx")]

    def __str__(self):
        return f"{self.final_url} at {self.fetched_at:%Y-%m-%d %H:%M}"
