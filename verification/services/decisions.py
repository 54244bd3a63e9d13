"""A reviewer's decision on a candidate source, recorded in the ticket's history."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from verification.choices import Decision, EventKind
from verification.errors import DomainError, NotAllowed
from verification.models import CandidateSource, TicketEvent

from .transitions import CHANGE_PERMISSION


@transaction.atomic
def candidate_decide(
    *, candidate_id: int, decision: str, actor: AbstractBaseUser | None, note: str = ""
) -> CandidateSource:
    """Accept, reject or reset a candidate source; deciding what is already decided changes nothing."""
    if decision not in Decision.values:
        raise DomainError(f"'{decision}' is not a decision; use one of {', '.join(Decision.values)}.")
    if actor is not None and not actor.has_perm(CHANGE_PERMISSION):
        raise NotAllowed("You may view evidence but not decide on it; ask an editor for reviewer rights.")
    candidate = CandidateSource.objects.select_for_update().get(pk=candidate_id)
    if candidate.decision == decision:
        return candidate
    candidate.decision = decision
    candidate.decided_by = actor if decision != Decision.PENDING else None
    candidate.decided_at = timezone.now() if decision != Decision.PENDING else None
    candidate.save(update_fields=["decision", "decided_by", "decided_at", "refreshed_at"])
    TicketEvent.objects.create(
        ticket_id=candidate.ticket_id,
        kind=EventKind.DECISION,
        candidate=candidate,
        decision=decision,
        actor=actor,
        rationale=note.strip(),
    )
    return candidate
