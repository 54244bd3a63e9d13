"""A reviewer's correction of a candidate's stance, recorded in the ticket's history with who and why."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from verification import roles
from verification.choices import EventKind, Stance
from verification.errors import DomainError, StaleEdit
from verification.models import CandidateSource, TicketEvent

from .candidate_edits import candidate_lock, verdict_evidence_guard
from .locking import permission_require, ticket_version_bump
from .webhooks import ticket_event_publish


@transaction.atomic
def candidate_stance_correct(
    *,
    candidate_id: int,
    stance: str,
    actor: User | None,
    rationale: str,
    ticket_id: int | None = None,
    expected_stance: str | None = None,
    expected_version: int | None = None,
) -> CandidateSource:
    """Set the stance a candidate counts with; the machine's stance is kept and never overwrites it."""
    if stance not in Stance.values:
        raise DomainError(f"'{stance}' is not a stance; use one of {', '.join(Stance.values)}.")
    rationale = rationale.strip()
    if not rationale:
        raise DomainError("Say why the stance is wrong: the rationale is what the next reviewer reads.")
    permission_require(
        actor=actor,
        permission=roles.DECIDE_EVIDENCE,
        refusal="You may view evidence but not correct it; ask an editor for reviewer rights.",
    )
    ticket, candidate = candidate_lock(
        candidate_id=candidate_id, ticket_id=ticket_id, expected_version=expected_version
    )
    if expected_stance is not None and candidate.stance != expected_stance:
        raise StaleEdit(
            f"This source's stance became {candidate.get_stance_display().lower()} since you opened it. "
            "Reload it and correct it again."
        )
    if candidate.stance == stance:
        return candidate
    from_stance = candidate.stance
    candidate.machine_stance = candidate.machine_stance or from_stance
    candidate.stance = stance
    candidate.stance_corrected_by = actor
    candidate.stance_corrected_at = timezone.now()
    candidate.save(
        update_fields=[
            "stance",
            "machine_stance",
            "stance_corrected_by",
            "stance_corrected_at",
            "refreshed_at",
        ]
    )
    verdict_evidence_guard(
        ticket,
        refusal=f"The ticket is {ticket.get_status_display().lower()} on this source as "
        f"{Stance(from_stance).label.lower()}; move it back to unverified before correcting it.",
    )
    event = TicketEvent.objects.create(
        ticket=ticket,
        kind=EventKind.STANCE_CORRECTION,
        candidate=candidate,
        from_stance=from_stance,
        to_stance=stance,
        actor=actor,
        rationale=rationale,
    )
    ticket_version_bump(ticket)
    ticket_event_publish(event=event)
    return candidate
