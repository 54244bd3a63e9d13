"""Background job runs: what each run was asked to do, when it ran, how long it took, what failed."""

from django.conf import settings
from django.db import models

from verification.choices import JobKind, JobStatus

from .documents import Document
from .tickets import Ticket


class JobRun(models.Model):
    """One background job, from queued to finished, with its outcome or its error."""

    kind = models.CharField(max_length=30, choices=JobKind.choices)
    status = models.CharField(max_length=20, choices=JobStatus.choices, default=JobStatus.QUEUED)
    task_id = models.CharField(max_length=255, blank=True, help_text="The Celery task id, once known.")
    # SET_NULL: a run's record outlives what it worked on.
    ticket = models.ForeignKey(Ticket, null=True, blank=True, on_delete=models.SET_NULL, related_name="runs")
    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="runs"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    attempts = models.PositiveIntegerField(default=0)
    queued_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    result = models.JSONField(default=dict, blank=True, help_text="What the run did, in counts and ids.")
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-queued_at", "-id"]
        indexes = [
            models.Index(fields=["kind", "-queued_at"], name="jobrun_kind_idx"),
            models.Index(fields=["status", "-queued_at"], name="jobrun_status_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk} ({self.status})"
