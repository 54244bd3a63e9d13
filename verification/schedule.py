"""The desk's default beat schedule: defined once, written to the database by the migrations.

The schedule lives in the database (django-celery-beat's DatabaseScheduler) so that operators
edit it in the admin; CELERY_BEAT_SCHEDULE is not used because that scheduler re-applies the
setting every time beat starts, which would undo an operator's edits. Each migration that
brought an entry asks for it by name through `schedule_ensure`, so a fresh database gets every
entry and a database that already has one keeps the operator's version of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ScheduleEntry:
    """One periodic task: its unique name, the Celery task it runs, and how often."""

    name: str
    task: str
    every: int
    period: str
    description: str


DEFAULT_SCHEDULE = [
    # Evidence goes stale as documents arrive; re-run corroboration for tickets not checked lately.
    ScheduleEntry(
        name="corroborate-stale-tickets",
        task="verification.tasks.stale_tickets_enqueue",
        every=15,
        period="minutes",
        description="Re-run corroboration for open tickets whose evidence is stale.",
    ),
    # Passages stored while semantic search was off (or before the extra was installed) get embedded.
    ScheduleEntry(
        name="embed-missing-passages",
        task="verification.tasks.passages_embed",
        every=10,
        period="minutes",
        description="Embed passages stored before semantic search was on (a no-op without it).",
    ),
    # Every queued job leaves a run; without pruning the table grows by thousands a day.
    ScheduleEntry(
        name="prune-job-runs",
        task="verification.tasks.job_runs_prune",
        every=1,
        period="days",
        description="Forget finished job runs older than VERIFICATION_JOB_RUN_RETENTION_DAYS.",
    ),
    # Work recorded while the broker was down (and webhook retries once due) is sent from the outbox.
    ScheduleEntry(
        name="relay-outbox",
        task="verification.tasks.outbox_relay",
        every=10,
        period="seconds",
        description="Publish work recorded while the broker was down, and webhook retries now due.",
    ),
    # A run whose worker died, or whose message was lost, must not stay running or queued for ever.
    ScheduleEntry(
        name="reap-stuck-runs",
        task="verification.tasks.job_runs_reap_stuck",
        every=60,
        period="seconds",
        description="Re-queue, or fail with the reason, job runs stuck running or queued past their limits.",
    ),
]


def _entries(names: list[str]) -> list[ScheduleEntry]:
    return [entry for entry in DEFAULT_SCHEDULE if entry.name in names]


def schedule_ensure(apps: Any, *, names: list[str]) -> None:
    """Create the named default entries that are missing, leaving existing ones as operators left them.

    Takes the app registry so that a migration can pass its historical models.
    """
    interval_model = apps.get_model("django_celery_beat", "IntervalSchedule")
    task_model = apps.get_model("django_celery_beat", "PeriodicTask")
    for entry in _entries(names):
        interval, _ = interval_model.objects.get_or_create(every=entry.every, period=entry.period)
        task_model.objects.get_or_create(
            name=entry.name,
            defaults={"task": entry.task, "interval": interval, "description": entry.description},
        )


def schedule_remove(apps: Any, *, names: list[str]) -> None:
    """Delete the named default entries (a migration's way back)."""
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name__in=names).delete()
