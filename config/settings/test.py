"""Settings for the test suite: the same real PostgreSQL and Redis, faster hashing."""

import os
from typing import cast

# Its own queues, so a worker of a running demo on the same Redis never takes the tests' tasks.
os.environ.setdefault("VERIFICATION_QUEUE_PREFIX", "verification-test-")
# The tests' webhook receivers listen on this machine.
os.environ.setdefault("VERIFICATION_FETCH_ALLOWED_HOSTS", "127.0.0.1")

from .base import *  # noqa: E402, F403

DEBUG = False
# Throttling is exercised in its own test; the suite's many anonymous calls must not trip it.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": dict.fromkeys(
        cast(dict[str, str], REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]),  # noqa: F405
        "100000/minute",
    ),
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Semantic search loads a sentence encoder; the tests that exercise it switch it on themselves
# (and skip where the `semantic` extra is not installed), so the rest run the same everywhere.
VERIFICATION_SEMANTIC_SEARCH = False
