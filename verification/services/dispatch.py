"""Publish work: each task a write needs is an outbox row in that write's transaction, sent on commit.

Services call the functions here and never import the tasks, so nothing circles between the two:
tasks call services, services name tasks only by their registered names. A row left unpublished
(the broker was down, the process died after commit) is sent by the relay that beat runs, and
every task is idempotent, so a message sent twice does no harm.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from verification.choices import JobKind, JobStatus
from verification.models import JobRun, OutboxMessage

logger = logging.getLogger(__name__)

# Registered task names, each the name of the service the task calls.
TICKET_CORROBORATE = "verification.tasks.ticket_corroborate"
DOCUMENT_RECHECK = "verification.tasks.document_recheck_open_tickets"
DOCUMENT_EXTRACT = "verification.tasks.document_extract"
WEBHOOK_DELIVER = "verification.tasks.webhook_delivery_attempt"
SOURCE_POLL = "verification.tasks.source_poll"
PAGE_INGEST = "verification.tasks.page_ingest"

# Queues by the kind of wait a person notices: a webhook or a reviewer's re-run must not wait
# behind thousands of bulk re-checks.
INGEST, WEBHOOKS, INTERACTIVE, BULK = "ingest", "webhooks", "interactive", "bulk"
QUEUES = (INGEST, WEBHOOKS, INTERACTIVE, BULK)

# A task sent again by the stuck-run sweep this many times and still not finished is failed.
MAX_REQUEUES = 3


def queue_name(queue: str) -> str:
    """Return the broker's name for one of the desk's queues."""
    return f"{settings.VERIFICATION_QUEUE_PREFIX}{queue}"


def _queue(
    kind: JobKind,
    task: str,
    *,
    queue: str,
    subjects: list[tuple[list, dict]],
    kwargs: dict | None = None,
    not_before: datetime | None = None,
    requested_by=None,
) -> list[JobRun]:
    """Record a queued run and its outbox row per (task args, run links) pair, two inserts in all.

    The rows are sent once the surrounding transaction commits (now, outside one), unless they
    wait for not_before; whatever is not sent then is sent by beat's relay.
    """
    if not subjects:
        return []
    runs = JobRun.objects.bulk_create(
        JobRun(kind=kind, requested_by=requested_by, **links) for _, links in subjects
    )
    messages = OutboxMessage.objects.bulk_create(
        OutboxMessage(
            task=task,
            args=args,
            kwargs={**(kwargs or {}), "run_id": run.pk},
            queue=queue_name(queue),
            run=run,
            not_before=not_before,
        )
        for (args, _), run in zip(subjects, runs, strict=True)
    )
    if not_before is None:
        _relay_on_commit(messages)
    return runs


def _relay_on_commit(messages: list[OutboxMessage]) -> None:
    """Send these rows once the surrounding transaction commits; a failure leaves them for beat."""
    if not messages:
        return
    ids = [message.pk for message in messages]
    transaction.on_commit(lambda: outbox_relay(message_ids=ids), robust=True)


def corroboration_dispatch(*, ticket_ids: Iterable[int], interactive: bool = False) -> list[JobRun]:
    """Queue corroboration of each ticket; a reviewer's re-run goes to the interactive queue."""
    return _queue(
        JobKind.CORROBORATE_TICKET,
        TICKET_CORROBORATE,
        queue=INTERACTIVE if interactive else BULK,
        subjects=[([ticket_id], {"ticket_id": ticket_id}) for ticket_id in ticket_ids],
    )


def document_recheck_dispatch(*, document_id: int) -> JobRun:
    """Queue the re-check of the open tickets a new document may bear on."""
    [run] = _queue(
        JobKind.RECHECK_DOCUMENT, DOCUMENT_RECHECK, queue=INGEST,
        subjects=[([document_id], {"document_id": document_id})],
    )  # fmt: skip
    return run


def document_extract_dispatch(*, document_id: int, requested_by=None) -> JobRun:
    """Queue the extraction of a submitted document's claims, the run its client polls."""
    [run] = _queue(
        JobKind.EXTRACT_DOCUMENT, DOCUMENT_EXTRACT, queue=INGEST, requested_by=requested_by,
        subjects=[([document_id], {"document_id": document_id})],
    )  # fmt: skip
    return run


def source_poll_dispatch(*, source_id: int) -> JobRun:
    """Queue a poll of a watched source now, as its beat entry would."""
    [run] = _queue(JobKind.POLL_SOURCE, SOURCE_POLL, queue=INGEST, subjects=[([source_id], {})])
    return run


def page_ingest_dispatch(*, url: str, requested_by=None) -> JobRun:
    """Queue the fetch and ingest of a page by its URL, the run its client polls."""
    [run] = _queue(
        JobKind.FETCH_DOCUMENT, PAGE_INGEST, queue=INGEST, requested_by=requested_by, subjects=[([url], {})]
    )
    return run


def webhook_delivery_dispatch(
    *, delivery_ids: Iterable[int], attempt: int, delay: timedelta | None = None
) -> None:
    """Queue the given attempt of each delivery, sent at once or after delay (a retry's backoff)."""
    _queue(
        JobKind.DELIVER_WEBHOOK,
        WEBHOOK_DELIVER,
        queue=WEBHOOKS,
        subjects=[([delivery_id], {}) for delivery_id in delivery_ids],
        kwargs={"attempt": attempt},
        not_before=timezone.now() + delay if delay else None,
    )


def webhook_backoff(*, attempts_made: int) -> timedelta:
    """Return the wait before the next attempt: doubling from RETRY_BACKOFF, capped, with jitter."""
    seconds = min(
        settings.VERIFICATION_WEBHOOK_RETRY_BACKOFF_MAX,
        settings.VERIFICATION_WEBHOOK_RETRY_BACKOFF * 2 ** max(attempts_made - 1, 0),
    )
    # Jitter spreads the retries of one outage so that a recovering receiver is not hit all at once.
    return timedelta(seconds=seconds * random.uniform(0.5, 1.0))  # noqa: S311 - not for secrets


def _broker_errors() -> tuple[type[BaseException], ...]:
    """Return the errors a publish raises when the broker cannot take the message."""
    from kombu.exceptions import OperationalError

    from config.celery_app import app

    with app.connection_for_write() as connection:
        return (*connection.connection_errors, *connection.channel_errors, OperationalError, OSError)


def outbox_relay(*, message_ids: list[int] | None = None, limit: int = 1000) -> int:
    """Publish waiting outbox rows that are due, oldest first; return how many the broker took.

    Rows are claimed with SKIP LOCKED, so the relay after a commit and beat's never send one row
    at the same time; a broker error stops the batch and leaves the rest for the next relay.
    """
    from config.celery_app import app

    now = timezone.now()
    waiting = OutboxMessage.objects.filter(published_at__isnull=True).filter(
        Q(not_before__isnull=True) | Q(not_before__lte=now)
    )
    if message_ids is not None:
        waiting = waiting.filter(pk__in=message_ids)
    published = 0
    errors = _broker_errors()
    with transaction.atomic():
        for message in waiting.select_for_update(skip_locked=True).order_by("pk")[:limit]:
            try:
                app.send_task(
                    message.task,
                    args=message.args,
                    kwargs=message.kwargs,
                    queue=message.queue,
                    # One id per row: a row published twice is recognisably the same message.
                    task_id=f"outbox-{message.pk}",
                    # Fail fast: a request must not hang on a broker that is down; beat retries.
                    retry=False,
                )
            except errors as error:
                message.publish_attempts += 1
                message.last_error = f"{type(error).__name__}: {error}"[:1000]
                message.save(update_fields=["publish_attempts", "last_error"])
                logger.warning("outbox: broker refused message %s, left for the relay: %s", message.pk, error)
                break
            message.published_at = timezone.now()
            message.publish_attempts += 1
            message.save(update_fields=["published_at", "publish_attempts"])
            published += 1
    return published


def outbox_prune(*, older_than: datetime) -> int:
    """Forget published rows older than older_than; return how many went."""
    return OutboxMessage.objects.filter(published_at__lt=older_than).delete()[0]


def job_runs_reap_stuck(*, running_before: datetime, queued_before: datetime) -> dict:
    """Send again, or fail with a reason, runs left running or queued past their limits.

    A run still `running` after its limit lost its worker; one still `queued` lost its message.
    Its last outbox row is copied so the task runs again (tasks are idempotent), at most
    MAX_REQUEUES times; a run with no row to copy, or past that count, is failed with the reason.
    """
    stuck = JobRun.objects.filter(
        Q(status=JobStatus.RUNNING, started_at__lt=running_before)
        | Q(status=JobStatus.QUEUED, queued_at__lt=queued_before)
    )
    requeued, failed, messages = [], [], []
    with transaction.atomic():
        for run in stuck.select_for_update(skip_locked=True).order_by("pk")[:500]:
            sent = OutboxMessage.objects.filter(run=run)
            last = sent.order_by("-pk").first()
            if last is not None and last.published_at is None:
                continue  # still waiting for the relay, not lost
            where = "running" if run.status == JobStatus.RUNNING else "queued"
            if last is None or sent.count() > MAX_REQUEUES:
                run.status, run.finished_at = JobStatus.FAILED, timezone.now()
                run.error = (
                    f"Left {where} past its limit with no message to send again; queue it anew."
                    if last is None
                    else f"Left {where} past its limit {sent.count()} times; given up. See the worker's log."
                )
                run.save(update_fields=["status", "finished_at", "error"])
                failed.append(run.pk)
                continue
            messages.append(
                OutboxMessage.objects.create(
                    task=last.task, args=last.args, kwargs=last.kwargs, queue=last.queue, run=run
                )
            )
            run.status = JobStatus.QUEUED
            run.error = f"Sent again: left {where} past its limit (worker lost or message lost)."
            run.save(update_fields=["status", "error"])
            requeued.append(run.pk)
        _relay_on_commit(messages)
    if requeued or failed:
        logger.warning("stuck runs: re-queued %s, failed %s", requeued, failed)
    return {"requeued": requeued, "failed": failed}
