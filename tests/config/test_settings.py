"""Production settings: refuse to start half-configured, and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]


def _manage(*args, **env):
    clean = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SECRET_KEY"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_its_servers_and_secret():
    result = _manage("check")
    assert result.returncode != 0
    assert "Production needs DJANGO_SECRET_KEY, DATABASE_URL, REDIS_URL" in result.stderr


def test_production_passes_the_deployment_checks():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY="k" * 20 + "-production-secret-with-enough-entropy-4f9a8b7c6d5e",
        DATABASE_URL="postgresql://desk@db.invalid:5432/verification",
        REDIS_URL="redis://redis.invalid:6379/0",
        DJANGO_ALLOWED_HOSTS="desk.example.org",
    )
    assert result.returncode == 0, result.stderr + result.stdout


def test_production_keeps_the_ledger_private_by_default():
    result = _manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.VERIFICATION_API_ANONYMOUS_READ)",
        DJANGO_SECRET_KEY="k" * 50,
        DATABASE_URL="postgresql://desk@db.invalid:5432/verification",
        REDIS_URL="redis://redis.invalid:6379/0",
    )
    assert result.stdout.strip().endswith("False"), result.stderr


def test_importing_the_settings_starts_no_server(tmp_path):
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    result = subprocess.run(
        [sys.executable, "-c", "import django, config.settings.base; django.setup(); print('imported')"],
        cwd=PROJECT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "config.settings.local",
            "VERIFICATION_STATE_DIR": str(tmp_path),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip() == "imported", result.stderr
    # A started PostgreSQL leaves its data folder, a started Redis its socket and log.
    assert list(tmp_path.iterdir()) == []
