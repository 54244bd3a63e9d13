"""MinHash fingerprints of texts, their LSH band hashes, and the key a republished quote is found by.

Documents are compared on word 5-gram shingles: two copies of a wire story keep most of their
5-grams even after a new headline, a trimmed paragraph or a local byline, while two different
stories about the same event share very few. The MinHash signature estimates the Jaccard
similarity of the shingle sets; locality-sensitive hashing cuts the signature into bands, and
two documents become candidates when one band hashes the same. The bands are stored in
PostgreSQL (an indexed array column), so every worker sees the same index.
"""

from __future__ import annotations

import hashlib
import re
import struct
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
# 32 bands of 4 rows: a pair with Jaccard 0.5 becomes a candidate with probability
# 1 - (1 - 0.5**4)**32 = 0.87, with 0.7 almost surely (0.9999); candidates are then checked
# against SAME_ORIGIN_JACCARD on the full signature, so false candidates cost a comparison only.
BANDS = 32
ROWS = NUM_PERM // BANDS
# Estimated Jaccard of 5-gram shingles at or above which two documents are copies of one story.
SAME_ORIGIN_JACCARD = 0.5
SHINGLE_WORDS = 5
# A sentence this long, word for word, in two documents is the same quote republished; shorter
# ones ("He said no.") recur by chance.
QUOTE_MIN_WORDS = 8
# Fixed, so signatures from every process and every release stay comparable.
SEED = 20261128

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Fingerprint:
    """A text's MinHash signature and the LSH band hashes it is indexed by."""

    signature: tuple[int, ...]
    bands: tuple[int, ...]


def words(text: str) -> list[str]:
    """Return the lowercased words of text, punctuation and case dropped."""
    return _WORD.findall(text.casefold())


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Return the word size-grams of text (the whole text when it is shorter)."""
    tokens = words(text)
    if len(tokens) <= size:
        return {" ".join(tokens).encode()} if tokens else set()
    return {" ".join(tokens[i : i + size]).encode() for i in range(len(tokens) - size + 1)}


def _band_hash(band: int, rows: np.ndarray) -> int:
    """Return a signed 64-bit hash of one band, distinct per band number, for a bigint column."""
    digest = hashlib.blake2b(struct.pack("<H", band) + rows.astype("<u8").tobytes(), digest_size=8)
    return int.from_bytes(digest.digest(), "little", signed=True)


def document_fingerprint(text: str) -> Fingerprint | None:
    """Return the MinHash fingerprint of text, or None when it has no words."""
    grams = shingles(text)
    if not grams:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update_batch(list(grams))
    values = minhash.hashvalues
    bands = tuple(_band_hash(b, values[b * ROWS : (b + 1) * ROWS]) for b in range(BANDS))
    return Fingerprint(signature=tuple(int(v) for v in values), bands=bands)


def similarity(a: tuple[int, ...] | list[int], b: tuple[int, ...] | list[int]) -> float:
    """Return the Jaccard similarity two signatures estimate (the share of equal minimums)."""
    if len(a) != len(b) or not a:
        return 0.0
    return float(np.count_nonzero(np.asarray(a) == np.asarray(b))) / len(a)


def quote_key(text: str) -> str:
    """Return the key of a sentence long enough to be a quote, or "" for a short one."""
    tokens = words(text)
    if len(tokens) < QUOTE_MIN_WORDS:
        return ""
    return hashlib.sha256(" ".join(tokens).encode()).hexdigest()
