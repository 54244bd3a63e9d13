"""A sitemap's pages, or a sitemap index's sitemaps, read with lxml (no entities, no network)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from lxml import etree

from .feeds import SourceItem, SourceUnreadable

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# A hostile sitemap must not make the parser fetch or expand anything.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)


@dataclass(frozen=True)
class Sitemap:
    """What a sitemap lists: pages, or (for an index) more sitemaps."""

    pages: list[SourceItem] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)


def parse_sitemap(body: bytes, *, base_url: str) -> Sitemap:
    """Return the pages (newest lastmod first) or sitemaps a sitemap lists."""
    try:
        root = etree.fromstring(body, parser=_PARSER)
    except etree.XMLSyntaxError as exc:
        raise SourceUnreadable(f"{base_url}: not a sitemap ({exc}).") from exc
    tag = etree.QName(root).localname
    if tag == "sitemapindex":
        return Sitemap(sitemaps=[loc for loc, _ in _entries(root, "sitemap")])
    if tag != "urlset":
        raise SourceUnreadable(f"{base_url}: not a sitemap (its root element is <{tag}>).")
    pages = [SourceItem(url=loc, published_on=lastmod) for loc, lastmod in _entries(root, "url")]
    # Newest first, so that a poll capped at a few items takes the fresh ones.
    pages.sort(key=lambda item: item.published_on or dt.date.min, reverse=True)
    return Sitemap(pages=pages)


def _entries(root, element: str) -> list[tuple[str, dt.date | None]]:
    """Return each <loc> under the elements named, with its <lastmod> date when it has one."""
    found = []
    for node in root.iter(f"{NS}{element}", element):
        loc = (node.findtext(f"{NS}loc") or node.findtext("loc") or "").strip()
        if not loc.startswith(("http://", "https://")):
            continue
        lastmod = (node.findtext(f"{NS}lastmod") or node.findtext("lastmod") or "").strip()
        try:
            date = dt.date.fromisoformat(lastmod[:10]) if lastmod else None
        except ValueError:
            date = None
        found.append((loc, date))
    return found
