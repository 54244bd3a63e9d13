"""Candidate retrieval: PostgreSQL full text and pgvector, fused, re-ranked by features a reviewer reads."""

from .passages import Candidate, passage_candidates
from .ranking import Match, overlap
from .retrieval import best_matches, text_lexemes
from .semantic import semantic_enabled

__all__ = [
    "Candidate",
    "Match",
    "best_matches",
    "overlap",
    "passage_candidates",
    "semantic_enabled",
    "text_lexemes",
]
