"""Per-client rate limits counted in one Redis round trip, failing open for reads when Redis is down.

Each request counts against the caller's own rate (anonymous callers by address, token holders by
user) and, where the view names one, its scope's rate ("lookup", "documents", "writes"): fixed
windows of the rate's length, one INCR and one EXPIRE per rate, all in one pipeline. A fixed window
lets a client spend up to twice its rate across a window boundary; the rates are sized for that.

When Redis cannot be reached: reads (GET, HEAD, OPTIONS) are served uncounted, since they are cheap
and cached and a badge must not vanish from publishers' pages; writes are refused with 503, since
unthrottled writes (submissions queue extraction and corroboration) are where a
client can do damage, and their tasks need the same Redis as broker. Both are logged, once a minute.
"""

from __future__ import annotations

import time

import redis
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.permissions import SAFE_METHODS
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

from verification import hotcache

DURATIONS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


class RateLimiterUnavailable(APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = "Writes are paused while the rate limiter is unavailable; try again shortly."
    default_code = "rate_limiter_unavailable"


def parse_rate(rate: str) -> tuple[int, int]:
    """Return (requests, seconds) for a DRF rate such as "300/minute"."""
    count, period = rate.split("/")
    return int(count), DURATIONS[period[0]]


class DeskThrottle(BaseThrottle):
    """Count the request against every rate that applies to it, in one Redis round trip."""

    # None reads the rates from settings at each request (REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]).
    THROTTLE_RATES: dict[str, str] | None = None

    def __init__(self) -> None:
        self.retry_after: float | None = None

    def applicable(self, request, view) -> list[tuple[str, str, int, int]]:
        """Return (scope, caller, requests, seconds) for each rate this request counts against."""
        rates = self.THROTTLE_RATES or api_settings.DEFAULT_THROTTLE_RATES
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            own, caller = "user", f"u{user.pk}"
        else:
            own, caller = "anon", f"a{self.get_ident(request)}"
        scopes = [own]
        scope = getattr(view, "throttle_scope", None)
        if scope:
            scopes.append(scope)
        return [(name, caller, *parse_rate(rates[name])) for name in scopes if rates.get(name)]

    def allow_request(self, request, view) -> bool:
        limits = self.applicable(request, view)
        if not limits:
            return True
        now = time.time()
        pipe = hotcache.client().pipeline(transaction=False)
        keys = []
        for scope, caller, _, seconds in limits:
            key = f"{hotcache.PREFIX}throttle:{scope}:{caller}:{int(now // seconds)}"
            keys.append(key)
            pipe.incr(key)
            pipe.expire(key, seconds + 1)
        try:
            counts = pipe.execute()[::2]
        except redis.RedisError as error:
            hotcache.warn_unavailable("throttling", error)
            if request.method in SAFE_METHODS:
                return True
            raise RateLimiterUnavailable from error
        over = [
            seconds - now % seconds
            for (_, _, allowed, seconds), count in zip(limits, counts, strict=True)
            if count > allowed
        ]
        if over:
            self.retry_after = max(over)
            return False
        return True

    def wait(self) -> float | None:
        return self.retry_after
