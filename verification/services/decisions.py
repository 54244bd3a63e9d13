"""A reviewer's decision on a candidate source, recorded in the ticket's history."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from verification import roles
from verification.choices import Decision, EventKind
from verification.errors import DomainError, StaleEdit
from verification.models import CandidateSource, TicketEvent

from .candidate_edits import candidate_lock, verdict_evidence_guard
from .locking import permission_require, ticket_version_bump
from .webhooks import ticket_event_publish


@transaction.atomic
def candidate_decide(
    *,
    candidate_id: int,
    decision: str,
    actor: User | None,
    note: str = "",
    ticket_id: int | None = None,
    expected_decision: str | None = None,
    expected_version: int | None = None,
) -> CandidateSource:
    """Accept, reject or reset a candidate source; deciding what is already decided changes nothing."""
    if decision not in Decision.values:
        raise DomainError(f"'{decision}' is not a decision; use one of {', '.join(Decision.values)}.")
    permission_require(
        actor=actor,
        permission=roles.DECIDE_EVIDENCE,
        refusal="You may view evidence but not decide on it; ask an editor for reviewer rights.",
    )
    ticket, candidate = candidate_lock(
        candidate_id=candidate_id, ticket_id=ticket_id, expected_version=expected_version
    )
    if expected_decision is not None and candidate.decision != expected_decision:
        raise StaleEdit(
            f"This source was {candidate.get_decision_display().lower()} since you opened the ticket. "
            "Reload it and decide again."
        )
    if candidate.decision == decision:
        return candidate
    candidate.decision = decision
    candidate.decided_by = actor if decision != Decision.PENDING else None
    candidate.decided_at = timezone.now() if decision != Decision.PENDING else None
    candidate.save(update_fields=["decision", "decided_by", "decided_at", "refreshed_at"])
    verdict_evidence_guard(
        ticket,
        refusal=f"The ticket is {ticket.get_status_display().lower()} on this evidence; "
        "move it back to unverified before changing this decision.",
    )
    event = TicketEvent.objects.create(
        ticket=ticket,
        kind=EventKind.DECISION,
        candidate=candidate,
        decision=decision,
        actor=actor,
        rationale=note.strip(),
    )
    ticket_version_bump(ticket)
    ticket_event_publish(event=event)
    return candidate
