"""Properties that must hold for any input text, however odd."""

from dataclasses import asdict

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verification.extraction import assess_sentence, extract_claims, score_sentence, split_sentences
from verification.extraction.sameness import claim_key, keeps_facts

from .helpers import ADVERSARIAL

# No example database: the tests must leave nothing behind in the repository.
PROPERTY_SETTINGS = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Pieces of news prose that exercise the rules: quotes, abbreviations,
# credits, datelines, blank lines and the characters the splitter looks at.
FRAGMENTS = [
    "Mr. ",
    "Dr. ",
    "U.S. ",
    "J. K. ",
    "... ",
    "… ",
    ". ",
    "? ",
    "! ",
    ", ",
    " ",
    "“",
    "”",
    '"',
    "‘",
    "’",
    "'",
    "(",
    ")",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u00a0",
    "\u2028",
    "said ",
    "told ",
    "he ",
    "They ",
    "It ",
    "according to ",
    "and ",
    "the ",
    "The ",
    "Ukrainian officials ",
    "Anton Herashchenko",
    "killed ",
    "five ",
    "40 ",
    "2022 ",
    "has not verified the claims",
    "allegedly ",
    "what they described as ",
    "AFP / Juan BARRETO",
    "Photo: ",
    "(Getty Images)",
    "©",
    "By Jane Smith\n",
    "KYIV, April 5 (Reuters) - ",
    " date 2022-04-05 ",
    "Read more",
    "Balakliya",
    "will ",
    "must ",
    "I feel ",
    "?",
    "ü",
    "Ω",
    "😀",
    "\x00",
]
news_like_text = st.lists(st.sampled_from(FRAGMENTS), max_size=80).map("".join)
any_text = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=500),
    st.text(alphabet=" \n\t.!?“”\"'’Aa1", max_size=300),
    news_like_text,
)


def check_claims(text: str) -> None:
    claims = extract_claims(text)
    previous_end = -1
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
        assert claim.text
        assert claim.text == claim.text.strip()
        assert 0.0 <= claim.score <= 1.0
        assert claim.start >= previous_end  # document order, no overlap
        previous_end = claim.end
        assert claim.claimant is None or claim.claimant
        asdict(claim)  # JSON-friendly plain data


def check_sentences(text: str) -> None:
    previous_end = -1
    previous_paragraph = 0
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text
        assert sentence.text == sentence.text.strip()
        assert sentence.start >= previous_end
        assert sentence.paragraph >= previous_paragraph
        previous_end, previous_paragraph = sentence.end, sentence.paragraph


@PROPERTY_SETTINGS
@given(any_text)
def test_extract_claims_never_fails_and_spans_slice_the_text(text):
    check_claims(text)


@PROPERTY_SETTINGS
@given(any_text, st.floats(min_value=0.0, max_value=1.0))
def test_every_threshold_keeps_spans_and_scores_in_bounds(text, threshold):
    for claim in extract_claims(text, threshold=threshold):
        assert text[claim.start : claim.end] == claim.text
        assert threshold <= claim.score <= 1.0


@PROPERTY_SETTINGS
@given(any_text)
def test_sentences_slice_the_text_and_never_overlap(text):
    check_sentences(text)


@PROPERTY_SETTINGS
@given(st.text(max_size=400))
def test_score_is_always_in_bounds(sentence):
    value, reasons = score_sentence(sentence)
    assert 0.0 <= value <= 1.0
    assert reasons
    assert reasons[0].feature == "base"


@PROPERTY_SETTINGS
@given(st.sampled_from(["", " ", "\n", "\n\n", " \t\r\n", "\u3000", "\u2028\u2029"]), st.integers(0, 50))
def test_whitespace_only_text_has_no_sentences_or_claims(unit, repeat):
    text = unit * repeat
    assert split_sentences(text) == []
    assert extract_claims(text) == []


def test_very_long_and_adversarial_texts_keep_every_property():
    # How long they take is measured by bench/extraction.py (--adversarial), not asserted here.
    for text in ADVERSARIAL:
        check_claims(text)
        check_sentences(text)


@PROPERTY_SETTINGS
@given(any_text)
def test_a_single_sentence_is_scored_in_bounds_and_kept_whole(sentence):
    candidate = assess_sentence(sentence)
    assert candidate.text == sentence[candidate.start : candidate.end] == sentence
    assert 0.0 <= candidate.score <= 1.0


@PROPERTY_SETTINGS
@given(any_text, any_text)
def test_sameness_is_reflexive_and_symmetric(claim, other):
    assert keeps_facts(claim, claim)
    assert keeps_facts(claim, other) == keeps_facts(other, claim)
    assert claim_key(claim) == claim_key(f"“{claim}!”")
