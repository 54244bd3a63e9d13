"""How the stance is decided from the model's reading, the event check and the rules; pure."""

import pytest

from verification.choices import Stance
from verification.stance import label_stance
from verification.stance.decide import decide_candidates, decide_stance, event_stance
from verification.stance.events import event_check
from verification.stance.model import StancePrediction


def reading(label: str, p: float) -> StancePrediction:
    """Return a prediction as the model gives it: label, its probability, and the rest spread evenly."""
    rest = (1 - p) / 3
    return StancePrediction(
        label=label, confidence=p, probabilities={s: (p if s == label else rest) for s in Stance.values}
    )


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
    assert decided.stance == Stance.SUPPORTS
    assert decided.confidence == 0.9
    assert decided.cues[0].startswith("model: supports 0.90")
    assert "agrees: place: bucha" in decided.cues


@pytest.mark.parametrize(
    ("claim", "passage", "why"),
    [
        (
            "Officials found a torture room in Bucha.",
            "Officials found a torture chamber in Balakliya.",
            "place: claim bucha, passage balakliya",
        ),
        (
            "Dock workers went on strike over pension reform in March 2024.",
            "ANTWERP, Belgium, Sept 16, 2024 - Dock workers began a 72-hour strike on Monday over pay.",
            "date: claim March, story filed in September",
        ),
    ],
)
def test_support_across_two_places_or_months_is_overridden_as_another_event(claim, passage, why):
    decided = decide(claim, passage, reading("supports", 0.95))
    assert decided.stance == Stance.UNRELATED
    assert decided.confidence == round(0.05 / 3, 4)
    assert f"event check overrides the model: another event: {why}" in decided.cues


def test_a_corrected_figure_supports_the_right_figure_and_contradicts_the_wrong_one_with_or_without_model():
    for prediction in (None, reading("contradicts", 0.6), reading("discusses", 0.7)):
        wrong = decide("Turnout in the election was 64 percent.", CORRECTION, prediction)
        assert wrong.stance == Stance.CONTRADICTS
        assert "figure denied: passage says not 64%" in wrong.clashing
    # The figure confirmed against the one it corrects supports, even where the model reads a contradiction.
    for prediction in (None, reading("contradicts", 0.9), reading("discusses", 0.7)):
        right = decide("Turnout in the election was 71.4 percent.", CORRECTION, prediction)
        assert right.stance == Stance.SUPPORTS, prediction
        assert right.agreeing == ("same figure: 71.4% (turnout election), not 64%",)


def test_a_figure_stated_alone_gives_way_to_a_confident_contradiction():
    decided = decide(
        "Turnout in the election was 71.4 percent.", "Turnout was 71.4 percent.", reading("contradicts", 0.9)
    )
    assert decided.stance == Stance.CONTRADICTS


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
    assert decided.stance == Stance.CONTRADICTS
    assert decided.confidence == 0.8


def test_an_unsure_model_leaves_the_decision_to_the_rules_and_says_so():
    decided = decide(
        "Russian troops tortured civilians in the police station.",
        "Russian troops did not leave the police station until Friday.",
        reading("contradicts", 0.3),
    )
    assert decided.stance == Stance.DISCUSSES
    assert "the model is unsure: the rules decide" in decided.cues
    assert decided.cues[0].startswith("model: contradicts 0.30 (unsure)")


def test_the_model_reads_only_what_the_event_check_leaves_open_in_one_call():
    from types import SimpleNamespace

    from verification.search.features import compare

    claim = "Officials found a torture room in Bucha."
    texts = [
        "Officials found a torture chamber in Balakliya.",  # another town: decided without the model
        "Officials in Bucha showed the torture room to reporters.",
    ]
    found = [
        SimpleNamespace(
            passage=SimpleNamespace(text=t, document=SimpleNamespace(title="", text=t)),
            score=0.5,
            shared=("offici", "tortur"),
            comparison=compare(claim, t),
            similarity=None,
            cues=(),
        )
        for t in texts
    ]
    calls = []

    def predict(pairs):
        calls.append(list(pairs))
        return [reading("supports", 0.9) for _ in pairs]

    decisions = decide_candidates(claim, found, predict=predict)
    assert calls == [[(claim, texts[1])]]
    assert [d.stance for d in decisions] == [Stance.UNRELATED, Stance.SUPPORTS]
    assert decisions[0].confidence is None
    assert decisions[1].confidence == 0.9


def test_a_claim_that_denies_what_the_passage_asserts_still_contradicts_without_the_model():
    decided = decide(
        "Sea level has not risen at all since 1900.", "Global sea level rose by about 20 cm since 1900."
    )
    assert decided.stance == Stance.CONTRADICTS
    assert "rules: claim negates (not), passage asserts" in decided.cues


def test_a_report_said_to_be_unconfirmed_discusses_whatever_side_the_model_reads():
    passage = (
        "A newspaper report alleged that the club paid 1.2 million pounds to the player's agent. "
        "The league said it was examining the allegations."
    )
    claim = "The club secretly paid 1.2 million pounds to a striker's agent."
    # The claim's figure stated inside an allegation is reported, not confirmed, whatever the model reads.
    for prediction in (
        None,
        reading("supports", 0.9),
        reading("discusses", 0.9),
        reading("contradicts", 0.8),
        reading("unrelated", 0.9),
    ):
        decided = decide(claim, passage, prediction)
        assert decided.stance == Stance.DISCUSSES, prediction
        assert any("reports it unconfirmed: “alleged that”" in cue for cue in decided.cues)
    # Another story that happens to be unconfirmed stays unrelated.
    other = "Prosecutors said the cause of the fire was under investigation."
    assert decide(claim, other, reading("unrelated", 0.9)).stance == Stance.UNRELATED


def test_another_country_or_another_of_a_kind_is_named_in_the_cue_of_another_event():
    nepal = event_check(
        "The World Health Organization has certified Nepal as malaria-free.",
        "The World Health Organization on Monday certified Bhutan as malaria-free.",
    )
    assert event_stance(nepal, Stance.SUPPORTS) == (
        Stance.UNRELATED,
        "another event: country: claim nepal, passage bhutan",
    )
