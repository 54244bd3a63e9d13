"""What every reviewer write on one candidate source shares: the locks in order and the verdict guard."""

from __future__ import annotations

from verification.choices import EventKind, TicketStatus
from verification.errors import EvidenceInUse
from verification.models import CandidateSource, Ticket

from .locking import ticket_lock
from .transitions import evidence_shortfall


def candidate_lock(
    *, candidate_id: int, ticket_id: int | None, expected_version: int | None
) -> tuple[Ticket, CandidateSource]:
    """Lock the candidate's ticket, then the candidate; refuse a candidate of another ticket."""
    candidates = (
        CandidateSource.objects.all()
        if ticket_id is None
        else CandidateSource.objects.filter(ticket_id=ticket_id)
    )
    owner_id = candidates.values_list("ticket_id", flat=True).get(pk=candidate_id)
    # The ticket before its evidence, in the same order as ticket_transition, so an evidence edit
    # and a status change on one ticket never interleave.
    ticket = ticket_lock(ticket_id=owner_id, expected_version=expected_version)
    return ticket, CandidateSource.objects.select_for_update().get(pk=candidate_id)


def verdict_evidence_guard(ticket: Ticket, *, refusal: str) -> None:
    """Raise EvidenceInUse with the refusal when the ticket's verdict no longer has its evidence."""
    if ticket.status == TicketStatus.UNVERIFIED:
        return
    last_change = ticket.events.filter(kind=EventKind.STATUS_CHANGE).first()
    if evidence_shortfall(ticket, ticket.status, last_change.rationale if last_change else ""):
        # Raising rolls the edit back: the verdict must not outlive its evidence.
        raise EvidenceInUse(refusal)
