"""Reading incoming documents into plain data; no ORM, no settings."""

from .readers import IncomingDocument, content_hash, iter_text_files, parse_text, read_text_file

__all__ = ["IncomingDocument", "content_hash", "iter_text_files", "parse_text", "read_text_file"]
