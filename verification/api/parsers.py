"""Request parsers: JSON with depth and size caps, and document bodies sent as plain text or HTML."""

import json

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import BaseParser, JSONParser

from .limits import RequestTooLarge


class RawBody(dict):
    """A non-JSON body: its bytes and the format they are in."""


def _depth(value: object) -> int:
    """Return how deeply lists and objects nest in a parsed JSON value, without recursing."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


class LimitedJSONParser(JSONParser):
    """JSON, refused with 413 past the view's byte limit and with 400 when nested too deeply.

    The size is counted while reading, so a body without (or lying about) Content-Length is
    caught too; the depth is checked so no caller can drive the decoder or a serializer into
    recursion.
    """

    def parse(self, stream, media_type=None, parser_context=None):
        view = (parser_context or {}).get("view")
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if hasattr(view, "max_body_bytes"):
            limit = view.max_body_bytes()
        body = stream.read(limit + 1) if stream else b""
        if len(body) > limit:
            raise RequestTooLarge(f"The JSON body is over the {limit:,}-byte limit; split it first.")
        try:
            data = json.loads(body.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise ParseError(f"The JSON body is not UTF-8 (byte {exc.start}); send UTF-8.") from None
        except RecursionError:
            data = None  # judged below as too deep
            depth = settings.VERIFICATION_API_MAX_JSON_DEPTH + 1
        except ValueError as exc:
            raise ParseError(f"The JSON body is malformed: {exc}.") from None
        else:
            depth = _depth(data)
        if depth > settings.VERIFICATION_API_MAX_JSON_DEPTH:
            raise ParseError(
                f"The JSON body nests more than {settings.VERIFICATION_API_MAX_JSON_DEPTH} levels deep; "
                "send a flatter object."
            )
        return data


class PlainTextParser(BaseParser):
    media_type = "text/plain"

    def parse(self, stream, media_type=None, parser_context=None):
        """Return the body's bytes unread, with the declared content type and its charset, if any.

        Decoding, format detection and their errors belong to the ingestion readers.
        """
        return RawBody(body=stream.read() if stream else b"", format=media_type or self.media_type)


class HTMLParser(PlainTextParser):
    media_type = "text/html"
