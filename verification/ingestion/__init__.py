"""Reading incoming documents (plain text, HTML, JSON) into plain data; no ORM, no settings.

readers         raw bytes or text -> IncomingDocument; files and folders
formats         which reader: declared format, content type, file name, or sniffed
decoding        bytes -> text: byte order mark, declared charset, UTF-8 or detected
html_pages      an HTML page's article body and metadata (trafilatura)
json_documents  a JSON object's text and metadata
"""

from .readers import (
    IncomingDocument,
    content_hash,
    iter_document_files,
    parse_text,
    read_document,
    read_document_file,
    read_text_file,
)

__all__ = [
    "IncomingDocument",
    "content_hash",
    "iter_document_files",
    "parse_text",
    "read_document",
    "read_document_file",
    "read_text_file",
]
