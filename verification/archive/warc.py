"""A fetched response as one gzipped WARC response record, and back; plain data, no storage."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

REASONS = {200: "OK", 203: "Non-Authoritative Information"}


@dataclass(frozen=True)
class ArchivedResponse:
    """What a WARC record says the server answered: address, status, headers, body and when."""

    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    fetched_at: str

    def header(self, name: str) -> str:
        """Return the first header of that name, or an empty string."""
        return next((value for key, value in self.headers if key.lower() == name.lower()), "")


def warc_record(
    *, url: str, status: int, headers: dict[str, str], body: bytes, fetched_at: dt.datetime
) -> bytes:
    """Return a gzipped WARC/1.1 response record of the response, with its payload digest."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True, warc_version="WARC/1.1")
    # The body as received; a Content-Encoding or chunking header would describe bytes we no longer hold.
    kept = [(k, v) for k, v in headers.items() if k.lower() not in {"transfer-encoding", "content-encoding"}]
    http_headers = StatusAndHeaders(f"{status} {REASONS.get(status, 'OK')}", kept, protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        http_headers=http_headers,
        warc_headers_dict={"WARC-Date": fetched_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")},
    )
    writer.write_record(record)
    return out.getvalue()


def read_warc_record(data: bytes) -> ArchivedResponse:
    """Return the first response record in data."""
    for record in ArchiveIterator(io.BytesIO(data)):
        if record.rec_type != "response":
            continue
        return ArchivedResponse(
            url=record.rec_headers.get_header("WARC-Target-URI"),
            status=int(record.http_headers.get_statuscode()),
            headers=list(record.http_headers.headers),
            body=record.content_stream().read(),
            fetched_at=record.rec_headers.get_header("WARC-Date"),
        )
    raise ValueError("no WARC response record in the data")
