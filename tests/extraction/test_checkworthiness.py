"""Sentence scores: the learned weights move the score the documented way, with their evidence."""

import math

import pytest

from verification.extraction import Reason, score_sentence
from verification.extraction.checkworthiness import sigmoid
from verification.extraction.extractor import DEFAULT_THRESHOLD
from verification.extraction.model import LinearModel, shipped_model


def features(sentence: str) -> dict[str, Reason]:
    return {reason.feature: reason for reason in score_sentence(sentence)[1]}


def score(sentence: str) -> float:
    return score_sentence(sentence)[0]


def test_score_is_the_sigmoid_of_the_sum_of_its_reasons():
    for sentence in [
        "Russian troops killed five civilians in Bucha on Monday, officials said.",
        "Is it true?",
        "I think it will be terrible.",
    ]:
        value, reasons = score_sentence(sentence)
        model = shipped_model()
        assert reasons[0].feature == "base"
        assert reasons[0].weight == round(model.slope * model.intercept + model.offset, 3)
        assert value == round(sigmoid(sum(reason.weight for reason in reasons)), 3)


def test_a_hand_made_model_scores_exactly_by_its_weights():
    model = LinearModel(intercept=-1.0, cues={"quantity": 2.0}, terms={"troops": 0.5, "troops left": 0.25})
    value, reasons = score_sentence("Troops left 12 villages.", model=model)
    assert value == round(1 / (1 + math.exp(-1.75)), 3)
    assert [(reason.feature, reason.weight, reason.evidence) for reason in reasons] == [
        ("base", -1.0, ""),
        ("quantity", 2.0, "12"),
        ("wording", 0.75, "Troops +0.50, Troops left +0.25"),
    ]
    assert reasons[1].says == "a number about villages (“12”)"


def test_a_calibrated_model_scales_every_reason_so_they_still_sum_to_the_score():
    model = LinearModel(intercept=-1.0, cues={"quantity": 2.0}, terms={"troops": 0.5}, slope=0.5, offset=0.25)
    value, reasons = score_sentence("Troops left 12 villages.", model=model)
    assert [reason.weight for reason in reasons] == [-0.25, 1.0, 0.25]
    assert value == round(1 / (1 + math.exp(-1.0)), 3)


@pytest.mark.parametrize(
    ("sentence", "feature", "says"),
    [
        ("Turnout had reached 68 percent, the highest in a decade.", "quantity", "a number about turnout"),
        ("Soldiers tortured and murdered 12 civilians, police said.", "harm", "an accusation of a crime"),
        ("President Volodymyr Zelensky visited Bucha on Monday.", "named_entity", "a named official"),
        ("I think it will be terrible.", "opinion", "an opinion rather than a fact"),
    ],
)
def test_reasons_say_in_words_what_moved_the_score(sentence, feature, says):
    _, reasons = score_sentence(sentence)
    by_feature = {reason.feature: reason for reason in reasons}
    assert by_feature[feature].says.startswith(says)
    assert by_feature["wording"].says.startswith("the wording makes it")
    assert all(reason.says for reason in reasons)


def test_a_factual_event_report_scores_high_with_its_evidence():
    sentence = "Russian troops killed five civilians in Bucha on Monday, officials said."
    found = features(sentence)
    assert found["event_verb"].evidence == "killed"
    assert found["quantity"].evidence == "five"
    assert found["attribution"].evidence == "said"
    assert found["date"].evidence == "Monday"
    assert "Bucha" in found["named_entity"].evidence
    assert score(sentence) >= 0.8


def test_a_quantity_raises_the_score():
    plain = "Residents left the village after the shelling."
    counted = "Dozens of residents left the village after the shelling."
    assert score(counted) > score(plain)
    weight = round(shipped_model().slope * shipped_model().cues["quantity"], 3)
    found = features(counted)["quantity"]
    assert (found.feature, found.weight, found.evidence) == ("quantity", weight, "Dozens")


def test_digits_count_as_quantities_but_years_count_as_dates():
    found = features("He was held at a police station for 40 days in 2022.")
    assert found["quantity"].evidence == "40"
    assert found["date"].evidence == "2022"


def test_a_question_lowers_the_score():
    statement = "Russian troops killed civilians in the town."
    question = "Did Russian troops kill civilians in the town?"
    assert features(question)["question"].weight < 0
    assert score(question) < score(statement)


def test_opinion_lowers_the_score_and_names_the_words():
    found = features("It is very difficult to talk when you see what they have done here.")
    assert found["opinion"].evidence == "difficult"
    assert found["opinion"].weight < 0
    assert score("I think the talks should resume.") < DEFAULT_THRESHOLD


def test_a_prediction_lowers_the_score():
    found = features("The longer the war drags on, the worse it is for everyone.")
    assert found["prediction"].weight < 0
    assert score("The army will continue the operation until it reaches its goals.") < DEFAULT_THRESHOLD


def test_meta_text_about_the_article_is_not_check_worthy():
    assert features("The Independent has not verified the claims.")["meta"].evidence == "has not verified"
    assert score("The Independent has not verified the claims.") < DEFAULT_THRESHOLD
    assert score("Read more about this story in our newsletter.") < DEFAULT_THRESHOLD


def test_a_first_person_feeling_lowers_the_score():
    found = features("I feel so scared when the sirens start at night.")
    assert found["first_person_feeling"].evidence == "I, feel"
    assert score("I feel so scared when the sirens start at night.") < DEFAULT_THRESHOLD


def test_too_short_sentences_are_marked():
    assert features("He left.")["too_short"].evidence == "2 words"


def test_the_wording_reason_names_the_heaviest_words_with_their_signs():
    wording = features("We lost 700,000 jobs in America last year.")["wording"]
    shown = wording.evidence.split(", ")
    assert 1 <= len(shown) <= 4
    assert all(part.rsplit(" ", 1)[1][0] in "+-" for part in shown)
    assert "700,000 +" in wording.evidence  # numbers weigh heavily in debate claims


def test_capitalised_first_words_and_pronouns_are_not_named_entities():
    assert "named_entity" not in features("Troops they met said nothing at all.")
    assert features("Ukrainian President Volodymyr Zelensky visited Bucha.")["named_entity"].evidence == (
        "President Volodymyr Zelensky, Bucha"
    )


def test_a_reporting_noun_after_a_determiner_is_not_an_attribution():
    assert "attribution" not in features("The claims appeared in a report on the website.")


@pytest.mark.parametrize("sentence", ["", " ", "?", "!!!", "...", "“”", "1", "the the the the the"])
def test_degenerate_sentences_score_within_bounds(sentence):
    value, reasons = score_sentence(sentence)
    assert 0.0 <= value <= 1.0
    assert all(isinstance(reason, Reason) for reason in reasons)


def test_the_shipped_cue_weights_have_the_documented_signs():
    cues = shipped_model().cues
    for cue in ["event_verb", "attribution", "quantity", "harm", "named_entity", "date", "past_tense"]:
        assert cues[cue] > 0, cue
    for cue in ["question", "opinion", "prediction", "first_person_feeling", "meta", "too_short"]:
        assert cues[cue] < 0, cue
    assert shipped_model().intercept < 0  # nothing is a claim without some positive evidence


def test_the_shipped_model_says_what_it_was_trained_on_and_how_well_it_did():
    about = shipped_model().about
    assert "ClaimBuster" in about["source"]
    assert "Open Access" in about["source"]
    assert about["sentences"] > about["positives"] > 0
    assert 0 < about["cross_validated"]["f1"] < 1
    assert about["cross_validated"]["threshold"] == DEFAULT_THRESHOLD
