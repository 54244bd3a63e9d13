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
from django.conf import settings
from rest_framework import status
from rest_framework.authentication import get_authorization_header
from rest_framework.authtoken.models import Token
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


def caller_of(request) -> tuple[str, str]:
    """Return (own scope, caller) as authentication decided: token holders by token, others by address."""
    user = getattr(request, "user", None)
    if isinstance(request.auth, Token):
        return "user", "t" + hotcache.token_digest(request.auth.key)
    if user is not None and user.is_authenticated:
        return "user", f"u{user.pk}"
    return "anon", "a" + (BaseThrottle().get_ident(request) or "")


def presumed_caller(request) -> tuple[str, str] | None:
    """Return (own scope, caller) from the request's headers alone, before authentication; None if unsure.

    A Token header means the token's own counts (a bad token is refused before any limit matters);
    no header and no session cookie means an anonymous caller by address. A session is left to
    authentication.
    """
    auth = get_authorization_header(request).split()
    if len(auth) == 2 and auth[0].lower() == b"token":
        return "user", "t" + hotcache.token_digest(auth[1].decode("latin-1"))
    if auth or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None
    return "anon", "a" + (BaseThrottle().get_ident(request) or "")


def window_keys(view, own: str, caller: str, now: float) -> list[tuple[str, int, int]]:
    """Return (key, requests allowed, seconds) for each rate the caller's request counts against."""
    rates = DeskThrottle.THROTTLE_RATES or api_settings.DEFAULT_THROTTLE_RATES
    scopes = [own]
    scope = getattr(view, "throttle_scope", None)
    if scope:
        scopes.append(scope)
    limits = []
    for name in scopes:
        if rates.get(name):
            allowed, seconds = parse_rate(str(rates[name]))
            window = int(now // seconds)
            limits.append((f"{hotcache.PREFIX}throttle:{name}:{caller}:{window}", allowed, seconds))
    return limits


class DeskThrottle(BaseThrottle):
    """Count the request against every rate that applies to it, in one Redis round trip.

    Where the view fetched the counts already (verification/api/hotpath.py, in the same round trip
    as the token's owner and the status read), they are used as they are.
    """

    # None reads the rates from settings at each request (REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]).
    THROTTLE_RATES: dict[str, str] | None = None

    def __init__(self) -> None:
        self.retry_after: float | None = None

    def allow_request(self, request, view) -> bool:
        now = time.time()
        limits = window_keys(view, *caller_of(request), now)
        if not limits:
            return True
        hot = getattr(request, "hot", None)
        counts = [hot.counts.get(key) for key, _, _ in limits] if hot and hot.counts else [None]
        if None in counts:
            pipe = hotcache.client().pipeline(transaction=False)
            for key, _, seconds in limits:
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
            for (_, allowed, seconds), count in zip(limits, counts, strict=True)
            if count > allowed
        ]
        if over:
            self.retry_after = max(over)
            return False
        return True

    def wait(self) -> float | None:
        return self.retry_after
