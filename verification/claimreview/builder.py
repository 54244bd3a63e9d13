"""Build the ClaimReview JSON-LD Google's fact-check markup asks for, from a reviewed claim."""

from __future__ import annotations

import datetime as dt
import re

from .records import ClaimAppearance, Publisher, ReviewedClaim

# The desk's verdicts on a 1-5 scale (5: the claim holds up), with the words a reader sees.
RATINGS = {
    "corroborated": (5, "Corroborated"),
    "disputed": (1, "Disputed"),
}
BEST_RATING, WORST_RATING = 5, 1

# A claimant named with a title is a person; anyone else ("Ukrainian officials", "the Prosecutor
# General's Office", "Russia") is taken for an organisation.
_PERSON_TITLE = re.compile(r"^(Mr|Mrs|Ms|Miss|Dr|Prof|President|Prime Minister|Minister|Sir|Dame)\b\.?")


def _claim_author(claimant: str, appearances: list[ClaimAppearance]) -> dict:
    """Return the claim's author: the claimant, or the first publisher when nobody is quoted."""
    if claimant:
        kind = "Person" if _PERSON_TITLE.match(claimant) else "Organization"
        return {"@type": kind, "name": claimant}
    publisher = next((a.publisher for a in appearances if a.publisher), "")
    return {"@type": "Organization", "name": publisher or "Unknown"}


def _creative_work(appearance: ClaimAppearance) -> dict:
    work: dict[str, object] = {"@type": "CreativeWork", "headline": appearance.title}
    if appearance.url:
        work["url"] = appearance.url
    if appearance.published_on:
        work["datePublished"] = appearance.published_on.isoformat()
    if appearance.publisher:
        work["publisher"] = {"@type": "Organization", "name": appearance.publisher}
    return work


def claim_review(claim: ReviewedClaim, *, publisher: Publisher) -> dict:
    """Return the ClaimReview JSON-LD for a ticket with a verdict; raise ValueError for an open ticket."""
    if claim.status not in RATINGS:
        raise ValueError(f"Ticket {claim.ticket_id} is {claim.status}; only a verdict can be published.")
    value, label = RATINGS[claim.status]
    # The first appearance is the earliest dated one; undated ones follow in the order they were seen.
    dated = sorted(
        (a for a in claim.appearances if a.published_on), key=lambda a: a.published_on or dt.date.min
    )
    ordered = dated + [a for a in claim.appearances if not a.published_on]
    item = {"@type": "Claim", "author": _claim_author(claim.claimant, ordered)}
    if ordered:
        item["appearance"] = [_creative_work(a) for a in ordered]
        item["firstAppearance"] = _creative_work(ordered[0])
        if ordered[0].published_on:
            item["datePublished"] = ordered[0].published_on.isoformat()
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": publisher.review_url.format(site_url=publisher.site_url, ticket_id=claim.ticket_id),
        "claimReviewed": claim.claim_text,
        "datePublished": claim.reviewed_at.date().isoformat(),
        "author": {"@type": "Organization", "name": publisher.name, "url": publisher.site_url},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": label,
        },
        "itemReviewed": item,
    }
    if claim.rationale:
        review["reviewBody"] = claim.rationale
    return review
