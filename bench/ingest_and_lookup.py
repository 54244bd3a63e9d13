"""Benchmark: ingest articles, corroborate their tickets, look tickets up by id and by text.

What it measures, on real PostgreSQL (and Redis for the Celery broker), in one process:

* ingest: ``parse_text`` + ``services.document_ingest`` per article (passage split, claim
  extraction, ticket opening, the commit and the after-commit Celery publishes), as documents/s
  and MB/s of article text, plus the passages and tickets created;
* corroboration: ``services.ticket_corroborate`` called in-process for every ticket (or a random
  ``--sample`` of them), as tickets/s and p50/p95/p99 ms per ticket;
* status lookup by id: ``selectors.ticket_detail().get(pk=...)`` serialized with
  ``TicketDetailSerializer``, p50/p95/p99 over rotating ticket ids;
* lookup by text: ``selectors.tickets_by_text`` with claims reworded (every third word dropped),
  p50/p95/p99 over rotating query texts, plus how often the source ticket is among the results.

The articles are built from a public labelled data set given by ``--data`` (a TSV with the
header ``passage_id<TAB>article<TAB>text``, e.g. climate_fever's passages.tsv): sentences are
grouped by ``article`` into articles of up to 25 sentences, four sentences to a paragraph. The
data is read where it lies and never copied into the project.

The database: a throwaway ``bench_verification`` database is created on the configured server
(the embedded PostgreSQL under .local/ when DATABASE_URL is unset) with Django's test-database
machinery and dropped at the end, so the developer's database and the test suite's are untouched.

Celery: ingest queues corroboration tasks after commit, as in production. So that they neither
pile up in the developer's queue nor reach a running worker (which would look the ids up in the
developer's database), the Celery app is pointed at its own queue, ``bench_verification``, which
no worker consumes, with ``task_always_eager`` off so tasks are published rather than run inline;
that queue alone is purged and deleted at the end. ``app.control.purge()`` is deliberately not
used: it would also empty the developer's default ``celery`` queue.

Run from the project root:

    .venv/bin/python -m bench.ingest_and_lookup --articles 500 \\
        --data ../shared/data/climate_fever/passages.tsv [--sample 200] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from bench.throwaway import throwaway_database

BENCH_DB = "bench_verification"
BENCH_QUEUE = "bench_verification"
SENTENCES_PER_ARTICLE = 25
SENTENCES_PER_PARAGRAPH = 4
MIN_ID_LOOKUPS = 200
MIN_TEXT_QUERIES = 40


# --- data -----------------------------------------------------------------------------------------


def _sentence_order(passage_id: str) -> tuple[int, str]:
    """Return a sort key putting an article's sentences in their original order (id ends ':N')."""
    _, _, tail = passage_id.rpartition(":")
    return (int(tail), passage_id) if tail.isdigit() else (sys.maxsize, passage_id)


def load_articles(path: Path, limit: int) -> list[tuple[str, str]]:
    """Return up to limit (title, text) articles built from the TSV's sentences grouped by article."""
    by_article: dict[str, list[tuple[tuple[int, str], str]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        # The file is tab-separated without quoting; sentences contain quote characters.
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = {"passage_id", "article", "text"} - set(reader.fieldnames or ())
        if missing:
            sys.exit(f"{path}: expected the columns passage_id, article, text (missing {sorted(missing)}).")
        for row in reader:
            text = (row["text"] or "").strip()
            if text:
                by_article[row["article"]].append((_sentence_order(row["passage_id"]), text))
    articles = []
    for name, sentences in by_article.items():
        ordered = [text for _, text in sorted(sentences)]
        # Long Wikipedia pages become several articles, as a long story would be several reports.
        for part, start in enumerate(range(0, len(ordered), SENTENCES_PER_ARTICLE)):
            chunk = ordered[start : start + SENTENCES_PER_ARTICLE]
            paragraphs = [
                " ".join(chunk[i : i + SENTENCES_PER_PARAGRAPH])
                for i in range(0, len(chunk), SENTENCES_PER_PARAGRAPH)
            ]
            title = name if part == 0 else f"{name} ({part + 1})"
            articles.append((title, "\n\n".join(paragraphs) + "\n"))
            if len(articles) >= limit:
                return articles
    return articles


def reword(text: str, offset: int) -> str:
    """Return text with every third word dropped (starting at offset), as a reader would paraphrase."""
    words = text.split()
    return " ".join(w for i, w in enumerate(words) if (i + offset) % 3 != 2)


# --- measuring ------------------------------------------------------------------------------------


def percentiles_ms(seconds: list[float]) -> dict:
    """Return n, mean, p50, p95 and p99 of durations, in milliseconds."""
    if not seconds:
        return {"n": 0, "mean_ms": None, "p50_ms": None, "p95_ms": None, "p99_ms": None}
    ms = [s * 1000 for s in seconds]
    cuts = ms * 99 if len(ms) == 1 else statistics.quantiles(ms, n=100, method="inclusive")
    return {
        "n": len(ms),
        "mean_ms": round(statistics.fmean(ms), 3),
        "p50_ms": round(cuts[49], 3),
        "p95_ms": round(cuts[94], 3),
        "p99_ms": round(cuts[98], 3),
    }


def rolled_back(fn, *args, **kwargs):
    """Run fn inside a transaction that is rolled back, to warm caches without leaving rows behind."""
    from django.db import transaction

    with transaction.atomic():
        fn(*args, **kwargs)
        # Rolling back also discards the on_commit Celery publishes queued by fn.
        transaction.set_rollback(True)


def bench_ingest(articles: list[tuple[str, str]], progress: bool) -> dict:
    """Ingest every article through the service, timing parse + ingest per document."""
    from django.conf import settings
    from tqdm import tqdm

    from verification import services
    from verification.ingestion import parse_text
    from verification.models import Document, Passage, Ticket

    max_bytes = settings.VERIFICATION_MAX_DOCUMENT_BYTES

    def ingest(title: str, text: str, name: str):
        """Parse and ingest one article exactly as the API does with posted text."""
        return services.document_ingest(
            incoming=parse_text(text, source_name=name, max_bytes=max_bytes, title=title, publisher="bench")
        )

    # Warm-up: imports, compiled regexes, prepared ORM paths; rolled back so the data stays as measured.
    for title, text in articles[:3]:
        rolled_back(ingest, title, text, "warm-up")

    total_bytes = sum(len(text.encode("utf-8")) for _, text in articles)
    created = 0
    started = time.perf_counter()
    for index, (title, text) in enumerate(tqdm(articles, desc="ingest", unit="doc", disable=not progress)):
        created += ingest(title, text, f"bench-{index:05d}.txt").created
    elapsed = time.perf_counter() - started
    return {
        "documents": len(articles),
        "documents_created": created,
        "bytes": total_bytes,
        "seconds": round(elapsed, 3),
        "documents_per_s": round(len(articles) / elapsed, 2),
        "mb_per_s": round(total_bytes / 1e6 / elapsed, 4),
        "passages": Passage.objects.count(),
        "tickets": Ticket.objects.count(),
        "documents_in_db": Document.objects.count(),
    }


def bench_corroborate(ticket_ids: list[int], sample: int | None, seed: int, progress: bool) -> dict:
    """Call ticket_corroborate in-process for every ticket (or a random sample), timing each call."""
    from tqdm import tqdm

    from verification import services
    from verification.models import CandidateSource

    chosen = list(ticket_ids)
    if sample is not None and sample < len(chosen):
        chosen = random.Random(seed).sample(chosen, sample)
    # Warm-up on a few tickets, rolled back so the timed run attaches their candidates afresh.
    for ticket_id in chosen[:3]:
        rolled_back(services.ticket_corroborate, ticket_id=ticket_id)

    durations = []
    attached = 0
    started = time.perf_counter()
    for ticket_id in tqdm(chosen, desc="corroborate", unit="ticket", disable=not progress):
        t0 = time.perf_counter()
        outcome = services.ticket_corroborate(ticket_id=ticket_id)
        durations.append(time.perf_counter() - t0)
        attached += outcome.attached
    elapsed = time.perf_counter() - started
    return {
        "tickets": len(chosen),
        "seconds": round(elapsed, 3),
        "tickets_per_s": round(len(chosen) / elapsed, 2) if chosen else None,
        "candidates_attached": attached,
        "candidates_in_db": CandidateSource.objects.count(),
        **percentiles_ms(durations),
    }


def bench_lookup_by_id(ticket_ids: list[int], lookups: int, seed: int, progress: bool) -> dict:
    """Time ticket_detail().get(pk=...) plus TicketDetailSerializer(...).data over rotating ids."""
    from tqdm import tqdm

    from verification import selectors
    from verification.api.serializers import TicketDetailSerializer

    order = list(ticket_ids)
    random.Random(seed).shuffle(order)

    def lookup(pk: int) -> dict:
        """Fetch and serialize one ticket as the API's detail view does."""
        return TicketDetailSerializer(selectors.ticket_detail().get(pk=pk)).data

    for pk in order[:10]:
        lookup(pk)

    durations = []
    for i in tqdm(range(lookups), desc="lookup by id", unit="req", disable=not progress):
        # Rotating through every ticket, so no one row stays hot in the buffer cache more than others.
        pk = order[i % len(order)]
        t0 = time.perf_counter()
        lookup(pk)
        durations.append(time.perf_counter() - t0)
    return {"distinct_ids": min(len(order), lookups), **percentiles_ms(durations)}


def bench_lookup_by_text(tickets: list[tuple[int, str]], queries: int, seed: int, progress: bool) -> dict:
    """Time tickets_by_text on reworded claims over rotating query texts; count source-ticket hits."""
    from tqdm import tqdm

    from verification import selectors

    pool = list(tickets)
    random.Random(seed).shuffle(pool)
    # Distinct reworded texts: one per ticket, and further rewordings when there are few tickets.
    texts: list[tuple[int, str]] = []
    seen: set[str] = set()
    for offset in range(3):
        for pk, claim in pool:
            query = reword(claim, offset)
            if query and query not in seen and query != claim:
                seen.add(query)
                texts.append((pk, query))
        if len(texts) >= max(MIN_TEXT_QUERIES, min(queries, len(pool))):
            break

    for _, query in texts[:5]:
        selectors.tickets_by_text(text=query)

    durations = []
    top1 = top5 = 0
    for i in tqdm(range(queries), desc="lookup by text", unit="req", disable=not progress):
        pk, query = texts[i % len(texts)]
        t0 = time.perf_counter()
        matches = selectors.tickets_by_text(text=query)
        durations.append(time.perf_counter() - t0)
        found = [m.item.pk for m in matches]
        top1 += bool(found) and found[0] == pk
        top5 += pk in found
    return {
        "distinct_queries": min(len(texts), queries),
        "source_ticket_top1": round(top1 / queries, 4),
        "source_ticket_top5": round(top5 / queries, 4),
        **percentiles_ms(durations),
    }


# --- environment ----------------------------------------------------------------------------------


def cpu_model() -> dict:
    """Return the CPU's model name and current clock as Linux reports them (empty elsewhere)."""
    try:
        info = Path("/proc/cpuinfo").read_text()
    except OSError:
        return {}
    found = dict(re.findall(r"^(model name|cpu MHz)\s*:\s*(.+)$", info, re.M))
    return {"cpu": found.get("model name", "").strip(), "cpu_mhz": float(found.get("cpu MHz", 0) or 0)}


def machine() -> dict:
    """Return what the figures depend on: cores, the CPU and its clock, RAM, Python, the PostgreSQL server."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        pg_version = cursor.fetchone()[0]
    try:
        ram_bytes = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        ram_bytes = None
    return {
        "cpus": os.cpu_count(),
        **cpu_model(),
        "ram_gib": round(ram_bytes / 2**30, 1) if ram_bytes else None,
        "python": platform.python_version(),
        "postgresql": pg_version,
        "database_url_set": bool(os.environ.get("DATABASE_URL")),
    }


def drop_bench_queue() -> int:
    """Purge and delete the benchmark's own Celery queue; return how many messages it held."""
    from config.celery_app import app

    with app.connection_for_write() as conn:
        queue = app.amqp.queues[BENCH_QUEUE].bind(conn.default_channel)
        purged = queue.purge() or 0
        # Redis keeps the queue's exchange bindings in their own keys; a delete only removes the
        # bindings the channel knows of, so declare them on this channel first.
        queue.declare()
        queue.delete()
    return purged


def isolate_celery() -> None:
    """Send this process's tasks to a queue no worker consumes, published rather than run inline."""
    from config.celery_app import app

    app.conf.task_always_eager = False
    # Must be set before the first publish: Celery builds its queue table lazily from this setting.
    app.conf.task_default_queue = BENCH_QUEUE


def print_table(result: dict) -> None:
    """Print the figures as a plain-text table."""
    m, ing, cor, byid, bytext = (
        result["machine"],
        result["ingest"],
        result["corroborate"],
        result["lookup_by_id"],
        result["lookup_by_text"],
    )

    def lat(r: dict) -> str:
        """Format p50/p95/p99 of one section."""
        if not r["n"]:
            return "n/a"
        return f"p50 {r['p50_ms']:.2f} / p95 {r['p95_ms']:.2f} / p99 {r['p99_ms']:.2f} ms (n={r['n']})"

    rows = [
        ("machine", f"{m['cpus']} CPUs, {m['ram_gib']} GiB RAM, Python {m['python']}"),
        ("PostgreSQL", m["postgresql"]),
        ("articles ingested", f"{ing['documents']} ({ing['bytes'] / 1e6:.2f} MB of text)"),
        ("ingest throughput", f"{ing['documents_per_s']:.1f} docs/s, {ing['mb_per_s']:.3f} MB/s"),
        ("passages / tickets", f"{ing['passages']} / {ing['tickets']}"),
        (
            "corroboration",
            (f"{cor['tickets_per_s'] or 0:.1f} tickets/s over {cor['tickets']} tickets"
            f" ({cor['candidates_attached']} candidates attached)"),
        ),
        ("corroboration latency", lat(cor)),
        ("lookup by id + serialize", lat(byid) + f", {byid['distinct_ids']} distinct ids"),
        ("lookup by text", lat(bytext) + f", {bytext['distinct_queries']} distinct queries"),
        (
            "  source ticket found",
            f"top-1 {bytext['source_ticket_top1']:.1%}, top-5 {bytext['source_ticket_top5']:.1%}",
        ),
        ("bench queue messages purged", str(result["celery_messages_purged"])),
    ]
    width = max(len(k) for k, _ in rows)
    rule = "-" * (width + 2 + max(len(v) for _, v in rows))
    print(rule)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")
    print(rule)


# --- main -----------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--articles", type=int, default=500, help="articles to ingest (default 500)")
    parser.add_argument(
        "--data",
        type=Path,
        default=Path("../shared/data/climate_fever/passages.tsv"),
        help="TSV with passage_id, article, text columns (default ../shared/data/climate_fever/passages.tsv)",
    )
    parser.add_argument("--sample", type=int, default=None, help="corroborate only this many random tickets")
    parser.add_argument(
        "--id-lookups", type=int, default=1000, help=f"lookups by id (at least {MIN_ID_LOOKUPS})"
    )
    parser.add_argument("--text-lookups", type=int, default=400, help="lookups by text (default 400)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed for sampling and rotation")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    parser.add_argument("--no-progress", action="store_true", help="hide the progress bars")
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    args.id_lookups = max(args.id_lookups, MIN_ID_LOOKUPS)
    args.text_lookups = max(args.text_lookups, MIN_TEXT_QUERIES)
    return args


def main(argv: list[str] | None = None) -> int:
    """Set up the throwaway database, run every measurement, print the figures, clean up."""
    args = parse_args(argv)
    if not args.data.is_file():
        sys.exit(
            f"Data file not found: {args.data}. Pass --data PATH to a TSV with the columns "
            "passage_id, article, text (e.g. climate_fever's passages.tsv)."
        )
    articles = load_articles(args.data, args.articles)
    if not articles:
        sys.exit(f"{args.data}: no sentences found.")
    if len(articles) < args.articles:
        print(f"note: {args.data} yields only {len(articles)} articles; ingesting those.", file=sys.stderr)

    progress = not args.no_progress
    try:
        with throwaway_database(BENCH_DB):
            isolate_celery()
            from verification.models import Ticket

            info = machine()
            ingest = bench_ingest(articles, progress)
            tickets = list(Ticket.objects.order_by("pk").values_list("pk", "claim_text"))
            if not tickets:
                sys.exit(
                    "No tickets were opened; ingest more articles (--articles) to have tickets to look up."
                )
            ticket_ids = [pk for pk, _ in tickets]
            corroborate = bench_corroborate(ticket_ids, args.sample, args.seed, progress)
            by_id = bench_lookup_by_id(ticket_ids, args.id_lookups, args.seed, progress)
            by_text = bench_lookup_by_text(tickets, args.text_lookups, args.seed, progress)
    finally:
        purged = drop_bench_queue()

    result = {
        "command": " ".join([Path(sys.executable).name, "-m", "bench.ingest_and_lookup", *sys.argv[1:]]),
        "data": str(args.data),
        "machine": info,
        "ingest": ingest,
        "corroborate": corroborate,
        "lookup_by_id": by_id,
        "lookup_by_text": by_text,
        "celery_messages_purged": purged,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_table(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
