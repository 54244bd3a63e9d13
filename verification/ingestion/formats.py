"""Which reader a document needs: from a declared format, a content type, a file name, or its first bytes."""

from __future__ import annotations

import re
from dataclasses import dataclass

TEXT, HTML, JSON = "text", "html", "json"
FORMATS = (TEXT, HTML, JSON)

_BY_SUFFIX = {".txt": TEXT, ".text": TEXT, ".html": HTML, ".htm": HTML, ".json": JSON}
_BY_MEDIA_TYPE = {
    "text/plain": TEXT,
    "text/html": HTML,
    "application/xhtml+xml": HTML,
    "application/json": JSON,
    "text/json": JSON,
}
DOCUMENT_SUFFIXES = frozenset(_BY_SUFFIX)
_HTML_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html|head|body|article|p|div|!--)\b", re.I
)
_JSON_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*\{")
_CHARSET = re.compile(r";\s*charset\s*=\s*\"?([\w.:\-]+)", re.I)


@dataclass(frozen=True)
class Format:
    """The reader to use and the charset the sender declared, if any."""

    name: str
    charset: str | None = None


def resolve_format(raw: bytes, declared: str | None) -> Format:
    """Return the format of raw: declared (a name, a content type or a file name), else sniffed."""
    declared = (declared or "").strip()
    lowered = declared.lower()
    if lowered in FORMATS:
        return Format(lowered)
    charset_match = _CHARSET.search(declared)
    charset = charset_match.group(1) if charset_match else None
    media_type = lowered.split(";", 1)[0].strip()
    if media_type in _BY_MEDIA_TYPE:
        return Format(_BY_MEDIA_TYPE[media_type], charset)
    suffix = "." + lowered.rsplit(".", 1)[1] if "." in lowered else ""
    if suffix in _BY_SUFFIX:
        return Format(_BY_SUFFIX[suffix], charset)
    return Format(sniff_format(raw), charset)


def sniff_format(raw: bytes) -> str:
    """Return "json" for an object, "html" for markup, else "text", from the first bytes."""
    head = raw[:1024]
    if _JSON_START.match(head):
        return JSON
    if _HTML_START.match(head):
        return HTML
    return TEXT
