"""MinHash fingerprints: copies of one story look alike, different stories do not; pure."""

from verification.origins import SAME_ORIGIN_JACCARD, document_fingerprint, quote_key, similarity
from verification.origins.fingerprints import BANDS, NUM_PERM

STORY = (
    "Officials said 40 tanks were destroyed near Kharkiv on Monday, in the heaviest fighting of the "
    "week so far. The ministry said the attack began before dawn and lasted for six hours, and that "
    "two villages east of the city had been retaken by the evening."
)
# Wire copy: a dateline and a trimmed last clause, otherwise word for word.
SYNDICATED = "KYIV (Wire) - " + STORY.replace(", and that two villages east of the city had been retaken", "")
OTHER = (
    "The central bank left interest rates unchanged on Thursday and said inflation would fall back "
    "towards its target by the end of next year, as energy prices continued to ease."
)


def test_a_syndicated_copy_is_estimated_above_the_threshold():
    original, copy = document_fingerprint(STORY), document_fingerprint(SYNDICATED)
    assert similarity(original.signature, copy.signature) >= SAME_ORIGIN_JACCARD
    assert set(original.bands) & set(copy.bands), "the copy must share an LSH band to be found"


def test_a_different_story_shares_no_band():
    original, other = document_fingerprint(STORY), document_fingerprint(OTHER)
    assert similarity(original.signature, other.signature) < 0.1
    assert not set(original.bands) & set(other.bands)


def test_fingerprints_are_the_same_in_every_process():
    assert document_fingerprint(STORY) == document_fingerprint(STORY)
    fingerprint = document_fingerprint(STORY)
    assert len(fingerprint.signature) == NUM_PERM
    assert len(set(fingerprint.bands)) == BANDS
    # Stored in PostgreSQL bigint columns.
    assert all(-(2**63) <= value < 2**63 for value in fingerprint.signature + fingerprint.bands)


def test_text_without_words_has_no_fingerprint():
    assert document_fingerprint("") is None
    assert document_fingerprint(" — … ") is None


def test_short_texts_still_get_a_fingerprint():
    assert document_fingerprint("Balakliya") is not None


def test_only_sentences_long_enough_to_be_quotes_get_a_quote_key():
    assert quote_key("He said no.") == ""
    long_quote = "“These are war crimes and will be recognised by the world as genocide,” said Mr Zelensky."
    assert quote_key(long_quote) == quote_key(long_quote.upper().replace("“", '"').replace("”", '"'))
    assert len(quote_key(long_quote)) == 64
