"""Benchmark: claim extraction and document reading throughput on one core, no database.

What it measures, in one process (one core), after a warm-up:

* extraction on news: ``extract_claims`` over the two seed articles (real news prose with quotes,
  attributions, a caption and a credit), repeated ``--repeat`` times;
* extraction on a larger corpus: ``extract_claims`` over articles built from a public TSV given by
  ``--data`` (climate_fever's passages.tsv: sentences grouped into articles of up to 25 sentences,
  as in ``bench/ingest_and_lookup.py``), read where it lies and never copied;
* reading HTML: ``read_document`` on each seed wrapped in a page with navigation, a script, a
  comment section and a footer (trafilatura finds the body), then ``extract_claims`` on the result;
* scoring single sentences: ``score_sentence`` over every sentence of ``--sentences`` (a TSV with a
  ``text`` column, e.g. ClaimBuster's sentences.tsv), the ``manage.py extract --sentences`` path;
* worst cases (``--adversarial``): ``extract_claims`` on the long hostile texts of the property
  tests (runs of quotes, abbreviations, list markers, one 60,000-word "sentence"), one by one, so
  that a rule turning quadratic shows up here as seconds per text.

Each figure is articles (or pages, or sentences) per second and megabytes per second of input
(UTF-8 bytes), timed with ``time.perf_counter`` around the calls only, or with
``time.process_time`` (``--cpu-time``: the CPU seconds of this process alone, so that other work
on a shared machine does not count, the fair way to compare two versions there).

    python -m bench.extraction --data PATH/passages.tsv --sentences PATH/sentences.tsv [--cpu-time] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import sys
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>
<script>window.analytics = {{"page": "article", "ads": [1, 2, 3]}};</script></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/live">Live</a></nav>
<article><h1>{title}</h1>{paragraphs}</article>
<section class="comments"><h3>Comments</h3><p>First! Totally agree with this.</p></section>
<footer>© 2026 The Paper. All rights reserved. <a href="/privacy">Privacy</a></footer></body></html>
"""


def megabytes(texts: list[str]) -> float:
    """Return the UTF-8 size of texts in MB (10^6 bytes)."""
    return sum(len(text.encode("utf-8")) for text in texts) / 1e6


# Wall-clock by default; --cpu-time switches to this process's CPU time.
CLOCK = time.perf_counter


def timed(fn, items: list, repeat: int = 1) -> tuple[float, list]:
    """Return the seconds fn took over items (repeat times) and the last round's results."""
    for item in items[: min(len(items), 20)]:
        fn(item)  # warm-up: regex compilation, model loading, imports
    began = CLOCK()
    for _ in range(repeat):
        results = [fn(item) for item in items]
    return CLOCK() - began, results


def rates(seconds: float, count: int, size_mb: float, unit: str) -> dict:
    """Return count/s and MB/s for a timing."""
    return {
        unit: count,
        "megabytes": round(size_mb, 4),
        "seconds": round(seconds, 3),
        f"{unit}_per_second": round(count / seconds, 1),
        "megabytes_per_second": round(size_mb / seconds, 3),
    }


def bench_seeds(repeat: int) -> dict:
    """Time extract_claims on the two seed articles, repeat times."""
    from verification.extraction import extract_claims

    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    seconds, results = timed(extract_claims, texts, repeat)
    figures = rates(seconds, len(texts) * repeat, megabytes(texts) * repeat, "articles")
    figures["claims_per_round"] = sum(len(claims) for claims in results)
    return figures


def bench_corpus(path: Path, limit: int) -> dict:
    """Time extract_claims on articles built from a passages TSV."""
    from bench.ingest_and_lookup import load_articles
    from verification.extraction import extract_claims

    texts = [text for _, text in load_articles(path, limit)]
    seconds, results = timed(extract_claims, texts)
    figures = rates(seconds, len(texts), megabytes(texts), "articles")
    figures["claims"] = sum(len(claims) for claims in results)
    return figures


def bench_html(repeat: int) -> dict:
    """Time reading a seed wrapped in a web page and extracting its claims."""
    from verification.extraction import extract_claims
    from verification.ingestion import read_document

    pages = []
    for path in sorted(SEEDS.glob("*.txt")):
        paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        body = "".join(f"<p>{paragraph}</p>\n" for paragraph in paragraphs)
        pages.append(PAGE.format(title=path.stem, paragraphs=body).encode("utf-8"))

    def read_and_extract(raw: bytes):
        document = read_document(raw, source_name="bench.html", max_bytes=10**7, declared_format="html")
        return extract_claims(document.text)

    seconds, results = timed(read_and_extract, pages, repeat)
    size = sum(len(page) for page in pages) / 1e6
    figures = rates(seconds, len(pages) * repeat, size * repeat, "pages")
    figures["claims_per_round"] = sum(len(claims) for claims in results)
    return figures


def bench_sentences(path: Path) -> dict:
    """Time score_sentence on every sentence of a TSV with a text column."""
    from verification.extraction import score_sentence

    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        if "text" not in (reader.fieldnames or ()):
            sys.exit(f"{path}: expected a 'text' column.")
        texts = [row["text"] or "" for row in reader]
    seconds, _ = timed(score_sentence, texts)
    return rates(seconds, len(texts), megabytes(texts), "sentences")


def bench_adversarial() -> dict:
    """Time extract_claims on each hostile text of the property tests; seconds per text."""
    from tests.extraction.helpers import adversarial_texts
    from verification.extraction import extract_claims

    figures = {}
    for text in adversarial_texts():
        began = time.perf_counter()
        extract_claims(text)
        figures[f"{text[:12]!r} x{len(text):,} chars"] = round(time.perf_counter() - began, 3)
    return figures


def machine() -> dict:
    """Return what the figures depend on: cores, RAM, Python and the load when the run began."""
    with open("/proc/meminfo", encoding="ascii") as meminfo:
        total_kib = int(meminfo.readline().split()[1])  # first line: "MemTotal: N kB"
    return {
        "cpus": os.cpu_count(),
        "ram_gib": round(total_kib / 2**20, 1),
        "python": platform.python_version(),
        "load_average_1min": os.getloadavg()[0],
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", type=Path, help="passages TSV (passage_id, article, text) to build articles"
    )
    parser.add_argument("--articles", type=int, default=1000, help="articles to build from --data")
    parser.add_argument("--sentences", type=Path, help="TSV with a text column to score sentence by sentence")
    parser.add_argument("--adversarial", action="store_true", help="also time the hostile texts")
    parser.add_argument("--repeat", type=int, default=200, help="rounds over the seeds (default 200)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    parser.add_argument(
        "--cpu-time", action="store_true", help="time CPU seconds of this process, not wall-clock seconds"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    global CLOCK
    CLOCK = time.process_time if args.cpu_time else time.perf_counter
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    django.setup()
    result = {
        "machine": machine() | {"clock": CLOCK.__name__},
        "seeds": bench_seeds(args.repeat),
        "html": bench_html(args.repeat),
    }
    if args.data:
        result["corpus"] = bench_corpus(args.data, args.articles)
    if args.sentences:
        result["sentences"] = bench_sentences(args.sentences)
    if args.adversarial:
        result["adversarial_seconds"] = bench_adversarial()
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"machine: {result['machine']}")
    for name, figures in result.items():
        if name != "machine":
            print(f"{name:<10} " + "  ".join(f"{key} {value}" for key, value in figures.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
