"""Background job runs, read-only: what ran, how long it took, what it did or why it failed."""

from django.contrib import admin

from verification.choices import JobStatus
from verification.models import JobRun

from .queue import CappedPaginator
from .rendering import badge

RUN_COLOURS = {
    JobStatus.QUEUED: "#6b7280",
    JobStatus.RUNNING: "#1d4ed8",
    JobStatus.SUCCEEDED: "#15803d",
    JobStatus.FAILED: "#b91c1c",
}


@admin.register(JobRun)
class JobRunAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "kind",
        "status_badge",
        "ticket_id",
        "document_id",
        "attempts",
        "queued_at",
        "duration",
        "counts",
        "short_error",
    ]
    list_filter = ["kind", "status", "queued_at"]
    search_fields = ["task_id", "error"]
    show_full_result_count = False
    paginator = CappedPaginator
    readonly_fields = [f.name for f in JobRun._meta.fields]

    class Media:
        css = {"all": ["verification/admin.css"]}

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Runs are records of what happened; only the jobs themselves write them.
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="Status", ordering="status")
    def status_badge(self, run):
        return badge(RUN_COLOURS.get(run.status, "#6b7280"), run.get_status_display())

    @admin.display(description="Duration", ordering="duration_ms")
    def duration(self, run):
        return "" if run.duration_ms is None else f"{run.duration_ms:,} ms"

    @admin.display(description="Counts")
    def counts(self, run):
        # A run's result holds counts and ids; show the counts, lists by their length.
        return ", ".join(
            f"{key} {len(value) if isinstance(value, list) else value}"
            for key, value in sorted(run.result.items())
            if isinstance(value, int | list) and not key.endswith("_id")
        )

    @admin.display(description="Error")
    def short_error(self, run):
        return run.error if len(run.error) <= 120 else run.error[:119] + "…"
