"""Submitting documents in JSON, text or HTML: stored at once, 202 and a job to poll; bad input refused."""

import json

import pytest
from django.contrib.auth import get_user_model
from rest_framework.authtoken.models import Token

from tests.api.conftest import token_client
from verification import tasks
from verification.choices import JobKind, JobStatus
from verification.models import Document, JobRun, Ticket
from verification.services.runs import job_run_queue

pytestmark = pytest.mark.django_db

ARTICLE = "Officials said that Russian troops destroyed 40 tanks near Kharkiv on Monday."


def submit(client, body, content_type="application/json", **params):
    """POST a document body as the given content type, with metadata in the query string."""
    query = "&".join(f"{k}={v}" for k, v in params.items())
    data = json.dumps(body) if content_type == "application/json" else body
    return client.post(f"/api/documents/?{query}", data=data, content_type=content_type)


def run_queued_job(run_id: int):
    """Run the extraction job as the worker would (in this process)."""
    run = JobRun.objects.get(pk=run_id)
    tasks.document_extract.apply(args=[run.document_id], kwargs={"run_id": run.pk})


def test_a_submission_is_stored_at_once_and_its_job_is_polled_to_the_tickets(reviewer_api):
    response = submit(reviewer_api, {"text": ARTICLE, "publisher": "Wire", "published_on": "2022-09-12"})
    assert response.status_code == 202
    body = response.json()
    document = Document.objects.get(pk=body["id"])
    assert (document.publisher, str(document.published_on)) == ("Wire", "2022-09-12")
    assert body["created"] is True
    assert body["job"]["status"] == "queued"
    assert not Ticket.objects.exists()  # extraction is the job's work, not the request's

    run_queued_job(body["job"]["id"])
    polled = reviewer_api.get(body["job"]["url"])
    assert polled.status_code == 200
    job = polled.json()
    assert (job["kind"], job["status"], job["document"]) == (
        JobKind.EXTRACT_DOCUMENT,
        JobStatus.SUCCEEDED,
        body["id"],
    )
    assert job["result"]["tickets_opened"] == list(Ticket.objects.values_list("pk", flat=True))
    assert job["duration_ms"] is not None
    assert job["error"] == ""


@pytest.mark.parametrize("field", ["date", "published_on"])
def test_a_json_documents_date_is_read_under_either_name(reviewer_api, field):
    response = submit(reviewer_api, {"text": ARTICLE, field: "2022-09-12"})
    assert response.status_code == 202
    assert str(Document.objects.get(pk=response.json()["id"]).published_on) == "2022-09-12"


def test_the_same_content_again_answers_200_with_the_first_document_and_its_job(reviewer_api):
    first = submit(reviewer_api, {"text": ARTICLE})
    again = submit(reviewer_api, {"text": ARTICLE})
    assert (first.status_code, again.status_code) == (202, 200)
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["created"] is False
    assert again.json()["job"]["id"] == first.json()["job"]["id"]
    assert Document.objects.count() == 1
    assert JobRun.objects.count() == 1


def test_resubmitting_a_document_whose_extraction_failed_queues_it_again(reviewer_api):
    first = submit(reviewer_api, {"text": ARTICLE}).json()
    JobRun.objects.filter(pk=first["job"]["id"]).update(
        status=JobStatus.FAILED, error="OperationalError: gone"
    )
    again = submit(reviewer_api, {"text": ARTICLE})
    assert again.status_code == 202
    assert again.json()["created"] is False
    assert again.json()["id"] == first["id"]
    assert again.json()["job"]["id"] != first["job"]["id"]
    assert again.json()["job"]["status"] == "queued"
    run_queued_job(again.json()["job"]["id"])
    assert Ticket.objects.exists()


def test_plain_text_takes_its_metadata_from_the_query_string(reviewer_api):
    response = submit(
        reviewer_api, f"date 2022-09-12 {ARTICLE}", "text/plain", publisher="Wire", title="Tanks"
    )
    assert response.status_code == 202
    document = Document.objects.get(pk=response.json()["id"])
    assert (document.title, document.publisher, str(document.published_on)) == ("Tanks", "Wire", "2022-09-12")
    assert document.text == ARTICLE


def test_html_is_read_as_its_visible_text(reviewer_api):
    html = (
        "<html><head><title>x</title><script>var a = 1;</script></head><body>"
        f"<nav>Home | World</nav><h1>Tanks</h1><p>{ARTICLE}</p><p>More &amp; more.</p></body></html>"
    )
    response = submit(reviewer_api, html, "text/html", publisher="Wire")
    assert response.status_code == 202
    document = Document.objects.get(pk=response.json()["id"])
    # The article body only: no script, no navigation, and the headline is not a sentence of it.
    assert document.text == f"{ARTICLE}\n\nMore & more."
    assert "var a" not in document.text
    assert "Home" not in document.text


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ({"text": ""}, "application/json"),
        ({"text": "   "}, "application/json"),
        ({"text": "a\x00b"}, "application/json"),
        ({}, "application/json"),
        ({"text": "ok", "url": "nope"}, "application/json"),
        ({"text": "ok", "published_on": "yesterday"}, "application/json"),
        ({"text": "ok", "date": "yesterday"}, "application/json"),
        ({"text": "ok", "date": "2022-09-12", "published_on": "2022-09-13"}, "application/json"),
        ("{not json", "application/json"),
        ("", "text/plain"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "text/plain"),
        (b"caf\xe9 au lait", "text/plain"),
        ("<html><script>only code</script></html>", "text/html"),
    ],
)
def test_bad_documents_get_a_400_and_store_nothing(reviewer_api, body, content_type):
    if isinstance(body, str) and content_type == "application/json":
        response = reviewer_api.post("/api/documents/", data=body, content_type=content_type)
    else:
        response = submit(reviewer_api, body, content_type)
    assert response.status_code == 400, response.content
    assert Document.objects.count() == 0
    assert JobRun.objects.count() == 0
    assert response.json()  # a reason the client can read


def test_an_unknown_format_is_415(reviewer_api):
    response = reviewer_api.post("/api/documents/", data=b"%PDF-1.7", content_type="application/pdf")
    assert response.status_code == 415
    assert Document.objects.count() == 0


def test_an_oversized_document_is_refused_with_413_before_parsing(reviewer_api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = submit(reviewer_api, {"text": "Officials said. " * 200})
    assert response.status_code == 413
    assert "split it" in response.json()["detail"]
    assert Document.objects.count() == 0


@pytest.mark.parametrize("content_type", ["text/plain", "application/json"])
def test_a_text_over_the_document_limit_is_413_with_the_limit(reviewer_api, settings, content_type):
    settings.VERIFICATION_MAX_DOCUMENT_BYTES = 100
    text = "Officials said. " * 20
    body = {"text": text} if content_type == "application/json" else text
    response = submit(reviewer_api, body, content_type)
    assert response.status_code == 413
    assert "100-byte limit" in response.json()["detail"]
    assert Document.objects.count() == 0


def test_another_clients_job_is_not_found_without_the_view_permission(reviewer_api, db):
    outsider = get_user_model().objects.create_user("otto", password="otto-2026-pass")
    client = token_client(Token.objects.create(user=outsider).key)
    theirs = job_run_queue(kind=JobKind.EXTRACT_DOCUMENT, requested_by=outsider)
    mine = job_run_queue(kind=JobKind.EXTRACT_DOCUMENT)
    assert client.get(f"/api/jobs/{theirs.pk}/").status_code == 200
    assert client.get(f"/api/jobs/{mine.pk}/").status_code == 404
    assert reviewer_api.get(f"/api/jobs/{theirs.pk}/").status_code == 200  # reviewers may view every job
