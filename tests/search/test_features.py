"""Features a reviewer reads: names, numbers with their units, years, dates apart; pure."""

import datetime as dt

from verification.search.features import compare, entities, quantities


def test_numbers_of_the_same_thing_that_differ_clash():
    comparison = compare(
        "Officials said 40 tanks were destroyed near Kharkiv.",
        "The army said 12 tanks were lost near Kharkiv, 30% of its armour.",
    )
    assert comparison.clashing_numbers == (("40", "12"),)
    assert "number differs: claim 40, passage 12" in comparison.cues
    assert comparison.shared_entities == ("kharkiv",)


def test_numbers_of_different_things_do_not_clash():
    comparison = compare("Officials said 40 tanks were destroyed.", "The siege lasted 12 days.")
    assert comparison.clashing_numbers == ()


def test_the_same_number_agrees():
    comparison = compare("Sea level rose 20 cm.", "Since 1900 the sea has risen by 20 centimetres.")
    assert comparison.agreeing_numbers == ("20",)


def test_years_are_compared_as_years():
    comparison = compare("The treaty was signed in 1997.", "The Kyoto treaty of 1997 was signed in Japan.")
    assert comparison.agreeing_years == ("1997",)
    clash = compare("The treaty was signed in 1997.", "The treaty was signed in 2005.")
    assert clash.clashing_years == (("1997", "2005"),)


def test_percent_and_thousands_separators_are_read():
    found = quantities("Emissions fell 7.5% to 1,200 tonnes.")
    assert [(q.value, q.unit) for q in found] == [(7.5, "percent"), (1200.0, "tonne")]


def test_sentence_openers_are_not_names():
    assert entities("The President met NATO leaders in Kyiv.") == {"president", "nato", "kyiv"}


def test_publication_dates_apart_are_a_cue():
    comparison = compare("A", "B", claim_date=dt.date(2022, 4, 5), passage_date=dt.date(2022, 4, 8))
    assert comparison.days_apart == 3
    assert "published 3 days apart" in comparison.cues
