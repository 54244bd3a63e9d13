"""Independent origins: copies of one story (syndication, near-duplicates, republished quotes); no ORM."""

from .fingerprints import (
    BANDS,
    NUM_PERM,
    SAME_ORIGIN_JACCARD,
    Fingerprint,
    document_fingerprint,
    quote_key,
    similarity,
)

__all__ = [
    "BANDS",
    "NUM_PERM",
    "SAME_ORIGIN_JACCARD",
    "Fingerprint",
    "document_fingerprint",
    "quote_key",
    "similarity",
]
