"""Stance quality: FNC-1's score, macro-F1 over the four stances, per-class accuracy, confusion; pure.

FNC-1's score gives 0.25 for telling related from unrelated and 0.75 more for the right related
stance (supports, contradicts, discusses), reported relative to the best possible score of the gold
labels. Macro-F1 is the mean F1 of the classes present in the gold labels or the predictions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from verification.stance.documents import SHIPPED
from verification.stance.overlap import overlap_share

LABELS = ("supports", "contradicts", "discusses", "unrelated")
RELATED = frozenset(LABELS[:3])
# Share of a headline's content words found in the body from which word overlap calls a pair related.
OVERLAP_RELATED = 0.3


@dataclass(frozen=True)
class StanceFigures:
    """How one set of predictions compares with the gold stances."""

    pairs: int
    fnc_score: float  # relative to the best possible
    macro_f1: float
    accuracy: float
    class_accuracy: dict[str, float]  # recall of each gold class
    confusion: dict[str, dict[str, int]]  # gold -> predicted -> count

    def as_dict(self) -> dict:
        """Return the figures as JSON-ready data."""
        return {
            "pairs": self.pairs,
            "fnc_score": round(self.fnc_score, 4),
            "macro_f1": round(self.macro_f1, 4),
            "accuracy": round(self.accuracy, 4),
            "class_accuracy": {label: round(value, 4) for label, value in self.class_accuracy.items()},
            "confusion": self.confusion,
        }


@dataclass
class StanceReport:
    """Figures of the model and of baselines on the same pairs."""

    title: str
    figures: dict[str, StanceFigures] = field(default_factory=dict)  # method -> figures
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        """Return the report as JSON-ready data."""
        return {
            "title": self.title,
            "methods": {name: figures.as_dict() for name, figures in self.figures.items()},
            "notes": self.notes,
        }

    def as_table(self) -> str:
        """Return the report as aligned text: a row per method, then the confusion of each."""
        lines = [self.title, ""]
        header = [
            "method",
            "pairs",
            "FNC score",
            "macro-F1",
            "accuracy",
            *(f"acc {label}" for label in LABELS),
        ]
        rows = [header]
        for name, figures in self.figures.items():
            rows.append(
                [
                    name,
                    str(figures.pairs),
                    f"{figures.fnc_score:.3f}",
                    f"{figures.macro_f1:.3f}",
                    f"{figures.accuracy:.3f}",
                    *(
                        f"{figures.class_accuracy[label]:.3f}" if label in figures.class_accuracy else "-"
                        for label in LABELS
                    ),
                ]
            )
        widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
        lines += [
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows
        ]
        for name, figures in self.figures.items():
            lines += ["", f"Confusion of {name} (rows gold, columns predicted):"]
            predicted = [label for label in LABELS if any(label in row for row in figures.confusion.values())]
            predicted += sorted({p for row in figures.confusion.values() for p in row} - set(predicted))
            table = [["gold \\ predicted", *predicted]]
            for gold, row in figures.confusion.items():
                table.append([gold, *(str(row.get(label, 0)) for label in predicted)])
            cols = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
            lines += [
                "  ".join(cell.rjust(width) for cell, width in zip(r, cols, strict=True)) for r in table
            ]
        lines += ["", *self.notes]
        return "\n".join(lines).rstrip() + "\n"


def fnc_score(gold: Sequence[str], predicted: Sequence[str]) -> tuple[float, float]:
    """Return FNC-1's score of the predictions and the best score the gold labels allow."""
    score = best = 0.0
    for truth, guess in zip(gold, predicted, strict=True):
        best += 0.25 if truth == "unrelated" else 1.0
        if truth == guess:
            score += 0.25
            if truth in RELATED:
                score += 0.75
        elif truth in RELATED and guess in RELATED:
            score += 0.25
    return score, best


def stance_figures(gold: Sequence[str], predicted: Sequence[str]) -> StanceFigures:
    """Return the figures of predicted against gold stances."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold stances but {len(predicted)} predictions")
    confusion: dict[str, Counter] = {}
    for truth, guess in zip(gold, predicted, strict=True):
        confusion.setdefault(truth, Counter())[guess] += 1
    score, best = fnc_score(gold, predicted)
    classes = [label for label in LABELS if label in confusion or label in predicted]
    f1s = []
    for label in classes:
        right = confusion.get(label, Counter())[label]
        guessed = sum(row[label] for row in confusion.values())
        actual = sum(confusion.get(label, Counter()).values())
        precision = right / guessed if guessed else 0.0
        recall = right / actual if actual else 0.0
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    ordered = {label: confusion[label] for label in LABELS if label in confusion}
    return StanceFigures(
        pairs=len(gold),
        fnc_score=score / best if best else 0.0,
        macro_f1=sum(f1s) / len(f1s) if f1s else 0.0,
        accuracy=sum(row[label] for label, row in confusion.items()) / len(gold) if gold else 0.0,
        class_accuracy={label: row[label] / sum(row.values()) for label, row in ordered.items()},
        confusion={label: dict(row) for label, row in ordered.items()},
    )


def word_overlap_stance(claim: str, document: str, *, threshold: float = OVERLAP_RELATED) -> str:
    """Return the word-overlap baseline: "discusses" when enough claim words recur, else "unrelated"."""
    return "discusses" if overlap_share(claim, document) >= threshold else "unrelated"


def report_from(
    title: str,
    gold: Sequence[str],
    methods: dict[str, Sequence[str]],
    *,
    notes: Sequence[str] = (),
) -> StanceReport:
    """Return a report with the figures of each method's predictions against the same gold stances."""
    report = StanceReport(title=title, notes=list(notes))
    for name, predicted in methods.items():
        report.figures[name] = stance_figures(gold, predicted)
    return report


def fnc_evaluate(
    pairs: Sequence,
    bodies: dict[str, str],
    *,
    predict: Callable[[Sequence[tuple[str, str]]], list],
    head: Any = SHIPPED,
    progress: Callable[[Iterable], Iterable] = lambda chunks: chunks,
    chunk: int = 64,
) -> tuple[StanceReport | None, list[str]]:
    """Label every FNC-1 pair as the desk would label the document, and measure against gold if any.

    Each body is split into passages as ingest splits it; the model reads the claim with windows of
    them and the document takes its stance from theirs. Returns the report (None without gold
    labels) and the predicted stance of every pair, in order.
    """
    from verification.extraction.segmentation import split_sentences
    from verification.stance.documents import decide_document, document_windows, event_readings

    passages_of = {
        body_id: [sentence.text for sentence in split_sentences(text)] for body_id, text in bodies.items()
    }
    windows_of = {body_id: document_windows(passages) for body_id, passages in passages_of.items()}
    predicted: list[str] = []
    model_alone: list[str] = []
    for start in progress(range(0, len(pairs), chunk)):
        batch = pairs[start : start + chunk]
        texts = [(pair.headline, text) for pair in batch for _, text in windows_of[pair.body_id]]
        window_predictions = predict(texts)
        offset = 0
        for pair in batch:
            windows = windows_of[pair.body_id]
            if not windows:
                predicted.append("unrelated")
                model_alone.append("unrelated")
                continue
            mine = window_predictions[offset : offset + len(windows)]
            offset += len(windows)
            passages, indices = passages_of[pair.body_id], [indices for indices, _ in windows]
            # The desk's reading: a denial, a clashing figure or another place decides its window.
            readings = event_readings(
                pair.headline, [text for _, text in windows], mine, context=bodies[pair.body_id]
            )
            predicted.append(decide_document(pair.headline, passages, indices, readings, head=head)[0])
            model_alone.append(decide_document(pair.headline, passages, indices, mine, head=head)[0])
    gold = [pair.stance for pair in pairs]
    if any(stance is None for stance in gold):
        return None, predicted
    overlap = [word_overlap_stance(pair.headline, bodies[pair.body_id]) for pair in pairs]
    report = report_from(
        "Stance of whole documents towards headlines (FNC-1 format)",
        gold,
        {"model": predicted, "model alone": model_alone, "word overlap": overlap},
        notes=[
            (
                "FNC score: relative to the best possible (0.25 related/unrelated right, 0.75 more for the "
                "right related stance). Word overlap: related (discusses) when "
                f"{OVERLAP_RELATED:.0%} of the headline's content words recur in the body."
            ),
            (
                "model: as the desk reads it, a window that denies the claim, gives another figure for "
                "the same thing or tells of another place or year is decided by that check; model alone: "
                "the model's windows only."
            ),
        ],
    )
    return report, predicted


def evidence_evaluate(
    pairs: Sequence,
    *,
    predict: Callable[[Sequence[tuple[str, str]]], list],
    rules: Callable[[str, str], str],
    progress: Callable[[Iterable], Iterable] = lambda chunks: chunks,
    chunk: int = 64,
) -> StanceReport:
    """Measure stance on gold evidence (Climate-FEVER: supports or refutes) beside two baselines."""
    from verification.stance.documents import event_readings

    gold_pairs = [pair for pair in pairs if pair.stance in SIDES]
    predicted: list[str] = []
    model_alone: list[str] = []
    for start in progress(range(0, len(gold_pairs), chunk)):
        batch = gold_pairs[start : start + chunk]
        read = predict([(pair.claim, pair.passage) for pair in batch])
        model_alone.extend(p.label for p in read)
        for pair, prediction in zip(batch, read, strict=True):
            predicted.append(event_readings(pair.claim, [pair.passage], [prediction])[0].label)
    gold = [pair.stance for pair in gold_pairs]
    report = StanceReport(
        title="Stance of gold evidence passages towards claims (Climate-FEVER shape)",
        notes=[
            (
                "Gold: each claim's supporting and refuting evidence; any other answer is a miss. "
                "Macro-F1 is the mean F1 of supports and contradicts. Rules: the overlap and negation "
                "rules the desk used before the model, fed with the same words. model: with the desk's "
                "event check (a denial, another figure, another place or year decides); model alone: "
                "without it."
            )
        ],
    )
    for name, answers in (
        ("model", predicted),
        ("model alone", model_alone),
        ("always supports", ["supports"] * len(gold)),
        ("rules", [rules(pair.claim, pair.passage) for pair in gold_pairs]),
    ):
        figures = stance_figures(gold, answers)
        report.figures[name] = two_sided(figures, gold, answers)
    return report


SIDES = ("supports", "contradicts")


def two_sided(figures: StanceFigures, gold: Sequence[str], predicted: Sequence[str]) -> StanceFigures:
    """Return the figures with macro-F1 over the two gold sides only, as Climate-FEVER is measured."""
    f1s = []
    for label in SIDES:
        right = sum(1 for t, p in zip(gold, predicted, strict=True) if t == p == label)
        guessed = sum(1 for p in predicted if p == label)
        actual = sum(1 for t in gold if t == label)
        precision = right / guessed if guessed else 0.0
        recall = right / actual if actual else 0.0
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return StanceFigures(
        pairs=figures.pairs,
        fnc_score=figures.fnc_score,
        macro_f1=sum(f1s) / len(f1s),
        accuracy=figures.accuracy,
        class_accuracy=figures.class_accuracy,
        confusion=figures.confusion,
    )
