"""schema.org ClaimReview JSON-LD for tickets with a verdict; plain data in, plain dicts out, no ORM."""

from .builder import RATINGS, claim_review
from .records import ClaimAppearance, Publisher, ReviewedClaim

__all__ = ["RATINGS", "ClaimAppearance", "Publisher", "ReviewedClaim", "claim_review"]
