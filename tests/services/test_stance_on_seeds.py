"""Stance across the two seed stories: another town is another event, Russia's denial contradicts."""

import pytest

from verification.choices import Stance
from verification.models import CandidateSource, Ticket

pytestmark = pytest.mark.django_db

DENIAL_WORDS = "have not committed war crimes"


def test_no_balakliya_passage_supports_a_bucha_claim(corroborated_seeds):
    bucha, balakliya = corroborated_seeds
    across = CandidateSource.objects.filter(
        ticket__appearances__document=bucha, passage__document=balakliya
    ).distinct()
    assert across.count() > 5, "the Balakliya story should still be found for the Bucha claims"
    assert not across.filter(stance=Stance.SUPPORTS).exists()
    # What the reviewer reads instead: another event, because of the place.
    other_town = across.exclude(passage__text__contains=DENIAL_WORDS)
    assert set(other_town.values_list("stance", flat=True)) <= {Stance.UNRELATED, Stance.DISCUSSES}
    for candidate in other_town:
        assert "balakliya" in " ".join(candidate.clashing_facts)


def test_russias_denial_contradicts_the_balakliya_torture_claims(corroborated_seeds):
    _, balakliya = corroborated_seeds
    torture = Ticket.objects.filter(
        appearances__document=balakliya, claim_text__icontains="tortur", claim_text__contains="Russian"
    ).distinct()
    assert torture.count() >= 3
    for ticket in torture:
        denial = ticket.candidates.get(passage__document=balakliya, passage__text__contains=DENIAL_WORDS)
        assert denial.stance == Stance.CONTRADICTS, ticket.claim_text
        assert any("denies the act" in fact for fact in denial.clashing_facts)
        assert DENIAL_WORDS in denial.stance_sentence


def test_russias_denial_contradicts_the_bucha_war_crimes_claims_too(corroborated_seeds):
    bucha, balakliya = corroborated_seeds
    war_crimes = Ticket.objects.filter(appearances__document=bucha, claim_text__icontains="war crimes")
    assert war_crimes.exists()
    for ticket in war_crimes:
        denial = ticket.candidates.get(passage__document=balakliya, passage__text__contains=DENIAL_WORDS)
        assert denial.stance == Stance.CONTRADICTS
        # A general denial names no town, so Balakliya's place does not make it another event.
        assert not any(fact.startswith("place:") for fact in denial.clashing_facts)


def test_a_claims_own_article_never_supports_it(corroborated_seeds):
    for candidate in CandidateSource.objects.select_related("passage"):
        own = set(candidate.ticket.appearances.values_list("document_id", flat=True))
        if candidate.passage.document_id in own:
            assert candidate.stance == Stance.CONTRADICTS
