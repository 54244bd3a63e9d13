"""ClaimReview records read from pages and files; no database."""

import datetime as dt

import pytest

from tests.local_web import claimreview_jsonld
from verification.factchecks import claimreviews_in_html, claimreviews_in_json
from verification.factchecks.claimreview import ClaimReviewUnreadable


def test_a_page_with_claimreview_jsonld_gives_the_verdict():
    page = (
        "<html><head>"
        + claimreview_jsonld(
            claim="Bucha killings were staged", rating="False", author="Check Desk", url="https://fc.example.org/1"
        )
        + '<script type="application/ld+json">{broken</script></head><body><p>x</p></body></html>'
    )
    (record,) = claimreviews_in_html(page, page_url="https://fc.example.org/page")
    assert record.claim_text == "Bucha killings were staged"
    assert record.rating == "False"
    assert record.author == "Check Desk"
    assert record.reviewed_on == dt.date(2022, 4, 6)
    assert record.claimant == "Social media posts"


def test_a_datafeed_and_a_graph_are_searched():
    review = {
        "@type": "ClaimReview",
        "claimReviewed": "A claim",
        "url": "https://fc.example.org/2",
        "author": [{"name": "Desk"}],
        "reviewRating": {"name": "Misleading"},
    }
    feed = {"@type": "DataFeed", "dataFeedElement": [{"@type": "DataFeedItem", "item": [review]}]}
    assert [r.rating for r in claimreviews_in_json(feed, source="feed.json")] == ["Misleading"]
    assert len(claimreviews_in_json({"@graph": [review, {"@type": "WebPage"}]}, source="g")) == 1


def test_a_file_without_complete_claimreviews_is_refused_saying_what_is_expected():
    with pytest.raises(ClaimReviewUnreadable, match="ClaimReview"):
        claimreviews_in_json([{"@type": "ClaimReview", "claimReviewed": "no rating"}], source="bad.json")
