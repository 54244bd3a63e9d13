"""HTTP throughput of the status reads beside a bare Django view, all in one run, through gunicorn.

Generated tickets (bench/admin_queue.py's loader: claims like "Local police said that 412
civilians were evacuated in Izium on Monday.", with documents, appearances and candidates) in a
throwaway database; gunicorn with production settings and 2 sync workers on loopback; wrk (C, its
own threads) as the load generator, 16 connections, the rows taking turns for --rounds rounds in
the same run:

    a bare Django view (constant JSON, same middleware)
    GET /api/tickets/{id}/          rotating over --ids ticket ids, with a token
    GET /api/tickets/lookup/?text=  rotating over --texts claim texts reworded, with a token
    the same lookups, uncached      a word no ticket has added to every request, so each one searches

Throttle rates are raised so that nothing is refused, but every request is still counted (the
cost is measured, the limit is not). Peak memory of each gunicorn worker (VmHWM) is reported.

    .venv/bin/python -m bench.http_load --tickets 20000 --duration 10 --rounds 3 --json
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench.admin_queue import PASSWORD, load
from bench.ingest_and_lookup import machine, reword
from bench.throwaway import throwaway_database

BENCH_DB = "bench_http"
ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url() -> str:
    from bench.search_at_scale import _database_url

    return _database_url()


def start_gunicorn(port: int, workers: int) -> subprocess.Popen:
    """Start gunicorn on loopback with production settings plus the bare view; wait until it answers."""
    from django.conf import settings

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.http_settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        "DATABASE_URL": database_url(),
        "REDIS_URL": settings.CELERY_BROKER_URL,
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "VERIFICATION_LOG_LEVEL": "WARNING",
        "VERIFICATION_SEMANTIC_SEARCH": "0",
        **{
            f"VERIFICATION_API_{scope}_RATE": "100000000/minute"
            for scope in ("ANON", "USER", "LOOKUP", "DOCUMENT", "WRITE")
        },
    }
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "config.wsgi:application",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    # Ready when a worker answers the bare view, not when the master has bound the port.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/bench/bare/", timeout=5) as answer:
                if answer.status == 200:
                    return process
        except OSError:
            time.sleep(0.5)
    process.kill()
    sys.exit("gunicorn did not answer within 120 s")


def worker_pids(master: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(master)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def peak_rss_mib(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def warm(port: int, paths: list[str], token: str) -> None:
    """Request every path once, eight at a time."""
    from concurrent.futures import ThreadPoolExecutor

    def get(path: str) -> None:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}{path}", headers={"Authorization": f"Token {token}"}
        )
        with urllib.request.urlopen(request, timeout=60) as answer:
            answer.read()

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(get, paths))


LUA = """
local paths = {%s}
local token = "%s"
local fresh = %s
local salt = "%s"
local i = math.random(0, #paths - 1)
local sent = 0
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end
request = function()
  i = (i + 1) %% #paths
  local path = paths[i + 1]
  if fresh then
    -- A word no ticket has, new for every request of every run: the same search, never a cached answer.
    sent = sent + 1
    path = path .. "+zq" .. salt .. "x" .. id .. "x" .. sent
  end
  return wrk.format("GET", path, {["Authorization"] = "Token " .. token})
end
"""

UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


def wrk(
    port: int,
    paths: list[str],
    token: str,
    *,
    connections: int,
    duration: int,
    threads: int,
    fresh: bool = False,
) -> dict:
    """Run wrk over the rotating paths; return requests/s, latency percentiles (ms) and errors.

    fresh appends a word seen nowhere else to every request's path (paths must end in a query).
    """
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(
            LUA
            % (
                ", ".join(json.dumps(p) for p in paths),
                token,
                "true" if fresh else "false",
                secrets.token_hex(4),
            )
        )
    out = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--latency",
            "-s",
            script.name,
            f"http://127.0.0.1:{port}/",
        ],
        capture_output=True,
        text=True,
    ).stdout
    os.unlink(script.name)
    latency = {
        f"p{pct}_ms": round(float(value) * UNITS[unit], 2)
        for pct, value, unit in re.findall(r"^\s+(50|90|99)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    }
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    total = re.search(r"(\d+) requests in", out)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {
        "requests_per_s": float(rps.group(1)) if rps else None,
        "requests": int(total.group(1)) if total else None,
        **latency,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": errors.group(1) if errors else "",
        "distinct_paths": len(set(paths)),
        **({"wrk_output": out[-600:]} if not rps or not float(rps.group(1)) else {}),
    }


def summarised(turns: list[dict], bare_turns: list[dict]) -> dict:
    """Return a row's figures over its rounds: medians, the worst p99 (and each), the share of the bare view.

    The share is the median of each round's own ratio to the bare view's round just before it.
    """
    rates = [turn["requests_per_s"] or 0.0 for turn in turns]
    shares = [rate / (bare["requests_per_s"] or 1.0) for rate, bare in zip(rates, bare_turns, strict=True)]
    return {
        "requests_per_s": round(statistics.median(rates), 1),
        "requests": sum(turn["requests"] or 0 for turn in turns),
        "p50_ms": round(statistics.median(turn.get("p50_ms", 0.0) for turn in turns), 2),
        "p90_ms": round(statistics.median(turn.get("p90_ms", 0.0) for turn in turns), 2),
        "p99_ms": max(turn.get("p99_ms", 0.0) for turn in turns),
        "p99_ms_by_round": [turn.get("p99_ms") for turn in turns],
        "share_of_bare": round(statistics.median(shares), 3),
        "shares_by_round": [round(share, 3) for share in shares],
        "non_2xx": sum(turn["non_2xx"] for turn in turns),
        "socket_errors": "; ".join(turn["socket_errors"] for turn in turns if turn["socket_errors"]),
        "distinct_paths": turns[0]["distinct_paths"],
        **({"wrk_output": turns[-1]["wrk_output"]} if "wrk_output" in turns[-1] else {}),
    }


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tickets", type=int, default=20_000, help="generated tickets (default 20,000)")
    parser.add_argument("--ids", type=int, default=1_000, help="distinct ticket ids in rotation")
    parser.add_argument("--texts", type=int, default=40, help="distinct lookup texts in rotation")
    parser.add_argument("--duration", type=int, default=10, help="seconds per row in each round")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of all rows, taking turns")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-progress", action="store_true")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    """Load tickets, start gunicorn, run the three rows with wrk, print the figures, drop the database."""
    args = parse_args(argv)
    if not shutil.which("wrk"):
        sys.exit("wrk is needed (apt-get install -y wrk)")
    rng = random.Random(args.seed)
    with throwaway_database(BENCH_DB):
        from rest_framework.authtoken.models import Token

        from verification import hotcache
        from verification.models import Ticket
        from verification.roles import READ_ONLY_GROUP, REVIEWER_GROUP
        from verification.services.accounts import account_ensure

        info = machine()
        reviewers = [account_ensure(username="bench0", password=PASSWORD, role=REVIEWER_GROUP)[0]]
        load(1, args.tickets, [r.pk for r in reviewers], not args.no_progress)
        reader, _ = account_ensure(username="reader", password=PASSWORD, role=READ_ONLY_GROUP)
        token = Token.objects.get_or_create(user=reader)[0].key
        ids = rng.sample(range(1, args.tickets + 1), min(args.ids, args.tickets))
        claims = dict(Ticket.objects.filter(pk__in=ids[: args.texts]).values_list("pk", "claim_text"))
        texts = [reword(claims[pk], n) for n, pk in enumerate(ids[: args.texts]) if pk in claims]
        from urllib.parse import urlencode

        lookups = ["/api/tickets/lookup/?" + urlencode({"text": t}) for t in texts]
        # name: (paths, a fresh word in every request)
        rows = {
            "bare view": (["/bench/bare/"], False),
            "GET /api/tickets/{id}/": ([f"/api/tickets/{pk}/" for pk in ids], False),
            "GET /api/tickets/lookup/?text=": (lookups, False),
            "GET /api/tickets/lookup/?text= (uncached)": (lookups, True),
        }
        port = free_port()
        server = start_gunicorn(port, args.workers)
        try:
            load_before = os.getloadavg()
            rounds: dict[str, list[dict]] = {name: [] for name in rows}
            # The rows take turns, --rounds times: a drift of the machine between rows (another
            # process, a CPU's clock) then shows in every row, and each ratio is taken within a round.
            for _ in range(args.rounds):
                for name, (paths, fresh) in rows.items():
                    # Every path once first, as publishers' pages poll the same badges again and again:
                    # the cached rows read warm caches (the uncached row pays the whole search each time).
                    # The reads are made stale first, so each is cached afresh and none reaches its TTL
                    # within the row (expiry is a cold read, which the uncached row and the
                    # in-process figures measure).
                    hotcache.tickets_invalidate(ids)
                    warm(port, paths, token)
                    wrk(
                        port,
                        paths,
                        token,
                        connections=args.connections,
                        duration=2,
                        threads=args.threads,
                        fresh=fresh,
                    )
                    rounds[name].append(
                        wrk(
                            port,
                            paths,
                            token,
                            connections=args.connections,
                            duration=args.duration,
                            threads=args.threads,
                            fresh=fresh,
                        )
                    )
            results = {name: summarised(turns, rounds["bare view"]) for name, turns in rounds.items()}
            memory = {str(pid): peak_rss_mib(pid) for pid in worker_pids(server.pid)}
        finally:
            server.terminate()
            server.wait(timeout=30)
    figures = {
        "command": " ".join(
            ["python", "-m", "bench.http_load", *(argv if argv is not None else sys.argv[1:])]
        ),
        "machine": {
            **info,
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
        },
        "tickets": args.tickets,
        "connections": args.connections,
        "gunicorn_workers": args.workers,
        "duration_s": args.duration,
        "rounds": args.rounds,
        "rows": results,
        "web_worker_peak_rss_mib": memory,
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for name, row in results.items():
            print(
                f"{name:34} {row['requests_per_s']:>9} req/s  p50 {row.get('p50_ms')} ms  "
                f"p99 {row.get('p99_ms')} ms  share {row['share_of_bare']}  non-2xx {row['non_2xx']}"
            )
        print(json.dumps({"machine": figures["machine"], "memory": memory}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
