"""HTML fragments for the ticket page; ingested text is always escaped."""

import re
from collections.abc import Callable, Collection, Iterable

from django.utils.html import format_html, format_html_join

from verification.choices import TicketStatus

WORD = re.compile(r"\w+")

STATUS_COLOURS: dict[str, str] = {
    TicketStatus.UNVERIFIED: "#6b7280",
    TicketStatus.CORROBORATED: "#15803d",
    TicketStatus.DISPUTED: "#b91c1c",
}


def badge(colour: str, label: str) -> str:
    """Return a coloured badge with a label."""
    return format_html('<span class="vd-badge" style="background:{}">{}</span>', colour, label)


def status_badge(status: str, label: str) -> str:
    """Return a coloured badge for a ticket status."""
    return badge(STATUS_COLOURS.get(status, "#6b7280"), label)


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the span of the paragraph (blank-line separated) around text[start:end]."""
    before = text.rfind("\n\n", 0, start)
    after = text.find("\n\n", end)
    return (0 if before == -1 else before + 2), (len(text) if after == -1 else after)


def claim_in_context(text: str, start: int, end: int) -> str:
    """Return the claim's paragraph with the claim itself highlighted."""
    p_start, p_end = paragraph_bounds(text, start, end)
    return format_html("{}<mark>{}</mark>{}", text[p_start:start], text[start:end], text[end:p_end])


def reasons_list(reasons: list[dict]) -> str:
    """Return the check-worthiness reasons as a list: what each means, its signed weight, its words."""
    # Reasons stored before they were described in words have no "says": show the feature name.
    return format_html(
        "<ul class='vd-reasons'>{}</ul>",
        _joined(
            format_html(
                "<li>{} {}{}</li>",
                r.get("says") or r.get("feature", ""),
                f"{float(r.get('weight', 0)):+.2f}",
                format_html(" <small>({})</small>", r["evidence"])
                if r.get("evidence") and not r.get("says")
                else "",
            )
            for r in reasons
        ),
    )


def _joined(pieces: Iterable) -> str:
    """Return the pieces concatenated, plain strings escaped and format_html fragments kept."""
    return format_html_join("", "{}", ((piece,) for piece in pieces))


def words_of(text: str) -> set[str]:
    """Return the distinct lower-cased words of text, as highlight_matches looks them up."""
    return {w.lower() for w in WORD.findall(text)}


def highlight_matches(text: str, matched: Collection[str], stems_of: dict[str, set[str]]) -> str:
    """Return text with every word whose stem is among matched wrapped in <mark>."""
    matched = set(matched)
    pieces, last = [], 0
    for word in WORD.finditer(text):
        if stems_of.get(word.group().lower(), set()) & matched:
            pieces += [text[last : word.start()], format_html("<mark>{}</mark>", word.group())]
            last = word.end()
    pieces.append(text[last:])
    return _joined(pieces)


def text_with_claims(text: str, spans: Iterable, link: Callable[[int], str]) -> str:
    """Return the document text with each claim span marked and linked to its ticket.

    spans are appearances (start, end, ticket_id) in text order; an overlapping span is skipped.
    """
    pieces, last = [], 0
    for span in spans:
        if span.start < last:
            continue
        pieces += [
            text[last : span.start],
            format_html(
                '<a href="{}" class="vd-claim" title="Ticket #{}"><mark>{}</mark></a>',
                link(span.ticket_id),
                span.ticket_id,
                text[span.start : span.end],
            ),
        ]
        last = span.end
    pieces.append(text[last:])
    return _joined(pieces)
