"""robots.txt: fetched once per site a while (through the address guard) and obeyed."""

from __future__ import annotations

import time
from collections.abc import Collection
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from django.conf import settings

from .addresses import FetchFailed, UnsafeAddress, guarded_request

# A site's rules are read again after this long; a worker process keeps its own copy.
ROBOTS_TTL = 600.0
ROBOTS_MAX_BYTES = 512 * 1024
DENY_ALL = ["User-agent: *", "Disallow: /"]

_rules: dict[str, tuple[float, RobotFileParser]] = {}


def robots_allow(url: str, *, user_agent: str, allowed: Collection[str]) -> bool:
    """Return whether the site's robots.txt lets user_agent fetch url."""
    parts = urlsplit(url)
    site = f"{parts.scheme}://{parts.netloc}".lower()
    cached = _rules.get(site)
    if cached is None or time.monotonic() - cached[0] > ROBOTS_TTL:
        cached = (time.monotonic(), _read(site, user_agent=user_agent, allowed=allowed))
        _rules[site] = cached
    return cached[1].can_fetch(user_agent, url)


def robots_forget() -> None:
    """Forget every site's rules (an operator changed them, or a test serves new ones)."""
    _rules.clear()


def _read(site: str, *, user_agent: str, allowed: Collection[str]) -> RobotFileParser:
    """Return the site's rules: its robots.txt, allow-all when it has none, deny-all when it is down."""
    rules = RobotFileParser(f"{site}/robots.txt")
    try:
        response = guarded_request(
            "GET",
            f"{site}/robots.txt",
            allowed_hosts=allowed,
            timeout=settings.VERIFICATION_FETCH_TIMEOUT,
            max_bytes=ROBOTS_MAX_BYTES,
            headers={"User-Agent": user_agent},
        )
    except UnsafeAddress:
        raise
    except FetchFailed:
        # RFC 9309: an unreachable robots.txt means the site may not be crawled for now.
        rules.parse(DENY_ALL)
        return rules
    if response.status >= 500:
        rules.parse(DENY_ALL)
    elif response.status >= 300:
        # No rules (404, or a redirect we do not chase for robots.txt): everything is allowed.
        rules.parse([])
    else:
        rules.parse(response.body.decode("utf-8", "replace").splitlines())
    return rules
