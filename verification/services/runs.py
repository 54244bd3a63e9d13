"""Record background job runs: queued, running, then succeeded with what they did or failed with why."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.utils import timezone

from verification.choices import JobKind, JobStatus
from verification.models import JobRun


@dataclass
class RunOutcome:
    """What the job inside a recorded run reports about its work."""

    run: JobRun
    result: dict = field(default_factory=dict)


def job_run_queue(
    *, kind: JobKind, ticket_id: int | None = None, document_id: int | None = None, requested_by=None
) -> JobRun:
    """Record a job as queued, so that a client can poll it before a worker picks it up."""
    return JobRun.objects.create(
        kind=kind, ticket_id=ticket_id, document_id=document_id, requested_by=requested_by
    )


@contextmanager
def job_run_record(
    *,
    kind: JobKind,
    run_id: int | None = None,
    task_id: str = "",
    ticket_id: int | None = None,
    document_id: int | None = None,
) -> Iterator[RunOutcome]:
    """Record one execution of a job around the block: its start, its result, or the error that ended it.

    The run's rows are written outside any transaction of the job, so a failure is recorded even
    when the job's own writes roll back.
    """
    run = JobRun.objects.filter(pk=run_id).first() if run_id else None
    if run is None:
        run = JobRun(kind=kind, ticket_id=ticket_id, document_id=document_id)
    run.status = JobStatus.RUNNING
    run.task_id = task_id or run.task_id
    run.attempts += 1
    run.started_at = timezone.now()
    run.save()
    outcome = RunOutcome(run=run)
    began = time.perf_counter()
    try:
        yield outcome
    except BaseException as exc:
        _finish(run, began, status=JobStatus.FAILED, error=f"{type(exc).__name__}: {exc}")
        raise
    else:
        _finish(run, began, status=JobStatus.SUCCEEDED, result=outcome.result)


def job_run_forget(*, run: JobRun) -> None:
    """Delete a run that did nothing worth keeping (a frequent beat task that found no work)."""
    JobRun.objects.filter(pk=run.pk).delete()


def job_runs_prune(*, older_than, batch: int = 10_000) -> int:
    """Delete runs that finished before older_than, a batch at a time; return how many went."""
    finished = JobRun.objects.filter(
        status__in=[JobStatus.SUCCEEDED, JobStatus.FAILED], finished_at__lt=older_than
    )
    deleted = 0
    # Batches keep each delete's locks and write-ahead log small on a table that grows every minute.
    while ids := list(finished.order_by("pk").values_list("pk", flat=True)[:batch]):
        deleted += JobRun.objects.filter(pk__in=ids).delete()[0]
    return deleted


def _finish(run: JobRun, began: float, *, status: JobStatus, result: dict | None = None, error: str = ""):
    """Store how the run ended and how long it took."""
    run.status = status
    run.finished_at = timezone.now()
    run.duration_ms = round((time.perf_counter() - began) * 1000)
    run.result = result or {}
    run.error = error
    run.save(update_fields=["status", "finished_at", "duration_ms", "result", "error"])
