"""An RSS or Atom feed's items: where each article is, its title and its date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import feedparser

from verification.errors import DomainError


class SourceUnreadable(DomainError):
    """A feed or sitemap could not be read; the message says what was wrong with it."""


@dataclass(frozen=True)
class SourceItem:
    """One article a source lists: its address and what the listing says about it."""

    url: str
    title: str = ""
    published_on: dt.date | None = None


def parse_feed(body: bytes, *, base_url: str) -> list[SourceItem]:
    """Return a feed's items with a link, in feed order, refusing what is not a feed."""
    # feedparser is lenient: it reads malformed feeds ("bozo") as well as it can; only a body with
    # no feed at all is refused.
    parsed = feedparser.parse(body, response_headers={"content-location": base_url})
    if not parsed.entries and not parsed.feed:
        reason = getattr(parsed, "bozo_exception", None)
        raise SourceUnreadable(f"{base_url}: not an RSS or Atom feed ({reason or 'no feed element'}).")
    items: list[SourceItem] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        if not link.startswith(("http://", "https://")) or link in seen:
            continue
        seen.add(link)
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        items.append(
            SourceItem(
                url=link,
                title=(entry.get("title") or "").strip(),
                published_on=dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None,
            )
        )
    return items
