"""A pause between two requests to one host, shared by every worker through the cache (Redis)."""

from __future__ import annotations

import math
import time

from django.conf import settings
from django.core.cache import cache

# A host slower to free than this is skipped for now rather than holding a worker.
MAX_WAIT = 30.0


def host_wait(host: str) -> None:
    """Return once this process may send the next request to host, claiming the slot."""
    interval = settings.VERIFICATION_FETCH_HOST_INTERVAL
    if interval <= 0:
        return
    key = f"fetch-host:{host}"
    deadline = time.monotonic() + MAX_WAIT
    # cache.add is atomic in Redis (SET NX): one worker wins the slot; the key expires after the pause.
    while not cache.add(key, 1, timeout=math.ceil(interval)):
        if time.monotonic() > deadline:
            break
        time.sleep(0.1)
