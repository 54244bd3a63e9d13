"""HTML fragments for the ticket page; ingested text is always escaped."""

from django.utils.html import format_html, format_html_join

from verification.choices import TicketStatus

STATUS_COLOURS = {
    TicketStatus.UNVERIFIED: "#6b7280",
    TicketStatus.CORROBORATED: "#15803d",
    TicketStatus.DISPUTED: "#b91c1c",
}


def status_badge(status: str, label: str) -> str:
    """Return a coloured badge for a ticket status."""
    return format_html(
        '<span class="vd-badge" style="background:{}">{}</span>',
        STATUS_COLOURS.get(status, "#6b7280"),
        label,
    )


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
    """Return the check-worthiness reasons as a list, signed weights first."""
    return format_html(
        "<ul class='vd-reasons'>{}</ul>",
        format_html_join(
            "",
            "<li>{} {} <small>({})</small></li>",
            (
                (r.get("feature", ""), f"{float(r.get('weight', 0)):+.2f}", r.get("evidence", ""))
                for r in reasons
            ),
        ),
    )
