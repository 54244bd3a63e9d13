"""The article in an HTML page: its body text (no navigation, scripts or comments) and metadata."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import trafilatura

from verification.errors import IngestError

# <meta charset="…"> or <meta http-equiv="Content-Type" content="text/html; charset=…">, near the top.
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([\w.:\-]+)", re.I)
META_CHARSET_WINDOW = 4096


@dataclass(frozen=True)
class PageArticle:
    """The text and metadata found in a page; empty strings where the page says nothing."""

    text: str
    title: str
    publisher: str
    url: str
    published_on: dt.date | None


def declared_charset(raw: bytes) -> str | None:
    """Return the charset a page declares in a <meta> tag near its top, or None."""
    match = _META_CHARSET.search(raw[:META_CHARSET_WINDOW])
    return match.group(1).decode("ascii") if match else None


def parse_html(page: str, *, source_name: str) -> PageArticle:
    """Return the article of an HTML page, refusing a page with no article text."""
    # Precision over recall, and no fallback extractor: a page of navigation alone yields
    # nothing rather than its menu text as an "article".
    found = trafilatura.bare_extraction(
        page,
        fast=True,
        favor_precision=True,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
    )
    # trafilatura returns a Document unless asked for a dict (as_dict), which this never does.
    if isinstance(found, dict):
        raise TypeError("trafilatura.bare_extraction returned a dict; expected a Document")
    body = (found.text or "").strip() if found else ""
    if not body:
        raise IngestError(
            f"{source_name}: no article text found in the HTML (only navigation, scripts or markup); "
            "send the article page itself, or its text."
        )
    # Trafilatura puts one block (paragraph, heading, list item) a line; a blank line between
    # blocks makes each one a paragraph for segmentation, so a heading never joins the prose.
    text = "\n\n".join(line.strip() for line in body.split("\n") if line.strip())
    assert found is not None  # an empty extraction was refused above
    return PageArticle(
        text=text,
        title=(found.title or "").strip(),
        publisher=(found.sitename or "").strip(),
        url=(found.url or "").strip(),
        published_on=_date(found.date),
    )


def _date(value: str | None) -> dt.date | None:
    """Return the page's ISO date, or None when it has none or an unreadable one."""
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
