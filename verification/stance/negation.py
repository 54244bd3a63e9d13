"""A claim's plain opposite, for training pairs read against both; pure.

Evidence that supports a claim contradicts its negation, and the other way round. Reading the
same passage against both teaches the model to look at what the claim asserts rather than at
the words the two share, the mistake that makes refuting evidence read as support. Only the
plainest negations are made: "not" put after the claim's first auxiliary, or taken away from it.
A claim whose opposite no rule can write (a hedge, "no", "never") gets none.
"""

from __future__ import annotations

import re

# The auxiliaries a "not" follows; hedges ("may", "might", "could") are left out: "may not" is
# no contradiction of "may".
AUXILIARIES = (
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "should", "must",
    "does", "do", "did",
)  # fmt: skip
_CONTRACTED = {
    "isn't": "is", "aren't": "are", "wasn't": "was", "weren't": "were", "hasn't": "has",
    "haven't": "have", "hadn't": "had", "won't": "will", "wouldn't": "would", "can't": "can",
    "cannot": "can", "shouldn't": "should", "mustn't": "must", "doesn't": "does", "don't": "do",
    "didn't": "did",
}  # fmt: skip
_WORD = re.compile(r"[A-Za-z']+")
_NOT = re.compile(r"\s+not\b")
# Words whose opposite is no single "not": left alone, and so is the claim.
_UNRULY = {"no", "never", "nothing", "none", "nobody", "neither", "nor", "may", "might", "could", "not"}
# An auxiliary after one of these belongs to a clause within the claim ("retracted the claim that
# sea levels are rising"): negating it would not negate what the claim asserts.
_CLAUSE = {"that", "which", "who", "whom", "whose", "whether", "if", "because", "when", "while", "where"}

SWAPPED = {"supports": "contradicts", "contradicts": "supports"}


def negated(claim: str) -> str | None:
    """Return the claim with its first auxiliary negated or its negation taken away; None if neither."""
    text = claim.replace("\u2019", "'")
    for match in _WORD.finditer(text):
        word = match.group().lower()
        if word in _CLAUSE:
            return None
        if word in _CONTRACTED and not match.group().isupper():
            base = _CONTRACTED[word].capitalize() if match.group()[0].isupper() else _CONTRACTED[word]
            undone = text[: match.start()] + base + text[match.end() :]
            return None if _denies(undone) else undone
        if word in AUXILIARIES and not match.group().isupper():
            after = text[match.end() :]
            if not_after := _NOT.match(after):
                undone = text[: match.end()] + after[not_after.end() :]
                return None if _denies(undone) else undone
            return None if _denies(text) else text[: match.end()] + " not" + after
        if word in _UNRULY:
            return None
    return None


def _denies(text: str) -> bool:
    """Return whether text still denies something: a claim with two negations has no plain opposite."""
    words = {word.lower() for word in _WORD.findall(text)}
    return bool(words & _UNRULY or words & _CONTRACTED.keys())
