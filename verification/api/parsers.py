"""Parsers for document bodies sent as plain text or HTML rather than JSON."""

from rest_framework.parsers import BaseParser


class RawBody(dict):
    """A non-JSON body: its bytes and the format they are in."""


class PlainTextParser(BaseParser):
    media_type = "text/plain"

    def parse(self, stream, media_type=None, parser_context=None):
        """Return the body's bytes unread, with the declared content type and its charset, if any.

        Decoding, format detection and their errors belong to the ingestion readers.
        """
        return RawBody(body=stream.read() if stream else b"", format=media_type or self.media_type)


class HTMLParser(PlainTextParser):
    media_type = "text/html"
