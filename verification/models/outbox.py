"""The outbox: work a write needs done later, recorded in the write's own transaction."""

from django.db import models

from .jobs import JobRun


class OutboxMessage(models.Model):
    """One task to publish to the queue; the relay marks it published once the broker took it."""

    task = models.CharField(max_length=200, help_text="The registered Celery task name.")
    args = models.JSONField(default=list, blank=True)
    kwargs = models.JSONField(default=dict, blank=True)
    queue = models.CharField(max_length=100)
    # SET_NULL: pruning a finished run must not take the record of what was sent with it.
    run = models.ForeignKey(JobRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # Not published before this moment: a webhook's next attempt waits out its backoff here, in
    # the database, rather than as a countdown message the broker would redeliver early.
    not_before = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    publish_attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [
            # The relay reads only what is left to publish; published rows are most of the table.
            models.Index(
                fields=["id"], name="outbox_unpublished_idx", condition=models.Q(published_at__isnull=True)
            ),
        ]

    def __str__(self):
        return f"{self.task}{tuple(self.args)} ({'published' if self.published_at else 'waiting'})"
