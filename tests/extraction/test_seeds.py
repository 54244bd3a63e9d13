"""The two seed articles: the claims, claimants and hedges a reviewer should see."""

import json
from dataclasses import asdict

import pytest

from verification.extraction import ClaimCandidate, extract_claims, split_sentences
from verification.extraction.extractor import DEFAULT_THRESHOLD
from verification.extraction.model import shipped_model

from .helpers import SEED_BALAKLIYA, SEED_BUCHA, read_seed


def by_prefix(claims: list[ClaimCandidate], prefix: str) -> ClaimCandidate:
    matches = [claim for claim in claims if claim.text.startswith(prefix)]
    assert len(matches) == 1, f"expected one claim starting {prefix!r}, got {[c.text for c in claims]}"
    return matches[0]


def has_claim(claims: list[ClaimCandidate], prefix: str) -> bool:
    return any(claim.text.startswith(prefix) for claim in claims)


@pytest.fixture(scope="module")
def bucha() -> tuple[str, list[ClaimCandidate]]:
    text = read_seed(SEED_BUCHA)
    return text, extract_claims(text)


@pytest.fixture(scope="module")
def balakliya() -> tuple[str, list[ClaimCandidate]]:
    text = read_seed(SEED_BALAKLIYA)
    return text, extract_claims(text)


@pytest.mark.parametrize("seed", [SEED_BUCHA, SEED_BALAKLIYA])
def test_every_claim_slices_its_source_and_is_in_document_order(seed):
    text = read_seed(seed)
    claims = extract_claims(text)
    assert claims
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
        assert DEFAULT_THRESHOLD <= claim.score <= 1.0
        assert claim.score == round(claim.score, 3)
    assert [claim.start for claim in claims] == sorted(claim.start for claim in claims)


@pytest.mark.parametrize("seed", [SEED_BUCHA, SEED_BALAKLIYA])
def test_claims_serialise_to_json(seed):
    claims = extract_claims(read_seed(seed))
    payload = json.loads(json.dumps([asdict(claim) for claim in claims]))
    model = shipped_model()
    base = round(model.slope * model.intercept + model.offset, 3)
    assert payload[0]["reasons"][0] == {
        "feature": "base",
        "weight": base,
        "evidence": "",
        "says": "the starting point: how often a sentence is check-worthy",
    }
    assert set(payload[0]) == {"text", "start", "end", "score", "reasons", "claimant", "hedges"}


# (text prefix, claimant, hedges) for seed 000, the Bucha "torture room" article.
BUCHA_EXPECTED = [
    ("Ukrainian officials say that they have discovered", "Ukrainian officials", ("has not verified",)),
    (
        "The Ukrainian Prosecutor General’s Office posted",
        "The Ukrainian Prosecutor General’s Office",
        ("alleged", "has not verified"),
    ),
    ("The United States and European countries have condemned", None, ()),
    ("The bodies of civilians", None, ()),
    ("“Soldiers of the Russian Federation", "the Prosecutor General’s Office", ("has not verified",)),
    ("It also shared pictures", "the Prosecutor General’s Office", ("has not verified",)),
    ("Ukrainian President Volodymyr Zelensky visited Bucha", "Ukrainian President Volodymyr Zelensky", ()),
    ("“These are war crimes", "Mr Zelensky", ()),
    ("“We know of thousands of people killed", "Mr Zelensky", ()),
    ("Ukrainian officials also took journalists", "Ukrainian officials", ("what they described as",)),
    ("They said that all five had been killed", "Ukrainian officials", ()),
    ("“They were shot, shot either", "Anton Herashchenko", ()),
    # The second sentence of his quote is a claim of its own, with his name.
    ("They were tortured before they were killed", "Anton Herashchenko", ()),
    ("He claimed that the Russian soldiers", "Anton Herashchenko", ("claimed",)),
]


@pytest.mark.parametrize(("prefix", "claimant", "hedges"), BUCHA_EXPECTED)
def test_bucha_claims(bucha, prefix, claimant, hedges):
    _, claims = bucha
    claim = by_prefix(claims, prefix)
    assert claim.claimant == claimant
    assert claim.hedges == hedges


def test_bucha_has_exactly_the_expected_claims(bucha):
    _, claims = bucha
    assert len(claims) == len(BUCHA_EXPECTED)
    for claim, (prefix, _, _) in zip(claims, BUCHA_EXPECTED, strict=True):
        assert claim.text.startswith(prefix)


def test_bucha_disclaimer_is_not_a_claim_but_hedges_earlier_attributed_claims(bucha):
    text, claims = bucha
    assert not has_claim(claims, "The Independent has not verified")
    disclaimer_at = text.index("The Independent has not verified")
    for claim in claims:
        hedged = "has not verified" in claim.hedges
        assert hedged == (claim.start < disclaimer_at and claim.claimant is not None), claim.text


def test_bucha_date_header_is_in_no_claim(bucha):
    text, claims = bucha
    header_end = text.index("Ukrainian officials say")
    assert all(claim.start >= header_end for claim in claims)
    assert all("2022-04-05" not in claim.text for claim in claims)
    assert split_sentences(text)[0].start == header_end


def test_bucha_opinion_and_forecast_quotes_are_not_claims(bucha):
    text, claims = bucha
    assert not has_claim(claims, "“It’s very difficult to talk")
    assert not has_claim(claims, "“The longer the Russian Federation")
    difficult = [s for s in split_sentences(text) if s.text.startswith("“It’s very difficult")][0]
    low = extract_claims(text, threshold=0.0)
    difficult_claim = by_prefix(low, "“It’s very difficult")
    assert difficult_claim.start == difficult.start
    assert difficult_claim.score < 0.1
    assert any(
        reason.feature == "opinion" and reason.evidence == "difficult" for reason in difficult_claim.reasons
    )
    assert difficult_claim.claimant == "Mr Zelensky"


# (text prefix, claimant, hedges) for seed 001, the Balakliya "torture chamber" article.
BALAKLIYA_EXPECTED = [
    ("Ukrainian officials have accused Russia of carrying out", "Ukrainian officials", ("accused",)),
    ("The officials claimed that they discovered", "The officials", ("claimed",)),
    ("The Ukrainian Defence Ministry took to Twitter", "The Ukrainian Defence Ministry", ("claimed",)),
    ('"Russian torture chamber in liberated Balakliya.', "The Ukrainian Defence Ministry", ()),
    # The tweet's second sentence: a claim of its own, still the ministry's.
    ("The Lord's Prayer was carved", "The Ukrainian Defence Ministry", ()),
    ("The Telegraph reported that", "The Telegraph", ()),
    ("A Balakliya resident told the publication", "A Balakliya resident", ()),
    ("The man identified only as Artem said", "Artem", ()),
    ('"I was taken from the street', "Artem", ()),
    ("Several people have come forward", None, ()),
    ("A school principal called Tatiana said", "Tatiana", ()),
    ("The Russians seized Balakliya in early March.", None, ()),
    ("It was liberated just a few days ago", None, ()),
    ("It is not the first time that Ukraine has accused Russia", "Ukraine", ("accused",)),
    ("But Russia has maintained that its troops have not committed war crimes.", "Russia", ()),
    ("Thousands of Ukrainian citizens have died since", None, ()),
]


@pytest.mark.parametrize(("prefix", "claimant", "hedges"), BALAKLIYA_EXPECTED)
def test_balakliya_claims(balakliya, prefix, claimant, hedges):
    _, claims = balakliya
    claim = by_prefix(claims, prefix)
    assert claim.claimant == claimant
    assert claim.hedges == hedges


def test_balakliya_denial_is_a_claim_with_its_reasons(balakliya):
    _, claims = balakliya
    denial = by_prefix(claims, "But Russia has maintained")
    assert denial.text == "But Russia has maintained that its troops have not committed war crimes."
    features = {reason.feature: reason.evidence for reason in denial.reasons}
    assert features["attribution"] == "maintained"
    assert features["harm"] == "war crimes"


def test_balakliya_heading_and_caption_are_not_claims(balakliya):
    text, claims = balakliya
    caption_at = text.index("\n\nBalakliya\n")
    assert all(claim.end <= caption_at for claim in claims)
    # Not even at a zero threshold: a caption is never a claim.
    assert all(claim.end <= caption_at for claim in extract_claims(text, threshold=0.0))


def test_balakliya_caption_sentences_are_still_sentences(balakliya):
    text, _ = balakliya
    sentences = split_sentences(text)
    assert [s.text for s in sentences[-3:]] == [
        "Balakliya",
        "Destroyed armored vehicles on a road in Balakliya, in the Kharkiv region.",
        "AFP / Juan BARRETO",
    ]
    assert len({s.paragraph for s in sentences[-3:]}) == 1


def test_balakliya_has_exactly_the_expected_claims(balakliya):
    _, claims = balakliya
    assert len(claims) == len(BALAKLIYA_EXPECTED)
    for claim, (prefix, _, _) in zip(claims, BALAKLIYA_EXPECTED, strict=True):
        assert claim.text.startswith(prefix)


def test_balakliya_vague_and_forecast_sentences_are_not_claims(balakliya):
    _, claims = balakliya
    assert not has_claim(claims, "Artem is not the only one")
    assert not has_claim(claims, "However, Russia has made it clear")
