"""Benchmark: the API's status endpoints over the whole HTTP stack, at the size a desk reaches.

What it measures, on real PostgreSQL, in one process, through Django's test client with a token
(middleware, token authentication, throttling against Redis, permissions, serialization):

* the ticket list: the first cursor page, a filtered page, and the fifth page reached by cursor;
* a ticket by id (every ticket in rotation);
* lookup by text (claims reworded: every third word dropped);
* ClaimReview JSON-LD of a ticket with a verdict;
* polling an extraction job;

each as p50/p95/p99 ms, and the queries one request runs. The database connection is kept between
requests, as a production server keeps it (CONN_MAX_AGE). The data: articles from a public
labelled set (``--data``, read where it lies, as ``bench.ingest_and_lookup`` does), ingested and
corroborated in-process, a share of their tickets given a verdict. The throwaway database and the
Celery queue are those of ``bench.ingest_and_lookup``, set up and removed the same way.

Run from the project root:

    .venv/bin/python -m bench.api_endpoints --articles 500 \\
        --data ../shared/data/climate_fever/passages.tsv [--requests 300] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

from bench.ingest_and_lookup import (
    BENCH_DB,
    drop_bench_queue,
    isolate_celery,
    load_articles,
    machine,
    percentiles_ms,
    reword,
)


def build(articles, *, corroborate: int, verdicts: float, seed: int) -> dict:
    """Ingest the articles, corroborate a sample of tickets, give a share a verdict; return ids to ask for."""
    from django.conf import settings
    from tqdm import tqdm

    from verification import services
    from verification.choices import JobKind
    from verification.ingestion import parse_text
    from verification.models import Ticket
    from verification.services.accounts import account_ensure
    from verification.services.runs import job_run_queue

    reviewer, token = account_ensure(username="bench-reviewer", password="bench-reviewer-2026")
    max_bytes = settings.VERIFICATION_MAX_DOCUMENT_BYTES
    for index, (title, text) in enumerate(tqdm(articles, desc="ingest", unit="doc", mininterval=5)):
        incoming = parse_text(
            text, source_name=f"bench-{index}", max_bytes=max_bytes, title=title, publisher="bench"
        )
        services.document_ingest(incoming=incoming)
    tickets = list(Ticket.objects.order_by("pk").values_list("pk", "claim_text"))
    rng = random.Random(seed)
    for pk, _ in tqdm(
        rng.sample(tickets, min(corroborate, len(tickets))), desc="corroborate", unit="ticket", mininterval=5
    ):
        services.ticket_corroborate(ticket_id=pk)
    judged = rng.sample(tickets, int(len(tickets) * verdicts))
    for pk, _ in judged:
        services.ticket_transition(
            ticket_id=pk, to_status="disputed", actor=reviewer, rationale="bench verdict"
        )
    jobs = [job_run_queue(kind=JobKind.EXTRACT_DOCUMENT, requested_by=reviewer).pk for _ in range(50)]
    return {"token": token.key, "tickets": tickets, "judged": [pk for pk, _ in judged], "jobs": jobs}


def measure(client, urls: list[str], requests: int) -> dict:
    """GET the urls in rotation; return latency percentiles and the queries of one request."""
    from django.db import connection

    for url in urls[:5]:
        client.get(url)
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        client.get(urls[0])
    durations = []
    for i in range(requests):
        t0 = time.perf_counter()
        response = client.get(urls[i % len(urls)])
        durations.append(time.perf_counter() - t0)
        if response.status_code != 200:
            sys.exit(f"{urls[i % len(urls)]} answered {response.status_code}: {response.content[:200]!r}")
    return {"queries": len(queries), **percentiles_ms(durations)}


def fifth_page(client) -> str:
    """Return the URL of the list's fifth page of 50, reached by following cursors."""
    url = "/api/tickets/"
    for _ in range(4):
        url = client.get(url).json()["next"] or url
    return url


def run(data: dict, requests: int) -> dict:
    """Measure each endpoint."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections
    from rest_framework.test import APIClient

    # Keep the database connection between requests, as a production server does (CONN_MAX_AGE), so
    # the figures are the API's work and not a connection set-up per request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)

    client = APIClient(HTTP_HOST="localhost")  # a host ALLOWED_HOSTS has, as a real request would
    client.credentials(HTTP_AUTHORIZATION=f"Token {data['token']}")
    ids = [pk for pk, _ in data["tickets"]]
    random.Random(1).shuffle(ids)
    texts = [reword(claim, 0) for _, claim in data["tickets"]]
    lookups = [f"/api/tickets/lookup/?text={t.replace(' ', '+').replace('&', '')}" for t in texts if t]
    return {
        "list first page": measure(client, ["/api/tickets/"], requests),
        "list filtered (status)": measure(client, ["/api/tickets/?status=disputed"], requests),
        "list fifth page by cursor": measure(client, [fifth_page(client)], requests),
        "ticket by id": measure(client, [f"/api/tickets/{pk}/" for pk in ids], requests),
        "lookup by text": measure(client, lookups, requests),
        "claimreview": measure(
            client, [f"/api/tickets/{pk}/claimreview/" for pk in data["judged"]], requests
        ),
        "job poll": measure(client, [f"/api/jobs/{pk}/" for pk in data["jobs"]], requests),
    }


def main(argv: list[str] | None = None) -> int:
    """Set up the throwaway database, build the data, measure, print, clean up."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/climate_fever/passages.tsv"))
    parser.add_argument("--corroborate", type=int, default=300, help="tickets to corroborate (default 300)")
    parser.add_argument("--verdicts", type=float, default=0.2, help="share of tickets given a verdict")
    parser.add_argument("--requests", type=int, default=300, help="requests per endpoint (default 300)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        sys.exit(
            f"Data file not found: {args.data}. Pass --data PATH to a TSV with passage_id, article, text."
        )
    articles = load_articles(args.data, args.articles)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    os.environ.setdefault("VERIFICATION_LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from config import embedded

    embedded.start_for_settings()
    from django.conf import settings
    from django.test.utils import setup_databases, teardown_databases

    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = BENCH_DB
    isolate_celery()
    old_config = setup_databases(verbosity=0, interactive=False, serialized_aliases=set())
    try:
        info = machine()
        data = build(articles, corroborate=args.corroborate, verdicts=args.verdicts, seed=args.seed)
        figures = run(data, args.requests)
    finally:
        from django.db import connections

        connections.close_all()
        teardown_databases(old_config, verbosity=0)
        drop_bench_queue()
    result = {
        "machine": info,
        "articles": len(articles),
        "tickets": len(data["tickets"]),
        "endpoints": figures,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(
        f"{info['cpus']} CPUs, {info['ram_gib']} GiB; {len(articles)} articles, {result['tickets']} tickets"
    )
    for name, r in figures.items():
        latency = f"p50 {r['p50_ms']:7.2f}  p95 {r['p95_ms']:7.2f}  p99 {r['p99_ms']:7.2f} ms"
        print(f"{name:<28} {latency}  {r['queries']} queries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
