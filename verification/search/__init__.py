"""Full-text retrieval over passages and tickets, ranked by the word stems they share."""

from .ranking import Match, overlap
from .retrieval import best_matches, text_lexemes

__all__ = ["Match", "best_matches", "overlap", "text_lexemes"]
