"""Retrieval and stance quality in the Climate-FEVER shape: claims with gold evidence passages; pure.

Claims come as JSON lines (``claim``, ``supports_ids``, ``refutes_ids``); passages as a TSV with
``passage_id``, ``article`` and ``text`` columns. A claim's gold passages are its supporting and
refuting evidence (the labelled "not enough info" passages are not gold). Recall@k is the share
of a claim's gold passages found in the first k results, averaged over claims with gold; MRR is
the mean reciprocal rank of the first gold passage (0 when none is in the results).
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

CUTOFFS = (1, 5, 10)
SUPPORTS, REFUTES = "supports", "refutes"


class EvaluationDataError(ValueError):
    """The labelled data cannot be read; the message says what to fix."""


@dataclass(frozen=True)
class LabelledClaim:
    """A claim and the ids of the passages that support or refute it."""

    claim_id: str
    text: str
    supports: tuple[str, ...]
    refutes: tuple[str, ...]
    # Passages the annotators read and found to say not enough: near the claim, yet not its evidence.
    not_enough: tuple[str, ...] = ()

    @property
    def gold(self) -> tuple[str, ...]:
        """Return the ids of every passage that takes a side on the claim."""
        return self.supports + self.refutes


@dataclass(frozen=True)
class CorpusPassage:
    """A passage of the corpus, its id and the article it comes from."""

    passage_id: str
    article: str
    text: str


def read_claims(path: Path) -> list[LabelledClaim]:
    """Read Climate-FEVER claims (JSON lines), with an error naming the line that is wrong."""
    claims = []
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    claims.append(
                        LabelledClaim(
                            claim_id=str(row["claim_id"]),
                            text=str(row["claim"]),
                            supports=tuple(row.get("supports_ids") or ()),
                            refutes=tuple(row.get("refutes_ids") or ()),
                            not_enough=tuple(row.get("nei_ids") or ()),
                        )
                    )
                except (json.JSONDecodeError, KeyError, TypeError) as exc:
                    raise EvaluationDataError(
                        f"{path}:{number}: expected a JSON object with claim_id, claim, supports_ids and "
                        f"refutes_ids ({exc.__class__.__name__}: {exc})."
                    ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationDataError(f"Cannot read claims from {path}: {exc}.") from exc
    if not claims:
        raise EvaluationDataError(f"{path} holds no claims.")
    return claims


def read_passages(path: Path) -> list[CorpusPassage]:
    """Read the passage TSV (passage_id, article, text), with an error naming what is missing."""
    csv.field_size_limit(sys.maxsize)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            missing = {"passage_id", "article", "text"} - set(reader.fieldnames or ())
            if missing:
                raise EvaluationDataError(
                    f"{path}: the header lacks {', '.join(sorted(missing))}; "
                    "expected tab-separated passage_id, article, text."
                )
            passages = [
                CorpusPassage(passage_id=row["passage_id"], article=row["article"], text=row["text"] or "")
                for row in reader
                if (row.get("text") or "").strip()
            ]
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationDataError(f"Cannot read passages from {path}: {exc}.") from exc
    if not passages:
        raise EvaluationDataError(f"{path} holds no passages.")
    return passages


@dataclass
class RetrievalReport:
    """Retrieval figures over claims with gold passages, and stance accuracy on the gold passages."""

    mode: str
    claims: int = 0
    recall: dict[int, float] = field(default_factory=dict)
    hit_rate: dict[int, float] = field(default_factory=dict)
    mrr: float = 0.0
    stance_pairs: int = 0
    stance_accuracy: float = 0.0
    stance_majority_baseline: float = 0.0
    stance_majority_label: str = ""
    stance_macro_f1: float = 0.0
    stance_majority_macro_f1: float = 0.0
    stance_confusion: dict[str, dict[str, int]] = field(default_factory=dict)

    def as_dict(self) -> dict:
        """Return the report as plain data for JSON."""
        return {
            "mode": self.mode,
            "claims_with_gold": self.claims,
            **{f"recall@{k}": round(v, 4) for k, v in self.recall.items()},
            **{f"hit_rate@{k}": round(v, 4) for k, v in self.hit_rate.items()},
            "mrr": round(self.mrr, 4),
            "stance": {
                "pairs": self.stance_pairs,
                "accuracy": round(self.stance_accuracy, 4),
                "majority_baseline": round(self.stance_majority_baseline, 4),
                "majority_label": self.stance_majority_label,
                "macro_f1": round(self.stance_macro_f1, 4),
                "majority_macro_f1": round(self.stance_majority_macro_f1, 4),
                "confusion": self.stance_confusion,
            },
        }

    def as_table(self) -> str:
        """Return the report as a plain text table."""
        rows = [("Mode", self.mode), ("Claims with gold passages", str(self.claims))]
        rows += [(f"Recall@{k}", f"{v:.3f}") for k, v in self.recall.items()]
        rows += [(f"Hit rate@{k} (any gold in top {k})", f"{v:.3f}") for k, v in self.hit_rate.items()]
        rows.append(("MRR", f"{self.mrr:.3f}"))
        rows.append(("Stance pairs (gold supports/refutes)", str(self.stance_pairs)))
        rows.append(("Stance accuracy", f"{self.stance_accuracy:.3f}"))
        rows.append(
            (
                f"Majority-class baseline ({self.stance_majority_label})",
                f"{self.stance_majority_baseline:.3f}",
            )
        )
        rows.append(("Stance macro-F1 (supports, refutes)", f"{self.stance_macro_f1:.3f}"))
        rows.append(("Majority-class macro-F1", f"{self.stance_majority_macro_f1:.3f}"))
        for gold, predicted in self.stance_confusion.items():
            rows.append((f"  gold {gold} -> predicted", ", ".join(f"{k} {v}" for k, v in predicted.items())))
        width = max(len(name) for name, _ in rows)
        return "\n".join(f"{name.ljust(width)}  {value}" for name, value in rows)


def retrieval_metrics(
    claims: Iterable[LabelledClaim], ranked: Callable[[LabelledClaim], Sequence[str]], report: RetrievalReport
) -> None:
    """Fill the report's recall@k, hit rate@k and MRR from each claim's ranked passage ids."""
    totals: dict[int, float] = dict.fromkeys(CUTOFFS, 0.0)
    hits: Counter[int] = Counter()
    reciprocal = 0.0
    count = 0
    for claim in claims:
        gold = set(claim.gold)
        if not gold:
            continue
        count += 1
        results = list(ranked(claim))
        for k in CUTOFFS:
            found = gold & set(results[:k])
            totals[k] += len(found) / len(gold)
            hits[k] += bool(found)
        first = next((rank for rank, pid in enumerate(results, start=1) if pid in gold), None)
        reciprocal += 1 / first if first else 0.0
    report.claims = count
    report.recall = {k: totals[k] / count if count else 0.0 for k in CUTOFFS}
    report.hit_rate = {k: hits[k] / count if count else 0.0 for k in CUTOFFS}
    report.mrr = reciprocal / count if count else 0.0


def stance_metrics(
    claims: Iterable[LabelledClaim], predict: Callable[[LabelledClaim, str], str], report: RetrievalReport
) -> None:
    """Fill the report's stance accuracy on gold pairs (refutes is right as "contradicts") and baseline."""
    confusion: dict[str, Counter] = {SUPPORTS: Counter(), REFUTES: Counter()}
    expected = {SUPPORTS: "supports", REFUTES: "contradicts"}
    for claim in claims:
        for gold, ids in ((SUPPORTS, claim.supports), (REFUTES, claim.refutes)):
            for passage_id in ids:
                confusion[gold][predict(claim, passage_id)] += 1
    pairs = sum(sum(c.values()) for c in confusion.values())
    right = sum(confusion[gold][expected[gold]] for gold in confusion)
    majority = max(confusion, key=lambda gold: sum(confusion[gold].values()))
    report.stance_pairs = pairs
    report.stance_accuracy = right / pairs if pairs else 0.0
    report.stance_majority_label = majority
    report.stance_majority_baseline = sum(confusion[majority].values()) / pairs if pairs else 0.0
    report.stance_confusion = {gold: dict(sorted(c.items())) for gold, c in confusion.items()}
    report.stance_macro_f1 = _macro_f1(confusion, expected)
    always = {gold: Counter({expected[majority]: sum(c.values())}) for gold, c in confusion.items()}
    report.stance_majority_macro_f1 = _macro_f1(always, expected)


def _macro_f1(confusion: dict[str, Counter], expected: dict[str, str]) -> float:
    """Return the mean F1 of the two gold classes; "discusses" or "unrelated" is a miss for either."""
    scores = []
    for gold, label in expected.items():
        right = confusion[gold][label]
        predicted = sum(c[label] for c in confusion.values())
        actual = sum(confusion[gold].values())
        precision = right / predicted if predicted else 0.0
        recall = right / actual if actual else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores)
