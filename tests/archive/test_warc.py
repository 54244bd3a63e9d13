"""A fetched response survives as a WARC record: the same status, headers and bytes; no database."""

import datetime as dt
import gzip

from verification.archive import read_warc_record, warc_record


def test_a_response_round_trips_through_its_warc_record():
    body = "<html><body><p>Дані: 410 тіл</p></body></html>".encode()
    when = dt.datetime(2026, 12, 2, 4, 0, tzinfo=dt.UTC)
    record = warc_record(
        url="https://news.example.org/a",
        status=200,
        headers={"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"},
        body=body,
        fetched_at=when,
    )
    assert gzip.decompress(record).startswith(b"WARC/1.1")
    archived = read_warc_record(record)
    assert archived.url == "https://news.example.org/a"
    assert archived.status == 200
    assert archived.body == body
    assert archived.header("content-type") == "text/html; charset=utf-8"
    # The body is kept decoded, so a Content-Encoding header would lie about it.
    assert archived.header("Content-Encoding") == ""
    assert archived.fetched_at == "2026-12-02T04:00:00Z"
    assert b"WARC-Payload-Digest" in gzip.decompress(record)
