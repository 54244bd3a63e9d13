"""Ingested documents and the passages they are split into for search."""

from django.contrib.postgres.indexes import GinIndex
from django.db import models

from verification.ingestion.readers import shorten

from .search import stored_search_vector


class Document(models.Model):
    """An article as ingested: the original, its metadata and the text claims are cut from."""

    title = models.CharField(max_length=500, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=2000, blank=True)
    published_on = models.DateField(null=True, blank=True)
    source_name = models.CharField(max_length=500, blank=True, help_text="File name or client label.")
    original = models.TextField(help_text="The content exactly as received.")
    text = models.TextField(help_text="The article text; claim and passage offsets point into it.")
    content_hash = models.CharField(
        max_length=64, unique=True, help_text="SHA-256 of the normalised content."
    )
    ingested_at = models.DateTimeField(auto_now_add=True)
    # PROTECT: an origin goes only when no copy of its story is left.
    origin = models.ForeignKey(
        "verification.Origin",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
        help_text="The story this document is a copy of (itself when it is the first).",
    )

    class Meta:
        ordering = ["-ingested_at"]
        # The queue's publisher filter lists the distinct publishers by walking this index.
        # A source's poll asks for each listed item whether its URL is known already.
        indexes = [
            models.Index(fields=["publisher"], name="document_publisher_idx"),
            models.Index(fields=["url"], name="document_url_idx"),
        ]

    def __str__(self):
        return self.title or self.source_name or f"Document {self.pk}"


class Passage(models.Model):
    """A sentence of a document, with its offsets and a stored full-text vector."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="passages")
    ordinal = models.PositiveIntegerField()
    paragraph = models.PositiveIntegerField(default=0)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()
    search_vector = stored_search_vector("text")
    origin = models.ForeignKey(
        "verification.Origin",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="passages",
        help_text="The story this passage comes from: its document's, or that of a quote it republishes.",
    )
    quote_key = models.CharField(
        max_length=64,
        blank=True,
        db_index=True,
        help_text="Fingerprint of a sentence long enough to be a quote.",
    )

    class Meta:
        ordering = ["document", "ordinal"]
        constraints = [
            models.UniqueConstraint(fields=["document", "ordinal"], name="passage_unique_ordinal"),
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="passage_span_not_empty"
            ),
        ]
        indexes = [GinIndex(fields=["search_vector"], name="passage_search_gin")]

    def __str__(self):
        return shorten(self.text, 80)
