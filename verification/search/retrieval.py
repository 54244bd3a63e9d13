"""Candidate retrieval with PostgreSQL full-text search (stored tsvector, GIN index)."""

from __future__ import annotations

import itertools
import math
import time
from collections import OrderedDict

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

# Per-stem passage counts on a big table are kept this long (they change slowly as documents
# arrive), so a search runs no document-frequency count once its stems have been seen.
STEM_COUNTS_TTL = 600.0
STEM_COUNTS_MAX = 200_000
# The "any one stem" fallback leaves out the most frequent stems once the rows it would rank pass this.
ANY_OF_MAX_ROWS = 5_000

PASSAGE_TABLE = "verification_passage"

_common_stems: dict[tuple[str, str], tuple[float, dict[str, float]]] = {}
_stem_counts: OrderedDict[tuple[str, str, str], tuple[float, int]] = OrderedDict()
_table_sizes: dict[tuple[str, str], tuple[float, int]] = {}


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


def _estimated_rows(table: str) -> float:
    """Return the planner's row estimate for the table (kept by ANALYZE and autovacuum), cached a minute."""
    key = (connection.alias, table)
    cached = _table_sizes.get(key)
    if cached and time.monotonic() - cached[0] < 60.0:
        return cached[1]
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [table])
        row = cursor.fetchone()
    estimate = int(row[0]) if row else 0
    # Only a big table's estimate is reused: a small table's rows change fast relative to its size.
    if estimate >= COMMON_STEMS_FROM:
        _table_sizes[key] = (time.monotonic(), estimate)
    return estimate


def common_stems(table: str = PASSAGE_TABLE, size: float | None = None) -> dict[str, float]:
    """Return the stems in more than COMMON_STEM_SHARE of the table's rows, with their shares (cached).

    size is the table's estimated rows when the caller has it already.
    """
    cached = _common_stems.get((connection.alias, table))
    if cached and time.monotonic() - cached[0] < COMMON_STEMS_TTL:
        return cached[1]
    shares: dict[str, float] = {}
    if (_estimated_rows(table) if size is None else size) < COMMON_STEMS_FROM:
        return shares  # not kept: a small table may be big by the next call
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
            "WHERE tablename = %s AND attname = 'search_vector'",
            [table],
        )
        stats = cursor.fetchone()
        if stats and stats[0]:
            # The frequencies array ends with three summary numbers; zip stops at the stems.
            shares = {
                stem: share
                for stem, share in zip(stats[0], stats[1], strict=False)
                if share > COMMON_STEM_SHARE
            }
    _common_stems[(connection.alias, table)] = (time.monotonic(), shares)
    return shares


def passage_count(table: str = PASSAGE_TABLE) -> int:
    """Return how many rows the table has: the planner's estimate on a big table, an exact count otherwise."""
    estimate = _estimated_rows(table)
    if estimate >= COMMON_STEMS_FROM:
        return int(estimate)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608 - our own table
        return cursor.fetchone()[0]


def stem_counts(stems: list[str], table: str = PASSAGE_TABLE) -> dict[str, int]:
    """Return how many rows of the table contain each stem.

    Common stems take their share from the statistics common_stems() reads; the others are counted
    on the GIN index. On a big table the counts are kept STEM_COUNTS_TTL seconds (at most
    STEM_COUNTS_MAX stems, least recently used forgotten first), so a warm search counts nothing.
    """
    total = passage_count(table)
    common = common_stems(table)
    counts = {stem: int(common[stem] * total) for stem in stems if stem in common}
    big = total >= COMMON_STEMS_FROM
    now = time.monotonic()
    missing = []
    for stem in sorted({stem for stem in stems if stem not in common}):
        cached = _stem_counts.get((connection.alias, table, stem)) if big else None
        if cached and now - cached[0] < STEM_COUNTS_TTL:
            _stem_counts.move_to_end((connection.alias, table, stem))
            counts[stem] = cached[1]
        else:
            missing.append(stem)
    if missing:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT q, (SELECT count(*) FROM "  # noqa: S608 - our own table
                + connection.ops.quote_name(table)
                + " WHERE search_vector @@ q::tsquery) FROM unnest(%s::text[]) AS q",
                [[_quoted(stem) for stem in missing]],
            )
            quoted = {_quoted(stem): stem for stem in missing}
            for q, n in cursor.fetchall():
                counts[quoted[q]] = n
                if big:
                    _stem_counts[(connection.alias, table, quoted[q])] = (now, n)
        while len(_stem_counts) > STEM_COUNTS_MAX:
            _stem_counts.popitem(last=False)
    return counts


def stem_weights(lexemes: list[str]) -> dict[str, float]:
    """Return each stem's inverse document frequency, log((passages + 1) / (passages with it + 1)).

    A claim's rare words ("Samalas", "permafrost") say more about which passage it means than its
    common ones ("said", "year"), in any corpus. The counts come from stem_counts(), cached on a
    big table.
    """
    if not lexemes:
        return {}
    total = passage_count()
    counts = stem_counts(lexemes)
    return {stem: math.log((total + 1) / (counts[stem] + 1)) for stem in lexemes}


def distinctive(lexemes: list[str], table: str = PASSAGE_TABLE, size: float | None = None) -> list[str]:
    """Return the stems worth querying: the uncommon ones, topped up with the least common to two."""
    common = common_stems(table, size)
    chosen = [lx for lx in lexemes if lx not in common]
    if len(chosen) < 2:
        chosen += sorted((lx for lx in lexemes if lx in common), key=lambda lx: common[lx])[: 2 - len(chosen)]
    return chosen


def within_row_budget(lexemes: list[str], table: str = PASSAGE_TABLE, size: float | None = None) -> list[str]:
    """Return the rarest stems whose rows together stay within ANY_OF_MAX_ROWS (at least one stem).

    On a small table every stem is kept: ranking all its matches is cheap.
    """
    if (_estimated_rows(table) if size is None else size) < COMMON_STEMS_FROM or len(lexemes) < 2:
        return lexemes
    counts = stem_counts(lexemes, table)
    kept: list[str] = []
    rows = 0
    for stem in sorted(lexemes, key=lambda lx: (counts.get(lx, 0), lx)):
        rows += counts.get(stem, 0)
        if kept and rows > ANY_OF_MAX_ROWS:
            break
        kept.append(stem)
    return kept


def at_least_two_of(lexemes: list[str]) -> SearchQuery:
    """Return a query matching rows that contain at least two of the stems (any of them, if one)."""
    chosen = sorted(lexemes, key=lambda lx: (-len(lx), lx))[:PAIR_LEXEMES]
    if len(chosen) < 2:
        return any_of(chosen)
    pairs = (f"({_quoted(a)} & {_quoted(b)})" for a, b in itertools.combinations(chosen, 2))
    return SearchQuery(" | ".join(pairs), config="simple", search_type="raw")


def full_text_ranking(
    *,
    lexemes: list[str],
    excluded: list[int],
    pool: int = DEFAULT_POOL,
    queryset: QuerySet | None = None,
    one_stem_fallback: bool = True,
) -> list[int]:
    """Return ids of up to pool rows matching the stems, best ts_rank first, excluded ids left out.

    Rows sharing two stems come first; when there are too few (and one_stem_fallback), rows sharing
    one fill the pool. The rows are passages unless queryset (of a model with a search_vector) says
    otherwise.
    """
    base = Passage.objects.all() if queryset is None else queryset
    table = base.model._meta.db_table
    size = _estimated_rows(table)
    lexemes = distinctive(lexemes, table, size)
    ranked: list[int] = []
    queries = [at_least_two_of(lexemes)]
    if one_stem_fallback:
        queries.append(any_of(within_row_budget(lexemes, table, size)))
    for query in queries:
        rows = (
            base.filter(search_vector=query)
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
    """Return up to limit rows of queryset (with a search_vector) most similar to text, best first.

    The pool is chosen on the model's whole table (ids only, common stems left out), then read
    through queryset (its filters and annotations), so evidence counts cost a pool's rows, not a match's.
    """
    lexemes = text_lexemes(text)
    if not lexemes:
        return []
    ids = full_text_ranking(lexemes=lexemes, excluded=[], pool=pool, queryset=queryset.model.objects.all())
    pooled = queryset.filter(pk__in=ids).annotate(stems=TsvectorToArray("search_vector"))
    found = {row.pk: row for row in pooled}
    rows = [found[pk] for pk in ids if pk in found]
    return rank(lexemes, [(row, row.stems) for row in rows], min_score=min_score)[:limit]
