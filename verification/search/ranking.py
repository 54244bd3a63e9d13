"""Pure ranking: how much two bags of word stems overlap, and why."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Match(Generic[T]):
    """An object found for a text, its similarity in [0, 1] and the stems both share."""

    item: T
    score: float
    shared: tuple[str, ...]


def overlap(query: Collection[str], candidate: Collection[str]) -> tuple[float, tuple[str, ...]]:
    """Return the Dice coefficient of two stem sets and the stems they share."""
    a, b = set(query), set(candidate)
    if not a or not b:
        return 0.0, ()
    shared = a & b
    return round(2 * len(shared) / (len(a) + len(b)), 4), tuple(sorted(shared))


def weighted_coverage(
    query: Collection[str], candidate: Collection[str], weights: Mapping[str, float]
) -> float:
    """Return the share of the query's stem weight that the candidate's stems cover, in [0, 1]."""
    a = set(query)
    total = sum(weights.get(stem, 0.0) for stem in a)
    if not total:
        return 0.0
    return round(sum(weights.get(stem, 0.0) for stem in a & set(candidate)) / total, 4)


def rank(
    query: Collection[str], candidates: list[tuple[T, Collection[str]]], *, min_score: float
) -> list[Match[T]]:
    """Return the candidates scoring at least min_score, best first (ties keep their order)."""
    matches = []
    for item, stems in candidates:
        score, shared = overlap(query, stems)
        if score >= min_score and shared:
            matches.append(Match(item=item, score=score, shared=shared))
    matches.sort(key=lambda m: m.score, reverse=True)
    return matches
