"""Reading raw input into documents: headers, encodings and bad input, without a database."""

import datetime as dt

import pytest

from verification.errors import IngestError
from verification.ingestion import content_hash, iter_document_files, parse_text

LIMIT = 1024 * 1024


def test_date_header_becomes_the_published_date_and_leaves_the_text():
    doc = parse_text(
        b" date 2022-04-05 Officials say a room was found.\n", source_name="a.txt", max_bytes=LIMIT
    )
    assert doc.published_on == dt.date(2022, 4, 5)
    assert doc.text == "Officials say a room was found."
    assert doc.original.startswith(" date 2022-04-05")


def test_text_without_header_has_no_date_and_a_title_from_its_first_line():
    doc = parse_text("Russia seized the town.\n\nMore text.", source_name="b.txt", max_bytes=LIMIT)
    assert doc.published_on is None
    assert doc.title == "Russia seized the town."


def test_impossible_date_header_is_a_clear_error():
    with pytest.raises(IngestError, match="not a real date"):
        parse_text("date 2022-02-30 Text here.", source_name="c.txt", max_bytes=LIMIT)


@pytest.mark.parametrize("raw", [b"", b"   \n\n  ", b" date 2022-04-05 "])
def test_empty_input_is_refused(raw):
    with pytest.raises(IngestError, match="no text"):
        parse_text(raw, source_name="empty.txt", max_bytes=LIMIT)


def test_binary_input_is_refused():
    with pytest.raises(IngestError, match="binary"):
        parse_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", source_name="img.txt", max_bytes=LIMIT)


def test_another_encoding_is_detected():
    raw = "Les propriétaires de café ont déclaré que les prix avaient augmenté à Paris.".encode("cp1252")
    assert parse_text(raw, source_name="l1.txt", max_bytes=LIMIT).text.startswith("Les propriétaires")


def test_broken_utf8_is_refused_with_the_byte_and_what_to_do():
    raw = "Officials said prices rose in Kyiv’s markets.".encode() + b" \xff more."
    with pytest.raises(
        IngestError, match=r"not valid UTF-8 \(byte 48: b'\\xff'\); re-save the file as UTF-8"
    ):
        parse_text(raw, source_name="broken.txt", max_bytes=LIMIT)


def test_huge_input_is_refused_before_decoding():
    with pytest.raises(IngestError, match="over the 10-byte limit"):
        parse_text(b"x" * 11, source_name="big.txt", max_bytes=10)


def test_a_byte_order_mark_and_windows_newlines_do_not_change_the_hash():
    plain = parse_text("Line one.\n\nLine two.\n", source_name="a", max_bytes=LIMIT)
    windows = parse_text("\ufeffLine one.\r\n\r\nLine two.\r\n".encode(), source_name="b", max_bytes=LIMIT)
    assert plain.content_hash == windows.content_hash == content_hash("Line one.\n\nLine two.")


def test_folders_expand_to_their_text_files_in_name_order(tmp_path):
    (tmp_path / "b.txt").write_text("B.")
    (tmp_path / "a.txt").write_text("A.")
    (tmp_path / "c.html").write_text("<p>C.</p>")
    (tmp_path / "d.json").write_text('{"text": "D."}')
    (tmp_path / "notes.md").write_text("not an article")
    assert [p.name for p in iter_document_files([tmp_path])] == ["a.txt", "b.txt", "c.html", "d.json"]
