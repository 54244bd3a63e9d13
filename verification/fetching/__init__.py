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
from verification.fetching.pages import Fetched, FetchRefused, page_fetch

__all__ = [
    "FetchFailed",
    "FetchRefused",
    "Fetched",
    "GuardedResponse",
    "HostNotFound",
    "ResponseTooLarge",
    "Target",
    "UnsafeAddress",
    "fetch_allowed_hosts",
    "guarded_request",
    "page_fetch",
    "public_target",
]
