# ruff: noqa: E501, ISC004 - the Markdown rows read best one to a line
"""Run every benchmark, write the figures to bench/results/latest.json and docs/performance.md.

Each section runs in its own process (its own throwaway database), one after the other:
ingest and in-process corroboration (bench/ingest_and_lookup.py), search at scale with one and two
Celery workers (bench/search_at_scale.py), re-check fan-out and lookup by text as tickets grow
(bench/recheck_fanout.py), the HTTP rows beside a bare view (bench/http_load.py) and the admin
queue (bench/admin_queue.py). BENCH_QUICK=1 (or --quick) runs the small sizes in a few minutes.

    make bench          # the full sizes: 1M passages, 100k open tickets, 1M tickets
    make bench-quick    # the small sizes
    .venv/bin/python -m bench.suite --quick --only http recheck
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from bench.ingest_and_lookup import cpu_model

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
DOC = ROOT / "docs" / "performance.md"
END = "<!-- /results -->"


def begin_marker(mode: str) -> str:
    return f"<!-- results {mode}: written by bench/suite.py -->"


def sections(quick: bool, data: Path) -> dict[str, list[str]]:
    """Return each section's command line, at the quick or the full sizes."""
    passages, claims = str(data / "passages.tsv"), str(data / "claims.jsonl")
    return {
        "search": ["bench.search_at_scale", "--passages", passages, "--claims", claims, "--sizes",
                   *(["10000", "100000"] if quick else ["10000", "100000", "1000000"]),
                   "--queries", "40", "--searches", "200", "--articles", "60" if quick else "100",
                   "--no-semantic"],
        "recheck": ["bench.recheck_fanout", "--open", *(["1000", "10000"] if quick else ["1000", "10000", "100000"]),
                    "--documents", "100" if quick else "1000",
                    *([] if quick else ["--lookup-tickets", "1000000"]), "--lookups", "200"],
        "http": ["bench.http_load", "--tickets", "20000" if quick else "100000",
                 "--duration", "4" if quick else "8", "--rounds", "3" if quick else "5"],
        "ingest": ["bench.ingest_and_lookup", "--articles", "200" if quick else "1000", "--data", passages,
                   "--sample", "100" if quick else "300", "--id-lookups", "300", "--text-lookups", "200"],
        "admin": ["bench.admin_queue", "--sizes", *(["100000"] if quick else ["100000", "1000000"]),
                  "--requests", "10" if quick else "30"],
    }  # fmt: skip


def run(name: str, argv: list[str]) -> dict:
    """Run one section with --json; return its figures (or the error it ended with)."""
    command = [sys.executable, "-m", *argv, "--json", "--no-progress"]
    began = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    wall = round(time.perf_counter() - began, 1)
    print(f"{name}: exit {done.returncode} after {wall} s", file=sys.stderr)
    out = done.stdout
    try:
        figures = json.loads(out[out.index("{") :]) if "{" in out else {}
    except ValueError:
        figures = {}
    if done.returncode or not figures:
        return {"error": (done.stderr or out)[-2000:], "wall_s": wall, "command": " ".join(argv)}
    return {**figures, "wall_s": wall}


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def ms(row: dict | None, key: str) -> str:
    value = (row or {}).get(key)
    return "—" if value is None else f"{value:,.1f}"


def render(results: dict) -> str:
    """Return the Markdown tables of the figures."""
    s = results["sections"]
    lines = [
        f"Run: {results['finished_at']} UTC, mode **{results['mode']}**, {results['wall_s']:,} s in all. "
        f"Machine: {results['machine']['cpus']} CPUs ({results['machine'].get('cpu') or 'model not reported'}, "
        f"{results['machine'].get('cpu_mhz', 0):,.0f} MHz), {results['machine']['ram_gib']} GiB, Python "
        f"{results['machine']['python']}, {results['machine']['platform']}. "
        f"Load before: `{results['uptime_before']}`; after: `{results['uptime_after']}`.",
        "",
        "Each section finished at (UTC; a partial run keeps the other sections' figures): "
        + ", ".join(f"{name} {figures.get('finished_at', 'an earlier run')}" for name, figures in s.items()) + ".",
        "",
    ]
    ingest = s.get("ingest", {})
    if "ingest" in ingest:
        i, c = ingest["ingest"], ingest.get("corroborate") or {}
        lines += [
            "| Ingest and in-process corroboration | |",
            "|---|---:|",
            f"| articles ingested, one process | {i.get('documents', '—')} |",
            f"| ingest articles/s, MB/s | {i.get('documents_per_s', '—')}, {i.get('mb_per_s', '—')} |",
            f"| corroboration tickets/s (in-process), p95 ms | {c.get('tickets_per_s', '—')}, {ms(c, 'p95_ms')} |",
            "",
        ]
    search = s.get("search", {})
    if "sizes" in search:
        lines += ["| Full-text search (200 searches, 40 rotating claims) | p50 ms | p95 ms | p99 ms |",
                  "|---|---:|---:|---:|"]
        for size in search["sizes"]:
            f = size["full_text_search"]
            lines.append(f"| {size['passages']:,} passages | {ms(f, 'p50_ms')} | {ms(f, 'p95_ms')} | {ms(f, 'p99_ms')} |")
        lines.append("")
        workers = search.get("workers") or []
        if len(workers) == 2:
            one, two = workers
            lines += [
                f"| Corroboration by Celery workers ({one['tickets']} tickets, {search.get('workers_at_passages', 0):,} passages) | seconds | tickets/s |",
                "|---|---:|---:|",
                f"| 1 worker process | {one['seconds']} | {one['tickets_per_s']} |",
                f"| 2 worker processes | {two['seconds']} | {two['tickets_per_s']} |",
                f"| speed-up | | {two['tickets_per_s'] / one['tickets_per_s']:.2f}× |",
                "",
                f"Worker peak memory (VmHWM, MiB): {json.dumps(two.get('peak_rss_mib'))}.",
                "",
            ]
    recheck = s.get("recheck", {})
    if "steps" in recheck:
        lines += ["| Re-check of a new document (10 sentences) | open tickets | documents | tickets queued: mean / max | ms per document p50 / p95 | wall s |",
                  "|---|---:|---:|---:|---:|---:|"]
        for step in recheck["steps"]:
            r = step["recheck"]
            lines.append(f"| {step['tickets']:,} tickets | {step['open_tickets']:,} | {step['documents']:,} | "
                         f"{step['fanout_mean']} / {step['fanout_max']} | {ms(r, 'p50_ms')} / {ms(r, 'p95_ms')} | {step['recheck_wall_s']} |")
        bound = recheck["steps"][0]["bound"]
        look = recheck.get("lookup_by_text", {})
        lines += ["", f"Bound: {bound['per_passage']} tickets per passage, {bound['per_document']} per document.",
                  "", f"Lookup by text, one client, {look.get('tickets', 0):,} tickets, {look.get('distinct_texts')} rotating "
                  f"texts: p50 {ms(look, 'p50_ms')} ms, p95 {ms(look, 'p95_ms')} ms, p99 {ms(look, 'p99_ms')} ms; "
                  f"source ticket among the results {look.get('source_in_results', 0):.0%}.", ""]
    http = s.get("http", {})
    if "rows" in http:
        lines += [f"HTTP, gunicorn {http['gunicorn_workers']} sync workers, production settings, wrk on loopback, "
                  f"{http['connections']} connections, {http['tickets']:,} tickets, one run: the rows take turns, "
                  f"{http.get('rounds', 1)} rounds of {http['duration_s']} s a row; medians over the rounds, the worst p99, "
                  "and the median of each round's ratio to the bare view:", "",
                  "| endpoint | requests/s | p50 | p99 (each round) | share of the bare view (each round) | non-2xx |",
                  "|---|---:|---:|---:|---:|---:|"]
        for name, row in http["rows"].items():
            shares = " / ".join(f"{share:.2f}" for share in row.get("shares_by_round", []))
            p99s = " / ".join(f"{p99:g}" for p99 in row.get("p99_ms_by_round", []))
            lines.append(f"| {name} | {row['requests_per_s']:,.0f} | {ms(row, 'p50_ms')} ms | {ms(row, 'p99_ms')} ms ({p99s}) | "
                         f"{row['share_of_bare']:.3f} ({shares}) | {row['non_2xx']} |")
        lines += ["", f"Web worker peak memory (VmHWM, MiB): {json.dumps(http.get('web_worker_peak_rss_mib'))}.", ""]
    admin = s.get("admin", {})
    if "results" in admin:
        lines += ["| Admin queue page p50 / p95 ms | " + " | ".join(f"{r['tickets']:,} tickets" for r in admin["results"]) + " |",
                  "|---|" + "---:|" * len(admin["results"])]
        for page in admin["results"][0]["pages"]:
            cells = [f"{ms(r['pages'][page], 'p50_ms')} / {ms(r['pages'][page], 'p95_ms')}" for r in admin["results"]]
            lines.append(f"| {page} | " + " | ".join(cells) + " |")
        lines.append("")
    for name, figures in s.items():
        if "error" in figures:
            lines += [f"Section **{name}** failed: `{figures['command']}`", "", "```", figures["error"][-800:], "```", ""]
    return "\n".join(lines)  # fmt: skip


def write_doc(results: dict) -> None:
    """Replace the generated part of docs/performance.md, keeping the written text around it."""
    begin = begin_marker(results["mode"])
    text = DOC.read_text() if DOC.exists() else "# Performance\n"
    if begin not in text:
        text += f"\n{begin}\n{END}\n"
    head, _, rest = text.partition(begin)
    _, _, tail = rest.partition(END)
    DOC.write_text(f"{head}{begin}\n\n{render(results)}\n{END}{tail}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", default=os.environ.get("BENCH_QUICK") == "1")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "climate_fever",
                        help="climate_fever folder (passages.tsv, claims.jsonl), read where it lies")
    parser.add_argument("--only", nargs="+", help="run only these sections")
    parser.add_argument("--from-file", nargs="+", default=[], metavar="SECTION=PATH",
                        help="take a section's figures from the JSON a separate run of its command printed")
    parser.add_argument("--output", type=Path, help="default bench/results/latest.json, quick.json in quick mode")
    args = parser.parse_args(argv)
    args.output = args.output or RESULTS / ("quick.json" if args.quick else "latest.json")
    chosen = {k: v for k, v in sections(args.quick, args.data).items() if not args.only or k in args.only}
    began = time.perf_counter()
    results = {
        "mode": "quick" if args.quick else "full",
        "uptime_before": uptime(),
        "machine": {"cpus": os.cpu_count(), **cpu_model(), "python": platform.python_version(), "platform": platform.platform(),
                    "ram_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)},
        "sections": {},
    }  # fmt: skip
    previous = json.loads(args.output.read_text()) if args.only and args.output.exists() else None
    if previous and previous.get("mode") == results["mode"]:
        results["sections"] = previous.get("sections", {})  # a partial run updates its own sections
        results["uptime_before"] = previous.get("uptime_before", results["uptime_before"])
        began -= previous.get("wall_s", 0)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    given = dict(item.split("=", 1) for item in args.from_file)
    for name, path in given.items():
        results["sections"][name] = json.loads(Path(path).read_text())
    for name, argv_ in chosen.items():
        if name not in given:
            results["sections"][name] = run(name, argv_)
            results["sections"][name]["finished_at"] = time.strftime("%Y-%m-%d %H:%M", time.gmtime())
        # Written after every section, so that a long run stopped early keeps what it measured.
        results["uptime_after"] = uptime()
        results["wall_s"] = round(time.perf_counter() - began)
        results["finished_at"] = time.strftime("%Y-%m-%d %H:%M", time.gmtime())
        args.output.write_text(json.dumps(results, indent=2) + "\n")
        write_doc(results)
    print(f"figures in {args.output.relative_to(ROOT)} and {DOC.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
