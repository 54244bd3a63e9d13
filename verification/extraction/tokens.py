"""Word tokens with offsets, and phrase matching, shared by the scoring and attribution rules."""

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

# A word keeps inner apostrophes and hyphens: "General’s", "they’ve", "so-called";
# a number keeps its separators and decimals: "700,000", "3.5".
_WORD = re.compile(r"\d+(?:[.,]\d+)*(?:[’'\-]\w+)*|\w+(?:[’'\-]\w+)*")


_DIGIT = re.compile(r"\d")
# A "sentence" longer than this is not prose (a table, a dump, a missing full stop): the
# rules read its first part only, which bounds the work one sentence can cost.
ANALYSED_CHARS = 3000
# Sentences whose tokens are kept for the next rule that reads the same sentence: a handful,
# so the rules of one sentence share them but no later article (or benchmark round) does.
TOKENIZED_KEPT = 8


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a sentence and where it sits in that sentence."""

    text: str
    start: int
    end: int
    # Computed once: the rules ask for them many times per word.
    lower: str  # lowercased, curly apostrophes made straight
    is_capitalised: bool  # starts with an uppercase letter
    has_digit: bool  # a number, or a word with a digit in it


@functools.lru_cache(maxsize=TOKENIZED_KEPT)
def tokenize(text: str) -> tuple[Token, ...]:
    """Split text into word tokens with their offsets."""
    # Cached: the scoring, attribution and description rules each read the same sentence.
    return tuple(
        Token(
            word,
            match.start(),
            match.end(),
            word.lower().replace("’", "'"),
            word[:1].isupper(),
            not word.isalpha() and _DIGIT.search(word) is not None,
        )
        for match in _WORD.finditer(text)
        for word in (match.group(0),)
    )


def normalise(text: str) -> str:
    """Return text with curly apostrophes made straight; offsets are unchanged."""
    # Same length in, same length out, so match offsets still slice the original.
    return text.replace("’", "'").replace("‘", "'")


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """Compile a case-insensitive whole-word pattern matching any of phrases."""
    ordered = sorted({normalise(phrase) for phrase in phrases}, key=len, reverse=True)
    alternatives = "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in ordered)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def find_phrases(pattern: re.Pattern[str], text: str) -> list[str]:
    """Return the distinct matches of pattern in text, as written, in order."""
    found: dict[str, str] = {}  # lowercased -> as first written
    for match in pattern.finditer(normalise(text)):
        written = text[match.start() : match.end()]
        found.setdefault(written.lower(), written)
    return list(found.values())
