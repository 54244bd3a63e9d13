"""Corroboration across the seeds: cross-document candidates, the denial, idempotent attaching."""

import pytest
from django.utils import timezone

from tests.conftest import assert_each_seed_has_evidence_from_the_other
from verification import services
from verification.choices import Decision, Stance
from verification.models import CandidateSource, Ticket

pytestmark = pytest.mark.django_db


def test_each_seed_has_a_ticket_with_a_candidate_from_the_other(corroborated_seeds):
    assert_each_seed_has_evidence_from_the_other(*corroborated_seeds)


def test_candidates_from_the_claims_own_document_are_only_the_denials_it_quotes(corroborated_seeds):
    for candidate in CandidateSource.objects.select_related("passage"):
        own = set(candidate.ticket.appearances.values_list("document_id", flat=True))
        if candidate.passage.document_id in own:
            assert candidate.stance == Stance.CONTRADICTS
            assert any(cue.startswith("clashes: denies the act") for cue in candidate.stance_cues)


def test_the_russian_denial_contradicts_the_war_crimes_claim(corroborated_seeds):
    war_crimes = Ticket.objects.get(claim_text__contains="These are war crimes")
    denial = CandidateSource.objects.get(
        ticket=war_crimes, passage__text__contains="have not committed war crimes"
    )
    assert denial.stance == Stance.CONTRADICTS
    assert any("not" in cue for cue in denial.stance_cues)
    assert {"war", "crime"} <= set(denial.matched_terms)


def test_corroborating_again_attaches_nothing_twice_and_keeps_decisions(corroborated_seeds, reviewer):
    ticket = Ticket.objects.filter(candidates__isnull=False).first()
    before = CandidateSource.objects.filter(ticket=ticket).count()
    decided = ticket.candidates.first()
    services.candidate_decide(candidate_id=decided.pk, decision=Decision.ACCEPTED, actor=reviewer)
    outcome = services.ticket_corroborate(ticket_id=ticket.pk)
    assert outcome.attached == 0 and outcome.refreshed == before - 1  # the decided one is left alone
    assert CandidateSource.objects.filter(ticket=ticket).count() == before
    decided.refresh_from_db()
    assert decided.decision == Decision.ACCEPTED


def test_corroboration_stamps_the_ticket(corroborated_seeds):
    assert not Ticket.objects.filter(last_corroborated_at__isnull=True).exists()


def test_stale_tickets_are_those_never_or_long_ago_corroborated(seeds, settings):
    from verification import selectors

    assert len(selectors.stale_ticket_ids(older_than=timezone.now())) == Ticket.objects.count()
    Ticket.objects.update(last_corroborated_at=timezone.now())
    assert selectors.stale_ticket_ids(older_than=timezone.now() - settings.VERIFICATION["STALE_AFTER"]) == []


def test_a_new_document_finds_the_open_tickets_it_bears_on(db):
    from tests.conftest import BALAKLIYA, BUCHA, ingest_file
    from verification import selectors

    ingest_file(BUCHA)
    balakliya = ingest_file(BALAKLIYA).document
    bearing = set(selectors.open_ticket_ids_bearing_on(document_id=balakliya.pk))
    torture_room = Ticket.objects.get(
        claim_text__startswith="Ukrainian officials say that they have discovered"
    )
    assert torture_room.pk in bearing
    assert not Ticket.objects.filter(pk__in=bearing, appearances__document=balakliya).exists()


def test_a_decided_candidate_keeps_the_stance_the_reviewer_saw(corroborated_seeds, reviewer):
    war_crimes = Ticket.objects.get(claim_text__contains="These are war crimes")
    denial = CandidateSource.objects.get(ticket=war_crimes, passage__text__contains="have not committed")
    services.candidate_decide(candidate_id=denial.pk, decision=Decision.ACCEPTED, actor=reviewer)
    # As if the stance rules had changed since: the stored label differs from what a re-run computes.
    CandidateSource.objects.filter(pk=denial.pk).update(stance=Stance.DISCUSSES, stance_cues=["as decided"])
    pending = war_crimes.candidates.exclude(pk=denial.pk).first()
    CandidateSource.objects.filter(pk=pending.pk).update(score=0.01, stance_cues=["stale"])
    services.ticket_corroborate(ticket_id=war_crimes.pk)
    denial.refresh_from_db()
    pending.refresh_from_db()
    assert (denial.stance, denial.stance_cues) == (Stance.DISCUSSES, ["as decided"])
    assert pending.score > 0.01 and pending.stance_cues != ["stale"]


def test_rejected_evidence_does_not_count_as_support(reviewer):
    from tests.factories import ticket_with_evidence
    from verification import selectors

    ticket = ticket_with_evidence(supporting=2, contradicting=1)
    assert selectors.ticket_list().get(pk=ticket.pk).supporting_count == 2
    for candidate in ticket.candidates.filter(stance=Stance.SUPPORTS):
        services.candidate_decide(candidate_id=candidate.pk, decision=Decision.REJECTED, actor=reviewer)
    assert selectors.ticket_list().get(pk=ticket.pk).supporting_count == 0


def test_beat_queues_at_most_a_batch_of_the_stalest_tickets(seeds, settings):
    from verification import selectors

    settings.VERIFICATION = {**settings.VERIFICATION, "STALE_BATCH": 3}
    never = list(Ticket.objects.order_by("pk").values_list("pk", flat=True))
    queued = services.stale_tickets_enqueue()
    assert queued == never[:3]
    assert selectors.stale_ticket_ids(older_than=timezone.now(), limit=None) == never
