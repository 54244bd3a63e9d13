"""A reviewer's correction of a candidate's stance, recorded in the ticket's history with who and why."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from verification import roles
from verification.choices import EventKind, Stance, TicketStatus
from verification.errors import DomainError, EvidenceInUse, StaleEdit
from verification.models import CandidateSource, TicketEvent

from .locking import permission_require, ticket_lock, ticket_version_bump
from .transitions import evidence_shortfall
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
    candidates = (
        CandidateSource.objects.all()
        if ticket_id is None
        else CandidateSource.objects.filter(ticket_id=ticket_id)
    )
    owner_id = candidates.values_list("ticket_id", flat=True).get(pk=candidate_id)
    # The ticket before its evidence, the order every reviewer write takes.
    ticket = ticket_lock(ticket_id=owner_id, expected_version=expected_version)
    candidate = CandidateSource.objects.select_for_update().get(pk=candidate_id)
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
    if ticket.status != TicketStatus.UNVERIFIED:
        last_change = ticket.events.filter(kind=EventKind.STATUS_CHANGE).first()
        if evidence_shortfall(ticket, ticket.status, last_change.rationale if last_change else ""):
            # Raising rolls the correction back: the verdict must not outlive its evidence.
            raise EvidenceInUse(
                f"The ticket is {ticket.get_status_display().lower()} on this source as "
                f"{Stance(from_stance).label.lower()}; move it back to unverified before correcting it."
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
