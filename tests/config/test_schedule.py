"""The default beat schedule is in the database and wired to registered tasks."""

import pytest
from django.conf import settings
from django_celery_beat.models import PeriodicTask

from config.celery_app import app
from verification.schedule import DEFAULT_SCHEDULE


@pytest.mark.django_db
def test_a_fresh_database_has_every_default_entry_as_defined():
    stored = {task.name: task for task in PeriodicTask.objects.select_related("interval")}
    for entry in DEFAULT_SCHEDULE:
        assert entry.name in stored, f"{entry.name} is not created by the migrations"
        task = stored[entry.name]
        assert (task.task, task.interval.every, task.interval.period, task.enabled) == (
            entry.task,
            entry.every,
            entry.period,
            True,
        )


@pytest.mark.django_db
def test_migrating_again_keeps_an_operators_edit():
    from django.apps import apps

    from verification.schedule import schedule_ensure

    PeriodicTask.objects.filter(name="prune-job-runs").update(enabled=False, description="paused by ops")
    schedule_ensure(apps, names=[entry.name for entry in DEFAULT_SCHEDULE])
    kept = PeriodicTask.objects.get(name="prune-job-runs")
    assert (kept.enabled, kept.description) == (False, "paused by ops")


@pytest.mark.django_db
def test_every_scheduled_entry_names_a_registered_task():
    app.loader.import_default_modules()
    scheduled = list(PeriodicTask.objects.filter(enabled=True))
    assert {
        "corroborate-stale-tickets",
        "embed-missing-passages",
        "prune-job-runs",
        "relay-outbox",
        "reap-stuck-runs",
    } <= {
        task.name for task in scheduled
    }
    for task in scheduled:
        assert task.task in app.tasks, task.name


def test_task_time_limits_stay_below_the_visibility_timeout():
    # A task still running when the visibility timeout passes is delivered again, to a second worker.
    assert settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] > settings.CELERY_TASK_TIME_LIMIT


def test_people_waiting_never_queue_behind_bulk_corroboration():
    queues = {name: route["queue"] for name, route in settings.CELERY_TASK_ROUTES.items()}
    bulk = settings.CELERY_TASK_DEFAULT_QUEUE
    for task in (
        "verification.tasks.document_extract",
        "verification.tasks.webhook_delivery_attempt",
        "verification.tasks.outbox_relay",
    ):
        assert queues[task] != bulk, task
    assert len({q.name for q in settings.CELERY_TASK_QUEUES}) == 4
    # One binding per queue: a message sent to one queue is never copied into another.
    assert len({(q.exchange.name, q.routing_key) for q in settings.CELERY_TASK_QUEUES}) == 4
