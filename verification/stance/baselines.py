"""The overlap and negation rules as a stance baseline over plain text pairs; pure."""

from __future__ import annotations

from verification.evaluation.stance import content_words
from verification.search.features import compare
from verification.search.ranking import overlap

from .rules import label_stance


def rules_stance(claim: str, passage: str) -> str:
    """Return the rules' stance of passage towards claim, with "related" read as "discusses"."""
    score, shared = overlap(content_words(claim), content_words(passage))
    label = str(
        label_stance(claim, passage, score=score, shared=shared, comparison=compare(claim, passage)).stance
    )
    return "discusses" if label == "related" else label
