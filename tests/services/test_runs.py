"""Job runs record their start, outcome, duration and errors, even when the job's writes roll back."""

import pytest
from django.db import transaction

from verification.choices import JobKind, JobStatus
from verification.models import JobRun
from verification.services.runs import job_run_queue, job_run_record

pytestmark = pytest.mark.django_db


def test_a_successful_run_keeps_its_result_and_duration():
    with job_run_record(kind=JobKind.STALE_SWEEP, task_id="abc") as outcome:
        outcome.result = {"queued": 3}
    run = JobRun.objects.get()
    assert (run.status, run.result, run.task_id) == (JobStatus.SUCCEEDED, {"queued": 3}, "abc")
    assert run.attempts == 1
    assert run.started_at <= run.finished_at
    assert run.duration_ms is not None


def test_a_failed_run_keeps_the_error_although_the_job_rolled_back():
    # The block is the job that fails: its write and its error belong together inside pytest.raises.
    with pytest.raises(ZeroDivisionError), job_run_record(kind=JobKind.STALE_SWEEP), transaction.atomic():  # noqa: PT012
        JobRun.objects.create(kind=JobKind.RECHECK_DOCUMENT)  # rolled back with the job
        raise ZeroDivisionError("division by zero")
    run = JobRun.objects.get()
    assert run.status == JobStatus.FAILED
    assert run.error == "ZeroDivisionError: division by zero"


def test_a_queued_run_is_the_one_that_gets_recorded_and_retries_count_attempts():
    queued = job_run_queue(kind=JobKind.EXTRACT_DOCUMENT)
    assert queued.status == JobStatus.QUEUED
    for _ in range(2):
        with job_run_record(kind=JobKind.EXTRACT_DOCUMENT, run_id=queued.pk):
            pass
    run = JobRun.objects.get()
    assert (run.pk, run.status, run.attempts) == (queued.pk, JobStatus.SUCCEEDED, 2)


def test_pruning_forgets_old_finished_runs_and_keeps_recent_or_unfinished_ones():
    from datetime import timedelta

    from django.utils import timezone

    from verification.services import job_runs_prune

    now = timezone.now()
    old, recent, unfinished = (JobRun.objects.create(kind=JobKind.STALE_SWEEP) for _ in range(3))
    JobRun.objects.filter(pk=old.pk).update(status=JobStatus.FAILED, finished_at=now - timedelta(days=31))
    JobRun.objects.filter(pk=recent.pk).update(status=JobStatus.SUCCEEDED, finished_at=now - timedelta(1))
    assert job_runs_prune(older_than=now - timedelta(days=30), batch=1) == 1
    assert set(JobRun.objects.values_list("pk", flat=True)) == {recent.pk, unfinished.pk}


def test_the_beat_task_prunes_past_the_retention_setting_and_records_its_own_run(settings):
    from datetime import timedelta

    from django.utils import timezone

    from verification import tasks

    settings.VERIFICATION_JOB_RUN_RETENTION = timedelta(days=7)
    old = JobRun.objects.create(kind=JobKind.STALE_SWEEP)
    JobRun.objects.filter(pk=old.pk).update(
        status=JobStatus.SUCCEEDED, finished_at=timezone.now() - timedelta(days=8)
    )
    done = {"deleted": 1, "outbox_deleted": 0}
    assert tasks.job_runs_prune.apply().get() == done
    run = JobRun.objects.get()
    assert (run.kind, run.status, run.result) == (JobKind.PRUNE_RUNS, JobStatus.SUCCEEDED, done)
