"""Frozen records passed between the extraction stages and returned to callers.

They hold plain values only (str, int, float, tuples), so
``dataclasses.asdict`` turns each one into JSON-ready data.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Sentence:
    """A sentence of the source text; ``text == source[start:end]``."""

    text: str
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Reason:
    """One signed contribution to a check-worthiness score and the words behind it."""

    feature: str
    weight: float
    evidence: str
    says: str = ""  # what it means, in the words a reviewer reads


@dataclass(frozen=True)
class ClaimCandidate:
    """A check-worthy sentence with its span, score, reasons, claimant and hedges."""

    text: str
    start: int
    end: int
    score: float
    reasons: tuple[Reason, ...]
    claimant: str | None
    hedges: tuple[str, ...]
