"""Watched sources polled against a local server: articles ingested with their archived copies, and
every failure (404, timeout, size cap, private redirect, no article) stored nowhere."""

import datetime as dt
import json
from pathlib import Path

import pytest
from django_celery_beat.models import PeriodicTask
from werkzeug import Response

from tests.factories import AppearanceFactory, TicketFactory
from tests.local_web import article_html, claimreview_jsonld, feed_xml, seed_paragraphs
from verification import services
from verification.archive import read_warc_record
from verification.archive.storage import archive_storage
from verification.choices import SourceKind
from verification.fetching import FetchRefused, UnsafeAddress
from verification.models import ArchivedPage, Document, FactCheckMatch, KnownFactCheck, Source, Ticket

pytestmark = pytest.mark.django_db

WHEN = dt.datetime(2022, 4, 5, 8, 0, tzinfo=dt.UTC)
BUCHA = "000_9afca7dae90c1c15.txt"
BALAKLIYA = "001_1f08442e5b047b61.txt"


def archived_files() -> list[str]:
    root = Path(archive_storage().location)
    return sorted(str(p) for p in root.rglob("*.warc.gz")) if root.exists() else []


def serve_feed(web, items):
    web.expect_request("/feed.xml").respond_with_data(
        feed_xml(title="Kyiv Wire", items=[(t, web.url_for(p), WHEN) for t, p in items]),
        content_type="application/rss+xml",
        headers={"ETag": '"feed-1"'},
    )


def test_a_feed_poll_ingests_each_article_without_its_boilerplate_and_archives_it(local_web):
    serve_feed(local_web, [("Torture room in Bucha", "/bucha"), ("Balakliya", "/balakliya")])
    for path, seed in (("/bucha", BUCHA), ("/balakliya", BALAKLIYA)):
        local_web.expect_request(path).respond_with_data(
            article_html(title=f"Report {path}", paragraphs=seed_paragraphs(seed)), content_type="text/html"
        )
    source = services.source_create(name="Kyiv Wire", url=local_web.url_for("/feed.xml"), poll_seconds=60)

    report = services.source_poll(source_id=source.pk)

    fetched = [f["url"] for f in report.fetched]
    assert fetched == [local_web.url_for("/bucha"), local_web.url_for("/balakliya")]
    bucha = Document.objects.get(url=local_web.url_for("/bucha"))
    assert bucha.publisher == "Kyiv Wire"
    assert bucha.published_on == dt.date(2022, 4, 5)
    assert "torture room" in bucha.text
    for boilerplate in ("World news menu", "cookies", "All rights reserved"):
        assert boilerplate not in bucha.text
    assert Ticket.objects.filter(appearances__document=bucha).exists()
    copy = ArchivedPage.objects.get(document=bucha)
    archived = read_warc_record(archive_storage().open(copy.warc_path).read())
    assert archived.status == 200
    assert b"World news menu" in archived.body  # the archive keeps the page as served, menus and all
    assert copy.source_id == source.pk
    assert Source.objects.get(pk=source.pk).etag == '"feed-1"'


def test_the_next_poll_sends_the_etag_and_a_304_changes_nothing(local_web):
    serve_feed(local_web, [])
    source = services.source_create(name="Wire", url=local_web.url_for("/feed.xml"))
    services.source_poll(source_id=source.pk)
    local_web.clear()
    local_web.expect_request("/robots.txt").respond_with_data("")
    local_web.expect_request("/feed.xml", headers={"If-None-Match": '"feed-1"'}).respond_with_data(
        "", status=304
    )
    report = services.source_poll(source_id=source.pk)
    assert report.not_modified
    assert report.fetched == []


def test_items_already_ingested_are_skipped_without_a_fetch(local_web):
    serve_feed(local_web, [("Bucha", "/bucha")])
    local_web.expect_request("/bucha").respond_with_data(
        article_html(title="Bucha", paragraphs=seed_paragraphs(BUCHA)), content_type="text/html"
    )
    source = services.source_create(name="Wire", url=local_web.url_for("/feed.xml"))
    services.source_poll(source_id=source.pk)
    report = services.source_poll(source_id=source.pk)
    assert report.skipped == [{"url": local_web.url_for("/bucha"), "why": "already ingested"}]
    assert sum(r.path == "/bucha" for r, _ in local_web.log) == 1
    assert Document.objects.count() == 1


def test_each_failing_item_is_skipped_with_its_reason_and_nothing_of_it_is_stored(local_web, settings):
    settings.VERIFICATION_FETCH_TIMEOUT = 0.5
    settings.VERIFICATION_FETCH_MAX_BYTES = 200_000

    def slow(request):
        import time

        time.sleep(1.2)
        return Response("late", content_type="text/html")

    serve_feed(
        local_web,
        # The test server answers one request at a time: the slow one goes last.
        [("gone", "/gone"), ("huge", "/huge"), ("evil", "/evil"), ("menu", "/menu"), ("slow", "/slow")],
    )
    local_web.expect_request("/gone").respond_with_data("no", status=404)
    local_web.expect_request("/slow").respond_with_handler(slow)
    local_web.expect_request("/huge").respond_with_data(
        "<p>" + "x" * 300_000 + "</p>", content_type="text/html"
    )
    local_web.expect_request("/evil").respond_with_response(
        Response(status=302, headers={"Location": "http://10.0.0.7/admin"})
    )
    local_web.expect_request("/menu").respond_with_data(
        "<html><body><nav><a href='/'>Home</a></nav></body></html>", content_type="text/html"
    )
    source = services.source_create(name="Wire", url=local_web.url_for("/feed.xml"))

    report = services.source_poll(source_id=source.pk)

    why = {item["url"].rsplit("/", 1)[1]: item["why"] for item in report.skipped}
    assert "answered 404" in why["gone"]
    assert "did not answer" in why["slow"] or "too long" in why["slow"]
    assert "200000 bytes" in why["huge"]
    assert "10.0.0.7" in why["evil"]
    assert "no article text" in why["menu"]
    assert report.fetched == []
    assert not Document.objects.exists()
    assert not ArchivedPage.objects.exists()
    assert archived_files() == []


def test_a_page_with_claimreview_stores_the_verdict_and_matches_the_ticket(local_web):
    ticket = TicketFactory(claim_text="Russian troops tortured civilians in a basement room in Bucha")
    AppearanceFactory(ticket=ticket)
    claim = "Russian troops tortured civilians in a basement room in Bucha"
    page = article_html(
        title="Fact check: the Bucha basement",
        paragraphs=seed_paragraphs(BUCHA)[:4],
        extra_head=claimreview_jsonld(
            claim=claim, rating="True", author="Kyiv Check", url=local_web.url_for("/check")
        ),
    )
    local_web.expect_request("/check").respond_with_data(page, content_type="text/html")

    outcome = services.page_ingest(url=local_web.url_for("/check"))

    assert outcome.factchecks == 1
    known = KnownFactCheck.objects.get()
    assert (known.author, known.rating, known.reviewed_on) == ("Kyiv Check", "True", dt.date(2022, 4, 6))
    match = FactCheckMatch.objects.get(ticket=ticket)
    assert match.factcheck == known
    assert match.similarity == 1.0


def test_a_source_whose_listing_keeps_failing_is_flagged(local_web, settings):
    settings.VERIFICATION_SOURCE_FAILING_AFTER = 2
    local_web.expect_request("/feed.xml").respond_with_data("down", status=503)
    source = services.source_create(name="Wire", url=local_web.url_for("/feed.xml"))
    for _ in range(2):
        with pytest.raises(FetchRefused, match="503"):
            services.source_poll(source_id=source.pk)
    source.refresh_from_db()
    assert source.failing
    assert "503" in source.last_error


def test_a_source_gets_its_own_beat_entry_which_follows_its_changes(local_web):
    source = services.source_create(
        name="Wire", url=local_web.url_for("/feed.xml"), kind=SourceKind.FEED, poll_seconds=30
    )
    task = PeriodicTask.objects.get(pk=source.periodic_task_id)
    assert task.task == "verification.tasks.source_poll"
    assert json.loads(task.args) == [source.pk]
    assert task.interval.every == 30
    services.source_update(source_id=source.pk, poll_seconds=90, enabled=False)
    task.refresh_from_db()
    assert task.interval.every == 90
    assert not task.enabled
    services.source_delete(source_id=source.pk)
    assert not PeriodicTask.objects.filter(pk=task.pk).exists()


def test_a_private_address_is_refused_at_registration(settings):
    settings.VERIFICATION_FETCH_ALLOWED_HOSTS = []
    with pytest.raises(UnsafeAddress):
        services.source_create(name="Internal", url="http://127.0.0.1:8000/feed.xml")
    assert not Source.objects.exists()


def test_a_sitemap_index_source_ingests_the_pages_of_its_sitemaps(local_web):
    local_web.expect_request("/sitemap.xml").respond_with_data(
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{local_web.url_for('/sitemap-news.xml')}</loc></sitemap></sitemapindex>",
        content_type="application/xml",
    )
    local_web.expect_request("/sitemap-news.xml").respond_with_data(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{local_web.url_for('/bucha')}</loc><lastmod>2022-04-05</lastmod></url></urlset>",
        content_type="application/xml",
    )
    local_web.expect_request("/bucha").respond_with_data(
        article_html(title="Bucha", paragraphs=seed_paragraphs(BUCHA)), content_type="text/html"
    )
    source = services.source_create(
        name="Wire", url=local_web.url_for("/sitemap.xml"), kind=SourceKind.SITEMAP
    )
    report = services.source_poll(source_id=source.pk)
    assert [f["url"] for f in report.fetched] == [local_web.url_for("/bucha")]
    assert Document.objects.get().published_on == dt.date(2022, 4, 5)


def test_a_page_source_ingests_the_page_once(local_web):
    local_web.expect_request("/live").respond_with_data(
        article_html(title="Live", paragraphs=seed_paragraphs(BALAKLIYA)), content_type="text/html"
    )
    source = services.source_create(name="Wire", url=local_web.url_for("/live"), kind=SourceKind.PAGE)
    assert len(services.source_poll(source_id=source.pk).fetched) == 1
    again = services.source_poll(source_id=source.pk)
    assert again.fetched == []
    assert again.skipped[0]["why"] == "already ingested"
    assert Document.objects.count() == 1


def test_requests_to_one_host_keep_their_distance(local_web, settings):
    import time

    from django.core.cache import cache

    from verification.fetching import page_fetch

    settings.VERIFICATION_FETCH_HOST_INTERVAL = 1.0
    cache.delete_many([f"fetch-host:localhost:{local_web.port}"])
    local_web.expect_request("/a").respond_with_data("a", content_type="text/plain")
    began = time.monotonic()
    page_fetch(local_web.url_for("/a"))
    page_fetch(local_web.url_for("/a"))
    assert time.monotonic() - began >= 1.0
