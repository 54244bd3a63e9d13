"""Precision, recall, F1 and average precision agree with their definitions and with scikit-learn."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score

from verification.evaluation.metrics import average_precision, binary_figures

LABELLED_SCORES = st.lists(
    st.tuples(st.integers(0, 1), st.sampled_from([0.0, 0.1, 0.35, 0.5, 0.5, 0.9, 1.0])),
    min_size=1,
    max_size=60,
)


@settings(max_examples=200, deadline=None, database=None)
@given(LABELLED_SCORES, st.sampled_from([0.0, 0.35, 0.5, 1.0]))
def test_figures_match_scikit_learn(pairs, threshold):
    labels = [label for label, _ in pairs]
    scores = [score for _, score in pairs]
    figures = binary_figures(labels, scores, threshold=threshold)
    predicted = [int(score >= threshold) for score in scores]
    assert figures.precision == pytest.approx(precision_score(labels, predicted, zero_division=0))
    assert figures.recall == pytest.approx(recall_score(labels, predicted, zero_division=0))
    assert figures.f1 == pytest.approx(f1_score(labels, predicted, zero_division=0))
    if any(labels):
        assert figures.average_precision == pytest.approx(average_precision_score(labels, scores))


def test_a_perfect_ranking_has_average_precision_one_and_no_positives_zero():
    assert average_precision([1, 1, 0], [0.9, 0.8, 0.1]) == 1.0
    assert average_precision([0, 0], [0.9, 0.1]) == 0.0


def test_mismatched_lengths_are_refused():
    with pytest.raises(ValueError, match="2 labels but 1 scores"):
        binary_figures([0, 1], [0.5], threshold=0.5)
