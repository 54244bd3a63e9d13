"""Turn raw bytes or text into an IncomingDocument, refusing what is not text with a clear reason."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from verification.errors import IngestError

# Seed articles carry their date inline before the first sentence: " date 2022-04-05 Ukrainian…".
DATE_HEADER = re.compile(r"\A\s*date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*")
TITLE_LENGTH = 120
TEXT_SUFFIXES = {".txt"}


@dataclass(frozen=True)
class IncomingDocument:
    """A document ready to store: its original, the text claims are cut from, and metadata."""

    original: str
    text: str
    source_name: str = ""
    title: str = ""
    publisher: str = ""
    url: str = ""
    published_on: dt.date | None = None

    @property
    def content_hash(self) -> str:
        """Return the hash that makes re-ingesting the same content a no-op."""
        return content_hash(self.original)


def normalise(text: str) -> str:
    """Return text in NFC with Unix newlines, so that one content has one hash."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def content_hash(text: str) -> str:
    """Return the SHA-256 of the normalised, stripped text."""
    return hashlib.sha256(normalise(text).strip().encode("utf-8")).hexdigest()


def decode(raw: bytes, *, source_name: str) -> str:
    """Decode raw bytes as UTF-8 text, refusing binary content and other encodings."""
    if b"\x00" in raw:
        raise IngestError(
            f"{source_name}: looks binary (contains NUL bytes); ingest plain-text articles only."
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"{source_name}: not valid UTF-8 (byte {exc.start}: {raw[exc.start : exc.start + 1]!r}); "
            "re-save the file as UTF-8 and ingest it again."
        ) from exc


def _title_from(text: str) -> str:
    first_line = text.strip().split("\n", 1)[0].strip()
    if len(first_line) <= TITLE_LENGTH:
        return first_line
    return first_line[: TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def parse_text(
    raw: bytes | str,
    *,
    source_name: str,
    max_bytes: int,
    title: str = "",
    publisher: str = "",
    url: str = "",
    published_on: dt.date | None = None,
) -> IncomingDocument:
    """Return the IncomingDocument for a plain-text article, reading a leading `date YYYY-MM-DD` header."""
    size = len(raw.encode("utf-8") if isinstance(raw, str) else raw)
    if size > max_bytes:
        raise IngestError(
            f"{source_name}: {size:,} bytes is over the {max_bytes:,}-byte limit; split the document first."
        )
    text = decode(raw, source_name=source_name) if isinstance(raw, bytes) else raw
    if "\x00" in text:
        raise IngestError(f"{source_name}: contains NUL characters; ingest plain-text articles only.")
    original = normalise(text)
    body = original
    header = DATE_HEADER.match(original)
    if header:
        try:
            published_on = published_on or dt.date.fromisoformat(header.group(1))
        except ValueError as exc:
            raise IngestError(
                f"{source_name}: the date header {header.group(1)!r} is not a real date."
            ) from exc
        body = original[header.end() :]
    body = body.rstrip()
    if not body.strip():
        raise IngestError(f"{source_name}: has no text to ingest.")
    return IncomingDocument(
        original=original,
        text=body,
        source_name=source_name,
        title=title or _title_from(body),
        publisher=publisher,
        url=url,
        published_on=published_on,
    )


def read_text_file(path: Path, *, max_bytes: int) -> IncomingDocument:
    """Read one plain-text article from disk."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path}: cannot be read ({exc.strerror}).") from exc
    return parse_text(raw, source_name=path.name, max_bytes=max_bytes)


def iter_text_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Yield the given files, and the .txt files inside given folders in name order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
        else:
            # A missing or unreadable file is reported by read_text_file, not skipped silently.
            yield path
