"""A reviewer's decision on a candidate source, recorded in the ticket's history."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from verification import roles
from verification.choices import Decision, EventKind, TicketStatus
from verification.errors import DomainError, EvidenceInUse, StaleEdit
from verification.models import CandidateSource, TicketEvent

from .locking import permission_require, ticket_lock, ticket_version_bump
from .transitions import evidence_shortfall
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
    candidates = (
        CandidateSource.objects.all()
        if ticket_id is None
        else CandidateSource.objects.filter(ticket_id=ticket_id)
    )
    owner_id = candidates.values_list("ticket_id", flat=True).get(pk=candidate_id)
    # Lock the ticket before its evidence, in the same order as ticket_transition, so a decision
    # and a status change on one ticket never interleave.
    ticket = ticket_lock(ticket_id=owner_id, expected_version=expected_version)
    candidate = CandidateSource.objects.select_for_update().get(pk=candidate_id)
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
    if ticket.status != TicketStatus.UNVERIFIED:
        last_change = ticket.events.filter(kind=EventKind.STATUS_CHANGE).first()
        if evidence_shortfall(ticket, ticket.status, last_change.rationale if last_change else ""):
            # Raising rolls the decision back: the verdict must not outlive its evidence.
            raise EvidenceInUse(
                f"The ticket is {ticket.get_status_display().lower()} on this evidence; "
                "move it back to unverified before changing this decision."
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
