"""The one place the API turns a submitted body, in any accepted format, into an IncomingDocument.

Text goes through the plain-text reader. HTML goes through `html_to_text`, a minimal tag stripper
kept here until the ingestion package has an HTML reader; swapping it is a change to this file only.
"""

from __future__ import annotations

from html.parser import HTMLParser

from verification.ingestion import IncomingDocument, parse_text
from verification.ingestion.readers import decode

# Text in these elements is never article text.
_SKIPPED = {"script", "style", "noscript", "template", "head", "nav", "footer", "aside"}
# These elements end a paragraph, so their text is kept apart.
_BLOCKS = {"p", "div", "section", "article", "li", "br", "tr", "blockquote"} | {f"h{n}" for n in range(1, 7)}


class _TextCollector(HTMLParser):
    """MINIMAL PATH: collect visible text, one paragraph per block element; not a readability extractor."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = [""]
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.paragraphs.append("")

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.paragraphs.append("")

    def handle_data(self, data):
        if not self.skipping:
            self.paragraphs[-1] += data


def html_to_text(html: str) -> str:
    """Return the visible text of an HTML page, one paragraph per block, blank lines between them."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    paragraphs = (" ".join(p.split()) for p in collector.paragraphs)
    return "\n\n".join(p for p in paragraphs if p)


def incoming_document(*, body: bytes | str, body_format: str, meta: dict, max_bytes: int) -> IncomingDocument:
    """Return the IncomingDocument for a submitted body ("text" or "html") and its metadata."""
    source_name = meta.get("title") or "API submission"
    if body_format == "html":
        raw = decode(body, source_name=source_name) if isinstance(body, bytes) else body
        size = len(raw.encode("utf-8"))
        # The size limit applies to what was sent, not to the text left after the tags are stripped.
        body = html_to_text(raw) if size <= max_bytes else raw
    return parse_text(body, source_name=source_name, max_bytes=max_bytes, **meta)
