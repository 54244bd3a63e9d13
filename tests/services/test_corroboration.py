"""Corroboration across the seeds: cross-document candidates, the denial, idempotent attaching."""

import pytest
from django.utils import timezone

from tests.conftest import assert_each_seed_has_evidence_from_the_other
from tests.factories import ticket_with_evidence
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


def _denials(bucha, balakliya):
    """Return Russia's denial (a Balakliya passage) as a candidate of the Bucha claims, whichever they are."""
    return CandidateSource.objects.filter(
        ticket__appearances__document=bucha,
        passage__document=balakliya,
        passage__text__contains="have not committed war crimes",
    )


def test_the_russian_denial_contradicts_a_war_crimes_claim(corroborated_seeds):
    denial = _denials(*corroborated_seeds).filter(stance=Stance.CONTRADICTS).first()
    assert denial is not None, "no Bucha claim has Russia's denial as a contradicting source"
    assert any("not" in cue for cue in denial.stance_cues)
    assert {"war", "crime"} <= set(denial.matched_terms)


def test_corroborating_again_attaches_nothing_twice_and_keeps_decisions(corroborated_seeds, reviewer):
    ticket = Ticket.objects.filter(candidates__isnull=False).first()
    before = CandidateSource.objects.filter(ticket=ticket).count()
    decided = ticket.candidates.first()
    services.candidate_decide(candidate_id=decided.pk, decision=Decision.ACCEPTED, actor=reviewer)
    outcome = services.ticket_corroborate(ticket_id=ticket.pk)
    assert outcome.attached == 0
    assert outcome.refreshed == before - 1
    assert CandidateSource.objects.filter(ticket=ticket).count() == before
    decided.refresh_from_db()
    assert decided.decision == Decision.ACCEPTED


def test_corroboration_stamps_the_ticket(corroborated_seeds):
    assert not Ticket.objects.filter(last_corroborated_at__isnull=True).exists()


def test_stale_tickets_are_those_never_or_long_ago_corroborated(seeds, settings):
    from verification import selectors

    assert len(selectors.stale_ticket_ids(older_than=timezone.now())) == Ticket.objects.count()
    Ticket.objects.update(last_corroborated_at=timezone.now())
    assert selectors.stale_ticket_ids(older_than=timezone.now() - settings.VERIFICATION_STALE_AFTER) == []


def test_a_new_document_finds_the_open_tickets_it_bears_on(db):
    from tests.conftest import BALAKLIYA, BUCHA, ingest_file
    from verification import selectors

    bucha = ingest_file(BUCHA).document
    balakliya = ingest_file(BALAKLIYA).document
    bearing = set(selectors.open_ticket_ids_bearing_on(document_id=balakliya.pk))
    # Both stories tell of Russian troops and civilians: some open Bucha claims bear on Balakliya.
    of_bucha = set(Ticket.objects.filter(appearances__document=bucha).values_list("pk", flat=True))
    assert bearing
    assert bearing <= of_bucha
    assert not Ticket.objects.filter(pk__in=bearing, appearances__document=balakliya).exists()


def test_a_decided_candidate_keeps_the_stance_the_reviewer_saw(corroborated_seeds, reviewer):
    denial = _denials(*corroborated_seeds).first()
    war_crimes = denial.ticket
    services.candidate_decide(candidate_id=denial.pk, decision=Decision.ACCEPTED, actor=reviewer)
    # As if the stance rules had changed since: the stored label differs from what a re-run computes.
    CandidateSource.objects.filter(pk=denial.pk).update(stance=Stance.DISCUSSES, stance_cues=["as decided"])
    pending = war_crimes.candidates.exclude(pk=denial.pk).first()
    CandidateSource.objects.filter(pk=pending.pk).update(score=0.01, stance_cues=["stale"])
    services.ticket_corroborate(ticket_id=war_crimes.pk)
    denial.refresh_from_db()
    pending.refresh_from_db()
    assert (denial.stance, denial.stance_cues) == (Stance.DISCUSSES, ["as decided"])
    assert pending.score > 0.01
    assert pending.stance_cues != ["stale"]


def test_rejected_evidence_does_not_count_as_support(reviewer):
    from verification import selectors

    ticket = ticket_with_evidence(supporting=2, contradicting=1)
    supports = CandidateSource.objects.filter(ticket=ticket, stance=Stance.SUPPORTS)
    assert selectors.ticket_list().get(pk=ticket.pk).supporting_count == supports.count() > 0
    for candidate in supports:
        services.candidate_decide(candidate_id=candidate.pk, decision=Decision.REJECTED, actor=reviewer)
    assert selectors.ticket_list().get(pk=ticket.pk).supporting_count == 0


def test_beat_queues_at_most_a_batch_of_the_stalest_tickets(seeds, settings):
    from verification import selectors

    settings.VERIFICATION_STALE_BATCH = 3
    never = list(Ticket.objects.order_by("pk").values_list("pk", flat=True))
    queued = services.stale_tickets_enqueue()
    assert queued == never[:3]
    assert selectors.stale_ticket_ids(older_than=timezone.now(), limit=None) == never


def _open_tickets_about_tanks(n: int) -> list[int]:
    """Open n tickets about destroyed tanks (0, 1, 2, ... of them), each seen in a document of its own."""
    from tests.factories import SENTENCE, AppearanceFactory

    return [AppearanceFactory(ticket__claim_text=SENTENCE.format(n=k)).ticket_id for k in range(n)]


def _document_about_tanks(paragraphs: int):
    from verification.ingestion import parse_text

    text = "\n\n".join(
        f"Officials said that troops destroyed {n} tanks near the river on Monday." for n in range(paragraphs)
    )
    return services.document_store(incoming=parse_text(text, source_name="t.txt", max_bytes=100_000)).document


def test_a_new_document_rechecks_a_bounded_number_of_tickets_however_many_are_open(db, settings):
    from verification import selectors

    settings.VERIFICATION_RECHECK_PER_PASSAGE = 2
    settings.VERIFICATION_RECHECK_MAX_TICKETS = 5
    # Every ticket matches every passage; each passage ranks the ticket with its own number first,
    # so eight passages would bear on eight tickets or more without the bound.
    _open_tickets_about_tanks(30)
    one_passage = selectors.open_ticket_ids_bearing_on(document_id=_document_about_tanks(1).pk)
    assert len(one_passage) == 2
    many_passages = selectors.open_ticket_ids_bearing_on(document_id=_document_about_tanks(8).pk)
    assert len(many_passages) == 5


def test_a_ticket_whose_corroboration_is_already_queued_is_not_queued_again(db):
    from verification.choices import JobKind, JobStatus
    from verification.models import JobRun

    tickets = _open_tickets_about_tanks(3)
    first = services.document_recheck_open_tickets(document_id=_document_about_tanks(1).pk)
    assert sorted(first["queued"]) == sorted(tickets)
    second = services.document_recheck_open_tickets(document_id=_document_about_tanks(2).pk)
    assert second["queued"] == []
    assert second["already_queued"] == 3
    queued = JobRun.objects.filter(kind=JobKind.CORROBORATE_TICKET, status=JobStatus.QUEUED)
    assert sorted(queued.values_list("ticket_id", flat=True)) == sorted(tickets)
