"""Sentence scores: each feature moves the score the documented way, with its evidence."""

import pytest

from verification.extraction import Reason, score_sentence
from verification.extraction import checkworthiness as cw


def features(sentence: str) -> dict[str, Reason]:
    return {reason.feature: reason for reason in score_sentence(sentence)[1]}


def score(sentence: str) -> float:
    return score_sentence(sentence)[0]


def test_score_is_the_clipped_sum_of_its_reasons():
    for sentence in [
        "Russian troops killed five civilians in Bucha on Monday, officials said.",
        "Is it true?",
        "I think it will be terrible.",
    ]:
        value, reasons = score_sentence(sentence)
        assert reasons[0] == Reason("base", cw.BASE_SCORE, "")
        assert value == round(min(1.0, max(0.0, sum(reason.weight for reason in reasons))), 3)


def test_a_factual_event_report_scores_high_with_its_evidence():
    found = features("Russian troops killed five civilians in Bucha on Monday, officials said.")
    assert found["event_verb"].evidence == "killed"
    assert found["quantity"].evidence == "five"
    assert found["attribution"].evidence == "said"
    assert found["date"].evidence == "Monday"
    assert "Bucha" in found["named_entity"].evidence
    assert score("Russian troops killed five civilians in Bucha on Monday, officials said.") >= 0.9


def test_a_quantity_raises_the_score():
    plain = "Residents left the village after the shelling."
    counted = "Dozens of residents left the village after the shelling."
    assert score(counted) == pytest.approx(score(plain) + cw.WEIGHT_QUANTITY)
    assert features(counted)["quantity"] == Reason("quantity", cw.WEIGHT_QUANTITY, "Dozens")


def test_digits_count_as_quantities_but_years_count_as_dates():
    found = features("He was held at a police station for 40 days in 2022.")
    assert found["quantity"].evidence == "40"
    assert found["date"].evidence == "2022"


def test_a_question_lowers_the_score():
    statement = "Russian troops killed civilians in the town."
    question = "Did Russian troops kill civilians in the town?"
    assert "question" in features(question)
    assert score(question) < score(statement)
    assert score(question) < 0.5


def test_opinion_lowers_the_score_and_names_the_words():
    found = features("It is very difficult to talk when you see what they have done here.")
    assert found["opinion"] == Reason("opinion", cw.WEIGHT_OPINION, "difficult")
    assert score("I think the talks should resume.") < 0.5


def test_a_prediction_lowers_the_score():
    found = features("The longer the war drags on, the worse it is for everyone.")
    assert found["prediction"].weight == cw.WEIGHT_PREDICTION
    assert score("The army will continue the operation until it reaches its goals.") < 0.5


def test_meta_text_about_the_article_is_not_check_worthy():
    assert features("The Independent has not verified the claims.")["meta"].evidence == "has not verified"
    assert score("The Independent has not verified the claims.") == 0.0
    assert score("Read more about this story in our newsletter.") < 0.5


def test_a_first_person_feeling_lowers_the_score():
    found = features("I feel so scared when the sirens start at night.")
    assert found["first_person_feeling"].evidence == "I, feel"
    assert score("I feel so scared when the sirens start at night.") < 0.5


def test_too_short_sentences_score_low():
    assert features("He left.")["too_short"].evidence == "2 words"
    assert score("Troops killed dozens.") < 0.5


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


def test_weights_have_the_documented_signs():
    positive = [
        cw.WEIGHT_EVENT_VERB,
        cw.WEIGHT_ATTRIBUTION,
        cw.WEIGHT_QUANTITY,
        cw.WEIGHT_HARM,
        cw.WEIGHT_NAMED_ENTITY,
        cw.WEIGHT_DATE,
        cw.WEIGHT_PAST_TENSE,
    ]
    negative = [
        cw.WEIGHT_QUESTION,
        cw.WEIGHT_OPINION,
        cw.WEIGHT_PREDICTION,
        cw.WEIGHT_FIRST_PERSON_FEELING,
        cw.WEIGHT_META,
        cw.WEIGHT_TOO_SHORT,
    ]
    assert all(weight > 0 for weight in positive)
    assert all(weight < 0 for weight in negative)
    assert 0 < cw.BASE_SCORE < 0.5  # nothing is a claim without some positive evidence
