"""Sources managed through the API, documents submitted by URL, and archived copies served back."""

import json

import pytest
from django_celery_beat.models import PeriodicTask

from tests.local_web import article_html, seed_paragraphs
from verification import services, tasks
from verification.archive import read_warc_record
from verification.choices import JobStatus
from verification.models import ArchivedPage, Document, JobRun, Source, Ticket

pytestmark = pytest.mark.django_db

BUCHA = "000_9afca7dae90c1c15.txt"
BALAKLIYA = "001_1f08442e5b047b61.txt"


def test_sources_are_managed_by_operators_with_their_beat_entry(clients, local_web):
    body = {"name": "Kyiv Wire", "url": local_web.url_for("/feed.xml"), "poll_seconds": 20}
    assert clients["reviewer"].post("/api/sources/", body, format="json").status_code == 403
    created = clients["admin"].post("/api/sources/", body, format="json")
    assert created.status_code == 201, created.content
    source_id = created.json()["id"]
    assert created.json()["kind"] == "feed"
    task = PeriodicTask.objects.get(name=f"poll-source-{source_id}")
    assert (task.interval.every, json.loads(task.args)) == (20, [source_id])

    changed = clients["admin"].patch(f"/api/sources/{source_id}/", {"poll_seconds": 45}, format="json")
    assert changed.json()["poll_seconds"] == 45
    task.refresh_from_db()
    assert task.interval.every == 45
    listed = clients["reviewer"].get("/api/sources/").json()["results"]
    assert [s["id"] for s in listed] == [source_id]

    assert clients["admin"].delete(f"/api/sources/{source_id}/").status_code == 204
    assert not PeriodicTask.objects.filter(pk=task.pk).exists()
    assert not Source.objects.exists()


def test_a_source_at_an_internal_address_is_refused_with_what_to_do(clients, settings):
    settings.VERIFICATION_FETCH_ALLOWED_HOSTS = []
    response = clients["admin"].post(
        "/api/sources/", {"name": "Metadata", "url": "http://169.254.169.254/feed"}, format="json"
    )
    assert response.status_code == 400
    assert "VERIFICATION_FETCH_ALLOWED_HOSTS" in response.json()["detail"]
    assert not Source.objects.exists()


def test_a_source_with_a_too_short_interval_is_refused(clients, local_web):
    response = clients["admin"].post(
        "/api/sources/", {"name": "W", "url": local_web.url_for("/f"), "poll_seconds": 1}, format="json"
    )
    assert response.status_code == 400
    assert "poll_seconds" in response.json()


def test_a_document_by_url_is_fetched_by_a_job_and_its_archived_copy_served(clients, local_web):
    page = article_html(title="Torture room in Bucha", paragraphs=seed_paragraphs(BUCHA))
    local_web.expect_request("/bucha").respond_with_data(page, content_type="text/html; charset=utf-8")
    url = local_web.url_for("/bucha")

    response = clients["reviewer"].post("/api/documents/", {"url": url}, format="json")

    assert response.status_code == 202, response.content
    job = response.json()["job"]
    assert job["status"] == JobStatus.QUEUED
    assert not Document.objects.exists()  # nothing is fetched before the job runs
    tasks.page_ingest.apply(args=[url], kwargs={"run_id": job["id"]})
    polled = clients["reviewer"].get(f"/api/jobs/{job['id']}/").json()
    assert polled["status"] == JobStatus.SUCCEEDED, polled
    document = Document.objects.get(pk=polled["result"]["document_id"])
    assert document.url == url

    archived = clients["reviewer"].get(f"/api/archives/?document={document.pk}").json()["results"]
    (copy,) = archived
    assert copy["final_url"] == url
    content = clients["anonymous"].get(copy["content"])
    assert content.status_code == 200
    assert content["Content-Security-Policy"] == "sandbox"
    assert content.content == page.encode()
    warc = clients["anonymous"].get(copy["warc"])
    assert warc["Content-Type"] == "application/warc"
    assert read_warc_record(b"".join(warc.streaming_content)).body == page.encode()


def test_a_document_url_inside_the_network_is_refused_at_once(clients, settings):
    settings.VERIFICATION_FETCH_ALLOWED_HOSTS = []
    response = clients["reviewer"].post("/api/documents/", {"url": "http://10.1.2.3/x"}, format="json")
    assert response.status_code == 400
    assert not JobRun.objects.exists()


def test_a_failed_fetch_fails_its_job_with_the_reason_and_stores_nothing(clients, local_web):
    local_web.expect_request("/gone").respond_with_data("no", status=404)
    url = local_web.url_for("/gone")
    job = clients["reviewer"].post("/api/documents/", {"url": url}, format="json").json()["job"]
    with pytest.raises(Exception, match="404"):
        tasks.page_ingest.apply(args=[url], kwargs={"run_id": job["id"]}, throw=True)
    polled = clients["reviewer"].get(f"/api/jobs/{job['id']}/").json()
    assert polled["status"] == JobStatus.FAILED
    assert "answered 404" in polled["error"]
    assert not ArchivedPage.objects.exists()


def test_each_candidate_links_to_the_archived_copy_of_its_page(clients, local_web):
    for path, seed in (("/bucha", BUCHA), ("/balakliya", BALAKLIYA)):
        local_web.expect_request(path).respond_with_data(
            article_html(title=path, paragraphs=seed_paragraphs(seed)), content_type="text/html"
        )
        services.page_ingest(url=local_web.url_for(path), publisher="Kyiv Wire")
    for ticket_id in Ticket.objects.values_list("pk", flat=True):
        services.ticket_corroborate(ticket_id=ticket_id)
    ticket = Ticket.objects.filter(candidates__isnull=False).first()
    detail = clients["anonymous"].get(f"/api/tickets/{ticket.pk}/").json()
    candidate = detail["candidates"][0]
    copy = clients["anonymous"].get(candidate["archived_copy"]).json()
    assert copy["document"] == candidate["document"]
    assert clients["anonymous"].get(f"/api/candidates/{candidate['id']}/").json()["archived_copy"] == (
        candidate["archived_copy"]
    )
