"""Redis on the API's hot path: cached status reads and lookups, cached token owners, one client.

Every helper here fails open: a Redis error is logged (at most once a minute per kind) and the
caller carries on from PostgreSQL, so a stopped Redis makes reads slower, never wrong or refused.

Status reads are keyed by a per-ticket generation, lookups by text by one generation shared by all
tickets. A change increments the generations at once and again after its transaction commits: a
reader that read the old generation stores its body under that generation, which the next reader
sees as stale, so no reader can park a stale body under the current generation (the
read-then-store race of plain delete-on-write).
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import random
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

import redis
from django.conf import settings
from django.db import transaction

logger = logging.getLogger(__name__)

PREFIX = "verification:hot:"
# A generation key outlives every body stored under it, so a reset generation never meets an old body.
GENERATION_TTL = 86_400

_clients: dict[str, redis.Redis] = {}
_last_warning: dict[str, float] = {}


def client() -> redis.Redis:
    """Return the process's Redis client for the hot path (short timeouts, so an outage costs little)."""
    url = settings.VERIFICATION_HOT_REDIS_URL
    found = _clients.get(url)
    if found is None:
        timeout = settings.VERIFICATION_HOT_REDIS_TIMEOUT
        found = redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout)
        _clients[url] = found
    return found


def warn_unavailable(kind: str, error: Exception) -> None:
    """Log that Redis failed for this kind of use, at most once a minute per kind."""
    now = time.monotonic()
    if now - _last_warning.get(kind, -120.0) >= 60.0:
        _last_warning[kind] = now
        logger.warning("Redis unavailable for %s, serving from PostgreSQL: %s", kind, error)


# --- rendered reads: a ticket's status, a lookup by text ----------------------------------------


@dataclass(frozen=True)
class ReadKeys:
    """Where a rendered read lives in Redis: the generation it is valid for, and its body."""

    generation: str
    body: str


@dataclass(frozen=True)
class CachedRead:
    """A rendered read as cached: the current generation, and the entity tag and body if still valid."""

    generation: bytes
    etag: str | None
    body: bytes | None


def _generation_key(ticket_id: int) -> str:
    return f"{PREFIX}gen:{ticket_id}"


# Every change to any ticket (and every new ticket) bumps this one generation: a lookup by text
# may show any ticket, so each cached lookup is stale after any change, and exact, never aged.
LOOKUP_GENERATION_KEY = f"{PREFIX}gen:lookups"


def status_keys(ticket_id: int) -> ReadKeys:
    """Return the keys of the ticket's cached status read."""
    return ReadKeys(generation=_generation_key(ticket_id), body=f"{PREFIX}status:{ticket_id}")


def lookup_keys(*, text: str, limit: str, min_similarity: str) -> ReadKeys:
    """Return the keys of a cached lookup by text, by its parameters as sent (spacing in text ignored)."""
    asked = "\x1f".join([" ".join(text.split()), limit, min_similarity]).encode()
    digest = hashlib.blake2b(asked, digest_size=16).hexdigest()
    return ReadKeys(generation=LOOKUP_GENERATION_KEY, body=f"{PREFIX}lookup:{digest}")


def read_get(keys: ReadKeys) -> CachedRead | None:
    """Return the cached read (body None on a miss or when stale), or None when Redis is down."""
    try:
        generation, stored = cast(list[bytes | None], client().mget([keys.generation, keys.body]))
    except redis.RedisError as error:
        warn_unavailable("cached reads", error)
        return None
    return _read_decode(generation, stored)


def _read_decode(generation: bytes | None, stored: bytes | None) -> CachedRead:
    generation = generation or b"0"
    if stored:
        stored_generation, etag, body = stored.split(b"\n", 2)
        if stored_generation == generation:
            return CachedRead(generation=generation, etag=etag.decode(), body=body)
    return CachedRead(generation=generation, etag=None, body=None)


def read_put(keys: ReadKeys, *, generation: bytes, etag: str, body: bytes) -> None:
    """Store a rendered read under the generation it was computed at, for at most the cache TTL."""
    ttl = settings.VERIFICATION_STATUS_CACHE_TTL
    try:
        client().set(
            keys.body,
            b"\n".join([generation, etag.encode(), body]),
            # Reads cached together (a page of badges, a restart) expire over the last quarter of
            # the TTL instead of all at once, so their recomputation does not arrive as one burst.
            ex=random.randint(max(1, ttl * 3 // 4), max(1, ttl)),
        )
    except redis.RedisError as error:
        warn_unavailable("cached reads", error)


def body_etag(body: bytes) -> str:
    """Return a strong entity tag for a rendered body."""
    return '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'


def _bump(ticket_ids: list[int]) -> None:
    try:
        pipe = client().pipeline(transaction=False)
        pipe.incr(LOOKUP_GENERATION_KEY)
        pipe.expire(LOOKUP_GENERATION_KEY, GENERATION_TTL)
        for ticket_id in ticket_ids:
            pipe.incr(_generation_key(ticket_id))
            pipe.expire(_generation_key(ticket_id), GENERATION_TTL)
        pipe.execute()
    except redis.RedisError as error:
        # The bodies then expire by their TTL (VERIFICATION_STATUS_CACHE_TTL): the bound on staleness.
        warn_unavailable("status invalidation", error)


def tickets_invalidate(ticket_ids: Iterable[int | None]) -> None:
    """Make the cached status of these tickets, and every cached lookup, stale now and after commit."""
    ids = sorted({pk for pk in ticket_ids if pk is not None})
    if not ids:
        return
    _bump(ids)
    transaction.on_commit(lambda: _bump(ids))


def lookups_invalidate() -> None:
    """Make every cached lookup by text stale now and once the transaction commits (a new ticket)."""
    _bump([])
    transaction.on_commit(lambda: _bump([]))


# --- token owners ----------------------------------------------------------------------------


def token_digest(key: str) -> str:
    """Return the digest a token is known by in Redis: the token itself is a credential, never written."""
    return hashlib.sha256(key.encode()).hexdigest()


def _token_key(key: str) -> str:
    return f"{PREFIX}token:" + token_digest(key)


def token_owner_decode(stored: bytes | None) -> tuple[bool, object | None]:
    """Return (True, token) for a stored token owner, (False, None) for a miss."""
    if stored is None:
        return False, None
    return True, pickle.loads(stored)  # noqa: S301 - written only by token_owner_put below


def token_owner_get(*, key: str) -> tuple[bool, object | None]:
    """Return (True, user) when Redis knows the token's owner, (False, None) on a miss or an error."""
    try:
        stored = cast(bytes | None, client().get(_token_key(key)))
    except redis.RedisError as error:
        warn_unavailable("token lookups", error)
        return False, None
    return token_owner_decode(stored)


def token_owner_put(*, key: str, user: object) -> None:
    """Remember the token's owner for VERIFICATION_TOKEN_CACHE_TTL seconds."""
    try:
        client().set(_token_key(key), pickle.dumps(user), ex=settings.VERIFICATION_TOKEN_CACHE_TTL)
    except redis.RedisError as error:
        warn_unavailable("token lookups", error)


def tokens_forget(keys: Iterable[str]) -> None:
    """Forget the cached owners of these tokens now and once the transaction commits."""
    names = [_token_key(key) for key in keys]
    if not names:
        return

    def forget() -> None:
        try:
            client().delete(*names)
        except redis.RedisError as error:
            # A token deleted while Redis is down stays usable until its entry expires (the TTL).
            warn_unavailable("token invalidation", error)

    forget()
    transaction.on_commit(forget)


# --- one round trip a request ------------------------------------------------------------------


@dataclass
class Prefetched:
    """What one pipeline fetched for a request: its token's owner, throttle counts, a cached read."""

    token: tuple[bool, object | None] | None = None
    counts: dict[str, int] | None = None
    read: CachedRead | None = None


def prefetch(
    *, token_key: str | None, throttle_keys: list[tuple[str, int]], read_keys: ReadKeys | None
) -> Prefetched | None:
    """Read the token's owner, count the throttle keys and fetch a cached read, all in one round trip.

    throttle_keys are (key, seconds the window lasts). None when Redis is down: each caller then
    falls back to its own path (PostgreSQL for the token and the read, the throttle's rule).
    """
    pipe = client().pipeline(transaction=False)
    if token_key is not None:
        pipe.get(_token_key(token_key))
    for key, seconds in throttle_keys:
        pipe.incr(key)
        pipe.expire(key, seconds + 1)
    if read_keys is not None:
        pipe.mget([read_keys.generation, read_keys.body])
    try:
        replies = pipe.execute()
    except redis.RedisError as error:
        warn_unavailable("request prefetch", error)
        return None
    found = Prefetched()
    if token_key is not None:
        found.token = token_owner_decode(replies.pop(0))
    found.counts = {key: replies[2 * n] for n, (key, _) in enumerate(throttle_keys)}
    replies = replies[2 * len(throttle_keys) :]
    if read_keys is not None:
        found.read = _read_decode(*replies[0])
    return found
