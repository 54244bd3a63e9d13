"""Sameness of claims: fingerprints fold case and punctuation; rewordings must keep numbers and polarity."""

import pytest

from verification.extraction.sameness import claim_key, is_negated, keeps_facts, numbers


def test_the_fingerprint_ignores_case_quotes_and_punctuation():
    assert claim_key("“Russia denies it,” officials said.") == claim_key('"russia denies it" officials said')
    assert claim_key("Russia denies it.") != claim_key("Russia denied it.")


def test_numbers_are_compared_without_thousands_separators():
    assert numbers("We lost 700,000 jobs, 3.5 percent, in 2009.") == {"700000", "3.5", "2009"}
    assert numbers("We lost 700000 jobs") == numbers("we lost 700,000 jobs")


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("Russia has maintained that its troops have committed war crimes.", False),
        ("Russia has maintained that its troops have not committed war crimes.", True),
        ("Its troops didn’t commit war crimes.", True),
        ("Russia denied that its troops had not been there.", False),  # two negations cancel
        ("No civilians were killed.", True),
    ],
)
def test_negation_is_counted(text, negated):
    assert is_negated(text) == negated


def test_a_rewording_keeps_facts_only_with_equal_numbers_and_polarity():
    claim = "Officials said 40 tanks were destroyed near Kharkiv on Monday."
    assert keeps_facts(claim, "On Monday, 40 tanks were destroyed near Kharkiv, officials said.")
    assert not keeps_facts(claim, "Officials said 14 tanks were destroyed near Kharkiv on Monday.")
    assert not keeps_facts(claim, "Officials said 40 tanks were not destroyed near Kharkiv on Monday.")
