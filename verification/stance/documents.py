"""A document's stance towards a claim, from the stances of its passages; pure.

The model reads a claim with a window of consecutive passages (sentences as ingest splits them,
joined up to ``WINDOW_WORDS`` words). A document is unrelated only when every window is; otherwise
it takes the side its most confident related window takes, and names that window's passages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .model import StancePrediction, stance_predict

# Words of consecutive passages read together: about the lead paragraph of a news story, and
# short enough (with the claim) for the model's token budget.
WINDOW_WORDS = 60
# A window counts as related when the model gives "unrelated" less than this probability.
RELATED_BELOW = 0.5
SIDES = ("supports", "contradicts")


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


def document_stance(
    claim: str,
    passages: Sequence[str],
    *,
    predict: Callable[[Sequence[tuple[str, str]]], list[StancePrediction]] = stance_predict,
) -> tuple[str, tuple[int, ...], float]:
    """Return the document's stance towards claim, the passages that carry it and its confidence."""
    windows = passage_windows(passages)
    if not windows:
        return "unrelated", (), 1.0
    predictions = predict([(claim, text) for _, text in windows])
    return aggregate_windows([indices for indices, _ in windows], predictions)


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
