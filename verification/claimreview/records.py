"""The plain data a ClaimReview is built from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Publisher:
    """Who publishes the reviews: the organisation's name, its site and where review N lives."""

    name: str
    site_url: str
    review_url: str  # a template with {site_url} and {ticket_id}


@dataclass(frozen=True)
class ClaimAppearance:
    """A document the claim appeared in."""

    url: str
    title: str
    publisher: str
    published_on: dt.date | None


@dataclass(frozen=True)
class ReviewedClaim:
    """A ticket with a verdict: the claim, who made it, where it appeared, and when the verdict was given."""

    ticket_id: int
    claim_text: str
    claimant: str
    status: str
    reviewed_at: dt.datetime
    rationale: str = ""
    appearances: list[ClaimAppearance] = field(default_factory=list)
