"""The one path for a status change, and one test per guard."""

import pytest
from django.contrib.auth import get_user_model

from verification import services
from verification.choices import Decision, EventKind, Stance, TicketStatus
from verification.errors import NotAllowed, StaleEdit, TransitionRefused
from verification.models import CandidateSource, Ticket

pytestmark = pytest.mark.django_db


def _torture_room_ticket():
    return Ticket.objects.get(claim_text__startswith="Ukrainian officials say that they have discovered")


def _candidate(ticket, stance, *, from_other_document=True):
    own = ticket.appearances.values_list("document_id", flat=True)
    candidates = CandidateSource.objects.filter(ticket=ticket, stance=stance)
    candidates = candidates.exclude(passage__document_id__in=own) if from_other_document else candidates
    return candidates.first()


def test_corroborated_needs_accepted_support(corroborated_seeds, reviewer):
    ticket = _torture_room_ticket()
    with pytest.raises(TransitionRefused, match="accept at least one supporting source"):
        services.ticket_transition(
            ticket_id=ticket.pk, to_status=TicketStatus.CORROBORATED, actor=reviewer, rationale="looks right"
        )
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.UNVERIFIED
    assert not ticket.events.exists()


def test_corroborated_with_accepted_support_from_another_document(corroborated_seeds, reviewer):
    ticket = _torture_room_ticket()
    support = _candidate(ticket, Stance.SUPPORTS)
    assert support is not None, "the Bucha wire report should support the Bucha torture room"
    services.candidate_decide(candidate_id=support.pk, decision=Decision.ACCEPTED, actor=reviewer)
    services.ticket_transition(
        ticket_id=ticket.pk,
        to_status=TicketStatus.CORROBORATED,
        actor=reviewer,
        rationale="A second town, a second account of a torture room.",
    )
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.CORROBORATED
    change = ticket.events.get(kind=EventKind.STATUS_CHANGE)
    assert (change.actor, change.from_status, change.to_status) == (reviewer, "unverified", "corroborated")
    assert change.rationale == "A second town, a second account of a torture room."
    assert ticket.events.filter(kind=EventKind.DECISION, decision=Decision.ACCEPTED).exists()


def test_support_from_the_claims_own_document_does_not_count(corroborated_seeds, reviewer):
    ticket = _torture_room_ticket()
    own_document = ticket.appearances.get().document
    own_passage = own_document.passages.exclude(start=ticket.appearances.get().start).first()
    candidate = CandidateSource.objects.create(
        ticket=ticket, passage=own_passage, score=0.9, stance=Stance.SUPPORTS
    )
    services.candidate_decide(candidate_id=candidate.pk, decision=Decision.ACCEPTED, actor=reviewer)
    CandidateSource.objects.filter(ticket=ticket).exclude(pk=candidate.pk).delete()
    with pytest.raises(TransitionRefused):
        services.ticket_transition(ticket_id=ticket.pk, to_status=TicketStatus.CORROBORATED, actor=reviewer)


def test_disputed_needs_accepted_contradiction_or_a_rationale(corroborated_seeds, reviewer):
    ticket = _torture_room_ticket()
    with pytest.raises(TransitionRefused, match="accept a contradicting source or write a rationale"):
        services.ticket_transition(
            ticket_id=ticket.pk, to_status=TicketStatus.DISPUTED, actor=reviewer, rationale="   "
        )
    services.ticket_transition(
        ticket_id=ticket.pk,
        to_status=TicketStatus.DISPUTED,
        actor=reviewer,
        rationale="The photos were published before the town was taken.",
    )
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.DISPUTED


def test_disputed_with_an_accepted_contradiction_needs_no_rationale(corroborated_seeds, reviewer):
    war_crimes = Ticket.objects.get(claim_text__contains="These are war crimes")
    denial = CandidateSource.objects.get(
        ticket=war_crimes, passage__text__contains="have not committed war crimes"
    )
    assert denial.stance == Stance.CONTRADICTS
    services.candidate_decide(candidate_id=denial.pk, decision=Decision.ACCEPTED, actor=reviewer)
    services.ticket_transition(ticket_id=war_crimes.pk, to_status=TicketStatus.DISPUTED, actor=reviewer)
    war_crimes.refresh_from_db()
    assert war_crimes.status == TicketStatus.DISPUTED


def test_moving_to_the_current_status_is_refused(seeds, reviewer):
    ticket = Ticket.objects.first()
    with pytest.raises(TransitionRefused, match="already unverified"):
        services.ticket_transition(ticket_id=ticket.pk, to_status=TicketStatus.UNVERIFIED, actor=reviewer)


def test_a_stale_edit_is_refused(seeds, reviewer):
    ticket = Ticket.objects.first()
    services.ticket_transition(
        ticket_id=ticket.pk, to_status=TicketStatus.DISPUTED, actor=reviewer, rationale="first reviewer"
    )
    with pytest.raises(StaleEdit, match="changed since you opened it"):
        services.ticket_transition(
            ticket_id=ticket.pk,
            to_status=TicketStatus.DISPUTED,
            actor=reviewer,
            rationale="second reviewer",
            expected_status=TicketStatus.UNVERIFIED,
        )


def test_a_user_without_reviewer_rights_cannot_change_status(seeds):
    reader = get_user_model().objects.create_user("reader", password="x-reader-2026", is_staff=True)
    ticket = Ticket.objects.first()
    with pytest.raises(NotAllowed):
        services.ticket_transition(
            ticket_id=ticket.pk, to_status=TicketStatus.DISPUTED, actor=reader, rationale="no rights"
        )


def test_deciding_twice_records_one_event(corroborated_seeds, reviewer):
    candidate = CandidateSource.objects.first()
    for _ in range(2):
        services.candidate_decide(candidate_id=candidate.pk, decision=Decision.REJECTED, actor=reviewer)
    assert candidate.ticket.events.filter(kind=EventKind.DECISION).count() == 1


def test_the_last_support_of_a_corroborated_ticket_cannot_be_rejected(corroborated_seeds, reviewer):
    from verification.services.decisions import EvidenceInUse

    ticket = _torture_room_ticket()
    support = _candidate(ticket, Stance.SUPPORTS)
    services.candidate_decide(candidate_id=support.pk, decision=Decision.ACCEPTED, actor=reviewer)
    services.ticket_transition(
        ticket_id=ticket.pk, to_status=TicketStatus.CORROBORATED, actor=reviewer, rationale="two towns"
    )
    with pytest.raises(EvidenceInUse, match="move it back to unverified"):
        services.candidate_decide(candidate_id=support.pk, decision=Decision.REJECTED, actor=reviewer)
    support.refresh_from_db()
    assert support.decision == Decision.ACCEPTED
    services.ticket_transition(
        ticket_id=ticket.pk, to_status=TicketStatus.UNVERIFIED, actor=reviewer, rationale="re-checking"
    )
    services.candidate_decide(candidate_id=support.pk, decision=Decision.REJECTED, actor=reviewer)


def test_a_disputed_ticket_with_a_rationale_does_not_pin_its_evidence(corroborated_seeds, reviewer):
    war_crimes = Ticket.objects.get(claim_text__contains="These are war crimes")
    denial = CandidateSource.objects.get(ticket=war_crimes, passage__text__contains="have not committed")
    services.candidate_decide(candidate_id=denial.pk, decision=Decision.ACCEPTED, actor=reviewer)
    services.ticket_transition(
        ticket_id=war_crimes.pk, to_status=TicketStatus.DISPUTED, actor=reviewer, rationale="Russia denies it"
    )
    services.candidate_decide(candidate_id=denial.pk, decision=Decision.REJECTED, actor=reviewer)


def test_a_decision_made_on_a_stale_view_is_refused(corroborated_seeds, reviewer):
    candidate = CandidateSource.objects.first()
    services.candidate_decide(candidate_id=candidate.pk, decision=Decision.REJECTED, actor=reviewer)
    with pytest.raises(StaleEdit, match="since you opened the ticket"):
        services.candidate_decide(
            candidate_id=candidate.pk, decision=Decision.ACCEPTED, actor=reviewer, expected_decision="pending"
        )


def test_a_candidate_is_decided_only_through_its_own_ticket(corroborated_seeds, reviewer):
    candidate = CandidateSource.objects.first()
    other = Ticket.objects.exclude(pk=candidate.ticket_id).first()
    with pytest.raises(CandidateSource.DoesNotExist):
        services.candidate_decide(
            candidate_id=candidate.pk, decision=Decision.ACCEPTED, actor=reviewer, ticket_id=other.pk
        )


@pytest.mark.django_db(transaction=True)
def test_a_decision_and_a_transition_racing_leave_status_and_evidence_consistent(db):
    """Whichever of 'reject the support' and 'corroborate' commits first, the other sees it."""
    import threading

    from django.db import connections

    from tests.conftest import BALAKLIYA, BUCHA, ingest_bucha_wire, ingest_file
    from verification.services.accounts import reviewer_ensure

    ingest_file(BUCHA)
    ingest_file(BALAKLIYA)
    ingest_bucha_wire()
    reviewer, _ = reviewer_ensure(username="racer", password="race-2026-desk")
    ticket = _torture_room_ticket()
    services.ticket_corroborate(ticket_id=ticket.pk)
    support = _candidate(ticket, Stance.SUPPORTS)
    services.candidate_decide(candidate_id=support.pk, decision=Decision.ACCEPTED, actor=reviewer)
    CandidateSource.objects.filter(ticket=ticket).exclude(pk=support.pk).delete()
    barrier = threading.Barrier(2)
    errors = []

    def run(action):
        try:
            barrier.wait()
            action()
        except (TransitionRefused, services.decisions.EvidenceInUse) as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(
            target=run,
            args=(
                lambda: services.candidate_decide(
                    candidate_id=support.pk, decision=Decision.REJECTED, actor=reviewer
                ),
            ),
        ),
        threading.Thread(
            target=run,
            args=(
                lambda: services.ticket_transition(
                    ticket_id=ticket.pk, to_status=TicketStatus.CORROBORATED, actor=reviewer, rationale="race"
                ),
            ),
        ),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ticket.refresh_from_db()
    support.refresh_from_db()
    assert len(errors) == 1
    corroborated = ticket.status == TicketStatus.CORROBORATED
    assert corroborated == (support.decision == Decision.ACCEPTED)
