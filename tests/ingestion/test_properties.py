"""Any bytes in any declared format: a document, or an IngestError that says why; nothing else."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verification.errors import IngestError
from verification.ingestion import read_document

FORMATS = st.sampled_from([None, "text", "html", "json", "text/html; charset=latin-1", "a.json", "b.htm"])
PIECES = st.sampled_from(
    [
        b"<p>",
        b"</p>",
        b"<html>",
        b"<script>",
        b"{",
        b"}",
        b'"text": ',
        b'"',
        b"Officials said 5 died.",
        b"\xff",
        b"\x00",
        b"\xc3\xa9",
        b" ",
        b"\n",
        b"<!--",
        b"-->",
        b"date 2022-04-05 ",
        b"\xef\xbb\xbf",
    ]
)
RAW = st.one_of(st.binary(max_size=600), st.lists(PIECES, max_size=60).map(b"".join))


@settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(RAW, FORMATS)
def test_reading_never_fails_except_with_an_ingest_error(raw, declared):
    try:
        document = read_document(raw, source_name="fuzz", max_bytes=10_000, declared_format=declared)
    except IngestError as exc:
        # Hypothesis draws inputs that may or may not be refused, so pytest.raises cannot wrap the call.
        assert str(exc).startswith("fuzz: ")  # noqa: PT017
        return
    assert document.text.strip()
    assert "\x00" not in document.text
