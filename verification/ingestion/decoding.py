"""Bytes to text: a declared or detected encoding, and a clear error for bytes that are not text."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from verification.errors import IngestError

# Byte order marks that name their encoding (UTF-32 before UTF-16: its mark starts the same way).
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# A well-formed UTF-8 multi-byte sequence: text that has one is UTF-8, even if damaged elsewhere.
# How much of a detected decoding must read as a known language before the detection is trusted.
MIN_DETECTION_COHERENCE = 0.2
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def decode(raw: bytes, *, source_name: str, charset: str | None = None) -> str:
    """Return raw decoded: by its byte order mark, its declared charset, UTF-8, or a detected encoding."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _strict(raw, encoding, source_name=source_name)
    if b"\x00" in raw:
        raise IngestError(
            f"{source_name}: looks binary (contains NUL bytes); ingest text, HTML or JSON articles only."
        )
    if charset:
        try:
            codecs.lookup(charset)
        except LookupError as exc:
            raise IngestError(
                f"{source_name}: declares the unknown charset {charset!r}; declare a real one or send UTF-8."
            ) from exc
        return _strict(raw, charset, source_name=source_name)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _UTF8_SEQUENCE.search(raw):
            # Mostly UTF-8 with broken bytes: guessing another encoding would garble the good part.
            raise _invalid(raw, exc, "UTF-8", source_name=source_name) from exc
    best = from_bytes(raw).best()
    # Without words of a known language to go by (a short text, say), a detected encoding is a guess
    # that would store garbled text; refusing costs the sender one re-save.
    if best is None or best.coherence < MIN_DETECTION_COHERENCE:
        raise IngestError(
            f"{source_name}: not UTF-8, and its encoding could not be detected with confidence; "
            "re-save it as UTF-8 or declare its charset."
        )
    return str(best)


def _strict(raw: bytes, encoding: str, *, source_name: str) -> str:
    """Return raw decoded with encoding, or a clear error naming the first bad byte."""
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _invalid(raw, exc, encoding, source_name=source_name) from exc


def _invalid(raw: bytes, exc: UnicodeDecodeError, encoding: str, *, source_name: str) -> IngestError:
    """Return the error for bytes that are not valid in the encoding the document uses."""
    return IngestError(
        f"{source_name}: not valid {encoding} (byte {exc.start}: {raw[exc.start : exc.start + 1]!r}); "
        "re-save the file as UTF-8 and ingest it again."
    )
