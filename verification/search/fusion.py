"""Reciprocal rank fusion of several rankings, and the relevance score a reviewer reads; pure."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

# The usual constant: a rank-1 hit in one list is worth about as much as rank 10 in two.
RRF_K = 60


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[Hashable]], *, k: int = RRF_K
) -> dict[Hashable, float]:
    """Return each item's fused score: the sum over rankings of 1 / (k + rank), rank from 1."""
    fused: dict[Hashable, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            fused[item] = fused.get(item, 0.0) + 1.0 / (k + rank)
    return fused
