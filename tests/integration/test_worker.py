"""A real Celery worker process, on real Redis and the test database, attaches candidates."""

import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

from config.celery_app import app
from tests.conftest import BALAKLIYA, BUCHA, assert_each_seed_has_evidence_from_the_other, ingest_file
from verification import tasks
from verification.choices import Stance
from verification.models import CandidateSource, Ticket

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

PROJECT = Path(__file__).resolve().parents[2]


def _test_database_url() -> str:
    """Return a URL for the test database this session created, socket or TCP."""
    db = connection.settings_dict
    host = quote(db["HOST"] or "", safe="")
    auth = quote(db["USER"] or "", safe="") + (f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else "")
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgresql://{auth}@{host}{port}/{db['NAME']}"


class WorkerProcess:
    """A `celery worker` process and the log lines it has printed so far."""

    def __init__(self, process: subprocess.Popen):
        self.process = process
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line)

    def count(self, text: str) -> int:
        """Return how many log lines so far contain text."""
        return sum(text in line for line in list(self.lines))

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._reader.join(timeout=5)
        if any("Traceback" in line for line in self.lines):
            print("".join(self.lines))


@pytest.fixture
def worker():
    """Start `celery worker` as its own process, pointed at the test database; stop it afterwards."""
    app.control.purge()  # messages left by earlier tests point at rows that no longer exist
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": _test_database_url(),
        "REDIS_URL": settings.CELERY_BROKER_URL,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--loglevel=INFO", "--concurrency=2",
         "--pool=prefork", "--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=PROJECT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    running = WorkerProcess(process)
    yield running
    running.stop()


def _wait_for(condition, *, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    return False


def test_the_worker_attaches_candidates_across_the_seeds(worker):
    bucha = ingest_file(BUCHA).document
    balakliya = ingest_file(BALAKLIYA).document
    war_crimes = Ticket.objects.get(claim_text__contains="These are war crimes")

    def denial_attached():
        return CandidateSource.objects.filter(
            ticket=war_crimes,
            passage__text__contains="have not committed war crimes",
            stance=Stance.CONTRADICTS,
        ).exists()

    assert _wait_for(denial_attached), "the worker did not attach the Russian denial in time"
    assert _wait_for(lambda: not Ticket.objects.filter(last_corroborated_at__isnull=True).exists())
    assert_each_seed_has_evidence_from_the_other(bucha, balakliya)
    assert worker.process.poll() is None, "the worker died"


def test_a_message_delivered_twice_attaches_each_passage_once(worker):
    ingest_file(BUCHA)
    ingest_file(BALAKLIYA)
    ticket = Ticket.objects.get(claim_text__contains="These are war crimes")
    assert _wait_for(lambda: Ticket.objects.filter(last_corroborated_at__isnull=True).count() == 0)
    before = dict(CandidateSource.objects.filter(ticket=ticket).values_list("pk", "passage_id"))
    # A redelivery is the same message, task id and all, handed to a worker a second time.
    message_id = str(uuid.uuid4())
    for _ in range(2):
        tasks.corroborate_ticket.apply_async(args=[ticket.pk], task_id=message_id)
    assert _wait_for(lambda: worker.count(f"{message_id}] succeeded") == 2), "both deliveries should run"
    after = dict(CandidateSource.objects.filter(ticket=ticket).values_list("pk", "passage_id"))
    assert after == before  # the same rows: refreshed in place, none added, none replaced
