"""Request size limits, checked from Content-Length before any body is read."""

from django.conf import settings
from rest_framework import status
from rest_framework.exceptions import APIException


class RequestTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is over the size limit; split it and send the parts."
    default_code = "request_too_large"


class BodySizeLimitMixin:
    """Refuse a request whose declared body is over the view's limit, after auth, before parsing.

    DRF streams a body past Django's own upload limit, so the view checks it itself.
    """

    def max_body_bytes(self) -> int:
        """Return the largest body this view accepts."""
        return settings.VERIFICATION_API_MAX_BODY_BYTES

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0  # Django itself reads no body with a malformed length
        if declared > self.max_body_bytes():
            raise RequestTooLarge(
                f"The request body is {declared:,} bytes, over the {self.max_body_bytes():,}-byte limit; "
                "split it and send the parts."
            )
