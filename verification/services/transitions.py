"""The one path by which a ticket changes status: lock, check the guard, record who and why, save."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from verification import roles
from verification.choices import Decision, EventKind, Stance, TicketStatus
from verification.errors import StaleEdit, TransitionRefused
from verification.models import CandidateSource, Ticket, TicketEvent

from .locking import permission_require, ticket_lock, ticket_version_bump
from .webhooks import ticket_event_publish


def _accepted_evidence(ticket: Ticket, stance: Stance, *, other_documents_only: bool) -> bool:
    accepted = CandidateSource.objects.filter(ticket=ticket, stance=stance, decision=Decision.ACCEPTED)
    if other_documents_only:
        accepted = accepted.exclude(passage__document__appearances__ticket=ticket)
    return accepted.exists()


def evidence_shortfall(ticket: Ticket, status: str, rationale: str) -> str | None:
    """Return what the ticket's accepted evidence lacks for status, or None when it suffices."""
    if status == TicketStatus.CORROBORATED and not _accepted_evidence(
        ticket, Stance.SUPPORTS, other_documents_only=True
    ):
        return "accept at least one supporting source from a document other than the claim's own first"
    if (
        status == TicketStatus.DISPUTED
        and not rationale
        and not _accepted_evidence(ticket, Stance.CONTRADICTS, other_documents_only=False)
    ):
        return "accept a contradicting source or write a rationale saying why"
    return None


def check_guard(ticket: Ticket, to_status: str, rationale: str) -> None:
    """Raise TransitionRefused unless the ticket may move to to_status now."""
    if to_status not in TicketStatus.values:
        raise TransitionRefused(
            f"'{to_status}' is not a status; use one of {', '.join(TicketStatus.values)}."
        )
    if to_status == ticket.status:
        raise TransitionRefused(f"The ticket is already {ticket.get_status_display().lower()}.")
    shortfall = evidence_shortfall(ticket, to_status, rationale)
    if shortfall:
        raise TransitionRefused(f"Cannot mark {to_status}: {shortfall}.")


@transaction.atomic
def ticket_transition(
    *,
    ticket_id: int,
    to_status: str,
    actor: User | None,
    rationale: str = "",
    expected_status: str | None = None,
    expected_version: int | None = None,
) -> Ticket:
    """Move the ticket to to_status if its guard allows, recording the change in its history."""
    permission_require(
        actor=actor,
        permission=roles.REVIEW_TICKET,
        refusal="You may view tickets but not change their status; ask an editor for reviewer rights.",
    )
    ticket = ticket_lock(ticket_id=ticket_id, expected_version=expected_version)
    if expected_status is not None and ticket.status != expected_status:
        raise StaleEdit(
            f"The ticket changed since you opened it: it is now {ticket.get_status_display().lower()}. "
            "Reload it and decide again."
        )
    rationale = rationale.strip()
    check_guard(ticket, to_status, rationale)
    event = TicketEvent.objects.create(
        ticket=ticket,
        kind=EventKind.STATUS_CHANGE,
        from_status=ticket.status,
        to_status=to_status,
        actor=actor,
        rationale=rationale,
    )
    ticket.status = to_status
    ticket.status_changed_at = timezone.now()
    ticket.save(update_fields=["status", "status_changed_at", "updated_at"])
    ticket_version_bump(ticket)
    ticket_event_publish(event=event)
    return ticket
