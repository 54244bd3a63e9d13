"""Watched sources: register, change and remove them with their beat schedule; poll one."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_celery_beat.models import IntervalSchedule, PeriodicTask

from verification.choices import SourceKind
from verification.errors import DomainError, IngestError
from verification.fetching import FetchRefused, fetch_allowed_hosts, page_fetch, public_target
from verification.models import Source
from verification.sources import SourceItem, parse_feed, parse_sitemap
from verification.sources.feeds import SourceUnreadable

from .dispatch import SOURCE_POLL, source_poll_dispatch
from .pages import document_known_at, fetched_page_ingest, page_ingest

POLL_TASK = SOURCE_POLL
# A sitemap index is followed this many sitemaps deep per poll.
MAX_CHILD_SITEMAPS = 5
EDITABLE = ("name", "kind", "url", "poll_seconds", "enabled")


@dataclass
class PollReport:
    """What one poll did: pages ingested, items skipped and why, and whether the listing was unchanged."""

    source_id: int
    not_modified: bool = False
    listed: int = 0
    fetched: list[dict] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)

    def as_result(self) -> dict:
        return {
            "source_id": self.source_id,
            "not_modified": self.not_modified,
            "listed": self.listed,
            "fetched": self.fetched,
            "skipped": self.skipped,
        }


@transaction.atomic
def source_create(*, name: str, url: str, kind: str = SourceKind.FEED, poll_seconds: int = 3600,
                  enabled: bool = True) -> Source:  # fmt: skip
    """Register a source after checking its address is one the desk may fetch, and schedule its polls."""
    _check_address(url)
    if Source.objects.filter(url=url).exists():
        raise DomainError(f"{url} is already watched; change that source instead.")
    source = Source.objects.create(name=name, url=url, kind=kind, poll_seconds=poll_seconds, enabled=enabled)
    _schedule(source)
    return source


@transaction.atomic
def source_update(*, source_id: int, **changes) -> Source:
    """Change a source's name, kind, address, interval or enabled flag, and its schedule with it."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise TypeError(f"source_update cannot change {', '.join(sorted(unknown))}")
    source = Source.objects.select_for_update().get(pk=source_id)
    if "url" in changes and changes["url"] != source.url:
        _check_address(changes["url"])
        if Source.objects.filter(url=changes["url"]).exclude(pk=source_id).exists():
            raise DomainError(f"{changes['url']} is already watched by another source.")
        # Another address: what the old one said about its freshness says nothing about this one.
        source.etag = source.last_modified = ""
    for name, value in changes.items():
        setattr(source, name, value)
    source.save()
    _schedule(source)
    return source


@transaction.atomic
def source_delete(*, source_id: int) -> None:
    """Stop watching a source: its schedule goes; its documents and archived copies stay."""
    source = Source.objects.select_for_update().get(pk=source_id)
    task = source.periodic_task
    source.delete()
    if task is not None:
        task.delete()


def source_poll(*, source_id: int) -> PollReport:
    """Fetch a source's listing (conditional GET) and ingest the items it lists that are new.

    Each item is its own transaction, so one bad page costs only itself; a listing that cannot be
    fetched or read fails the poll and counts against the source.
    """
    source = Source.objects.get(pk=source_id)
    report = PollReport(source_id=source.pk)
    try:
        listing = page_fetch(source.url, etag=source.etag, last_modified=source.last_modified)
        if listing.not_modified:
            report.not_modified = True
            items: list[SourceItem] = []
        elif source.kind == SourceKind.PAGE:
            items = []
            _ingest_listing_page(source, listing, report)
        else:
            items = _items(source, listing.body, base_url=listing.final_url)
    except (FetchRefused, SourceUnreadable, IngestError) as exc:
        _record_failure(source, str(exc))
        raise
    report.listed = len(items)
    for item in items[: settings.VERIFICATION_SOURCE_MAX_ITEMS]:
        _ingest_item(source, item, report)
    if len(items) > settings.VERIFICATION_SOURCE_MAX_ITEMS:
        report.skipped.append(
            {"url": "", "why": f"{len(items) - settings.VERIFICATION_SOURCE_MAX_ITEMS} more items wait "
             "for the next poll"}
        )  # fmt: skip
    fresh = not listing.not_modified
    Source.objects.filter(pk=source.pk).update(
        etag=listing.header("ETag")[:500] if fresh else source.etag,
        last_modified=listing.header("Last-Modified")[:100] if fresh else source.last_modified,
        last_polled_at=timezone.now(),
        last_succeeded_at=timezone.now(),
        consecutive_failures=0,
        last_error="",
    )
    return report


def source_poll_request(*, source_id: int) -> int:
    """Queue a poll of the source now, as beat would; return the queued run's id."""
    with transaction.atomic():
        Source.objects.get(pk=source_id)
        run = source_poll_dispatch(source_id=source_id)
    return run.pk


def _check_address(url: str) -> None:
    """Refuse an address the fetcher would refuse, at registration rather than at the first poll."""
    public_target(url, allowed_hosts=fetch_allowed_hosts())


def _schedule(source: Source) -> None:
    """Create or update the source's beat entry: its own interval, on while the source is enabled."""
    interval, _ = IntervalSchedule.objects.get_or_create(
        every=source.poll_seconds, period=IntervalSchedule.SECONDS
    )
    fields = {
        "task": POLL_TASK,
        "interval": interval,
        "args": json.dumps([source.pk]),
        "enabled": source.enabled,
        "description": f"Poll {source.url} every {source.poll_seconds} s.",
    }
    task = source.periodic_task
    if task is None:
        task = PeriodicTask.objects.create(name=f"poll-source-{source.pk}", **fields)
        Source.objects.filter(pk=source.pk).update(periodic_task=task)
        source.periodic_task = task
    else:
        for name, value in fields.items():
            setattr(task, name, value)
        task.save()


def _items(source: Source, body: bytes, *, base_url: str) -> list[SourceItem]:
    """Return what a feed or sitemap lists (a sitemap index's first sitemaps included)."""
    if source.kind == SourceKind.FEED:
        return parse_feed(body, base_url=base_url)
    sitemap = parse_sitemap(body, base_url=base_url)
    pages = list(sitemap.pages)
    for child in sitemap.sitemaps[:MAX_CHILD_SITEMAPS]:
        pages.extend(parse_sitemap(page_fetch(child).body, base_url=child).pages)
    return pages


def _ingest_item(source: Source, item: SourceItem, report: PollReport) -> None:
    """Ingest one listed page unless it is known; a failure is noted with its reason."""
    if document_known_at(item.url) is not None:
        report.skipped.append({"url": item.url, "why": "already ingested"})
        return
    try:
        outcome = page_ingest(
            url=item.url,
            source_id=source.pk,
            publisher=source.name,
            title=item.title,
            published_on=item.published_on,
        )
    except (FetchRefused, IngestError) as exc:
        report.skipped.append({"url": item.url, "why": str(exc)})
        return
    if outcome.created:
        report.fetched.append({"url": item.url, "document_id": outcome.document_id})
    else:
        report.skipped.append({"url": item.url, "why": f"same as document {outcome.document_id}"})


def _ingest_listing_page(source: Source, listing, report: PollReport) -> None:
    """Ingest a single-page source's page from the response already fetched."""
    outcome = fetched_page_ingest(fetched=listing, source_id=source.pk, publisher=source.name)
    entry = {"url": source.url, "document_id": outcome.document_id}
    if outcome.created:
        report.fetched.append(entry)
    else:
        report.skipped.append({**entry, "why": "already ingested"})


def _record_failure(source: Source, error: str) -> None:
    """Count a failed poll against the source, outside any transaction of the poll."""
    Source.objects.filter(pk=source.pk).update(
        consecutive_failures=F("consecutive_failures") + 1,
        last_error=error[:2000],
        last_polled_at=timezone.now(),
    )
