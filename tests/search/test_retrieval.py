"""Full-text retrieval: two shared stems first, common stems left out of the query on a big table."""

import math

import pytest
from django.db import connection

from verification import services
from verification.ingestion import parse_text
from verification.models import Passage
from verification.search import retrieval
from verification.search.retrieval import distinctive, full_text_ranking, stem_weights, text_lexemes

pytestmark = pytest.mark.django_db


def store(text: str):
    return services.document_store(incoming=parse_text(text, source_name="t.txt", max_bytes=100_000)).document


def forget_statistics():
    for kept in (retrieval._common_stems, retrieval._stem_counts, retrieval._table_sizes):
        kept.clear()


@pytest.fixture
def fresh_statistics():
    forget_statistics()
    yield
    forget_statistics()


def test_passages_sharing_two_stems_rank_before_those_sharing_one():
    store("Polar bears hunt seals on the sea ice.\n\nSeals rest on beaches.\n\nThe ice melted early.")
    ranked = full_text_ranking(lexemes=text_lexemes("Polar bears need sea ice"), excluded=[])
    texts = dict(Passage.objects.values_list("pk", "text"))
    assert texts[ranked[0]].startswith("Polar bears")
    assert texts[ranked[1]] == "The ice melted early."  # one shared stem fills the pool after
    assert len(ranked) == 2  # "Seals rest on beaches." shares no stem


def test_stems_with_quotes_and_backslashes_are_safe_operands():
    store("O'Brien said the C:\\\\ drive & the | pipe were fine.")
    assert full_text_ranking(lexemes=["o'brien", "c:\\\\", "&", "|"], excluded=[]) is not None


def test_common_stems_are_left_out_of_the_query_on_a_big_table(monkeypatch, fresh_statistics):
    for i in range(60):
        store(f"The climate report number {i} was published.\n\nIt covers region {i * 7}.")
    store("Polar bears and the climate: a polar bear needs sea ice.")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE verification_passage")
    monkeypatch.setattr(retrieval, "COMMON_STEMS_FROM", 0)
    common = retrieval.common_stems()
    assert {"climat", "report"} <= set(common)
    assert "polar" not in common
    assert distinctive(["climat", "polar", "bear"]) == ["polar", "bear"]
    # Too few uncommon stems: the least common of the common ones make up the pair.
    assert set(distinctive(["climat", "polar"])) == {"climat", "polar"}


def test_small_tables_use_every_stem(fresh_statistics):
    store("The climate report was published.")
    assert retrieval.common_stems() == {}


def test_stem_weights_are_inverse_document_frequencies(fresh_statistics):
    store("Polar bears hunt on the ice.\n\nThe ice melted early.\n\nThe ice is thin.")
    weights = stem_weights(["polar", "ice", "o'brien"])
    assert weights["polar"] == pytest.approx(math.log(4 / 2))
    assert weights["ice"] == pytest.approx(0.0)  # in every passage: says nothing
    assert weights["o'brien"] == pytest.approx(math.log(4 / 1))  # in none: a quoted operand still counts
    assert stem_weights([]) == {}


def test_a_big_table_counts_a_stem_once_then_searches_without_counting(monkeypatch, fresh_statistics):
    from django.test.utils import CaptureQueriesContext

    store("Polar bears hunt on the ice.\n\nThe ice melted early.\n\nThe ice is thin.")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE verification_passage")
    monkeypatch.setattr(retrieval, "COMMON_STEMS_FROM", 0)  # these few rows stand for a big table
    first = stem_weights(["polar", "ice"])
    with CaptureQueriesContext(connection) as queries:
        assert stem_weights(["polar", "ice"]) == first
    assert not [q for q in queries if "count(*)" in q["sql"]]
    assert first["polar"] > first["ice"]


def test_the_any_stem_fallback_leaves_out_frequent_stems_past_its_row_budget(monkeypatch, fresh_statistics):
    store("Polar bears hunt on the ice.\n\nThe ice melted early.\n\nThe ice is thin.\n\nIce again.")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE verification_passage")
    monkeypatch.setattr(retrieval, "COMMON_STEMS_FROM", 0)
    monkeypatch.setattr(retrieval, "COMMON_STEM_SHARE", 1.0)  # nothing common: the budget alone decides
    monkeypatch.setattr(retrieval, "ANY_OF_MAX_ROWS", 2)
    assert retrieval.within_row_budget(["ice", "polar"]) == ["polar"]  # ice is in 4 rows, polar in 1
