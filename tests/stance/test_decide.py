"""How the stance is decided from the model's reading, the event check and the rules; pure."""

from dataclasses import dataclass, field

from verification.choices import Stance
from verification.stance import label_stance
from verification.stance.decide import decide_stance
from verification.stance.events import event_check


@dataclass(frozen=True)
class Reading:
    """A stance model's answer for one pair, in the shape the model returns."""

    label: str
    confidence: float
    probabilities: dict = field(default_factory=dict)


def reading(label: str, p: float) -> Reading:
    rest = (1 - p) / 3
    return Reading(label, p, {s: (p if s == label else rest) for s in Stance.values})


def decide(claim, passage, prediction=None, **context):
    return decide_stance(
        claim=claim,
        passage=passage,
        check=event_check(claim, passage, **context),
        rule=label_stance(claim, passage, score=0.5, shared=("a", "b")),
        prediction=prediction,
    )


CORRECTION = "Turnout was 71.4 percent, not the 64 percent first reported."


def test_the_model_decides_when_the_event_is_compatible_and_its_confidence_is_shown():
    decided = decide(
        "Troops withdrew from Bucha.", "Troops pulled out of Bucha on Monday.", reading("supports", 0.9)
    )
    assert decided.stance == Stance.SUPPORTS and decided.confidence == 0.9
    assert decided.cues[0].startswith("model: supports 0.90")
    assert "agrees: place: bucha" in decided.cues


def test_support_across_two_towns_is_overridden_as_another_event():
    decided = decide(
        "Officials found a torture room in Bucha.",
        "Officials found a torture chamber in Balakliya.",
        reading("supports", 0.95),
    )
    assert decided.stance == Stance.UNRELATED
    assert decided.confidence == round(0.05 / 3, 4)
    assert (
        "event check overrides the model: another event: place: claim bucha, passage balakliya"
        in decided.cues
    )


def test_a_corrected_figure_supports_the_right_figure_and_contradicts_the_wrong_one_with_or_without_model():
    for prediction in (None, reading("contradicts", 0.6), reading("discusses", 0.7)):
        wrong = decide("Turnout in the election was 64 percent.", CORRECTION, prediction)
        assert wrong.stance == Stance.CONTRADICTS
        assert "figure denied: passage says not 64%" in wrong.clashing
    for prediction in (None, reading("discusses", 0.7)):
        right = decide("Turnout in the election was 71.4 percent.", CORRECTION, prediction)
        assert right.stance == Stance.SUPPORTS, prediction
        assert right.agreeing == ("same figure: 71.4% (turnout election)",)


def test_another_quantity_is_not_a_contradiction_without_the_model():
    decided = decide(
        "Turnout in the election was 71.4 percent.", "Measles vaccination reached 81% of children."
    )
    assert decided.stance != Stance.CONTRADICTS
    assert "81% (measles vaccination reached children) is not about turnout election" in decided.cues


def test_a_bare_not_no_longer_contradicts_without_the_model():
    decided = decide(
        "Russian troops tortured civilians in the police station.",
        "Russian troops did not leave the police station until Friday.",
    )
    assert decided.stance == Stance.DISCUSSES
    assert "rules: passage negates: not" in decided.cues


def test_a_denial_of_the_act_contradicts_even_when_the_model_reads_discuss():
    decided = decide(
        "A resident said that Russian troops tortured him at a police station.",
        "It is not the first time Ukraine has accused Russia. But Russia has maintained that its troops "
        "have not committed war crimes.",
        reading("discusses", 0.8),
    )
    assert decided.stance == Stance.CONTRADICTS
    assert decided.sentence == "But Russia has maintained that its troops have not committed war crimes."
    assert "event check overrides the model: the passage denies what the claim asserts" in decided.cues


def test_a_model_contradiction_stands_on_a_compatible_event():
    decided = decide(
        "The bridge in Kherson was destroyed.",
        "The bridge in Kherson is intact.",
        reading("contradicts", 0.8),
    )
    assert decided.stance == Stance.CONTRADICTS and decided.confidence == 0.8
