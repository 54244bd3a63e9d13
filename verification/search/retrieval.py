"""Candidate retrieval with PostgreSQL full-text search (stored tsvector, GIN index)."""

from __future__ import annotations

import functools
import operator

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Func, QuerySet, TextField

from verification.models.search import SEARCH_CONFIG

from .ranking import Match, rank

# Full-text search picks this many rows by ts_rank before they are re-ranked by overlap.
DEFAULT_POOL = 50


class TsvectorToArray(Func):
    """tsvector_to_array(vector): the stems of a stored vector, for re-ranking in Python."""

    function = "tsvector_to_array"
    output_field = ArrayField(TextField())


def text_lexemes(text: str) -> list[str]:
    """Return the stems PostgreSQL derives from text, with the same configuration as stored vectors."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT tsvector_to_array(to_tsvector(%s::regconfig, %s))", [SEARCH_CONFIG, text])
        return list(cursor.fetchone()[0] or [])


def any_of(lexemes: list[str]) -> SearchQuery:
    """Return a query matching any of the stems (they are stemmed already, so 'simple' keeps them as-is)."""
    return functools.reduce(operator.or_, (SearchQuery(lx, config="simple") for lx in lexemes))


def best_matches(
    queryset: QuerySet, *, text: str, limit: int, min_score: float, pool: int = DEFAULT_POOL
) -> list[Match]:
    """Return up to limit rows of queryset (with a search_vector) most similar to text, best first."""
    lexemes = text_lexemes(text)
    if not lexemes:
        return []
    query = any_of(lexemes)
    rows = (
        queryset.filter(search_vector=query)
        .annotate(search_rank=SearchRank(F("search_vector"), query), stems=TsvectorToArray("search_vector"))
        .order_by("-search_rank", "pk")[:pool]
    )
    return rank(lexemes, [(row, row.stems) for row in rows], min_score=min_score)[:limit]
