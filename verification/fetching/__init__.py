"""Outbound HTTP that cannot be pointed at the desk's own network: webhooks and fetched pages."""

from verification.fetching.addresses import (
    FetchFailed,
    GuardedResponse,
    HostNotFound,
    ResponseTooLarge,
    Target,
    UnsafeAddress,
    fetch_allowed_hosts,
    guarded_request,
    public_target,
)

__all__ = [
    "FetchFailed",
    "GuardedResponse",
    "HostNotFound",
    "ResponseTooLarge",
    "Target",
    "UnsafeAddress",
    "fetch_allowed_hosts",
    "guarded_request",
    "public_target",
]
