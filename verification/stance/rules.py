"""Rule-based stance cues: negation and denial words, clashing numbers, overlap.

These rules are no longer the desk's stance (see `decide.py`): a bare "not" does not make a
passage contradict. They stay because their cues ("passage negates: not", "number differs")
tell a reviewer what to look at, and as the baseline the stance model is measured against.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from verification.choices import Stance
from verification.search.features import Comparison

# Verbal negation and denial words; "no" alone is left out because "with no basic amenities"
# negates a noun, not the event, so only its evidential uses count.
NEGATION = re.compile(
    r"\b(?:not|never|nobody|nothing|none|no evidence|no proof|no sign|no longer)\b|n[’']t\b", re.IGNORECASE
)
DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ial|ials)|reject(?:s|ed)?|refut(?:e|es|ed)|dismiss(?:es|ed)?|false(?:ly)?|fake|hoax"
    r"|fabricat\w*|baseless|untrue|debunk\w*|staged|disinformation|misinformation|myth|misleading"
    r"|incorrect|inaccurate|unfounded|no basis|contrary to)\b",
    re.IGNORECASE,
)
# Phrases that contain a negation word but assert rather than deny.
IDIOMS = re.compile(
    r"\b(?:not the first|not only|not just|not the only|no doubt|nothing but|never before)\b", re.IGNORECASE
)

# Overlap (Dice over shared stems) from which a same-polarity passage is said to support the claim.
SUPPORT_MIN_SCORE = 0.3
# A passage must share at least this many stems before its polarity says anything about the claim.
MIN_SHARED_FOR_STANCE = 2
# Meaning similarity (cosine of sentence embeddings) from which a passage is a paraphrase.
PARAPHRASE_SIMILARITY = 0.6


@dataclass(frozen=True)
class StanceLabel:
    """A stance and the human-readable cues behind it."""

    stance: Stance
    cues: tuple[str, ...]


def polarity_cues(text: str) -> list[str]:
    """Return the negation and denial words of text, ignoring idioms such as "not the first time"."""
    cleaned = IDIOMS.sub(" ", text)
    return [m.group(0).lower() for m in NEGATION.finditer(cleaned)] + [
        m.group(0).lower() for m in DENIAL.finditer(cleaned)
    ]


def label_stance(
    claim: str,
    passage: str,
    *,
    score: float,
    shared: Sequence[str],
    comparison: Comparison | None = None,
    similarity: float | None = None,
) -> StanceLabel:
    """Return the stance of passage towards claim, given relevance, shared stems, comparison, similarity."""
    shared_cue = f"shares: {', '.join(shared)}" if shared else "shares no words"
    # Few shared words take a side only when the meaning is close (a paraphrase); a short
    # caption sharing one name does not.
    if len(shared) < MIN_SHARED_FOR_STANCE and (similarity is None or similarity < PARAPHRASE_SIMILARITY):
        return StanceLabel(Stance.UNRELATED, (shared_cue, "too little in common to take a side"))
    claim_neg, passage_neg = polarity_cues(claim), polarity_cues(passage)
    if passage_neg and not claim_neg:
        return StanceLabel(Stance.CONTRADICTS, (shared_cue, f"passage negates: {', '.join(passage_neg)}"))
    if claim_neg and not passage_neg:
        return StanceLabel(
            Stance.CONTRADICTS, (shared_cue, f"claim negates ({', '.join(claim_neg)}), passage asserts")
        )
    clashes = _clashes(comparison)
    if clashes:
        return StanceLabel(Stance.CONTRADICTS, (shared_cue, *clashes))
    if score >= SUPPORT_MIN_SCORE:
        polarity = "both negate" if claim_neg else "same polarity"
        agreeing = _agreements(comparison)
        return StanceLabel(Stance.SUPPORTS, (shared_cue, polarity, *agreeing, f"relevance {score:.2f}"))
    return StanceLabel(Stance.DISCUSSES, (shared_cue, f"relevance {score:.2f} below {SUPPORT_MIN_SCORE}"))


def label_candidate(claim: str, candidate) -> StanceLabel:
    """Return the stance of a search candidate towards claim, its cues followed by the ranking's cues."""
    label = label_stance(
        claim,
        candidate.passage.text,
        score=candidate.score,
        shared=candidate.shared,
        comparison=candidate.comparison,
        similarity=candidate.similarity,
    )
    return StanceLabel(label.stance, tuple(dict.fromkeys([*label.cues, *candidate.cues])))


def _clashes(comparison: Comparison | None) -> list[str]:
    """Return the cues of numbers or years that differ for the same thing, when none agree."""
    if comparison is None or comparison.agreeing_numbers:
        return []
    cues = [f"number differs: claim {a}, passage {b}" for a, b in comparison.clashing_numbers]
    if not comparison.agreeing_years:
        cues += [f"year differs: claim {a}, passage {b}" for a, b in comparison.clashing_years]
    return cues


def _agreements(comparison: Comparison | None) -> list[str]:
    """Return the cues of numbers and years claim and passage agree on."""
    if comparison is None:
        return []
    cues = [f"same number: {', '.join(comparison.agreeing_numbers)}"] if comparison.agreeing_numbers else []
    if comparison.agreeing_years:
        cues.append(f"same year: {', '.join(comparison.agreeing_years)}")
    return cues
