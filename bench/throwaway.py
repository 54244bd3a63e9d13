"""A throwaway database for a benchmark: Django set up, a database of its own, dropped at the end."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager


@contextmanager
def throwaway_database(name: str):
    """Set Django up with the test settings and run the block in a fresh database called name, then drop it.

    Django's test-database machinery with our own name: neither the developer's database nor the
    test suite's test_* database is touched, and an aborted earlier run's leftovers are replaced.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    # One INFO line per corroborated ticket would interleave with the progress bars; warnings still show.
    os.environ.setdefault("VERIFICATION_LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from config import embedded

    embedded.start_for_settings()
    from django.conf import settings
    from django.db import connections
    from django.test.utils import setup_databases, teardown_databases

    if settings.DATABASES["default"]["NAME"] == name:
        sys.exit(f"The configured database is itself named {name!r}; the benchmark would drop it.")
    # Updated in place: Django has already filled TEST with its defaults (MIRROR, CHARSET, ...).
    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = name
    old_config = setup_databases(verbosity=0, interactive=False, serialized_aliases=set())
    try:
        yield
    finally:
        connections.close_all()
        teardown_databases(old_config, verbosity=0)
