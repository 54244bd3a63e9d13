"""A reviewer corrects a candidate's stance: history, guards, origin counts, re-corroboration, export."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.factories import AppearanceFactory, CandidateFactory, PassageFactory, TicketFactory
from verification import selectors, services
from verification.choices import Decision, EventKind, Stance, TicketStatus
from verification.errors import DomainError, EvidenceInUse, NotAllowed, StaleEdit, TransitionRefused
from verification.models import CandidateSource, Origin
from verification.roles import READ_ONLY_GROUP
from verification.services.accounts import account_ensure
from verification.stance.data import check_bodies, read_fnc_bodies, read_fnc_stances

pytestmark = pytest.mark.django_db


def _mislabelled_support():
    """Return a ticket whose one candidate, from another story, truly supports it but reads "contradicts"."""
    ticket = TicketFactory()
    AppearanceFactory(ticket=ticket)
    passage = PassageFactory()
    passage.origin = Origin.objects.create(first_document=passage.document, label="Wire report")
    passage.save(update_fields=["origin"])
    candidate = CandidateFactory(ticket=ticket, passage=passage, stance=Stance.CONTRADICTS)
    return ticket, candidate


def test_a_corrected_stance_is_recorded_with_who_and_why_and_the_machines_is_kept(reviewer):
    ticket, candidate = _mislabelled_support()
    services.candidate_stance_correct(
        candidate_id=candidate.pk, stance=Stance.SUPPORTS, rationale="It confirms the count.", actor=reviewer
    )
    candidate.refresh_from_db()
    assert (candidate.stance, candidate.machine_stance) == (Stance.SUPPORTS, Stance.CONTRADICTS)
    assert candidate.stance_corrected_by == reviewer
    assert candidate.stance_corrected_at
    event = ticket.events.get()
    assert (event.kind, event.candidate, event.from_stance, event.to_stance) == (
        EventKind.STANCE_CORRECTION,
        candidate,
        Stance.CONTRADICTS,
        Stance.SUPPORTS,
    )
    assert (event.actor, event.rationale) == (reviewer, "It confirms the count.")
    ticket.refresh_from_db()
    assert ticket.version == 2


def test_the_guard_and_the_origin_counts_use_the_corrected_stance(reviewer):
    ticket, candidate = _mislabelled_support()
    services.candidate_decide(candidate_id=candidate.pk, decision=Decision.ACCEPTED, actor=reviewer)
    with pytest.raises(TransitionRefused, match="supporting source"):
        services.ticket_transition(ticket_id=ticket.pk, to_status=TicketStatus.CORROBORATED, actor=reviewer)
    assert selectors.ticket_list().get(pk=ticket.pk).contradicting_origins == 1
    services.candidate_stance_correct(
        candidate_id=candidate.pk, stance=Stance.SUPPORTS, rationale="Same figure, same town.", actor=reviewer
    )
    counted = selectors.ticket_list().get(pk=ticket.pk)
    assert (counted.supporting_origins, counted.contradicting_origins) == (1, 0)
    services.ticket_transition(ticket_id=ticket.pk, to_status=TicketStatus.CORROBORATED, actor=reviewer)
    # The verdict rests on it now: correcting it away is refused, and nothing changes.
    with pytest.raises(EvidenceInUse):
        services.candidate_stance_correct(
            candidate_id=candidate.pk, stance=Stance.DISCUSSES, rationale="On second thoughts", actor=reviewer
        )
    candidate.refresh_from_db()
    assert candidate.stance == Stance.SUPPORTS


def test_bad_corrections_are_refused_with_a_clear_error_and_change_nothing(reviewer):
    ticket, candidate = _mislabelled_support()
    with pytest.raises(DomainError, match="not a stance"):
        services.candidate_stance_correct(
            candidate_id=candidate.pk, stance="related", rationale="x", actor=reviewer
        )
    with pytest.raises(DomainError, match="Say why"):
        services.candidate_stance_correct(
            candidate_id=candidate.pk, stance=Stance.SUPPORTS, rationale=" ", actor=reviewer
        )
    with pytest.raises(StaleEdit):
        services.candidate_stance_correct(
            candidate_id=candidate.pk,
            stance=Stance.SUPPORTS,
            rationale="why",
            expected_stance=Stance.SUPPORTS,
            actor=reviewer,
        )
    viewer, _ = account_ensure(username="vic", password="vic-views-2026", role=READ_ONLY_GROUP)
    with pytest.raises(NotAllowed):
        services.candidate_stance_correct(
            candidate_id=candidate.pk, stance=Stance.SUPPORTS, rationale="why", actor=viewer
        )
    candidate.refresh_from_db()
    assert candidate.stance == Stance.CONTRADICTS
    assert not ticket.events.exists()


def test_corroborating_again_never_overwrites_a_reviewers_stance(corroborated_seeds, reviewer):
    bucha, balakliya = corroborated_seeds
    other_town = CandidateSource.objects.filter(
        ticket__appearances__document=bucha, passage__document=balakliya, stance=Stance.UNRELATED
    ).first()
    services.candidate_stance_correct(
        candidate_id=other_town.pk,
        stance=Stance.DISCUSSES,
        rationale="A pattern, not this room.",
        actor=reviewer,
    )
    services.ticket_corroborate(ticket_id=other_town.ticket_id)
    other_town.refresh_from_db()
    assert (other_town.stance, other_town.machine_stance) == (Stance.DISCUSSES, Stance.UNRELATED)
    assert other_town.decision == Decision.PENDING


def test_exported_labels_read_back_as_the_training_data_format(reviewer, tmp_path: Path):
    ticket, corrected = _mislabelled_support()
    services.candidate_stance_correct(
        candidate_id=corrected.pk, stance=Stance.SUPPORTS, rationale="It confirms it.", actor=reviewer
    )
    accepted = CandidateFactory(ticket=ticket, stance=Stance.CONTRADICTS)
    services.candidate_decide(candidate_id=accepted.pk, decision=Decision.ACCEPTED, actor=reviewer)
    rejected = CandidateFactory(ticket=ticket, stance=Stance.SUPPORTS)
    services.candidate_decide(candidate_id=rejected.pk, decision=Decision.REJECTED, actor=reviewer)
    CandidateFactory(ticket=ticket, stance=Stance.SUPPORTS)  # undecided: no label

    call_command("export_stance_labels", str(tmp_path / "labels"), stdout=StringIO())
    stances_csv, bodies_csv = tmp_path / "labels" / "stances.csv", tmp_path / "labels" / "bodies.csv"
    assert stances_csv.read_text().splitlines()[0] == "Headline,Body ID,Stance"
    assert bodies_csv.read_text().splitlines()[0] == "Body ID,articleBody"
    pairs = read_fnc_stances(stances_csv)
    bodies = read_fnc_bodies(bodies_csv)
    check_bodies(pairs, bodies, path=bodies_csv)
    assert [(p.headline, p.body_id, p.stance) for p in pairs] == [
        (ticket.claim_text, f"passage-{corrected.passage_id}", "supports"),
        (ticket.claim_text, f"passage-{accepted.passage_id}", "contradicts"),
    ]
    assert bodies[f"passage-{corrected.passage_id}"] == corrected.passage.text

    call_command("export_stance_labels", str(tmp_path / "all"), "--rejected-as-unrelated", stdout=StringIO())
    labelled = {p.body_id: p.stance for p in read_fnc_stances(tmp_path / "all" / "stances.csv")}
    assert labelled[f"passage-{rejected.passage_id}"] == "unrelated"
