"""ClaimReview (schema.org) records in JSON-LD: from a page's script tags, a DataFeed or a plain list."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import lxml.html

from verification.errors import DomainError


class ClaimReviewUnreadable(DomainError):
    """A ClaimReview file or feed could not be read; the message says where and why."""


@dataclass(frozen=True)
class FactCheckRecord:
    """A fact-check as published: the claim, its rating, who checked it, when, and its page."""

    claim_text: str
    rating: str
    author: str
    url: str
    reviewed_on: dt.date | None = None
    claimant: str = ""


def claimreviews_in_html(page: bytes | str, *, page_url: str) -> list[FactCheckRecord]:
    """Return the ClaimReviews in a page's JSON-LD script tags; a broken tag is skipped, not fatal."""
    try:
        tree = lxml.html.fromstring(page)
    except (ValueError, lxml.etree.ParserError):
        return []
    records: list[FactCheckRecord] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content())
        except ValueError:
            continue  # a publisher's broken snippet must not stop the page's ingest
        records.extend(_records(data, default_url=page_url))
    return records


def claimreviews_in_json(data: Any, *, source: str) -> list[FactCheckRecord]:
    """Return the ClaimReviews in a JSON document: one object, a list, an @graph or a DataFeed."""
    records = list(_records(data, default_url=""))
    if not records:
        raise ClaimReviewUnreadable(
            f"{source}: no ClaimReview with a claim, a rating and a URL found; expected schema.org "
            'ClaimReview objects ("@type": "ClaimReview"), a list of them or a DataFeed.'
        )
    return records


def _records(data: Any, *, default_url: str) -> Iterator[FactCheckRecord]:
    """Yield each complete ClaimReview found anywhere in data."""
    for node in _nodes(data):
        record = _record(node, default_url=default_url)
        if record is not None:
            yield record


def _nodes(data: Any) -> Iterator[dict]:
    """Yield every object in data that says it is a ClaimReview, however deeply nested."""
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item)
    elif isinstance(data, dict):
        kinds = data.get("@type")
        if "ClaimReview" in (kinds if isinstance(kinds, list) else [kinds]):
            yield data
            return
        for key in ("@graph", "dataFeedElement", "item", "mainEntity"):
            if key in data:
                yield from _nodes(data[key])


def _name(value: Any) -> str:
    """Return the name of a schema.org Organization or Person, or the text itself."""
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name") or ""
    return str(value or "").strip()


def _record(node: dict, *, default_url: str) -> FactCheckRecord | None:
    """Return the record of one ClaimReview object, or None when it lacks a claim, rating or URL."""
    rating = node.get("reviewRating") or {}
    if isinstance(rating, list):
        rating = rating[0] if rating else {}
    rating_text = str(rating.get("alternateName") or rating.get("name") or "").strip() if isinstance(
        rating, dict
    ) else str(rating).strip()
    reviewed = node.get("itemReviewed") or {}
    claimant = _name(reviewed.get("author")) if isinstance(reviewed, dict) else ""
    claim = str(node.get("claimReviewed") or "").strip()
    url = str(node.get("url") or default_url).strip()
    if not (claim and rating_text and url.startswith(("http://", "https://"))):
        return None
    return FactCheckRecord(
        claim_text=claim,
        rating=rating_text[:200],
        author=_name(node.get("author"))[:300] or "unknown fact-checker",
        url=url,
        reviewed_on=_date(node.get("datePublished")),
        claimant=claimant[:300],
    )


def _date(value: Any) -> dt.date | None:
    """Return an ISO date's day, or None."""
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
