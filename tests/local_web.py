"""A local web for the intake tests: pytest-httpserver on loopback, allowed by the fetch guard, and the
pages it serves (a feed, articles with boilerplate, a ClaimReview page)."""

from __future__ import annotations

import datetime as dt
import html
import json
from email.utils import format_datetime
from pathlib import Path

import pytest

from verification.fetching.robots import robots_forget

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
LOOPBACK = ["localhost", "127.0.0.1"]


@pytest.fixture
def local_web(httpserver, settings, tmp_path):
    """The test server, reachable by the fetcher (loopback allowed), robots.txt open, no host pause."""
    settings.VERIFICATION_FETCH_ALLOWED_HOSTS = LOOPBACK
    settings.VERIFICATION_FETCH_HOST_INTERVAL = 0
    settings.STORAGES = {
        **settings.STORAGES,
        "archive": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "archive")},
        },
    }
    robots_forget()
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n")
    yield httpserver
    robots_forget()


def article_html(*, title: str, paragraphs: list[str], published: str = "2022-04-05",
                 canonical: str = "", extra_head: str = "") -> str:  # fmt: skip
    """Return a news page: navigation, a cookie banner and a footer around the article itself."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><title>{html.escape(title)}</title>{link}
<meta property="og:site_name" content="Kyiv Wire">
<meta property="article:published_time" content="{published}T08:00:00Z">{extra_head}</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news menu</a></li>
<li><a href="/sport">Sport section link</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies.</div>
<article><h1>{html.escape(title)}</h1>
{body}
</article>
<footer><p>Copyright Kyiv Wire footer text. All rights reserved. Subscribe to our newsletter.</p></footer>
</body></html>"""


def seed_paragraphs(name: str) -> list[str]:
    """Return a seed article's paragraphs, without its inline date header."""
    text = (SEEDS / name).read_text(encoding="utf-8").strip()
    if text.startswith("date "):
        text = text.split(" ", 2)[2]
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def feed_xml(*, title: str, items: list[tuple[str, str, dt.datetime]]) -> str:
    """Return an RSS 2.0 feed of (title, link, published) items."""
    entries = "".join(
        f"<item><title>{html.escape(t)}</title><link>{html.escape(link)}</link>"
        f"<pubDate>{format_datetime(when)}</pubDate></item>"
        for t, link, when in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{html.escape(title)}</title><link>http://localhost/</link>"
        f"<description>Latest</description>{entries}</channel></rss>"
    )


def claimreview_jsonld(*, claim: str, rating: str, author: str, url: str, date: str = "2022-04-06") -> str:
    """Return a script tag with one schema.org ClaimReview, as fact-checkers publish them."""
    data = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim,
        "datePublished": date,
        "author": {"@type": "Organization", "name": author},
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "Social media posts"}},
        "reviewRating": {"@type": "Rating", "ratingValue": 1, "alternateName": rating},
    }
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'
