"""When two claims are the same claim: an exact fingerprint, or a rewording that keeps its facts.

The fingerprint folds case, quotes and punctuation.  A rewording is decided
in two steps: the database proposes tickets whose word stems overlap the
claim's (Dice coefficient at or above a threshold, see ``services.tickets``);
``keeps_facts`` then refuses any pair whose numbers differ or of which one
is negated and the other not, since "40 tanks" is not "14 tanks" and "have
not committed" is the opposite of "have committed".
"""

import hashlib
import re
import unicodedata

from .tokens import normalise, tokenize

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_NOT_WORD = re.compile(r"[^\w]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
NEGATIONS = frozenset(
    "not no never none nobody nothing neither nor without cannot deny denies denied denying".split()
)


def claim_key(text: str) -> str:
    """Return the fingerprint under which the same claim, however punctuated or cased, is one ticket."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return hashlib.sha256(_NOT_WORD.sub(" ", folded).strip().encode("utf-8")).hexdigest()


def numbers(text: str) -> frozenset[str]:
    """Return the numbers written in text, thousands separators removed: "700,000" -> "700000"."""
    found = set()
    for match in _NUMBER.finditer(text):
        number = match.group(0)
        # "700,000" groups thousands; "3.5" and "3,5" are decimals, kept with a full stop.
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+", number):
            number = number.replace(",", "")
        found.add(number.replace(",", "."))
    return frozenset(found)


def is_negated(text: str) -> bool:
    """Return whether text carries an odd number of negations ("not", "never", "n't", "denied")."""
    count = 0
    for token in tokenize(normalise(text)):
        word = token.lower
        count += word in NEGATIONS or word.endswith("n't")
    return count % 2 == 1


def keeps_facts(claim: str, other: str) -> bool:
    """Return whether two similar claims state the same numbers with the same polarity."""
    return numbers(claim) == numbers(other) and is_negated(claim) == is_negated(other)
