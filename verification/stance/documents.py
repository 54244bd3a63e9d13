"""A document's stance towards a claim, from the stances of its passages; pure.

The model reads a claim with a window of consecutive passages (sentences as ingest splits them,
joined up to ``WINDOW_WORDS`` words). A document is unrelated only when every window is; otherwise
it takes the side its most confident related window takes, and names that window's passages.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable, Sequence
from typing import Any

from verification.choices import Stance

from .decide import UNSURE_BELOW, event_stance
from .events import event_check
from .model import CARD_PATH, LABELS, StancePrediction, stance_predict
from .overlap import overlap_share

# Words of consecutive passages read together: about the lead paragraph of a news story, and
# short enough (with the claim) for the model's token budget.
WINDOW_WORDS = 60
# Windows of a document the model reads: about the first 500 words. News puts what it reports,
# and whom it quotes denying it, first; the cap bounds the cost of one very long document.
MAX_WINDOWS = 8
# A window counts as related when the model gives "unrelated" less than this probability.
RELATED_BELOW = 0.5
SIDES = ("supports", "contradicts")
# What the document head (a small logistic regression fitted by `train stance`) reads: the lead
# window's probabilities, the strongest window for each stance, and plain word overlap.
FEATURES = (
    "lead_supports",
    "lead_contradicts",
    "lead_discusses",
    "lead_unrelated",
    "max_supports",
    "max_contradicts",
    "max_discusses",
    "max_related",
    "overlap",
)
SHIPPED = "shipped"


@functools.cache
def shipped_head() -> dict[str, Any] | None:
    """Return the document head of the shipped model card, or None when it has none."""
    card = json.loads(CARD_PATH.read_text(encoding="utf-8"))
    return card.get("document_head")


def document_features(
    claim: str, passages: Sequence[str], predictions: Sequence[StancePrediction]
) -> list[float]:
    """Return the head's features for a document from its windows' predictions."""
    lead = predictions[0].probabilities
    return [
        *(lead[label] for label in LABELS),
        *(
            max(p.probabilities[label] for p in predictions)
            for label in ("supports", "contradicts", "discusses")
        ),
        max(1 - p.probabilities["unrelated"] for p in predictions),
        overlap_share(claim, " ".join(passages)),
    ]


def head_probabilities(head: dict[str, Any], features: Sequence[float]) -> dict[str, float]:
    """Return the head's probability of each stance for one document's features."""
    scores = [
        bias + sum(w * f for w, f in zip(weights, features, strict=True))
        for weights, bias in zip(head["weights"], head["bias"], strict=True)
    ]
    top = max(scores)
    exps = [math.exp(score - top) for score in scores]
    return {label: e / sum(exps) for label, e in zip(head["labels"], exps, strict=True)}


def passage_windows(
    passages: Sequence[str], *, max_words: int = WINDOW_WORDS
) -> list[tuple[tuple[int, ...], str]]:
    """Group consecutive passages into windows of at most max_words words (a longer passage alone)."""
    windows: list[tuple[tuple[int, ...], str]] = []
    indices: list[int] = []
    texts: list[str] = []
    words = 0
    for index, passage in enumerate(passages):
        count = len(passage.split())
        if not count:
            continue
        if indices and words + count > max_words:
            windows.append((tuple(indices), " ".join(texts)))
            indices, texts, words = [], [], 0
        indices.append(index)
        texts.append(passage.strip())
        words += count
    if indices:
        windows.append((tuple(indices), " ".join(texts)))
    return windows


def document_windows(passages: Sequence[str]) -> list[tuple[tuple[int, ...], str]]:
    """Return the windows of a document's passages the model reads (the first MAX_WINDOWS)."""
    return passage_windows(passages)[:MAX_WINDOWS]


def document_stance(
    claim: str,
    passages: Sequence[str],
    *,
    predict: Callable[[Sequence[tuple[str, str]]], list[StancePrediction]] = stance_predict,
    head: dict[str, Any] | None | str = SHIPPED,
) -> tuple[str, tuple[int, ...], float]:
    """Return the document's stance towards claim, the passages that carry it and its confidence."""
    windows = document_windows(passages)
    if not windows:
        return "unrelated", (), 1.0
    predictions = predict([(claim, text) for _, text in windows])
    return decide_document(claim, passages, [indices for indices, _ in windows], predictions, head=head)


def event_readings(
    claim: str, texts: Sequence[str], predictions: Sequence[StancePrediction], *, context: str = ""
) -> list[StancePrediction]:
    """Return each window's reading as the desk takes it: the event check's stance where that decides."""
    readings = []
    for text, prediction in zip(texts, predictions, strict=True):
        trusted = Stance(prediction.label) if prediction.confidence >= UNSURE_BELOW else None
        imposed = event_stance(event_check(claim, text, passage_context=context), trusted)
        if imposed is None:
            readings.append(prediction)
            continue
        stance = str(imposed[0])
        readings.append(StancePrediction(stance, 1.0, {label: float(label == stance) for label in LABELS}))
    return readings


def decide_document(
    claim: str,
    passages: Sequence[str],
    windows: Sequence[tuple[int, ...]],
    predictions: Sequence[StancePrediction],
    *,
    head: dict[str, Any] | None | str = SHIPPED,
) -> tuple[str, tuple[int, ...], float]:
    """Return the document's stance from its windows' predictions: by the head when there is one."""
    chosen = shipped_head() if head == SHIPPED else head
    if not isinstance(chosen, dict):
        return aggregate_windows(windows, predictions)
    probabilities = head_probabilities(chosen, document_features(claim, passages, predictions))
    label = max(probabilities, key=lambda key: probabilities[key])
    if label == "unrelated":
        return label, (), probabilities[label]
    carrying = max(zip(windows, predictions, strict=True), key=lambda item: item[1].probabilities[label])[0]
    return label, carrying, probabilities[label]


def aggregate_windows(
    windows: Sequence[tuple[int, ...]], predictions: Sequence[StancePrediction]
) -> tuple[str, tuple[int, ...], float]:
    """Return the document's stance from its windows' predictions, with the carrying passages."""
    related = [
        (window, prediction)
        for window, prediction in zip(windows, predictions, strict=True)
        if prediction.probabilities["unrelated"] < RELATED_BELOW
    ]
    if not related:
        # Unrelated throughout: the confidence is that of the least sure window.
        least = min(predictions, key=lambda p: p.probabilities["unrelated"])
        return "unrelated", (), least.probabilities["unrelated"]
    # A window that takes a side outweighs windows that only report the story; the lead window,
    # which the model learnt documents from, decides between "discusses" and nothing stronger.
    best_window, best = max(related, key=lambda item: max(item[1].probabilities[side] for side in SIDES))
    side = max(SIDES, key=lambda s: best.probabilities[s])
    lead_window, lead = related[0]
    if best.probabilities[side] >= best.probabilities["discusses"]:
        return side, best_window, best.probabilities[side]
    label = max(("supports", "contradicts", "discusses"), key=lambda s: lead.probabilities[s])
    return label, lead_window, lead.probabilities[label]
