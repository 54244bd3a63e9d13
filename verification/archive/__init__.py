"""Archived copies of fetched pages: WARC records (warcio) in the archive storage."""

from .warc import ArchivedResponse, read_warc_record, warc_record

__all__ = ["ArchivedResponse", "read_warc_record", "warc_record"]
