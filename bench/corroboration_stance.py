"""Benchmark: corroborating one ticket with the stance model, the event check and the rules.

What it measures: `services.ticket_corroborate(ticket_id=…)` in-process, per ticket, p50/p95/p99,
with the stance model loaded once before timing (as a worker process does) and without it
(`VERIFICATION_STANCE_USE_MODEL` off: event check and rules only), plus how many (claim, passage)
pairs the model read. Run it on one core (`taskset -c 0`) for the figure in docs/benchmarks.md.

The data: the two seed articles and `--articles` generated news reports (a town, a figure with
what it counts, a denial in one report in five), so every ticket has candidates from several
stories, some about the same town and figure, some about another. Everything lives in a
throwaway `bench_stance` database, dropped at the end.

Usage: taskset -c 0 .venv/bin/python -m bench.corroboration_stance [--articles 60] [--rounds 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from bench.ingest_and_lookup import machine, percentiles_ms
from bench.throwaway import throwaway_database

BENCH_DB = "bench_stance"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TOWNS = ["Bucha", "Balakliya", "Izium", "Kherson", "Mariupol", "Kharkiv"]
THINGS = [("civilians", "killed"), ("tanks", "destroyed"), ("buildings", "damaged"), ("people", "detained")]


def article(n: int, rng: random.Random) -> str:
    """Return a short generated news report about one town, with figures and, sometimes, a denial."""
    town = rng.choice(TOWNS)
    what, verb = rng.choice(THINGS)
    count = rng.choice([12, 40, 71, 120, 300])
    date = f"2022-0{rng.randint(3, 9)}-1{rng.randint(0, 9)}"
    turnout, reported = rng.choice([64, 71.4, 58]), rng.choice([50, 60])
    lines = [
        f"date {date} Officials in {town} said {count} {what} were {verb}.",
        f"Ukrainian officials said that Russian troops {verb} {count} {what} in {town} last week.",
        f"Reporters taken to {town} were shown a basement where, residents say, prisoners were tortured.",
        f"Turnout in the local vote was {turnout} percent, not the {reported} percent first reported.",
    ]
    if n % 5 == 0:
        lines.append("Russia has denied that its troops committed war crimes in the town.")
    return "\n\n".join(lines)


def load(articles: int) -> None:
    """Ingest the seeds and the generated reports; their tickets open as ingest opens them."""
    from django.conf import settings

    from verification import services
    from verification.ingestion import parse_text, read_text_file

    limit = settings.VERIFICATION_MAX_DOCUMENT_BYTES
    for path in sorted(SEEDS.glob("*.txt")):
        services.document_ingest(incoming=read_text_file(path, max_bytes=limit))
    rng = random.Random(11)
    for n in range(articles):
        text = article(n, rng)
        services.document_ingest(
            incoming=parse_text(
                text, source_name=f"bench-{n}.txt", publisher=f"Outlet {n % 9}", max_bytes=limit
            )
        )


def run(ticket_ids: list[int], rounds: int, cpu: list[float] | None = None) -> list[float]:
    """Return the wall seconds each ticket's corroboration took, over the rounds; its CPU seconds into cpu.

    The CPU time is this process's alone (Python, the stance model), not PostgreSQL's: on a shared
    machine it says what one ticket costs when the wall time also counts waiting for a core.
    """
    from verification import services

    durations = []
    for _ in range(rounds):
        for pk in ticket_ids:
            started, started_cpu = time.perf_counter(), time.process_time()
            services.ticket_corroborate(ticket_id=pk)
            durations.append(time.perf_counter() - started)
            if cpu is not None:
                cpu.append(time.process_time() - started_cpu)
    return durations


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60, help="Generated reports beside the seeds.")
    parser.add_argument("--rounds", type=int, default=3, help="Corroborations of every ticket per setting.")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with throwaway_database(BENCH_DB):
        from django.test.utils import override_settings

        from verification.models import CandidateSource, Ticket
        from verification.stance import predictor

        load(args.articles)
        ticket_ids = list(Ticket.objects.order_by("pk").values_list("pk", flat=True))
        reader = predictor.stance_predictor()
        report: dict = {"machine": machine(), "tickets": len(ticket_ids), "articles": args.articles + 2}
        if reader is not None:
            from verification.stance import model

            reader([("warm-up", "load the model once per process")])
            pairs = [0]

            def counting(batch):
                pairs[0] += len(batch)
                return reader(batch)

            # The predictor imports stance_predict on each call, so counting it here counts every pair.
            model.stance_predict = counting
            try:
                run(ticket_ids[:3], 1)  # warm caches and connections
                pairs[0] = 0
                cpu: list[float] = []
                report["with_model"] = percentiles_ms(run(ticket_ids, args.rounds, cpu))
                report["with_model_cpu"] = percentiles_ms(cpu)
                report["with_model"]["pairs_read_per_ticket"] = round(
                    pairs[0] / (len(ticket_ids) * args.rounds), 2
                )
            finally:
                model.stance_predict = reader
        with override_settings(VERIFICATION_STANCE_USE_MODEL=False):
            run(ticket_ids[:3], 1)
            cpu_alone: list[float] = []
            report["without_model"] = percentiles_ms(run(ticket_ids, args.rounds, cpu_alone))
            report["without_model_cpu"] = percentiles_ms(cpu_alone)
        report["candidates"] = CandidateSource.objects.count()
        report["stances"] = {
            s: CandidateSource.objects.filter(stance=s).count()
            for s in ("supports", "contradicts", "discusses", "unrelated")
        }
        report["model_installed"] = reader is not None
    print(json.dumps(report, indent=2) if args.json else report)


if __name__ == "__main__":
    main()
