"""Feeds and sitemaps read into the items a poll fetches; no database."""

import datetime as dt

import pytest

from verification.sources import parse_feed, parse_sitemap
from verification.sources.feeds import SourceUnreadable

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>First</title><link>https://news.example.org/a</link>
<pubDate>Tue, 05 Apr 2022 08:00:00 GMT</pubDate></item>
<item><title>No link</title></item>
<item><title>Again</title><link>https://news.example.org/a</link></item>
<item><title>Second</title><link>https://news.example.org/b</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<entry><title>Atom one</title><link href="https://atom.example.org/1"/><updated>2022-09-12T10:00:00Z</updated></entry>
</feed>"""

SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://news.example.org/old</loc><lastmod>2021-01-01</lastmod></url>
<url><loc>https://news.example.org/new</loc><lastmod>2022-04-05T10:00:00+00:00</lastmod></url>
<url><loc>javascript:alert(1)</loc></url>
</urlset>"""

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://news.example.org/sitemap-1.xml</loc></sitemap></sitemapindex>"""

BOMB = b"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.example.org/&lol2;</loc></url></urlset>"""


def test_an_rss_feed_gives_each_linked_item_once_with_its_date():
    items = parse_feed(RSS, base_url="https://news.example.org/feed")
    assert [i.url for i in items] == ["https://news.example.org/a", "https://news.example.org/b"]
    assert items[0].title == "First"
    assert items[0].published_on == dt.date(2022, 4, 5)


def test_an_atom_feed_is_read_too():
    (item,) = parse_feed(ATOM, base_url="https://atom.example.org/feed")
    assert item.url == "https://atom.example.org/1"
    assert item.published_on == dt.date(2022, 9, 12)


def test_a_page_that_is_no_feed_is_refused():
    with pytest.raises(SourceUnreadable, match="not an RSS or Atom feed"):
        parse_feed(b"", base_url="https://x.example.org/")


def test_a_sitemap_lists_its_pages_newest_first_and_drops_non_http_entries():
    sitemap = parse_sitemap(SITEMAP, base_url="https://news.example.org/sitemap.xml")
    assert [p.url for p in sitemap.pages] == ["https://news.example.org/new", "https://news.example.org/old"]
    assert sitemap.pages[0].published_on == dt.date(2022, 4, 5)


def test_a_sitemap_index_lists_its_sitemaps():
    assert parse_sitemap(INDEX, base_url="x").sitemaps == ["https://news.example.org/sitemap-1.xml"]


def test_a_sitemap_expands_no_entities():
    sitemap = parse_sitemap(BOMB, base_url="x")
    assert all("lollol" not in p.url for p in sitemap.pages)


def test_broken_xml_is_refused_with_the_reason():
    with pytest.raises(SourceUnreadable, match="not a sitemap"):
        parse_sitemap(b"<urlset><url>", base_url="https://x.example.org/sitemap.xml")
