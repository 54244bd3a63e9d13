"""Benchmark: the admin's ticket queue and ticket page at 100k and 1M tickets on real PostgreSQL.

What it measures: full admin requests through Django's test client (URL routing, session and
permission checks, filters, the queue's bounded count, the page's annotated rows, template
rendering), logged in as a reviewer, p50/p95/p99 over repeated requests after a warm-up, plus
the number of SQL queries each page runs and its slowest query.

The data is generated inside PostgreSQL with set-based SQL (no ORM, no per-row round trips):
news-like claims ("Local police said that 412 civilians were evacuated in Izium on Monday."),
ten to a document with exact offsets, one passage per claim, a syndicated copy of every fifth
document (so a fifth of the claims are seen twice), 70 % unverified / 20 % corroborated / 10 %
disputed, three candidate sources for two tickets in five, a tenth assigned. Tickets are
loaded in steps (100k, then up to 1M) and measured after each step.

The database: a throwaway ``bench_admin_queue`` database on the configured server, created with
Django's test-database machinery and dropped at the end.

Usage: .venv/bin/python -m bench.admin_queue --sizes 100000 1000000 [--requests 30] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from bench.ingest_and_lookup import machine, percentiles_ms
from bench.throwaway import throwaway_database

BENCH_DB = "bench_admin_queue"
PER_DOCUMENT = 10
# Copies of a document get ids above this, clear of the originals.
COPY_OFFSET = 10_000_000
REVIEWERS = 5
PASSWORD = "bench-queue-2026"

CLAIM_SQL = """
    (ARRAY['Ukrainian officials', 'The Prosecutor General''s Office', 'Russia''s defence ministry',
           'Local police', 'The regional governor', 'A UN monitoring mission', 'The mayor',
           'Witnesses'])[1 + i % 8]
    || ' said that ' || (10 + (i::bigint * 7919) % 990) || ' '
    || (ARRAY['soldiers', 'civilians', 'tanks', 'drones', 'buildings', 'missiles', 'refugees',
              'journalists'])[1 + (i / 8) % 8]
    || ' were '
    || (ARRAY['killed', 'detained', 'destroyed', 'evacuated', 'found', 'wounded', 'shot down',
              'displaced'])[1 + (i / 64) % 8]
    || ' in ' || (ARRAY['Kharkiv', 'Bucha', 'Balakliya', 'Izium', 'Kyiv', 'Mariupol', 'Kherson', 'Odesa',
                        'Lviv', 'Donetsk'])[1 + (i / 512) % 10]
    || ' on ' || (ARRAY['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday',
                        'Sunday'])[1 + (i / 5120) % 7] || '.'
"""
PUBLISHERS = "(ARRAY[" + ", ".join(f"'Publisher {n:02d}'" for n in range(40)) + "])"

LOAD_STEPS = [
    (
        "claims",
        """
        CREATE TEMP TABLE bench_claims AS
        SELECT i, (i - 1) / {per_doc} + 1 AS doc, {claim} AS claim FROM generate_series({lo}, {hi}) AS i;
        ALTER TABLE bench_claims ADD COLUMN start integer;
        UPDATE bench_claims b SET start = w.start FROM (
            SELECT i, coalesce(sum(length(claim) + 1) OVER (PARTITION BY doc ORDER BY i
                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS start FROM bench_claims) w
        WHERE w.i = b.i;
        """,
    ),
    (
        "documents",
        """
        INSERT INTO verification_document
            (id, title, publisher, url, published_on, source_name, original, text, content_hash, ingested_at)
        SELECT doc + copy * {copy_offset}, 'Report ' || doc, {publishers}[1 + (doc + copy * 7) % 40], '',
               date '2026-01-01' + (doc % 300), 'bench', text, text, text_hash || copy,
               now() - (doc % 1000) * interval '1 hour'
        FROM (SELECT doc, string_agg(claim, ' ' ORDER BY i) AS text, md5('doc' || doc) AS text_hash
              FROM bench_claims GROUP BY doc) d
        CROSS JOIN generate_series(0, 1) AS copy
        WHERE copy = 0 OR doc % 5 = 0;
        """,
    ),
    (
        "passages",
        """
        INSERT INTO verification_passage (id, document_id, ordinal, paragraph, start, "end", text, quote_key)
        SELECT i, doc, (i - 1) % {per_doc}, 0, start, start + length(claim), claim, '' FROM bench_claims;
        """,
    ),
    (
        "tickets",
        """
        INSERT INTO verification_ticket
            (id, claim_text, claim_key, claimant, hedges, checkworthiness, score_reasons, status,
             status_changed_at, last_corroborated_at, assignee_id, appearance_total, last_seen_at, version,
             created_at, updated_at)
        SELECT i, claim, md5('ticket' || i), split_part(claim, ' said that ', 1), '[]',
               round((0.5 + ((i::bigint * 2654435761) % 500) / 1000.0)::numeric, 2),
               '[{{"feature": "number", "weight": 0.2, "evidence": "a count"}}]',
               CASE WHEN i % 10 < 7 THEN 'unverified' WHEN i % 10 < 9 THEN 'corroborated' ELSE 'disputed' END,
               CASE WHEN i % 10 >= 7 THEN now() END,
               CASE WHEN i % 5 < 2 THEN now() - (i % 48) * interval '1 hour' END,
               CASE WHEN i % 10 = 3 THEN (ARRAY{reviewers})[1 + (i / 10) % {reviewer_count}] END,
               CASE WHEN doc % 5 = 0 THEN 2 ELSE 1 END,
               now() - (i % 100000) * interval '1 minute', 1, now(), now()
        FROM bench_claims;
        """,
    ),
    (
        "appearances",
        """
        -- The totals were written with the tickets; deferred FK checks fire now so the table can be altered.
        SET CONSTRAINTS ALL IMMEDIATE;
        ALTER TABLE verification_appearance DISABLE TRIGGER verification_appearance_tally;
        INSERT INTO verification_appearance (ticket_id, document_id, start, "end", claimant, hedges, seen_at)
        SELECT i, doc + copy * {copy_offset}, start, start + length(claim),
               split_part(claim, ' said that ', 1), '[]', now() - (i % 100000) * interval '1 minute'
        FROM bench_claims CROSS JOIN generate_series(0, 1) AS copy
        WHERE copy = 0 OR doc % 5 = 0;
        ALTER TABLE verification_appearance ENABLE TRIGGER verification_appearance_tally;
        SET CONSTRAINTS ALL DEFERRED;
        """,
    ),
    (
        "candidates",
        """
        INSERT INTO verification_candidatesource
            (ticket_id, passage_id, score, matched_terms, stance, machine_stance, stance_cues,
             stance_sentence, agreeing_facts, clashing_facts, decision, decided_by_id,
             decided_at, found_at, refreshed_at)
        SELECT i, {lo} + (i - {lo} + k * 1009) % ({hi} - {lo} + 1), 0.2 + k * 0.1, '["said", "were"]',
               stance, stance, '["shares: said, were"]', '', '[]', '[]',
               CASE WHEN k = 1 AND i % 10 >= 7 THEN 'accepted' ELSE 'pending' END,
               CASE WHEN k = 1 AND i % 10 >= 7 THEN (ARRAY{reviewers})[1] END,
               CASE WHEN k = 1 AND i % 10 >= 7 THEN now() END, now(), now()
        FROM bench_claims CROSS JOIN generate_series(1, 3) AS k
        CROSS JOIN LATERAL (
            SELECT CASE WHEN k = 1 THEN 'supports' WHEN k = 2 THEN 'contradicts' ELSE 'discusses' END
                AS stance
        ) AS stances
        WHERE i % 5 < 2;
        DROP TABLE bench_claims;
        """,
    ),
]


def load(lo: int, hi: int, reviewer_ids: list[int], progress: bool) -> dict:
    """Generate tickets lo..hi with their documents, passages, appearances and candidates; return timings."""
    from django.db import connection, transaction
    from tqdm import tqdm

    params = {
        "lo": lo,
        "hi": hi,
        "per_doc": PER_DOCUMENT,
        "claim": CLAIM_SQL,
        "publishers": PUBLISHERS,
        "copy_offset": COPY_OFFSET,
        "reviewers": "[" + ", ".join(map(str, reviewer_ids)) + "]",
        "reviewer_count": len(reviewer_ids),
    }
    timings = {}
    with transaction.atomic(), connection.cursor() as cursor:
        for name, sql in tqdm(LOAD_STEPS, desc=f"load {lo:,}-{hi:,}", disable=not progress):
            began = time.perf_counter()
            cursor.execute(sql.format(**params))
            timings[name] = round(time.perf_counter() - began, 1)
    began = time.perf_counter()
    with connection.cursor() as cursor:
        for table in ("document", "passage", "ticket", "appearance", "candidatesource"):
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('verification_{table}', 'id'), "
                f"(SELECT max(id) FROM verification_{table}))"
            )
        cursor.execute("VACUUM ANALYZE")
    timings["vacuum_analyze"] = round(time.perf_counter() - began, 1)
    return timings


def table_counts() -> dict:
    """Return the row counts the queue works over."""
    from verification.models import Appearance, CandidateSource, Document, Passage, Ticket

    return {
        model._meta.model_name: model.objects.count()
        for model in (Ticket, Appearance, CandidateSource, Document, Passage)
    }


def measure(client, url: str, requests: int) -> dict:
    """Time requests GETs of url after three warm-ups; return percentiles, query count and slowest query."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):
        response = client.get(url)
        assert response.status_code == 200, f"{url}: HTTP {response.status_code}"
    seconds = []
    for _ in range(requests):
        began = time.perf_counter()
        client.get(url)
        seconds.append(time.perf_counter() - began)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    slowest = max(captured.captured_queries, key=lambda q: float(q["time"]))
    return {
        **percentiles_ms(seconds),
        "queries": len(captured),
        "slowest_query_ms": round(float(slowest["time"]) * 1000, 1),
        "slowest_query": " ".join(slowest["sql"].split())[:100],
    }


def pages(size: int) -> dict[str, str]:
    """Return the pages to time: the queue as reviewers use it, and ticket pages with candidates."""
    from django.utils import timezone

    from verification.models import Ticket

    ticket = Ticket.objects.filter(candidates__isnull=False, status="unverified").order_by("pk").first()
    queue = "/admin/verification/ticket/"
    deep = min(100, size * 7 // 10 // 50)
    week_ago = str((timezone.now() - dt.timedelta(days=7)).replace(hour=0, minute=0, second=0, microsecond=0))
    return {
        "queue (unverified, most urgent first)": queue,
        # Page 100 (rows 5,000-5,049) or, for a small load, the deepest page of unverified tickets.
        f"queue page {deep}": queue + f"?p={deep}",
        "queue, all statuses": queue + "?status=all",
        "queue, has support": queue + "?evidence=supports",
        "queue, has contradiction": queue + "?evidence=contradicts",
        "queue, assigned to me": queue + "?assigned=me",
        "queue, publisher": queue + "?publisher=Publisher+07",
        "queue, full-text search": queue + "?q=tanks+destroyed+Izium",
        "queue, last seen in the past 7 days": queue + "?" + urlencode({"last_seen_at__gte": week_ago}),
        "ticket page (3 candidates)": f"/admin/verification/ticket/{ticket.pk}/change/",
    }


def explain_default_queue() -> str:
    """Return the plan's top node for the queue's main query (unverified, most urgent first, one page)."""
    from django.db import connection

    from verification.models import Ticket
    from verification.models.tickets import URGENCY

    query = Ticket.objects.filter(status="unverified").order_by(*URGENCY).values("pk")[:50]
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        return " / ".join(row[0].strip() for row in cursor.fetchall()[:2])


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page (default 30)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--no-progress", action="store_true")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    """Create the throwaway database, load and measure each size in turn, print the figures, drop it."""
    args = parse_args(argv)
    if sorted(args.sizes) != args.sizes or args.sizes[0] < PER_DOCUMENT * 10:
        sys.exit("--sizes must be increasing and at least 100, e.g. --sizes 100000 1000000")
    results = []
    with throwaway_database(BENCH_DB):
        from django.test import Client
        from django.test.utils import setup_test_environment

        from verification.roles import REVIEWER_GROUP
        from verification.services.accounts import account_ensure

        setup_test_environment()  # lets the test client's host through ALLOWED_HOSTS
        info = machine()
        reviewers = [
            account_ensure(username=f"bench{n}", password=PASSWORD, role=REVIEWER_GROUP)[0]
            for n in range(REVIEWERS)
        ]
        client = Client()
        client.force_login(reviewers[0])
        loaded = 0
        for size in args.sizes:
            began = time.perf_counter()
            timings = load(loaded + 1, size, [r.pk for r in reviewers], not args.no_progress)
            load_seconds = round(time.perf_counter() - began, 1)
            loaded = size
            figures = {name: measure(client, url, args.requests) for name, url in pages(size).items()}
            results.append(
                {
                    "tickets": size,
                    "rows": table_counts(),
                    "load_seconds": load_seconds,
                    "load_steps_seconds": timings,
                    "default_queue_plan": explain_default_queue(),
                    "pages": figures,
                }
            )
            if not args.json:
                print_size(results[-1])
    if args.json:
        print(
            json.dumps(
                {
                    "command": " ".join(["python", "-m", "bench.admin_queue", *sys.argv[1:]]),
                    "machine": info,
                    "results": results,
                },
                indent=2,
            )
        )
    else:
        print(json.dumps({"machine": info}, indent=2))
    return 0


def print_size(result: dict) -> None:
    """Print one size's figures as a table."""
    print(f"\n{result['tickets']:,} tickets  rows {result['rows']}  loaded in {result['load_seconds']} s")
    print(f"default queue plan: {result['default_queue_plan']}")
    print(f"{'page':42} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'queries':>8} {'slowest q ms':>13}")
    for name, f in result["pages"].items():
        print(
            f"{name:42} {f['p50_ms']:8.1f} {f['p95_ms']:8.1f} {f['p99_ms']:8.1f} "
            f"{f['queries']:8d} {f['slowest_query_ms']:13.1f}"
        )


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main())
