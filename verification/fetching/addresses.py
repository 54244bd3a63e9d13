"""Refuse addresses inside the desk's network, and connect only to the address that was checked.

A URL a client gives (a webhook endpoint, a page to fetch) is resolved once; every address it
resolves to must be public. The connection then goes to that checked address, with the original
host name in the Host header and in TLS (SNI and certificate check), so a DNS answer that changes
between the check and the connection (DNS rebinding) cannot reach an internal service.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import urllib3
from django.conf import settings

from verification.errors import DomainError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class UnsafeAddress(DomainError):
    """A URL that is not http(s) or resolves to an address inside the desk's own network."""


class FetchFailed(DomainError):
    """The receiving server could not be reached or did not answer in time."""


class HostNotFound(FetchFailed):
    """The host name does not resolve now; it may later, so a caller can try again."""


class ResponseTooLarge(FetchFailed):
    """The receiving server answered with more bytes than the caller accepts."""


@dataclass(frozen=True)
class Target:
    """A checked URL: where to connect (addresses) and what to ask for (host, path_and_query)."""

    scheme: str
    host: str
    port: int
    path_and_query: str
    addresses: tuple[str, ...]


@dataclass(frozen=True)
class GuardedResponse:
    """An answer read in full (never past the byte limit); redirects are returned, not followed."""

    status: int
    headers: Mapping[str, str]
    body: bytes
    url: str


def _refusal(address: IPAddress) -> str | None:
    """Say why an address is not public, or None when it is."""
    # An IPv6 address can carry an IPv4 one (mapped, 6to4, Teredo): judge the address inside too.
    if isinstance(address, ipaddress.IPv6Address):
        for inner in (address.ipv4_mapped, address.sixtofour):
            if inner is not None and (reason := _refusal(inner)):
                return reason
        if address.teredo is not None:
            for inner in address.teredo:
                if reason := _refusal(inner):
                    return reason
    for flag in ("loopback", "private", "link_local", "multicast", "reserved", "unspecified"):
        if getattr(address, f"is_{flag}"):
            return flag.replace("_", "-")
    # Shared address space (100.64.0.0/10) and the like are neither private nor reachable publicly.
    if not address.is_global:
        return "not globally reachable"
    return None


def public_target(url: str, *, allowed_hosts: Collection[str] = ()) -> Target:
    """Parse and resolve url, refusing it unless every address it resolves to is public."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise UnsafeAddress(f"{url!r} is not a valid URL ({error}); give an http(s):// URL.") from None
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        raise UnsafeAddress(f"{url!r} is not an http:// or https:// URL; give one that is.")
    host = (parts.hostname or "").rstrip(".").lower()
    if not host:
        raise UnsafeAddress(f"{url!r} names no host; give a URL with a public host name.")
    if parts.username is not None or parts.password is not None:
        raise UnsafeAddress(f"{url!r} carries credentials; the desk signs its requests instead.")
    port = port or (443 if scheme == "https" else 80)
    path_and_query = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise HostNotFound(f"{host!r} does not resolve ({error}); check the host name.") from None
    # Keep the resolver's order (it prefers the address family that works) without repeats.
    addresses = tuple(dict.fromkeys(str(info[4][0]).split("%", 1)[0] for info in infos))
    if not addresses:
        raise HostNotFound(f"{host!r} resolves to no address; check the host name.")
    allowed = {name.strip().rstrip(".").lower() for name in allowed_hosts if name.strip()}
    if host not in allowed:
        for text in addresses:
            if reason := _refusal(ipaddress.ip_address(text)):
                raise UnsafeAddress(
                    f"{host!r} resolves to {text}, a {reason} address inside the desk's own network; "
                    "give a public host, or ask an operator to list this host in "
                    "VERIFICATION_FETCH_ALLOWED_HOSTS."
                )
    return Target(scheme=scheme, host=host, port=port, path_and_query=path_and_query, addresses=addresses)


def _host_header(target: Target) -> str:
    """Return the Host header: the name, bracketed if IPv6, with the port unless it is the default."""
    name = f"[{target.host}]" if ":" in target.host else target.host
    default = 443 if target.scheme == "https" else 80
    return name if target.port == default else f"{name}:{target.port}"


def _pool(target: Target, address: str, timeout: float) -> urllib3.HTTPConnectionPool:
    """Open a pool to the checked address that speaks to (and verifies) the original host name."""
    pool_timeout = urllib3.Timeout(connect=timeout, read=timeout)
    if target.scheme == "https":
        return urllib3.HTTPSConnectionPool(
            address,
            target.port,
            timeout=pool_timeout,
            retries=False,
            maxsize=1,
            server_hostname=target.host,
            assert_hostname=target.host,
            cert_reqs="CERT_REQUIRED",
        )
    return urllib3.HTTPConnectionPool(address, target.port, timeout=pool_timeout, retries=False, maxsize=1)


def guarded_request(
    method: str,
    url: str,
    *,
    allowed_hosts: Collection[str] = (),
    timeout: float,
    max_bytes: int,
    headers: Mapping[str, str] | None = None,
    data: bytes | None = None,
) -> GuardedResponse:
    """Send one request to the public address url resolves to; never follow a redirect."""
    target = public_target(url, allowed_hosts=allowed_hosts)
    sent = {**(headers or {}), "Host": _host_header(target)}
    deadline = time.monotonic() + timeout
    failure: Exception | None = None
    for address in target.addresses:
        pool = _pool(target, address, timeout)
        try:
            response = pool.urlopen(
                method,
                target.path_and_query,
                body=data,
                headers=sent,
                redirect=False,
                retries=False,
                preload_content=False,
                assert_same_host=False,
            )
        except urllib3.exceptions.NewConnectionError as error:
            failure = error  # try the next checked address, as a browser would
            pool.close()
            continue
        except urllib3.exceptions.HTTPError as error:
            pool.close()
            raise FetchFailed(f"{target.host} did not answer: {error}") from None
        try:
            return _read(response, target=target, url=url, max_bytes=max_bytes, deadline=deadline)
        finally:
            response.release_conn()
            pool.close()
    raise FetchFailed(f"{target.host} could not be reached: {failure}")


def _read(
    response: urllib3.BaseHTTPResponse, *, target: Target, url: str, max_bytes: int, deadline: float
) -> GuardedResponse:
    """Read the body in chunks, refusing it once it passes max_bytes or the deadline."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise ResponseTooLarge(
            f"{target.host} announced {declared} bytes; at most {max_bytes} bytes are read."
        )
    body = bytearray()
    try:
        for chunk in response.stream(64 * 1024, decode_content=True):
            body += chunk
            if len(body) > max_bytes:
                raise ResponseTooLarge(f"{target.host} sent more than {max_bytes} bytes; answer dropped.")
            if time.monotonic() > deadline:
                raise FetchFailed(f"{target.host} took too long to answer; the answer was dropped.")
    except urllib3.exceptions.HTTPError as error:
        raise FetchFailed(f"{target.host} broke off its answer: {error}") from None
    return GuardedResponse(
        status=response.status, headers=dict(response.headers.items()), body=bytes(body), url=url
    )


def fetch_allowed_hosts() -> frozenset[str]:
    """Return the internal host names an operator lets the desk reach (webhooks and fetches)."""
    return frozenset(
        name.strip().rstrip(".").lower() for name in settings.VERIFICATION_FETCH_ALLOWED_HOSTS if name.strip()
    )
