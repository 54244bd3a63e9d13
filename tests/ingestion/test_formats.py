"""HTML pages, JSON documents, declared formats and encodings: read into documents or refused clearly."""

import datetime as dt
import json

import pytest

from verification.errors import IngestError
from verification.ingestion import read_document
from verification.ingestion.decoding import decode
from verification.ingestion.formats import resolve_format

LIMIT = 1024 * 1024

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Torture room found in Bucha | The Paper</title>
<meta property="og:site_name" content="The Paper">
<meta property="article:published_time" content="2022-04-05T10:00:00Z">
<link rel="canonical" href="https://example.org/bucha">
<script>var tracking = "Officials said 99 people were counted.";</script>
<style>p { color: red }</style></head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Torture room found in Bucha</h1>
<p>KYIV, April 5 (Reuters) - Ukrainian officials said on Monday that they had found
a torture room in Bucha.</p>
<p>The Prosecutor General’s Office said five men had been killed there, according to the statement.</p>
<!-- an editor's note that must not be read: Officials said 77 people fled. -->
</article>
<section class="comments"><h3>Comments</h3>
<div class="comment"><p>Great article, I totally agree!</p></div></section>
<footer>© 2022 The Paper. All rights reserved.</footer>
</body></html>
"""


def read(raw, declared=None, **metadata):
    return read_document(raw, source_name="doc", max_bytes=LIMIT, declared_format=declared, **metadata)


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        ("html", "html"),
        ("JSON", "json"),
        ("text", "text"),
        ("text/html; charset=windows-1251", "html"),
        ("application/json", "json"),
        ("text/plain", "text"),
        ("story.HTM", "html"),
        ("story.json", "json"),
        ("story.txt", "text"),
    ],
)
def test_a_declared_format_is_obeyed(declared, expected):
    assert resolve_format(b"whatever", declared).name == expected


def test_a_content_type_carries_its_charset():
    assert resolve_format(b"", "text/html; charset=windows-1251").charset == "windows-1251"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b'  {"text": "x"}', "json"),
        (b"<!DOCTYPE html><html></html>", "html"),
        (b"\n<p>Hello</p>", "html"),
        (b"Officials said <b> is a tag.", "text"),
        (b"[1, 2]", "text"),
    ],
)
def test_an_undeclared_format_is_sniffed(raw, expected):
    assert resolve_format(raw, None).name == expected
    assert resolve_format(raw, "upload.bin").name == expected


def test_html_keeps_the_article_body_and_its_metadata():
    doc = read(PAGE.encode(), "page.html")
    assert "Ukrainian officials said on Monday" in doc.text
    assert "five men had been killed" in doc.text
    for left_out in ["Home", "Sport", "tracking", "color", "77 people", "Great article", "All rights"]:
        assert left_out not in doc.text, left_out
    assert doc.title == "Torture room found in Bucha"
    assert doc.publisher == "The Paper"
    assert doc.url == "https://example.org/bucha"
    assert doc.published_on == dt.date(2022, 4, 5)
    assert doc.original.startswith("<!DOCTYPE html>")
    # One block a paragraph: the heading stands apart from the prose.
    assert doc.text.split("\n\n")[0] == "Torture room found in Bucha"


def test_figure_captions_credits_and_bylines_stay_out_of_the_text():
    page = (
        "<html><body><article><h1>Strike on Kharkiv</h1><p class='byline'>By Jane Smith</p>"
        "<figure><img src='a.jpg'><figcaption>Destroyed armored vehicles on a road in Balakliya. "
        "AFP / Juan BARRETO</figcaption></figure>"
        "<p>Russian shelling killed 12 people in Kharkiv on Tuesday, the regional governor said.</p>"
        "<ul><li>Ten people were wounded, the governor said.</li><li>Two schools were hit.</li></ul>"
        "</article></body></html>"
    )
    text = read(page, "html").text
    assert "BARRETO" not in text
    assert "armored vehicles" not in text
    assert "Jane Smith" not in text
    assert text.endswith("- Ten people were wounded, the governor said.\n\n- Two schools were hit.")


def test_the_callers_metadata_wins_over_the_pages():
    doc = read(PAGE, "html", title="Given title", publisher="Wire", published_on=dt.date(2022, 4, 6))
    assert (doc.title, doc.publisher, doc.published_on) == ("Given title", "Wire", dt.date(2022, 4, 6))
    assert doc.url == "https://example.org/bucha"


def test_html_in_a_declared_charset_is_decoded():
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1251"').replace("Bucha.", "Буча.")
    assert "Буча." in read(page.encode("windows-1251"), "html").text


def test_html_without_article_text_is_refused():
    with pytest.raises(IngestError, match="no article text found in the HTML"):
        read(b"<html><head><script>var a = 1;</script></head><body><nav>Home</nav></body></html>", "html")


def test_json_gives_text_and_metadata():
    payload = {
        "title": "Bucha",
        "publisher": "The Paper",
        "url": "https://example.org/bucha",
        "date": "2022-04-05T09:30:00+02:00",
        "text": "Officials said five men had been killed.\n\nMore later.",
        "tags": ["ignored"],
    }
    doc = read(json.dumps(payload).encode(), "story.json")
    assert doc.text == "Officials said five men had been killed.\n\nMore later."
    assert (doc.title, doc.publisher, doc.url) == ("Bucha", "The Paper", "https://example.org/bucha")
    assert doc.published_on == dt.date(2022, 4, 5)


def test_json_date_may_be_named_published_on_as_in_the_api():
    doc = read('{"text": "Officials said five men had been killed.", "published_on": "2022-04-05"}', "json")
    assert doc.published_on == dt.date(2022, 4, 5)


def test_json_text_may_carry_a_date_header():
    doc = read('{"text": "date 2022-04-05 Officials said five men had been killed."}', "json")
    assert doc.published_on == dt.date(2022, 4, 5)
    assert doc.text == "Officials said five men had been killed."


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ('{"text": "x",', "not valid JSON"),
        ('["a list"]', "the JSON is a list"),
        ('{"title": "no text"}', 'has no "text"'),
        ('{"text": 12}', '"text" must be a string'),
        ('{"text": "Fine.", "date": "5 April"}', "is not an ISO date"),
    ],
)
def test_bad_json_is_refused_with_the_reason(raw, message):
    with pytest.raises(IngestError, match=message):
        read(raw, "json")


def test_utf16_with_a_byte_order_mark_is_read():
    raw = "Officials said 12 people were detained.".encode("utf-16")
    assert read(raw).text == "Officials said 12 people were detained."


def test_bytes_invalid_in_the_declared_charset_are_refused():
    with pytest.raises(IngestError, match="not valid ascii"):
        read("Café".encode(), "text/plain; charset=ascii")


def test_an_unknown_declared_charset_is_refused():
    with pytest.raises(IngestError, match="unknown charset 'klingon'"):
        read(b"Hello there.", "text/plain; charset=klingon")


def test_random_binary_is_refused():
    with pytest.raises(IngestError, match="binary|could not be detected"):
        read(bytes(range(1, 32)) * 40 + bytes(range(128, 256)) * 20)


def test_a_detected_encoding_is_used_only_when_the_text_reads_as_a_language():
    french = "Le café est très bon à Paris, selon les officiels qui ont déclaré que 40 chars ont brûlé."
    assert decode(french.encode("latin-1"), source_name="long") == french
    # Three words give the detector nothing to go by: refused rather than stored garbled.
    with pytest.raises(IngestError, match="declare its charset"):
        decode("café au lait".encode("latin-1"), source_name="short")
