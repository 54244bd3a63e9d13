"""Rule-based stance: a passage that negates or denies what the claim asserts contradicts it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from verification.choices import Stance

# Verbal negation and denial words; "no" alone is left out because "with no basic amenities"
# negates a noun, not the event, so only its evidential uses count.
NEGATION = re.compile(
    r"\b(?:not|never|nobody|nothing|none|no evidence|no proof|no sign|no longer)\b|n[’']t\b", re.IGNORECASE
)
DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ial|ials)|reject(?:s|ed)?|refut(?:e|es|ed)|dismiss(?:es|ed)?|false(?:ly)?|fake|hoax"
    r"|fabricat\w*|baseless|untrue|debunk\w*|staged|disinformation)\b",
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


def label_stance(claim: str, passage: str, *, score: float, shared: Sequence[str]) -> StanceLabel:
    """Return the stance of passage towards claim, given their overlap score and shared stems."""
    shared_cue = f"shares: {', '.join(shared)}" if shared else "shares no words"
    if len(shared) < MIN_SHARED_FOR_STANCE:
        return StanceLabel(Stance.RELATED, (shared_cue, "too little in common to take a side"))
    claim_neg, passage_neg = polarity_cues(claim), polarity_cues(passage)
    if passage_neg and not claim_neg:
        return StanceLabel(Stance.CONTRADICTS, (shared_cue, f"passage negates: {', '.join(passage_neg)}"))
    if claim_neg and not passage_neg:
        return StanceLabel(
            Stance.CONTRADICTS, (shared_cue, f"claim negates ({', '.join(claim_neg)}), passage asserts")
        )
    if score >= SUPPORT_MIN_SCORE:
        polarity = "both negate" if claim_neg else "same polarity"
        return StanceLabel(Stance.SUPPORTS, (shared_cue, polarity, f"overlap {score:.2f}"))
    return StanceLabel(Stance.RELATED, (shared_cue, f"overlap {score:.2f} below {SUPPORT_MIN_SCORE}"))
