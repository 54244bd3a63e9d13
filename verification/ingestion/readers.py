"""Turn raw bytes or text into an IncomingDocument, refusing what is not an article with a clear reason.

Plain text, HTML and JSON are read; the format is declared by the caller
(a name, a content type or a file name) or sniffed from the first bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from verification.errors import DocumentTooLarge, IngestError

from .decoding import decode
from .formats import DOCUMENT_SUFFIXES, HTML, JSON, resolve_format
from .html_pages import PageArticle, declared_charset, parse_html
from .json_documents import JsonArticle, parse_json

# Seed articles carry their date inline before the first sentence: " date 2022-04-05 Ukrainian…".
DATE_HEADER = re.compile(r"\A\s*date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*")
TITLE_LENGTH = 120
# How many characters of a str input are enough to sniff its format.
SNIFF_CHARS = 1024


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


def _title_from(text: str) -> str:
    return shorten(text.strip().split("\n", 1)[0].strip(), TITLE_LENGTH)


def shorten(text: str, limit: int) -> str:
    """Return text cut to at most limit characters at a word boundary, with "…" when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    # Cut at the last space unless that would leave almost nothing (one very long word).
    if " " in cut and text[limit - 1] != " ":
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:—–-") + "…"


def read_document(
    raw: bytes | str,
    *,
    source_name: str,
    max_bytes: int,
    declared_format: str | None = None,
    title: str = "",
    publisher: str = "",
    url: str = "",
    published_on: dt.date | None = None,
) -> IncomingDocument:
    """Return the IncomingDocument in raw text, HTML or JSON; the caller's metadata wins over the page's."""
    size = len(raw.encode("utf-8") if isinstance(raw, str) else raw)
    if size > max_bytes:
        raise DocumentTooLarge(
            f"{source_name}: {size:,} bytes is over the {max_bytes:,}-byte limit; split the document first."
        )
    head = raw[:SNIFF_CHARS].encode("utf-8") if isinstance(raw, str) else raw
    found = resolve_format(head, declared_format)
    if isinstance(raw, str):
        text = raw
    else:
        charset = found.charset or (declared_charset(raw) if found.name == HTML else None)
        text = decode(raw, source_name=source_name, charset=charset)
    if "\x00" in text:
        raise IngestError(f"{source_name}: contains NUL characters; ingest text, HTML or JSON articles only.")
    original = normalise(text)
    article: PageArticle | JsonArticle | None
    if found.name == HTML:
        article = parse_html(original, source_name=source_name)
    elif found.name == JSON:
        article = parse_json(original, source_name=source_name)
    else:
        article = None
    article_text = normalise(article.text) if article else original
    body, header_date = _body_and_date(article_text, source_name=source_name)
    return IncomingDocument(
        original=original,
        text=body,
        source_name=source_name,
        title=title or (article.title if article else "") or _title_from(body),
        publisher=publisher or (article.publisher if article else ""),
        url=url or (article.url if article else ""),
        published_on=published_on or (article.published_on if article else None) or header_date,
    )


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
    return read_document(
        raw,
        source_name=source_name,
        max_bytes=max_bytes,
        declared_format="text",
        title=title,
        publisher=publisher,
        url=url,
        published_on=published_on,
    )


def _body_and_date(text: str, *, source_name: str) -> tuple[str, dt.date | None]:
    """Return the article text without a leading `date YYYY-MM-DD` header, and that date."""
    header = DATE_HEADER.match(text)
    published_on = None
    if header:
        try:
            published_on = dt.date.fromisoformat(header.group(1))
        except ValueError as exc:
            raise IngestError(
                f"{source_name}: the date header {header.group(1)!r} is not a real date."
            ) from exc
        text = text[header.end() :]
    body = text.rstrip()
    if not body.strip():
        raise IngestError(f"{source_name}: has no text to ingest.")
    return body, published_on


def read_document_file(path: Path, *, max_bytes: int) -> IncomingDocument:
    """Read one article from disk, its format given by its extension or sniffed."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            # Refused before reading, so a huge file costs no memory.
            raise IngestError(
                f"{path.name}: {size:,} bytes is over the {max_bytes:,}-byte limit; split the document first."
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path}: cannot be read ({exc.strerror}).") from exc
    return read_document(raw, source_name=path.name, max_bytes=max_bytes, declared_format=path.name)


def read_text_file(path: Path, *, max_bytes: int) -> IncomingDocument:
    """Read one article from disk (any format the reader knows; kept for existing callers)."""
    return read_document_file(path, max_bytes=max_bytes)


def iter_document_files(paths: Iterable[Path], *, outside: list[Path] | None = None) -> Iterator[Path]:
    """Yield the given files, and the article files (.txt, .html, .json) inside given folders, by name.

    A link inside a folder that leads out of it (to /etc/passwd, say) is never read: it is left
    out, and added to outside when the caller passes a list to report it.
    """
    for path in paths:
        if path.is_dir():
            folder = path.resolve()
            for found in sorted(p for p in path.rglob("*") if p.suffix.lower() in DOCUMENT_SUFFIXES):
                real = found.resolve()
                if not real.is_relative_to(folder):
                    if outside is not None:
                        outside.append(found)
                    continue
                if real.is_file():
                    # The resolved path: what was checked is what is read.
                    yield real
        else:
            # A missing or unreadable file is reported by read_document_file, not skipped silently.
            yield path
