"""Matching tickets to known fact-checks, measured on pairs derived from FNC-1 headlines; pure.

FNC-1 pairs headlines with article bodies (agree, disagree, discuss, unrelated). Headlines related to
the same body tell one story; bodies sharing a related headline are one story too (union-find). For
each story with at least two distinct "agree" headlines, the first (sorted) plays the published
fact-check and the others play new tickets restating the claim, whose gold is that fact-check. The
related headlines of stories without a fact-check are tickets that must match nothing. This is a
stand-in for claim retrieval (CLEF CheckThat! 2020 task 2), not that task: no public labelled set of
tweet-to-fact-check pairs is in the shared data.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

WORD = re.compile(r"\w+")
AGREE, UNRELATED = "agree", "unrelated"


class MatchingDataError(ValueError):
    """The labelled pairs cannot be read; the message says what to fix."""


@dataclass(frozen=True)
class MatchingSet:
    """Fact-checks (id, claim), and queries (claim, id of the fact-check they restate or None)."""

    factchecks: list[tuple[str, str]]
    queries: list[tuple[str, str | None]]


@dataclass
class MatchingReport:
    """P@1 and MRR over restating queries; precision, recall and F1 of what is shown at a threshold."""

    factchecks: int
    positives: int
    negatives: int
    rows: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "factchecks": self.factchecks,
            "positives": self.positives,
            "negatives": self.negatives,
            "methods": self.rows,
        }

    def as_table(self) -> str:
        lines = [
            (
                f"{self.factchecks} fact-checks; {self.positives} tickets restating one, "
                f"{self.negatives} that match none"
            ),
            f"{'method':<37} {'P@1':>6} {'MRR':>6} {'thresh':>6} {'prec':>6} {'recall':>6} {'F1':>6}",
        ]
        lines += [
            f"{r['method']:<37} {r['p_at_1']:>6.3f} {r['mrr']:>6.3f} {r['threshold']:>6.2f} "
            f"{r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f}"
            for r in self.rows
        ]
        return "\n".join(lines)


def read_fnc1_matching(stances: Path) -> MatchingSet:
    """Build the matching set from FNC-1's stances CSV (Headline, Body ID, Stance)."""
    try:
        with stances.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        raise MatchingDataError(f"{stances}: cannot be read ({exc}).") from exc
    if not rows or not {"Headline", "Body ID", "Stance"} <= set(rows[0]):
        raise MatchingDataError(f"{stances}: expected the columns Headline, Body ID and Stance.")
    related = [r for r in rows if r["Stance"] != UNRELATED]
    parent: dict[str, str] = {}

    def find(body: str) -> str:
        while parent.setdefault(body, body) != body:
            parent[body] = parent[parent[body]]
            body = parent[body]
        return body

    bodies_of: dict[str, set[str]] = defaultdict(set)
    for row in related:
        bodies_of[row["Headline"]].add(row["Body ID"])
    for bodies in bodies_of.values():
        first, *others = sorted(bodies)
        for other in others:
            parent[find(other)] = find(first)
    agree: dict[str, set[str]] = defaultdict(set)
    headlines: dict[str, set[str]] = defaultdict(set)
    for row in related:
        story = find(row["Body ID"])
        headlines[story].add(row["Headline"])
        if row["Stance"] == AGREE:
            agree[story].add(row["Headline"])
    factchecks: list[tuple[str, str]] = []
    queries: list[tuple[str, str | None]] = []
    for story in sorted(headlines):
        claims = sorted(agree.get(story, ()))
        if len(claims) >= 2:
            factchecks.append((story, claims[0]))
            queries += [(text, story) for text in claims[1:]]
        else:
            queries += [(text, None) for text in sorted(headlines[story])]
    # A headline can be related to two stories; it then restates the first one it was given.
    seen: set[str] = {text for _, text in factchecks}
    unique: list[tuple[str, str | None]] = []
    for text, gold in queries:
        if text not in seen:
            seen.add(text)
            unique.append((text, gold))
    return MatchingSet(factchecks=factchecks, queries=unique)


def word_overlap_ranking(factchecks: Sequence[tuple[str, str]]) -> Callable[[str], list[tuple[str, float]]]:
    """Return a ranker by Jaccard overlap of lower-cased words: the trivial baseline."""
    words = [(fid, set(WORD.findall(text.lower()))) for fid, text in factchecks]

    def rank(query: str) -> list[tuple[str, float]]:
        q = set(WORD.findall(query.lower()))
        scored = [(fid, len(q & w) / len(q | w)) for fid, w in words if q and w and q & w]
        scored.sort(key=lambda item: item[1], reverse=True)
        return scored[:10]

    return rank


def matching_row(
    method: str,
    queries: Iterable[tuple[str, str | None]],
    ranked: Callable[[str], list[tuple[str, float]]],
    *,
    threshold: float | None,
) -> dict:
    """Score one ranker; with threshold None, use the threshold that gives it its best F1."""
    results = [(gold, ranked(text)) for text, gold in queries]
    positives = [(gold, r) for gold, r in results if gold is not None]
    p_at_1 = sum(bool(r) and r[0][0] == gold for gold, r in positives) / max(len(positives), 1)
    mrr = 0.0
    for gold, r in positives:
        ids = [fid for fid, _ in r]
        mrr += 1 / (ids.index(gold) + 1) if gold in ids else 0.0
    mrr /= max(len(positives), 1)
    candidates = [threshold] if threshold is not None else [t / 100 for t in range(5, 100, 5)]
    best = None
    for cut in candidates:
        shown = [(gold, r[0][0]) for gold, r in results if r and r[0][1] >= cut]
        right = sum(gold == top for gold, top in shown)
        precision = right / len(shown) if shown else 0.0
        recall = right / max(len(positives), 1)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        row = {"threshold": cut, "precision": precision, "recall": recall, "f1": f1}
        if best is None or f1 > best["f1"]:
            best = row
    assert best is not None
    return {"method": method, "p_at_1": p_at_1, "mrr": mrr, **best}
