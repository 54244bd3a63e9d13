"""A claim's plain opposite, and the training pairs read against it with the side swapped."""

import pytest

from verification.stance.data import EvidencePair, StancePair
from verification.stance.negation import negated
from verification.stance.training import TrainingSettings, training_examples


@pytest.mark.parametrize(
    ("claim", "opposite"),
    [
        ("Global warming is an urgent problem.", "Global warming is not an urgent problem."),
        ("Greenhouse gases have been the main cause.", "Greenhouse gases have not been the main cause."),
        ("Turnout was not 64 percent.", "Turnout was 64 percent."),
        ("The ministry didn't confirm the strike.", "The ministry did confirm the strike."),
        ("The ministry didn\u2019t confirm the strike.", "The ministry did confirm the strike."),
        ("Sea ice can't recover.", "Sea ice can recover."),
        ("Apple Will Sell A Watch", "Apple Will not Sell A Watch"),
    ],
)
def test_the_first_auxiliary_is_negated_or_its_negation_taken_away(claim, opposite):
    assert negated(claim) == opposite


@pytest.mark.parametrize(
    "claim",
    [
        "",
        "Clouds provide negative feedback.",  # no auxiliary: no rule writes its opposite
        "There is no scientific consensus.",  # "no" would stay behind a "not"
        "Warming is not caused by the sun, and nothing else explains it.",  # two denials
        "Sea levels may rise by a metre.",  # "may not" does not deny "may"
        "Scientists retracted the claim that sea levels are rising.",  # the auxiliary is in a clause
        "IS reportedly tries to sell a hostage's body",  # a name in capitals, not the verb
    ],
)
def test_a_claim_with_no_plain_opposite_gets_none(claim):
    assert negated(claim) is None


def test_training_reads_each_side_again_against_the_negated_claim_with_the_side_swapped():
    fnc = [
        StancePair("The army is leaving the city", "1", "supports"),
        StancePair("The mayor has resigned", "5", "contradicts"),
        StancePair("The army is leaving the city", "6", "discusses"),
        StancePair("Clouds provide feedback", "1", "supports"),
    ]
    # Bodies 1, 5 and 6 are none of them held out.
    bodies = dict.fromkeys("156", "A body sentence.")
    climate = [EvidencePair("c1", "CO2 is a pollutant.", "CO2 is a pollutant.", "supports")]
    common = {"fnc_pairs": fnc, "bodies": bodies, "climate": climate}
    plain = training_examples(**common, settings=TrainingSettings(newsroom_repeat=0, contradicts_repeat=1))
    with_negations = training_examples(
        **common, settings=TrainingSettings(newsroom_repeat=0, contradicts_repeat=1, negated_claims=True)
    )
    added = {(e.claim, e.label) for e in with_negations} - {(e.claim, e.label) for e in plain}
    assert added == {
        ("The army is not leaving the city", "contradicts"),
        ("The mayor has not resigned", "supports"),
        ("CO2 is not a pollutant.", "contradicts"),
    }
    assert len(with_negations) == len(plain) + 3
