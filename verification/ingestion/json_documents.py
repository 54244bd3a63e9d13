"""An article sent as a JSON object: its text and metadata (title, publisher, url, date or published_on)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from verification.errors import IngestError

TEXT_FIELD = "text"
METADATA_FIELDS = ("title", "publisher", "url", "date", "published_on")


@dataclass(frozen=True)
class JsonArticle:
    """The text and metadata of a JSON document; empty strings where a field is absent."""

    text: str
    title: str
    publisher: str
    url: str
    published_on: dt.date | None


def parse_json(document: str, *, source_name: str) -> JsonArticle:
    """Return the article in a JSON object, refusing anything else with the reason."""
    try:
        data = json.loads(document)
    except json.JSONDecodeError as exc:
        raise IngestError(
            f"{source_name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from exc
    if not isinstance(data, dict):
        raise IngestError(
            f"{source_name}: the JSON is a {type(data).__name__}; send one object with a "
            f'"{TEXT_FIELD}" field and optional {", ".join(METADATA_FIELDS)}.'
        )
    fields = {}
    for name in (TEXT_FIELD, *METADATA_FIELDS):
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            raise IngestError(f'{source_name}: "{name}" must be a string, not {type(value).__name__}.')
        fields[name] = (value or "").strip() if name != TEXT_FIELD else value or ""
    if not fields[TEXT_FIELD].strip():
        raise IngestError(f'{source_name}: the JSON has no "{TEXT_FIELD}" to ingest.')
    return JsonArticle(
        text=fields[TEXT_FIELD],
        title=fields["title"],
        publisher=fields["publisher"],
        url=fields["url"],
        # The API's name for the date is read too, so one JSON body serves the command and the API.
        published_on=_date(fields["date"] or fields["published_on"], source_name=source_name),
    )


def _date(value: str, *, source_name: str) -> dt.date | None:
    """Return the date of an ISO date or date-time string, or None when it is empty."""
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError as exc:
        raise IngestError(f'{source_name}: "date" {value!r} is not an ISO date such as 2022-04-05.') from exc
