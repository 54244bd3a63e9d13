"""Tasks run in-process (eager): each execution is a recorded job run with its result or error."""

import pytest

from tests.conftest import BALAKLIYA, BUCHA, ingest_file
from verification import tasks
from verification.choices import JobKind, JobStatus
from verification.models import CandidateSource, JobRun

pytestmark = pytest.mark.django_db


def test_corroborating_a_ticket_records_what_it_attached(seeds):
    # Any ticket the re-check of the second seed queued, whichever claim the extractor chose.
    queued = JobRun.objects.filter(kind=JobKind.CORROBORATE_TICKET, ticket__isnull=False).first()
    ticket = queued.ticket
    result = tasks.ticket_corroborate.apply(args=[ticket.pk], kwargs={"run_id": queued.pk}).get()
    run = JobRun.objects.get(pk=queued.pk)
    assert run.status == JobStatus.SUCCEEDED
    assert run.attempts == 1
    assert (
        run.result
        == result
        == {
            "ticket_id": ticket.pk,
            "attached": CandidateSource.objects.filter(ticket=ticket).count(),
            "refreshed": 0,
        }
    )
    assert run.duration_ms is not None


def test_a_new_document_queues_its_recheck_as_a_run():
    bucha = ingest_file(BUCHA).document
    assert JobRun.objects.filter(
        kind=JobKind.RECHECK_DOCUMENT, document=bucha, status=JobStatus.QUEUED
    ).exists()


def test_the_recheck_records_which_tickets_it_queued():
    ingest_file(BUCHA)
    # As if a worker had run them: a ticket still waiting for its run is not queued twice.
    JobRun.objects.filter(kind=JobKind.CORROBORATE_TICKET).update(status=JobStatus.SUCCEEDED)
    balakliya = ingest_file(BALAKLIYA).document
    result = tasks.document_recheck_open_tickets.apply(args=[balakliya.pk]).get()
    run = JobRun.objects.filter(kind=JobKind.RECHECK_DOCUMENT, task_id__gt="").get()
    assert run.document == balakliya
    assert run.status == JobStatus.SUCCEEDED
    assert result["queued"]
    assert result["embedded"] == 0
    assert JobRun.objects.filter(
        kind=JobKind.CORROBORATE_TICKET, ticket_id__in=result["queued"]
    ).count() >= len(result["queued"])


def test_a_ticket_deleted_before_its_run_is_recorded_as_skipped(db):
    result = tasks.ticket_corroborate.apply(args=[987654]).get()
    assert result == {"ticket_id": 987654, "skipped": "ticket no longer exists"}
    run = JobRun.objects.get()
    assert run.ticket_id is None
    assert run.status == JobStatus.SUCCEEDED


def test_a_failing_run_keeps_its_error(seeds, settings):
    # A misconfigured batch size makes the sweep's query fail for real.
    settings.VERIFICATION_STALE_BATCH = -1
    outcome = tasks.stale_tickets_enqueue.apply()
    assert outcome.failed()
    run = JobRun.objects.get(kind=JobKind.STALE_SWEEP)
    assert run.status == JobStatus.FAILED
    assert "Negative indexing" in run.error


def test_every_task_acknowledges_late_and_comes_back_when_its_worker_dies():
    from config.celery_app import app

    app.loader.import_default_modules()
    ours = [task for name, task in app.tasks.items() if name.startswith("verification.tasks.")]
    assert len(ours) == 11
    for task in ours:
        assert task.acks_late, task.name
        assert task.reject_on_worker_lost, task.name
        assert task.retry_backoff, task.name
        assert task.max_retries == 5, task.name
        # A retry waiting longer than the visibility timeout would be handed out twice.
        assert task.retry_backoff_max < app.conf.broker_transport_options["visibility_timeout"]
