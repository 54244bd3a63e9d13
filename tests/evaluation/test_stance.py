"""FNC-1's score, macro-F1 and the word-overlap baseline on small hand-made inputs."""

import pytest

from verification.evaluation.stance import fnc_score, stance_figures, word_overlap_stance


def test_fnc_score_weighs_related_stances_above_relatedness():
    gold = ["supports", "contradicts", "discusses", "unrelated"]
    # Best possible: 1 + 1 + 1 + 0.25.
    assert fnc_score(gold, gold) == (3.25, 3.25)
    # Related but the wrong related stance earns 0.25; a related pair called unrelated earns nothing.
    assert fnc_score(gold, ["contradicts", "unrelated", "discusses", "discusses"]) == (1.25, 3.25)


def test_figures_report_relative_score_macro_f1_and_each_class_accuracy():
    gold = ["supports", "supports", "contradicts", "unrelated", "unrelated", "discusses"]
    predicted = ["supports", "discusses", "contradicts", "unrelated", "supports", "discusses"]
    figures = stance_figures(gold, predicted)
    # Score: 1 + 0.25 + 1 + 0.25 + 0 + 1 of a best 2 + 1 + 0.25 * 2 + 1.
    assert figures.fnc_score == pytest.approx(3.5 / 4.5)
    assert figures.class_accuracy == {"supports": 0.5, "contradicts": 1.0, "discusses": 1.0, "unrelated": 0.5}
    # F1: supports 0.5 (1 of 2 right, 1 of 2 guesses right), contradicts 1, discusses 2/3, unrelated 2/3.
    assert figures.macro_f1 == pytest.approx((0.5 + 1 + 2 / 3 + 2 / 3) / 4)
    assert figures.confusion["unrelated"] == {"unrelated": 1, "supports": 1}
    assert figures.accuracy == pytest.approx(4 / 6)


def test_always_unrelated_scores_the_unrelated_share_only():
    gold = ["unrelated"] * 3 + ["discusses"]
    figures = stance_figures(gold, ["unrelated"] * 4)
    assert figures.fnc_score == pytest.approx(0.75 / 1.75)
    assert figures.macro_f1 == pytest.approx((0 + 2 * 0.75 / 1.75) / 2)


def test_mismatched_lengths_are_an_error():
    with pytest.raises(ValueError, match="2 gold stances but 1 predictions"):
        stance_figures(["supports", "unrelated"], ["supports"])


def test_word_overlap_calls_a_body_on_the_same_topic_related():
    claim = "Islamic State militants behead American journalist James Foley"
    body = "Militants released a video showing journalist James Foley."
    assert word_overlap_stance(claim, body) == "discusses"
    assert word_overlap_stance(claim, "Apple will unveil new iPhones in September.") == "unrelated"
