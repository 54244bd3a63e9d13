"""One Redis round trip a request: the token's owner, the throttle counts and a cached read."""

from __future__ import annotations

import time

from rest_framework.authentication import get_authorization_header
from rest_framework.permissions import SAFE_METHODS

from verification import hotcache

from .throttling import presumed_caller, window_keys


class HotPathMixin:
    """Prefetch from Redis, in one pipeline, what authentication, throttling and the view will read.

    On a Redis error nothing is prefetched and each part takes its own path (and its own rule for
    an outage), so the mixin changes the cost of a request, never its answer.
    """

    def hot_read_keys(self, request) -> hotcache.ReadKeys | None:
        """Return the keys of the cached read this request serves, if any."""
        return None

    def initial(self, request, *args, **kwargs):
        auth = get_authorization_header(request).split()
        token_key = auth[1].decode("latin-1") if len(auth) == 2 and auth[0].lower() == b"token" else None
        caller = presumed_caller(request)
        throttle_keys = (
            [(key, seconds) for key, _, seconds in window_keys(self, *caller, time.time())] if caller else []
        )
        read_keys = self.hot_read_keys(request) if request.method in SAFE_METHODS else None
        if token_key or throttle_keys or read_keys:
            request.hot = hotcache.prefetch(
                token_key=token_key, throttle_keys=throttle_keys, read_keys=read_keys
            )
        super().initial(request, *args, **kwargs)
