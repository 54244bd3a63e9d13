"""Other fact-checkers' verdicts: ClaimReview records read from pages, feeds and files (no ORM)."""

from .claimreview import FactCheckRecord, claimreviews_in_html, claimreviews_in_json

__all__ = ["FactCheckRecord", "claimreviews_in_html", "claimreviews_in_json"]
