"""Sources in the admin (saved through the service, failing ones flagged), and archived evidence."""

import pytest
from django.contrib.auth import get_user_model
from django_celery_beat.models import PeriodicTask

from tests.local_web import article_html, seed_paragraphs
from verification import services
from verification.models import Source, Ticket

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator(client):
    user = get_user_model().objects.create_superuser("otto", "otto@example.org", "otto-operates-2026")
    client.force_login(user)
    return client


def test_a_source_added_in_the_admin_gets_its_schedule(operator, local_web):
    response = operator.post(
        "/admin/verification/source/add/",
        {"name": "Kyiv Wire", "kind": "feed", "url": local_web.url_for("/feed.xml"), "poll_seconds": 120,
         "enabled": "on"},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    source = Source.objects.get()
    assert PeriodicTask.objects.get(pk=source.periodic_task_id).interval.every == 120


def test_an_internal_address_is_refused_by_the_form(operator, settings):
    settings.VERIFICATION_FETCH_ALLOWED_HOSTS = []
    response = operator.post(
        "/admin/verification/source/add/",
        {"name": "Internal", "kind": "feed", "url": "http://10.0.0.5/feed", "poll_seconds": 60},
    )
    assert response.status_code == 200
    assert "VERIFICATION_FETCH_ALLOWED_HOSTS" in response.content.decode()
    assert not Source.objects.exists()


def test_a_source_that_keeps_failing_is_flagged_in_the_list(operator, local_web, settings):
    settings.VERIFICATION_SOURCE_FAILING_AFTER = 2
    local_web.expect_request("/feed.xml").respond_with_data("down", status=500)
    source = services.source_create(name="Flaky Wire", url=local_web.url_for("/feed.xml"))
    listing = operator.get("/admin/verification/source/").content.decode()
    assert "failing" not in listing
    for _ in range(2):
        with pytest.raises(services.sources.FetchRefused):
            services.source_poll(source_id=source.pk)
    listing = operator.get("/admin/verification/source/").content.decode()
    assert "failing: 2 polls in a row" in listing
    assert "answered 500" in listing


def test_the_ticket_page_links_each_candidate_to_its_archived_copy(operator, local_web):
    for path, seed in (("/bucha", "000_9afca7dae90c1c15.txt"), ("/balakliya", "001_1f08442e5b047b61.txt")):
        local_web.expect_request(path).respond_with_data(
            article_html(title=path, paragraphs=seed_paragraphs(seed)), content_type="text/html"
        )
        services.page_ingest(url=local_web.url_for(path))
    for ticket_id in Ticket.objects.values_list("pk", flat=True):
        services.ticket_corroborate(ticket_id=ticket_id)
    ticket = Ticket.objects.filter(candidates__isnull=False).first()
    page = operator.get(f"/admin/verification/ticket/{ticket.pk}/change/").content.decode()
    assert 'class="vd-archived" href="/api/archives/' in page
    link = page.split('class="vd-archived" href="', 1)[1].split('"', 1)[0]
    archived = operator.get(link)
    assert archived["Content-Security-Policy"] == "sandbox"
    assert b"<article>" in archived.content
