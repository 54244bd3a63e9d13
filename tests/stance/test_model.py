"""The shipped stance model: loads from the repository, reads meaning, batches without changing answers."""

import pytest

from verification.stance.model import LABELS, stance_predict

CLAIM = "Russian forces shelled the central hospital in Kharkiv on Monday"
SUPPORT = (
    CLAIM,
    (
        "Russian forces shelled the central hospital in Kharkiv on Monday, killing three patients, "
        "regional officials said."
    ),
)
DENIAL = (
    CLAIM,
    (
        "Moscow denied that its forces shelled the Kharkiv hospital, calling the reports a fabrication "
        "and saying no strike took place."
    ),
)
UNRELATED = (
    CLAIM,
    "Apple unveiled two new iPhones with larger screens at its September event in California.",
)


def test_a_clear_support_a_clear_denial_and_an_unrelated_passage():
    support, denial, unrelated = stance_predict([SUPPORT, DENIAL, UNRELATED])
    assert support.label == "supports"
    assert denial.label == "contradicts"
    assert unrelated.label == "unrelated"


def test_the_unrelated_passage_is_the_least_related_and_the_support_the_most_supporting():
    support, denial, unrelated = stance_predict([SUPPORT, DENIAL, UNRELATED])
    assert unrelated.probabilities["unrelated"] > max(
        support.probabilities["unrelated"], denial.probabilities["unrelated"]
    )
    assert support.probabilities["supports"] > max(
        denial.probabilities["supports"], unrelated.probabilities["supports"]
    )


def test_probabilities_cover_the_four_stances_and_confidence_is_the_winners():
    (prediction,) = stance_predict([SUPPORT])
    assert set(prediction.probabilities) == set(LABELS)
    assert sum(prediction.probabilities.values()) == pytest.approx(1.0, abs=1e-4)
    assert prediction.confidence == max(prediction.probabilities.values())
    assert prediction.probabilities[prediction.label] == prediction.confidence


def test_batched_equals_one_at_a_time_and_order_is_kept():
    pairs = [UNRELATED, SUPPORT, DENIAL, (CLAIM, "Short."), SUPPORT]
    together = stance_predict(pairs)
    assert together == [stance_predict([pair])[0] for pair in pairs]
    assert together[1] == together[4]


def test_no_pairs_no_predictions():
    assert stance_predict([]) == []
