"""Turn domain errors into 4xx responses with a snake_case `code`, and a service that is away into a 503."""

import logging
import re

from django.core.exceptions import ObjectDoesNotExist
from django.http import JsonResponse
from django.views.defaults import page_not_found
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from verification.errors import (
    DocumentTooLarge,
    DomainError,
    EvidenceInUse,
    NotAllowed,
    StaleEdit,
    TransitionRefused,
)

from .throttling import RateLimiterUnavailable
from .unavailable import RETRY_AFTER_SECONDS, UNAVAILABLE, unavailable_body

logger = logging.getLogger(__name__)

STATUS_FOR = {
    DocumentTooLarge: status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
    NotAllowed: status.HTTP_403_FORBIDDEN,
    StaleEdit: status.HTTP_409_CONFLICT,
    TransitionRefused: status.HTTP_409_CONFLICT,
    # A decision refused because the ticket's verdict rests on it: the ticket must move back first.
    EvidenceInUse: status.HTTP_409_CONFLICT,
}


def error_code(exc: DomainError) -> str:
    """Return the domain error's code: its class name in snake_case ("StaleEdit" -> "stale_edit")."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", type(exc).__name__).lower()


def domain_exception_handler(exc, context):
    """Return DRF's response, or a 4xx with the domain error's message."""
    if isinstance(exc, DomainError):
        code = next(
            (c for kind, c in STATUS_FOR.items() if isinstance(exc, kind)), status.HTTP_400_BAD_REQUEST
        )
        return Response({"detail": str(exc), "code": error_code(exc)}, status=code)
    # A write refused because the rate limiter's Redis is away reads like any other absent service.
    if isinstance(exc, (*UNAVAILABLE, RateLimiterUnavailable)):
        logger.warning("503 for %s: %s", type(exc).__name__, exc)
        return Response(
            unavailable_body(exc), status=status.HTTP_503_SERVICE_UNAVAILABLE,
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )  # fmt: skip
    if isinstance(exc, ObjectDoesNotExist):
        return Response({"detail": "Not found.", "code": "not_found"}, status=status.HTTP_404_NOT_FOUND)
    response = exception_handler(exc, context)
    # DRF's own errors carry their code too (already snake_case), so every error reads alike.
    if response is not None and isinstance(response.data, dict) and set(response.data) == {"detail"}:
        response.data["code"] = getattr(response.data["detail"], "code", None) or "error"
    return response


def not_found(request, exception=None):
    """Answer an unknown /api/ URL in JSON, as the API's own 404s are; other URLs get Django's page."""
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"detail": "No such API address; see /api/docs/ for the endpoints.", "code": "not_found"},
            status=404,
        )
    return page_not_found(request, exception)
