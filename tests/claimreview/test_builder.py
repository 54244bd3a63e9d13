"""The ClaimReview builder: ratings with their words, the claim's author and appearances, no ORM."""

import datetime as dt

import pytest

from tests.claimreview.google import missing_google_fields
from verification.claimreview import ClaimAppearance, Publisher, ReviewedClaim, claim_review

DESK = Publisher(
    name="Desk", site_url="https://desk.example.org", review_url="{site_url}/reviews/{ticket_id}"
)
EARLY = ClaimAppearance(
    url="https://a.example/1", title="First", publisher="A", published_on=dt.date(2022, 4, 5)
)
LATE = ClaimAppearance(
    url="https://b.example/2", title="Later", publisher="B", published_on=dt.date(2022, 9, 12)
)
UNDATED = ClaimAppearance(url="", title="Undated", publisher="", published_on=None)


def reviewed(status="corroborated", claimant="Ukrainian officials", appearances=(LATE, UNDATED, EARLY)):
    return ReviewedClaim(
        ticket_id=7,
        claim_text="Troops tortured civilians.",
        claimant=claimant,
        status=status,
        reviewed_at=dt.datetime(2022, 10, 1, 9, 30, tzinfo=dt.UTC),
        rationale="Two accounts match.",
        appearances=list(appearances),
    )


@pytest.mark.parametrize(
    ("status", "value", "words"), [("corroborated", 5, "Corroborated"), ("disputed", 1, "Disputed")]
)
def test_a_verdict_becomes_a_rating_with_its_words(status, value, words):
    review = claim_review(reviewed(status), publisher=DESK)
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": value,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": words,
    }
    assert missing_google_fields(review) == []


def test_the_review_names_the_desk_its_url_and_the_date_of_the_verdict():
    review = claim_review(reviewed(), publisher=DESK)
    assert review["url"] == "https://desk.example.org/reviews/7"
    assert review["author"] == {"@type": "Organization", "name": "Desk", "url": "https://desk.example.org"}
    assert (review["datePublished"], review["reviewBody"]) == ("2022-10-01", "Two accounts match.")


def test_the_first_appearance_is_the_earliest_dated_one():
    item = claim_review(reviewed(), publisher=DESK)["itemReviewed"]
    assert [a["headline"] for a in item["appearance"]] == ["First", "Later", "Undated"]
    assert item["firstAppearance"]["url"] == "https://a.example/1"
    assert item["datePublished"] == "2022-04-05"
    assert item["appearance"][0]["publisher"] == {"@type": "Organization", "name": "A"}


@pytest.mark.parametrize(
    ("claimant", "kind", "name"),
    [
        ("Mr Zelensky", "Person", "Mr Zelensky"),
        ("the Prosecutor General's Office", "Organization", None),
        ("", "Organization", "A"),
    ],
)
def test_the_claims_author_is_the_claimant_or_else_its_first_publisher(claimant, kind, name):
    author = claim_review(reviewed(claimant=claimant), publisher=DESK)["itemReviewed"]["author"]
    assert author == {"@type": kind, "name": name or claimant}


def test_an_open_ticket_has_no_review():
    with pytest.raises(ValueError, match="only a verdict"):
        claim_review(reviewed("unverified"), publisher=DESK)


def test_the_checker_catches_a_missing_rating_word():
    review = claim_review(reviewed(), publisher=DESK)
    del review["reviewRating"]["alternateName"]
    assert missing_google_fields(review) == ["reviewRating.alternateName"]
