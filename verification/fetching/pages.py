"""Fetch a page or feed politely and safely: robots.txt, a per-host pace, conditional GET, size and
time limits, and redirects followed by hand with the address guard at every hop."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils import timezone

from verification.errors import DomainError

from .addresses import FetchFailed, UnsafeAddress, fetch_allowed_hosts, guarded_request
from .politeness import host_wait
from .robots import robots_allow

MAX_REDIRECTS = 5
REDIRECTS = {301, 302, 303, 307, 308}


class FetchRefused(DomainError):
    """A page was not fetched: refused address, robots.txt, an error status, a timeout or too big."""


@dataclass(frozen=True)
class Fetched:
    """A response read in full: where it was asked for, where it came from, and what it said."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: dt.datetime
    redirects: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        """Return whether the server said the copy we have is still current (304)."""
        return self.status == 304

    def header(self, name: str) -> str:
        """Return a response header, case-insensitively, or an empty string."""
        return next((v for k, v in self.headers.items() if k.lower() == name.lower()), "")


def page_fetch(url: str, *, etag: str = "", last_modified: str = "", accept: str = "") -> Fetched:
    """Return the response for url after redirects (each target re-checked), or raise FetchRefused."""
    allowed = fetch_allowed_hosts()
    headers = {"User-Agent": settings.VERIFICATION_FETCH_USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    if accept:
        headers["Accept"] = accept
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    current, hops = url, []
    for _ in range(MAX_REDIRECTS + 1):
        response = _get(current, headers=headers, allowed=allowed)
        location = response.headers.get("Location") or response.headers.get("location")
        if response.status in REDIRECTS and location:
            hops.append(current)
            current = urljoin(current, location)
            continue
        if response.status == 304:
            return _fetched(url, current, response, hops)
        if response.status >= 400:
            raise FetchRefused(f"{current}: the server answered {response.status}; nothing was stored.")
        if response.status >= 300:
            raise FetchRefused(f"{current}: the server answered {response.status} without a Location.")
        return _fetched(url, current, response, hops)
    raise FetchRefused(f"{url}: more than {MAX_REDIRECTS} redirects; nothing was stored.")


def _get(url: str, *, headers: dict[str, str], allowed: frozenset[str]):
    """Send one GET the guard allows and robots.txt permits, after the host's pause."""
    try:
        if not robots_allow(url, user_agent=settings.VERIFICATION_FETCH_USER_AGENT, allowed=allowed):
            raise FetchRefused(f"{url}: the site's robots.txt asks robots not to fetch it.")
        host_wait(urlsplit(url).netloc.lower())
        return guarded_request(
            "GET",
            url,
            allowed_hosts=allowed,
            timeout=settings.VERIFICATION_FETCH_TIMEOUT,
            max_bytes=settings.VERIFICATION_FETCH_MAX_BYTES,
            headers=headers,
        )
    except (UnsafeAddress, FetchFailed) as exc:
        raise FetchRefused(f"{url}: {exc}") from exc


def _fetched(url: str, final_url: str, response, hops: list[str]) -> Fetched:
    return Fetched(
        url=url,
        final_url=final_url,
        status=response.status,
        headers=dict(response.headers),
        body=response.body,
        fetched_at=timezone.now(),
        redirects=hops,
    )
