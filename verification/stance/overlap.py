"""How many of a claim's content words a text repeats: the word-overlap signal; pure."""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z0-9]+")
# Function words carry no topic; left out of the overlap.
_STOPWORD_TEXT = (
    "a an the of to in on at for and or but is are was were be been has have had it its this that "
    "these those with by from as after over about into he she they we you i his her their our not no "
    "says said say will would could can may might just than then so if what who how why when"
)
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def content_words(text: str) -> set[str]:
    """Return the lowercased content words of text, crudely stemmed (plural and -ed/-ing cut)."""
    words = set()
    for word in _WORD.findall(text.lower()):
        if word in _STOPWORDS:
            continue
        for suffix in ("ing", "ed", "es", "s"):
            if len(word) > len(suffix) + 3 and word.endswith(suffix):
                word = word[: -len(suffix)]
                break
        words.add(word)
    return words


def overlap_share(claim: str, text: str) -> float:
    """Return the share of the claim's content words that text repeats (0 when the claim has none)."""
    words = content_words(claim)
    return len(words & content_words(text)) / len(words) if words else 0.0
