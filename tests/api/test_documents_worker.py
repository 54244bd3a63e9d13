"""The 202 flow end to end: a real worker extracts a submitted document while the client polls its job;
concurrent submissions of one content store it once."""

import threading

import pytest
from django.db import connection

from tests.api.conftest import token_client
from tests.integration.test_worker import _wait_for, worker  # noqa: F401  (the real worker fixture)
from verification.models import Document, JobRun, Ticket

pytestmark = pytest.mark.django_db(transaction=True)

ARTICLE = (
    "Ukrainian officials said that Russian troops destroyed 40 tanks near Kharkiv on Monday. "
    "The Prosecutor General's Office said it had opened an investigation into the shelling."
)


@pytest.mark.worker
def test_a_worker_extracts_the_submitted_document_while_the_client_polls(worker, accounts):  # noqa: F811
    client = token_client(accounts["reviewer"][1])
    submitted = client.post("/api/documents/", {"text": ARTICLE, "publisher": "Wire"}, format="json")
    assert submitted.status_code == 202
    job_url = submitted.json()["job"]["url"]

    def finished():
        return client.get(job_url).json()["status"] in ("succeeded", "failed")

    assert _wait_for(finished, seconds=60), "".join(worker.lines[-30:])
    job = client.get(job_url).json()
    assert job["status"] == "succeeded", job["error"]
    opened = job["result"]["tickets_opened"]
    assert opened
    assert set(opened) == set(Ticket.objects.values_list("pk", flat=True))
    assert job["attempts"] == 1
    assert job["duration_ms"] is not None


def test_concurrent_submissions_of_one_content_store_one_document_and_one_job(accounts):
    token = accounts["reviewer"][1]
    barrier = threading.Barrier(4)
    codes: list[int] = []

    def submit():
        client = token_client(token)
        barrier.wait()
        try:
            codes.append(client.post("/api/documents/", {"text": ARTICLE}, format="json").status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(codes) == [200, 200, 200, 202]
    assert Document.objects.count() == 1
    assert JobRun.objects.count() == 1
