"""Candidate retrieval with PostgreSQL full-text search (stored tsvector, GIN index)."""

from __future__ import annotations

import itertools
import math
import time

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Func, QuerySet, TextField

from verification.models import Passage
from verification.models.search import SEARCH_CONFIG

from .ranking import Match, rank

# Full-text search picks this many rows by ts_rank before they are re-ranked by overlap.
DEFAULT_POOL = 50
# A passage must share two stems with a long text to be a candidate; "any stem" would match a
# large part of a big corpus on common words and rank all of it. The longest stems (usually the
# rarest) make the pairs, so the query stays small.
PAIR_LEXEMES = 12
# Stems found in more than this share of passages ("global", "warm" in a climate corpus) say little
# about a claim, and a query on them ranks a large part of the table; they are left out of the
# query (they still count in the overlap re-ranking). The shares come from PostgreSQL's own
# statistics on the tsvector column (pg_stats.most_common_elems, kept by ANALYZE).
COMMON_STEM_SHARE = 0.01
# Below this many passages every stem is used: ranking every match is cheap, and the statistics of
# a small table would call most stems common.
COMMON_STEMS_FROM = 20_000
COMMON_STEMS_TTL = 600.0

_common_stems: dict[str, tuple[float, dict[str, float]]] = {}


class TsvectorToArray(Func):
    """tsvector_to_array(vector): the stems of a stored vector, for re-ranking in Python."""

    function = "tsvector_to_array"
    output_field = ArrayField(TextField())


def text_lexemes(text: str) -> list[str]:
    """Return the stems PostgreSQL derives from text, with the same configuration as stored vectors."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT tsvector_to_array(to_tsvector(%s::regconfig, %s))", [SEARCH_CONFIG, text])
        return list(cursor.fetchone()[0] or [])


def _quoted(lexeme: str) -> str:
    """Return a stem as a tsquery operand, quoted so that no character of it is read as an operator."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def any_of(lexemes: list[str]) -> SearchQuery:
    """Return a query matching any of the stems (they are stemmed already, so 'simple' keeps them as-is)."""
    return SearchQuery(" | ".join(map(_quoted, lexemes)), config="simple", search_type="raw")


def common_stems() -> dict[str, float]:
    """Return the stems in more than COMMON_STEM_SHARE of passages, with their shares (cached a while)."""
    cached = _common_stems.get(connection.alias)
    if cached and time.monotonic() - cached[0] < COMMON_STEMS_TTL:
        return cached[1]
    shares: dict[str, float] = {}
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = 'verification_passage'::regclass")
        row = cursor.fetchone()
        if row and row[0] >= COMMON_STEMS_FROM:
            cursor.execute(
                "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
                "WHERE tablename = 'verification_passage' AND attname = 'search_vector'"
            )
            stats = cursor.fetchone()
            if stats and stats[0]:
                # The frequencies array ends with three summary numbers; zip stops at the stems.
                shares = {
                    stem: share
                    for stem, share in zip(stats[0], stats[1], strict=False)
                    if share > COMMON_STEM_SHARE
                }
    _common_stems[connection.alias] = (time.monotonic(), shares)
    return shares


def passage_count() -> int:
    """Return how many passages there are: the planner's estimate on a big table, an exact count otherwise."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = 'verification_passage'::regclass")
        row = cursor.fetchone()
        if row and row[0] >= COMMON_STEMS_FROM:
            return int(row[0])
        cursor.execute("SELECT count(*) FROM verification_passage")
        return cursor.fetchone()[0]


def stem_weights(lexemes: list[str]) -> dict[str, float]:
    """Return each stem's inverse document frequency, log((passages + 1) / (passages with it + 1)).

    A claim's rare words ("Samalas", "permafrost") say more about which passage it means than its
    common ones ("said", "year"), in any corpus. Common stems take their share from the statistics
    common_stems() reads; the others are few rows each, so counting them on the GIN index is cheap.
    """
    if not lexemes:
        return {}
    total = passage_count()
    common = common_stems()
    counts = {stem: common[stem] * total for stem in lexemes if stem in common}
    rare = sorted({stem for stem in lexemes if stem not in common})
    if rare:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT q, (SELECT count(*) FROM verification_passage WHERE search_vector @@ q::tsquery) "
                "FROM unnest(%s::text[]) AS q",
                [[_quoted(stem) for stem in rare]],
            )
            quoted = {_quoted(stem): stem for stem in rare}
            counts.update({quoted[q]: n for q, n in cursor.fetchall()})
    return {stem: math.log((total + 1) / (counts[stem] + 1)) for stem in lexemes}


def distinctive(lexemes: list[str]) -> list[str]:
    """Return the stems worth querying: the uncommon ones, topped up with the least common to two."""
    common = common_stems()
    chosen = [lx for lx in lexemes if lx not in common]
    if len(chosen) < 2:
        chosen += sorted((lx for lx in lexemes if lx in common), key=lambda lx: common[lx])[: 2 - len(chosen)]
    return chosen


def at_least_two_of(lexemes: list[str]) -> SearchQuery:
    """Return a query matching rows that contain at least two of the stems (any of them, if one)."""
    chosen = sorted(lexemes, key=lambda lx: (-len(lx), lx))[:PAIR_LEXEMES]
    if len(chosen) < 2:
        return any_of(chosen)
    pairs = (f"({_quoted(a)} & {_quoted(b)})" for a, b in itertools.combinations(chosen, 2))
    return SearchQuery(" | ".join(pairs), config="simple", search_type="raw")


def full_text_ranking(*, lexemes: list[str], excluded: list[int], pool: int = DEFAULT_POOL) -> list[int]:
    """Return ids of up to pool passages matching the stems, best ts_rank first, excluded ids left out.

    Passages sharing two stems come first; when there are too few, passages sharing one fill the pool.
    """
    lexemes = distinctive(lexemes)
    ranked: list[int] = []
    for query in (at_least_two_of(lexemes), any_of(lexemes)):
        rows = (
            Passage.objects.filter(search_vector=query)
            .exclude(pk__in=excluded + ranked)
            .annotate(search_rank=SearchRank(F("search_vector"), query))
            .order_by("-search_rank", "pk")
            .values_list("pk", flat=True)[: pool - len(ranked)]
        )
        ranked.extend(rows)
        if len(ranked) >= pool or len(lexemes) < 2:
            break
    return ranked


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
