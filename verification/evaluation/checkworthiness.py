"""Check-worthiness against labelled sentences, beside the plain "contains a digit" baseline."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass

from verification.extraction import score_sentence

from .labelled import LabelledTexts
from .metrics import BinaryFigures, binary_figures

BASELINE = "contains a digit"
MODEL = "check-worthiness model"


@dataclass(frozen=True)
class CheckworthinessReport:
    """Figures per scorer at one threshold, on one labelled set."""

    threshold: float
    sentences: int
    positives: int
    rows: dict[str, BinaryFigures]

    def as_dict(self) -> dict:
        """Return the report as JSON-ready data."""
        return {
            "threshold": self.threshold,
            "sentences": self.sentences,
            "positives": self.positives,
            "scorers": {name: asdict(figures) for name, figures in self.rows.items()},
        }

    def as_table(self) -> str:
        """Return the report as a plain-text table."""
        lines = [
            (f"{self.sentences:,} sentences, {self.positives:,} labelled check-worthy; "
            f"threshold {self.threshold:g}"),
            f"{'scorer':<24} {'precision':>9} {'recall':>7} {'F1':>6} {'AP':>6}",
        ]
        for name, figures in self.rows.items():
            lines.append(
                f"{name:<24} {figures.precision:>9.3f} {figures.recall:>7.3f} "
                f"{figures.f1:>6.3f} {figures.average_precision:>6.3f}"
            )
        return "\n".join(lines)


def contains_digit(text: str) -> float:
    """Return 1.0 when text contains a digit, else 0.0: the plain baseline."""
    return 1.0 if any(char.isdigit() for char in text) else 0.0


def model_score(text: str) -> float:
    """Return the shipped model's check-worthiness of text."""
    return score_sentence(text)[0]


def checkworthiness_report(
    data: LabelledTexts,
    *,
    threshold: float,
    progress: Callable[[Iterable[str]], Iterable[str]] = iter,
) -> CheckworthinessReport:
    """Return precision, recall, F1 and average precision of the model and of the baseline."""
    scores = [model_score(text) for text in progress(data.texts)]
    baseline = [contains_digit(text) for text in data.texts]
    return CheckworthinessReport(
        threshold=threshold,
        sentences=len(data.labels),
        positives=sum(data.labels),
        rows={
            MODEL: binary_figures(data.labels, scores, threshold=threshold),
            # The baseline's scores are 0 or 1, so any threshold in (0, 1] gives the same decision.
            BASELINE: binary_figures(data.labels, baseline, threshold=0.5),
        },
    )
