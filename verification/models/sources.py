"""Sources the desk watches: feeds, sitemaps and single pages, each polled on its own schedule."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models

from verification.choices import SourceKind


class Source(models.Model):
    """A feed, sitemap or page with its publisher, poll interval and what its last polls found."""

    name = models.CharField(max_length=200, help_text="The publisher its articles are stored under.")
    kind = models.CharField(max_length=20, choices=SourceKind.choices, default=SourceKind.FEED)
    url = models.URLField(max_length=2000, unique=True)
    poll_seconds = models.PositiveIntegerField(
        default=3600,
        validators=[MinValueValidator(5)],
        help_text="How often beat polls it, in seconds.",
    )
    enabled = models.BooleanField(default=True)
    # What the server said last time, sent back so that an unchanged feed answers 304.
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_succeeded_at = models.DateTimeField(null=True, blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    # SET_NULL: the service recreates a schedule that an operator deleted by hand.
    periodic_task = models.OneToOneField(
        "django_celery_beat.PeriodicTask", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()})"

    @property
    def failing(self) -> bool:
        """Return whether its recent polls failed often enough for an operator to look."""
        return self.consecutive_failures >= settings.VERIFICATION_SOURCE_FAILING_AFTER
