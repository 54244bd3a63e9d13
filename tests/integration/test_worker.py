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
from django.utils import timezone

from config.celery_app import app
from tests.conftest import BALAKLIYA, BUCHA, assert_each_seed_has_evidence_from_the_other, ingest_file
from tests.factories import AppearanceFactory, TicketFactory
from verification import tasks
from verification.choices import JobKind, JobStatus, Stance
from verification.models import CandidateSource, JobRun, Ticket

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

    def denial_attached():
        # Russia's denial, in the Balakliya seed, against a claim of the Bucha seed (whichever it is).
        return CandidateSource.objects.filter(
            ticket__appearances__document=bucha,
            passage__document=balakliya,
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
    assert _wait_for(lambda: Ticket.objects.filter(last_corroborated_at__isnull=True).count() == 0)
    ticket = Ticket.objects.filter(candidates__isnull=False).first()
    before = dict(CandidateSource.objects.filter(ticket=ticket).values_list("pk", "passage_id"))
    # A redelivery is the same message, task id and all, handed to a worker a second time.
    message_id = str(uuid.uuid4())
    for _ in range(2):
        tasks.ticket_corroborate.apply_async(args=[ticket.pk], task_id=message_id)
    assert _wait_for(lambda: worker.count(f"{message_id}] succeeded") == 2), "both deliveries should run"
    after = dict(CandidateSource.objects.filter(ticket=ticket).values_list("pk", "passage_id"))
    assert after == before  # the same rows: refreshed in place, none added, none replaced


WAR_CRIMES = "“These are war crimes and will be recognised by the world as genocide,” said Mr Zelensky."
SUPPORTING = (
    "Volodymyr Zelensky said in Bucha that the killings of civilians there were war crimes, "
    "which the world would recognise as genocide.\n\n"
    "Investigators collected evidence in the town for a second day."
)


def _store_and_extract(text: str, *, publisher: str):
    from verification import services
    from verification.ingestion import parse_text

    incoming = parse_text(text, source_name=f"{publisher}.txt", max_bytes=100_000, publisher=publisher)
    return services.document_ingest(incoming=incoming).document


def _war_crimes_ticket():
    """Return an open ticket of Mr Zelensky's claim, seen in one document and already corroborated."""
    ticket = TicketFactory(claim_text=WAR_CRIMES, claimant="Mr Zelensky", last_corroborated_at=timezone.now())
    AppearanceFactory(ticket=ticket)
    return ticket


def test_a_new_supporting_document_is_attached_to_an_open_ticket_without_a_manual_step(worker):
    war_crimes = _war_crimes_ticket()
    report = _store_and_extract(SUPPORTING, publisher="Wire")

    def attached():
        return CandidateSource.objects.filter(
            ticket=war_crimes, passage__document=report, stance=Stance.SUPPORTS
        ).exists()

    assert _wait_for(attached), "the new document's support was not attached by the worker"
    runs = JobRun.objects.filter(document=report, kind=JobKind.RECHECK_DOCUMENT)
    assert _wait_for(lambda: runs.filter(status=JobStatus.SUCCEEDED).exists())
    assert war_crimes.pk in runs.get().result["queued"]


def test_a_redelivered_task_leaves_one_candidate_per_passage(worker):
    ingest_file(BUCHA)
    ingest_file(BALAKLIYA)
    assert _wait_for(lambda: not Ticket.objects.filter(last_corroborated_at__isnull=True).exists())
    message_id = str(uuid.uuid4())
    for ticket_id in Ticket.objects.values_list("pk", flat=True):
        for _ in range(2):
            tasks.ticket_corroborate.apply_async(args=[ticket_id], task_id=f"{message_id}-{ticket_id}")
    total = Ticket.objects.count()
    assert _wait_for(lambda: worker.count(f"{message_id}-") >= 2 * total), "every delivery should run"
    pairs = list(CandidateSource.objects.values_list("ticket_id", "passage_id"))
    assert pairs
    assert len(pairs) == len(set(pairs))


def test_a_syndicated_copy_joins_the_origin_of_its_original(worker):
    from verification import selectors

    war_crimes = _war_crimes_ticket()
    original = _store_and_extract(SUPPORTING, publisher="Wire")
    copy = _store_and_extract("KYIV (Daily Courier) - " + SUPPORTING, publisher="Daily Courier")
    assert copy.origin_id == original.origin_id

    def both_attached():
        return (
            CandidateSource.objects.filter(ticket=war_crimes, stance=Stance.SUPPORTS)
            .values("passage__document")
            .distinct()
            .count()
            == 2
        )

    assert _wait_for(both_attached), "the worker did not attach both copies"
    counted = selectors.ticket_list().get(pk=war_crimes.pk)
    assert counted.supporting_count >= 2
    assert counted.supporting_origins == 1
