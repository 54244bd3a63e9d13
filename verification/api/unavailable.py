"""Answer 503 with Retry-After, not 500, while PostgreSQL or Redis cannot be reached."""

from __future__ import annotations

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from kombu.exceptions import OperationalError as BrokerError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# Errors that mean a backing service is away, not that the request or the code is wrong.
UNAVAILABLE: tuple[type[BaseException], ...] = (
    OperationalError,
    InterfaceError,
    RedisConnectionError,
    RedisTimeoutError,
    BrokerError,
)
RETRY_AFTER_SECONDS = 30


def _which(exc: BaseException) -> str:
    return "the database" if isinstance(exc, OperationalError | InterfaceError) else "Redis"


def unavailable_body(exc: BaseException) -> dict:
    """Return the JSON body of a 503: what is away and when to try again."""
    return {
        "detail": f"The desk cannot reach {_which(exc)} just now; nothing was changed. "
        f"Try again in {RETRY_AFTER_SECONDS} seconds.",
        "code": "service_unavailable",
    }


class ServiceUnavailableMiddleware:
    """Turn a view's lost database or Redis connection into a 503 (JSON under /api/)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, UNAVAILABLE):
            return None
        logger.warning("503 for %s %s: %s", request.method, request.path, exception)
        if request.path.startswith("/api/"):
            response: HttpResponse = JsonResponse(unavailable_body(exception), status=503)
        else:
            response = HttpResponse(
                unavailable_body(exception)["detail"], status=503, content_type="text/plain; charset=utf-8"
            )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
