"""Reciprocal rank fusion and the relevance score; pure."""

from verification.search.features import Comparison
from verification.search.fusion import reciprocal_rank_fusion
from verification.search.passages import relevance


def test_an_item_both_rankings_found_beats_one_found_once_at_the_top():
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["b", "d"]])
    assert max(fused, key=fused.get) == "b"
    assert fused["a"] == 1 / 61
    assert fused["b"] == 1 / 62 + 1 / 61


def test_an_empty_ranking_adds_nothing():
    assert reciprocal_rank_fusion([["a"], []]) == {"a": 1 / 61}


def test_relevance_without_semantic_is_the_overlap_plus_what_names_and_numbers_add():
    plain = relevance(overlap=0.4, similarity=None, comparison=Comparison())
    named = relevance(
        overlap=0.4,
        similarity=None,
        comparison=Comparison(shared_entities=("kyiv",), agreeing_numbers=("40",)),
    )
    assert plain == 0.4
    assert named > plain


def test_relevance_leans_on_meaning_when_it_is_known_and_stays_in_the_unit_range():
    assert relevance(overlap=0.1, similarity=0.9, comparison=Comparison()) > relevance(
        overlap=0.1, similarity=0.2, comparison=Comparison()
    )
    crowded = Comparison(shared_entities=("a", "b", "c", "d"), agreeing_numbers=("1",), days_apart=0)
    assert relevance(overlap=1.0, similarity=1.0, comparison=crowded) == 1.0
