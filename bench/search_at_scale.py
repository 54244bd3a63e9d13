"""Benchmark: passage search latency at 100k and 1M passages, and corroborated tickets/s per worker count.

What it measures, on real PostgreSQL (and Redis for the workers), in a throwaway database:

* load: passages written with PostgreSQL COPY (the stored tsvector is computed by the server as
  rows arrive), the GIN index built afterwards, then ANALYZE; wall-clock seconds;
* full-text search: ``search.passage_candidates`` (the corroboration path: "at least two shared
  stems" GIN query, ts_rank, features, re-ranking) with ``semantic=False``, p50/p95/p99 ms over
  ``--searches`` searches rotating over ``--queries`` distinct claims (default 200 over 100);
* semantic search (only with the `semantic` extra): the real passages of ``--passages`` embedded,
  then ``semantic_ranking`` (HNSW, pgvector) and the hybrid ``passage_candidates`` latency; the
  HNSW index holds only those embedded passages, which the figures say;
* corroboration throughput: tickets opened by ingesting ``--articles`` articles built from the
  data, then every ticket corroborated by real ``celery worker`` processes (1, then 2, each with
  concurrency 1), tickets/s from first publish to the last ticket stamped.

Passage text is realistic, not repeated: a word-level Markov chain (order 2) trained on the
passages of ``--passages`` (climate_fever's passages.tsv, read where it lies) writes new
sentences of 8–45 words. The database ``bench_search`` is created with Django's test-database
machinery and dropped at the end; the worker queue ``bench_verification`` is deleted at the end.

    .venv/bin/python -m bench.search_at_scale --passages ../shared/data/climate_fever/passages.tsv \\
        --claims ../shared/data/climate_fever/claims.jsonl [--sizes 100000 1000000] [--json]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

from bench.ingest_and_lookup import (
    BENCH_QUEUE,
    drop_bench_queue,
    isolate_celery,
    load_articles,
    machine,
    percentiles_ms,
)
from bench.throwaway import throwaway_database

BENCH_DB = "bench_search"
PASSAGES_PER_DOCUMENT = 20
PROJECT = Path(__file__).resolve().parent.parent


# --- text -----------------------------------------------------------------------------------------


class MarkovWriter:
    """Write new sentences from a word-level order-2 Markov chain over real sentences."""

    def __init__(self, sentences: list[str], seed: int):
        self.random = random.Random(seed)
        self.next: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.starts: list[tuple[str, str]] = []
        for sentence in sentences:
            words = sentence.split()
            if len(words) < 3:
                continue
            self.starts.append((words[0], words[1]))
            for a, b, c in zip(words, words[1:], words[2:], strict=False):
                self.next[(a, b)].append(c)

    def sentence(self) -> str:
        """Return one new sentence of 8 to 45 words."""
        while True:
            a, b = self.random.choice(self.starts)
            words = [a, b]
            while len(words) < 45:
                followers = self.next.get((a, b))
                if not followers:
                    break
                a, b = b, self.random.choice(followers)
                words.append(b)
                if b.endswith(".") and len(words) >= 8:
                    break
            if len(words) >= 8:
                return " ".join(words)


def read_sentences(path: Path) -> list[str]:
    import csv

    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [row["text"].strip() for row in reader if (row.get("text") or "").strip()]


def read_queries(path: Path, count: int) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line)["claim"] for line in handle if line.strip()][:count]


# --- loading --------------------------------------------------------------------------------------


def _copy_rows(cursor, table: str, columns: list[str], rows) -> None:
    """COPY rows (tuples) into table, tab-separated, escaping what COPY's text format needs."""

    def field(value) -> str:
        if value is None:
            return "\\N"
        return str(value).replace("\\", "\\\\").replace("\t", " ").replace("\n", " ").replace("\r", " ")

    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join(field(v) for v in row) + "\n")
    buffer.seek(0)
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        while chunk := buffer.read(1 << 20):
            copy.write(chunk)


def load_passages(writer: MarkovWriter, count: int, *, progress: bool) -> float:
    """Add count generated passages (PASSAGES_PER_DOCUMENT per document) by COPY; return seconds."""
    import hashlib

    from django.db import connection
    from django.utils import timezone
    from tqdm import tqdm

    began = time.perf_counter()
    now = timezone.now().isoformat()
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS passage_search_gin")
        cursor.execute("SELECT coalesce(max(id), 0) FROM verification_document")
        next_document = cursor.fetchone()[0] + 1
        batch_docs = 2_000
        bar = tqdm(total=count, unit="passage", desc="Loading", disable=not progress)
        done = 0
        while done < count:
            documents, passages = [], []
            for _ in range(
                min(batch_docs, (count - done + PASSAGES_PER_DOCUMENT - 1) // PASSAGES_PER_DOCUMENT)
            ):
                sentences = [writer.sentence() for _ in range(min(PASSAGES_PER_DOCUMENT, count - done))]
                if not sentences:
                    break
                text, start = "", 0
                for ordinal, sentence in enumerate(sentences):
                    start = len(text)
                    text += sentence + " "
                    passages.append(
                        (next_document, ordinal, ordinal // 4, start, start + len(sentence), sentence, "")
                    )
                digest = hashlib.sha256(f"bench {next_document} {text}".encode()).hexdigest()
                documents.append(
                    (next_document, f"Bench {next_document}", "", "", "bench", text, text, digest, now)
                )
                next_document += 1
                done += len(sentences)
            _copy_rows(
                cursor,
                "verification_document",
                [
                    "id",
                    "title",
                    "publisher",
                    "url",
                    "source_name",
                    "original",
                    "text",
                    "content_hash",
                    "ingested_at",
                ],
                documents,
            )
            _copy_rows(
                cursor,
                "verification_passage",
                ["document_id", "ordinal", "paragraph", "start", '"end"', "text", "quote_key"],
                passages,
            )
            bar.update(len(passages))
        bar.close()
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('verification_document', 'id'), %s)", [next_document]
        )
        cursor.execute("CREATE INDEX passage_search_gin ON verification_passage USING gin (search_vector)")
        cursor.execute("ANALYZE verification_document")
        cursor.execute("ANALYZE verification_passage")
    from verification.search import retrieval

    retrieval._common_stems.clear()  # the statistics just changed
    return round(time.perf_counter() - began, 1)


# --- measuring ------------------------------------------------------------------------------------


def time_searches(queries: list[str], searches: int, fn) -> dict:
    """Warm up once per query, then time searches rotating over the queries."""
    for text in queries:
        fn(text)
    seconds, found = [], 0
    for i in range(searches):
        began = time.perf_counter()
        results = fn(queries[i % len(queries)])
        seconds.append(time.perf_counter() - began)
        found += len(results) > 0
    return {**percentiles_ms(seconds), "distinct_queries": len(queries), "with_results": found}


def full_text_latency(queries: list[str], searches: int) -> dict:
    from verification.search import passage_candidates

    return time_searches(
        queries, searches, lambda text: passage_candidates(text=text, limit=8, semantic=False)
    )


def semantic_latency(queries: list[str], searches: int, sentences: list[str], progress: bool) -> dict | None:
    """Embed the real sentences (as extra documents), time HNSW and hybrid search; None without the extra."""
    from django.conf import settings
    from tqdm import tqdm

    from verification.search.semantic import extra_installed

    if not extra_installed():
        return None
    from verification import services
    from verification.models import Passage, PassageEmbedding
    from verification.search import passage_candidates
    from verification.search.passages import semantic_ranking
    from verification.search.semantic import embed_one

    settings.VERIFICATION_SEMANTIC_SEARCH = True
    writer = _Replay(sentences)
    load_passages(writer, len(sentences), progress=progress)
    real = list(Passage.objects.order_by("-pk").values_list("pk", flat=True)[: len(sentences)])
    began = time.perf_counter()
    with tqdm(total=len(sentences), unit="passage", desc="Embedding", disable=not progress) as bar:
        # Only the real sentences are embedded: the newest passages, loaded just above.
        services.passages_embed(passage_ids=real, progress=bar.update)
    embed_seconds = time.perf_counter() - began
    embedded = PassageEmbedding.objects.count()
    encode = time_searches(queries, searches, lambda text: embed_one.__wrapped__(text))
    hnsw = time_searches(
        queries, searches, lambda text: semantic_ranking(vector=embed_one(text), excluded=[], pool=50)
    )
    hybrid = time_searches(
        queries, searches, lambda text: passage_candidates(text=text, limit=8, semantic=True)
    )
    return {
        "embedded_passages": embedded,
        "embedding_seconds": round(embed_seconds, 1),
        "query_encoding": encode,
        "hnsw_top50": hnsw,
        "hybrid_search": hybrid,
    }


class _Replay:
    """A writer that hands out given sentences in order (to load the real passages by the same path)."""

    def __init__(self, sentences: list[str]):
        self.sentences = iter(sentences)

    def sentence(self) -> str:
        return next(self.sentences)


def _database_url() -> str:
    from django.db import connection

    db = connection.settings_dict
    host = quote(db["HOST"] or "", safe="")
    auth = quote(db["USER"] or "", safe="") + (f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else "")
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgresql://{auth}@{host}{port}/{db['NAME']}"


def worker_throughput(workers: int) -> dict:
    """Corroborate every ticket with `workers` celery worker processes; return tickets/s."""
    from django.conf import settings
    from django.db.models import Max, Min
    from django.utils import timezone

    from verification import tasks
    from verification.choices import JobKind
    from verification.models import JobRun, Ticket

    drop_bench_queue()  # the re-checks ingest queued would add corroborations of their own
    Ticket.objects.update(last_corroborated_at=None)
    ids = list(Ticket.objects.values_list("pk", flat=True))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": _database_url(),
        "REDIS_URL": settings.CELERY_BROKER_URL,
        "VERIFICATION_LOG_LEVEL": "WARNING",
    }
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "-Q",
                BENCH_QUEUE,
                "--concurrency=1",
                "--pool=prefork",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                f"--hostname=bench{n}@%h",
                "--loglevel=WARNING",
            ],
            cwd=PROJECT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for n in range(workers)
    ]
    try:
        time.sleep(8)  # let the workers start; the clock below starts at the first task anyway
        since = timezone.now()
        began = time.perf_counter()
        for pk in ids:
            tasks.ticket_corroborate.apply_async(args=[pk], queue=BENCH_QUEUE)
        while Ticket.objects.filter(last_corroborated_at__isnull=True).exists():
            if time.perf_counter() - began > 1800:
                raise RuntimeError("the workers did not finish in 30 minutes")
            time.sleep(0.2)
        # From the first task's start to the last one's end, as the workers recorded them: worker
        # start-up and the polling interval above are not counted.
        span = JobRun.objects.filter(kind=JobKind.CORROBORATE_TICKET, started_at__gte=since).aggregate(
            first=Min("started_at"), last=Max("finished_at")
        )
        seconds = (span["last"] - span["first"]).total_seconds()
        # Peak memory of each worker's pool process (the one that runs the tasks) and of its master.
        from bench.http_load import peak_rss_mib, worker_pids

        memory = {
            f"worker {n}": {"master": peak_rss_mib(w.pid), "pool": [*map(peak_rss_mib, worker_pids(w.pid))]}
            for n, w in enumerate(processes)
        }
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=60)
    return {"workers": workers, "tickets": len(ids), "seconds": round(seconds, 2),
            "tickets_per_s": round(len(ids) / seconds, 2), "peak_rss_mib": memory}  # fmt: skip


def ingest_articles(articles: list[tuple[str, str]], progress: bool) -> int:
    from django.conf import settings
    from tqdm import tqdm

    from verification import services
    from verification.ingestion import parse_text
    from verification.models import Ticket

    for title, text in tqdm(articles, desc="Ingesting", unit="doc", disable=not progress):
        incoming = parse_text(
            text,
            source_name=f"{title}.txt",
            title=title,
            max_bytes=settings.VERIFICATION_MAX_DOCUMENT_BYTES,
        )
        services.document_ingest(incoming=incoming)
    return Ticket.objects.count()


# --- running --------------------------------------------------------------------------------------


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--passages", type=Path, required=True, help="passages.tsv (passage_id, article, text)"
    )
    parser.add_argument("--claims", type=Path, required=True, help="claims.jsonl: the search queries")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--queries", type=int, default=100, help="distinct query texts (at least 40)")
    parser.add_argument("--searches", type=int, default=200, help="timed searches per size")
    parser.add_argument("--articles", type=int, default=100, help="articles ingested for the worker runs")
    parser.add_argument("--no-semantic", action="store_true", help="skip the semantic part")
    parser.add_argument("--no-workers", action="store_true", help="skip the worker throughput part")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-progress", action="store_true")
    args = parser.parse_args(argv)
    if args.queries < 40:
        parser.error("--queries must be at least 40")
    for path in (args.passages, args.claims):
        if not path.is_file():
            parser.error(f"{path} not found; pass the climate_fever files by path.")
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    progress = not args.no_progress
    sentences = read_sentences(args.passages)
    queries = read_queries(args.claims, args.queries)
    writer = MarkovWriter(sentences, args.seed)
    result = {"command": " ".join(["python", "-m", "bench.search_at_scale", *sys.argv[1:]]), "sizes": []}
    try:
        with throwaway_database(BENCH_DB):
            isolate_celery()
            result["machine"] = machine()
            loaded = 0
            for size in sorted(args.sizes):
                seconds = load_passages(writer, size - loaded, progress=progress)
                loaded = size
                entry = {"passages": size, "load_seconds_for_added": seconds}
                entry["full_text_search"] = full_text_latency(queries, args.searches)
                result["sizes"].append(entry)
                if size == min(args.sizes) and not args.no_workers:
                    ingest_articles(load_articles(args.passages, args.articles), progress)
                    result["workers"] = [worker_throughput(1), worker_throughput(2)]
                    result["workers_at_passages"] = size
            if not args.no_semantic:
                result["semantic"] = semantic_latency(queries, args.searches, sentences, progress)
    finally:
        drop_bench_queue()
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
