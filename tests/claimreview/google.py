"""The fields Google's fact-check (ClaimReview) markup requires or recommends, as a checker."""


def missing_google_fields(review: dict, *, claim_dated: bool = True) -> list[str]:
    """Return the Google ClaimReview fields missing or empty in review (an empty list when it passes).

    claim_dated: whether the claim's first appearance has a date to give (an undated article has none).
    """
    missing = []

    def need(path: str, value) -> None:
        if value in (None, "", [], {}):
            missing.append(path)

    need("@context", review.get("@context") == "https://schema.org" or None)
    need("@type", review.get("@type") == "ClaimReview" or None)
    need("claimReviewed", review.get("claimReviewed"))
    need("url", str(review.get("url", "")).startswith(("http://", "https://")) or None)
    need("datePublished", review.get("datePublished"))
    author = review.get("author") or {}
    need("author.name", author.get("name"))
    need("author.@type", author.get("@type") in ("Organization", "Person") or None)
    rating = review.get("reviewRating") or {}
    need("reviewRating.@type", rating.get("@type") == "Rating" or None)
    need("reviewRating.alternateName", rating.get("alternateName"))
    for bound in ("ratingValue", "bestRating", "worstRating"):
        need(f"reviewRating.{bound}", isinstance(rating.get(bound), int) or None)
    if all(isinstance(rating.get(b), int) for b in ("ratingValue", "bestRating", "worstRating")):
        need(
            "reviewRating in range",
            rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"] or None,
        )
    item = review.get("itemReviewed") or {}
    need("itemReviewed.@type", item.get("@type") == "Claim" or None)
    need("itemReviewed.author.name", (item.get("author") or {}).get("name"))
    need("itemReviewed.appearance", item.get("appearance"))
    need("itemReviewed.firstAppearance", item.get("firstAppearance"))
    if claim_dated:
        need("itemReviewed.datePublished", item.get("datePublished"))
    return missing
