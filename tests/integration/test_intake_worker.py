"""From a fresh start: a feed registered through the API, then only a real worker and a real beat turn its
articles into documents, tickets and evidence, each page's archived copy served by the API."""

import datetime as dt
import os
import subprocess
import sys

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from tests.integration.test_worker import PROJECT, WorkerProcess, _test_database_url, _wait_for
from tests.local_web import LOOPBACK, article_html, feed_xml, seed_paragraphs
from verification.choices import JobKind, JobStatus
from verification.models import CandidateSource, Document, JobRun, Ticket

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

POLL_SECONDS = 5
WHEN = dt.datetime(2022, 4, 5, 8, 0, tzinfo=dt.UTC)


def _celery(*arguments: str) -> WorkerProcess:
    """Start a celery process (worker or beat) on the test database, allowed to reach the test server."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": _test_database_url(),
        "REDIS_URL": settings.CELERY_BROKER_URL,
        "VERIFICATION_FETCH_ALLOWED_HOSTS": ",".join(LOOPBACK),
        "VERIFICATION_FETCH_HOST_INTERVAL": "0",
        "VERIFICATION_ARCHIVE_DIR": settings.STORAGES["archive"]["OPTIONS"]["location"],
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", *arguments],
        cwd=PROJECT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    return WorkerProcess(process)


@pytest.fixture
def intake(local_web):
    """A worker and a beat, started after the test server and its settings are in place."""
    from config.celery_app import app

    app.control.purge()
    worker = _celery(
        "worker", "--loglevel=INFO", "--concurrency=2", "--pool=prefork",
        "--without-gossip", "--without-mingle", "--without-heartbeat",
    )  # fmt: skip
    beat = _celery("beat", "--loglevel=INFO", "-S", "django_celery_beat.schedulers:DatabaseScheduler")
    yield worker, beat
    beat.stop()
    worker.stop()


def test_a_feed_registered_through_the_api_is_polled_by_beat_into_documents_tickets_and_evidence(
    local_web, intake, django_user_model
):
    worker, beat = intake
    items = [("Torture room in Bucha", "/bucha", "000_9afca7dae90c1c15.txt"),
             ("Torture chamber in Balakliya", "/balakliya", "001_1f08442e5b047b61.txt")]  # fmt: skip
    for title, path, seed in items:
        local_web.expect_request(path).respond_with_data(
            article_html(title=title, paragraphs=seed_paragraphs(seed)), content_type="text/html"
        )
    local_web.expect_request("/feed.xml").respond_with_data(
        feed_xml(title="Kyiv Wire", items=[(t, local_web.url_for(p), WHEN) for t, p, _ in items]),
        content_type="application/rss+xml",
    )
    operator = django_user_model.objects.create_superuser("olga", "olga@example.org", "olga-operates-2026")
    api = APIClient()
    api.force_authenticate(operator)
    created = api.post(
        "/api/sources/",
        {"name": "Kyiv Wire", "url": local_web.url_for("/feed.xml"), "poll_seconds": POLL_SECONDS},
        format="json",
    )
    assert created.status_code == 201, created.content
    urls = [local_web.url_for(path) for _, path, _ in items]

    # Beat needs a few seconds to start and load its schedule; then two intervals are enough.
    assert _wait_for(lambda: Document.objects.filter(url__in=urls).count() == 2, seconds=60), (
        "".join(beat.lines[-20:]) + "".join(worker.lines[-30:])
    )
    for document in Document.objects.filter(url__in=urls):
        assert document.publisher == "Kyiv Wire"
        assert document.published_on == dt.date(2022, 4, 5)
        assert Ticket.objects.filter(appearances__document=document).exists()
    bucha, balakliya = (Document.objects.get(url=url) for url in urls)

    def evidence_across():
        return all(
            CandidateSource.objects.filter(
                ticket__appearances__document=claims_in, passage__document=evidence_from
            ).exists()
            for claims_in, evidence_from in ((bucha, balakliya), (balakliya, bucha))
        )

    assert _wait_for(evidence_across, seconds=120), "the worker attached no evidence across the articles"
    poll = JobRun.objects.filter(kind=JobKind.POLL_SOURCE, status=JobStatus.SUCCEEDED).order_by("pk").first()
    assert sorted(f["url"] for f in poll.result["fetched"]) == sorted(urls)

    ticket = Ticket.objects.filter(
        appearances__document=bucha, candidates__passage__document=balakliya
    ).first()
    candidate = next(
        c for c in api.get(f"/api/tickets/{ticket.pk}/").json()["candidates"] if c["document"] == balakliya.pk
    )
    copy = api.get(candidate["archived_copy"]).json()
    assert copy["final_url"] == local_web.url_for("/balakliya")
    page = api.get(copy["content"])
    assert b"Balakliya" in page.content
    assert worker.process.poll() is None, "the worker died"
