"""extract_claims on small articles: what is left out, and where spans start."""

from verification.extraction import extract_claims
from verification.extraction.extractor import DEFAULT_THRESHOLD


def claim_texts(text: str, threshold: float = DEFAULT_THRESHOLD) -> list[str]:
    return [claim.text for claim in extract_claims(text, threshold=threshold)]


def test_a_dateline_is_cut_from_the_claim_span():
    text = "KYIV, April 5 (Reuters) - Ukrainian officials said five civilians were killed in Bucha."
    [claim] = extract_claims(text)
    assert claim.text == "Ukrainian officials said five civilians were killed in Bucha."
    assert claim.start == text.index("Ukrainian")
    assert claim.claimant == "Ukrainian officials"


def test_a_byline_is_never_a_claim():
    text = "By Jane Smith\n\nPolice arrested 12 protesters in Moscow on Sunday, officials said."
    assert claim_texts(text, threshold=0.0) == [
        "Police arrested 12 protesters in Moscow on Sunday, officials said."
    ]


def test_boilerplate_lines_are_never_claims():
    text = (
        "Russian troops shelled Kharkiv on Monday, killing three people.\n\n"
        "Read more: Five killed as Russia shells Kharkiv\n\n"
        "Sign up to our newsletter for the latest updates.\n\n"
        "Click here to follow our live coverage."
    )
    assert claim_texts(text, threshold=0.0) == [
        "Russian troops shelled Kharkiv on Monday, killing three people."
    ]


def test_a_caption_paragraph_is_never_a_claim():
    text = (
        "Russian troops seized the town in March, residents said.\n\n"
        "Residents walk past a destroyed school in Irpin, where 20 people died. (Getty Images)"
    )
    assert claim_texts(text, threshold=0.0) == ["Russian troops seized the town in March, residents said."]


def test_a_heading_is_never_a_claim():
    text = "Fighting in the east\n\nRussian forces captured two villages on Tuesday, the ministry said."
    assert claim_texts(text, threshold=0.0) == [
        "Russian forces captured two villages on Tuesday, the ministry said."
    ]


def test_a_disclaimer_hedges_only_earlier_attributed_claims():
    text = (
        "Officials said 40 people were killed in the strike on Monday.\n\n"
        "The Russians seized the Antonivsky bridge in March.\n\n"
        "Reuters could not independently verify the reports.\n\n"
        "The governor said the town was shelled again on Tuesday."
    )
    claims = extract_claims(text)
    assert [(claim.claimant, claim.hedges) for claim in claims] == [
        ("Officials", ("could not independently verify",)),
        (None, ()),
        ("The governor", ()),
    ]


def test_threshold_filters_by_score():
    text = "Russian troops killed five civilians in Bucha on Monday, officials said. I think it is awful."
    assert len(extract_claims(text, threshold=0.0)) == 2
    assert claim_texts(text) == ["Russian troops killed five civilians in Bucha on Monday, officials said."]
    assert extract_claims(text, threshold=1.01) == []


def test_opinion_prediction_and_questions_are_not_claims():
    text = (
        "Will the ceasefire hold?\n\n"
        "The talks will resume next week.\n\n"
        "It is terrible and it should stop.\n\n"
        "Troops detained 30 men in Kherson on Friday, the police said."
    )
    assert claim_texts(text) == ["Troops detained 30 men in Kherson on Friday, the police said."]


def test_fragments_of_fewer_than_three_words_are_never_claims():
    text = "1.\n2.\n3.\nOfficials said 40 tanks were destroyed.\n\n40 tanks.\n\nIt rose 5%."
    assert claim_texts(text, threshold=0.0) == ["Officials said 40 tanks were destroyed.", "It rose 5%."]
