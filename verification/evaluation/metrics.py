"""Binary classification figures: precision, recall, F1 at a threshold, average precision of a ranking."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class BinaryFigures:
    """What a 0/1 decision got right, and how well its scores rank the positives."""

    precision: float
    recall: float
    f1: float
    average_precision: float
    true_positives: int
    false_positives: int
    false_negatives: int
    support: int


def binary_figures(labels: Sequence[int], scores: Sequence[float], *, threshold: float) -> BinaryFigures:
    """Return the figures of deciding ``score >= threshold`` against labels."""
    if len(labels) != len(scores):
        raise ValueError(f"{len(labels)} labels but {len(scores)} scores")
    tp = fp = fn = 0
    for label, score in zip(labels, scores, strict=True):
        predicted = score >= threshold
        tp += predicted and label == 1
        fp += predicted and label == 0
        fn += (not predicted) and label == 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BinaryFigures(
        precision=precision,
        recall=recall,
        f1=f1,
        average_precision=average_precision(labels, scores),
        true_positives=tp,
        false_positives=fp,
        false_negatives=fn,
        support=len(labels),
    )


def average_precision(labels: Sequence[int], scores: Sequence[float]) -> float:
    """Return the average precision of ranking by score, ties taken together (as scikit-learn does)."""
    positives = sum(labels)
    if not positives:
        return 0.0
    ranked = sorted(zip(scores, labels, strict=True), key=lambda pair: pair[0], reverse=True)
    seen = hits = 0
    total = 0.0
    index = 0
    while index < len(ranked):
        # Every item tied at this score enters the ranking at once.
        score = ranked[index][0]
        group_hits = 0
        while index < len(ranked) and ranked[index][0] == score:
            group_hits += ranked[index][1]
            seen += 1
            index += 1
        hits += group_hits
        total += group_hits * hits / seen
    return total / positives


@dataclass(frozen=True)
class ReliabilityBin:
    """Sentences whose score fell in [low, high): how many, the mean score, the share truly positive."""

    low: float
    high: float
    count: int
    mean_score: float
    positive_rate: float


def reliability_table(
    labels: Sequence[int], scores: Sequence[float], *, bins: int = 10
) -> list[ReliabilityBin]:
    """Return the calibration of scores against labels in equal-width score bins (empty bins left out)."""
    grouped: list[list[tuple[int, float]]] = [[] for _ in range(bins)]
    for label, score in zip(labels, scores, strict=True):
        grouped[min(int(score * bins), bins - 1)].append((label, score))
    table = []
    for number, rows in enumerate(grouped):
        if rows:
            table.append(
                ReliabilityBin(
                    low=number / bins,
                    high=(number + 1) / bins,
                    count=len(rows),
                    mean_score=round(sum(score for _, score in rows) / len(rows), 3),
                    positive_rate=round(sum(label for label, _ in rows) / len(rows), 3),
                )
            )
    return table
