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
    with pytest.raises(ZeroDivisionError):
        with job_run_record(kind=JobKind.STALE_SWEEP):
            with transaction.atomic():
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
