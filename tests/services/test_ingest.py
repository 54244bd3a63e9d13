"""Ingest: one transaction per document, idempotent by content, nothing half-stored."""

import json

import pytest
from django.conf import settings

from tests.conftest import BALAKLIYA, BUCHA, ingest_file
from verification import services
from verification.errors import IngestError
from verification.ingestion import parse_text, read_text_file
from verification.models import Appearance, Document, Passage, Ticket

pytestmark = pytest.mark.django_db


def test_the_same_file_ingested_twice_is_one_document():
    first = ingest_file(BUCHA)
    second = ingest_file(BUCHA)
    assert first.created
    assert not second.created
    assert second.document.pk == first.document.pk
    assert Document.objects.count() == 1
    assert second.tickets_opened == []


def test_a_seed_is_stored_with_its_date_passages_and_tickets():
    result = ingest_file(BUCHA)
    doc = result.document
    assert str(doc.published_on) == "2022-04-05"
    assert not doc.text.startswith(" date")
    passages = list(Passage.objects.filter(document=doc))
    assert len(passages) > 15
    assert all(doc.text[p.start : p.end] == p.text for p in passages)
    assert len(result.tickets_opened) >= 8
    for appearance in Appearance.objects.filter(document=doc).select_related("ticket"):
        assert doc.text[appearance.start : appearance.end] == appearance.ticket.claim_text


def test_tickets_name_their_claimants():
    ingest_file(BUCHA)
    ingest_file(BALAKLIYA)
    claimants = set(Ticket.objects.values_list("claimant", flat=True))
    assert {"Ukrainian officials", "Mr Zelensky", "Artem"} <= claimants


def test_caption_and_credit_are_not_tickets():
    ingest_file(BALAKLIYA)
    assert not Ticket.objects.filter(claim_text__contains="BARRETO").exists()
    assert not Ticket.objects.filter(claim_text__contains="Destroyed armored vehicles").exists()
    assert not Ticket.objects.filter(claim_text="Balakliya").exists()


def test_the_same_claim_in_another_document_is_a_new_appearance_not_a_new_ticket():
    text = "Ukrainian officials said that Russian troops shot five civilians in Bucha on Monday."
    limit = settings.VERIFICATION_MAX_DOCUMENT_BYTES
    services.document_ingest(incoming=parse_text(text, source_name="wire", max_bytes=limit))
    services.document_ingest(
        incoming=parse_text(text + "\n\nMore later.", source_name="copy", max_bytes=limit)
    )
    ticket = Ticket.objects.get()
    assert ticket.appearances.count() == 2


def test_a_failure_mid_ingest_leaves_nothing_behind(monkeypatch):
    def broken_extraction(*, document):
        raise RuntimeError("extraction crashed")

    monkeypatch.setattr("verification.services.ingest.tickets_open_for_document", broken_extraction)
    with pytest.raises(RuntimeError):
        ingest_file(BUCHA)
    assert Document.objects.count() == 0
    assert Passage.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_concurrent_ingests_of_the_same_content_store_one_document():
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connections

    def ingest_in_thread(_):
        try:
            return ingest_file(BALAKLIYA).created
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=4) as pool:
        created = list(pool.map(ingest_in_thread, range(4)))
    assert created.count(True) == 1
    assert Document.objects.count() == 1
    assert Ticket.objects.filter(appearances__isnull=True).count() == 0


def test_storing_opens_no_ticket_until_the_document_is_extracted():
    incoming = read_text_file(BUCHA, max_bytes=settings.VERIFICATION_MAX_DOCUMENT_BYTES)
    stored = services.document_store(incoming=incoming)
    assert stored.created
    assert stored.document.passages.exists()
    assert not Ticket.objects.exists()
    opened = services.document_extract(document_id=stored.document.pk)
    assert opened
    assert Ticket.objects.count() == len(opened)
    # A re-extract finds the same claims at the same places and adds nothing.
    assert services.document_extract(document_id=stored.document.pk) == []
    assert Ticket.objects.count() == len(opened)


def ingest_text(text: str, name: str):
    return services.document_ingest(raw=text.encode(), declared_format="text", source_name=name)


def test_a_reworded_claim_in_another_document_is_an_appearance_of_the_same_ticket():
    ingest_text("Officials said 40 tanks were destroyed near Kharkiv on Monday.", "wire")
    second = ingest_text("On Monday, 40 tanks were destroyed near Kharkiv, officials said.", "copy")
    assert second.tickets_opened == []
    ticket = Ticket.objects.get()
    assert ticket.appearances.count() == 2
    assert {a.text for a in ticket.appearances.all()} == {
        "Officials said 40 tanks were destroyed near Kharkiv on Monday.",
        "On Monday, 40 tanks were destroyed near Kharkiv, officials said.",
    }


def test_a_rewording_with_other_numbers_or_the_opposite_polarity_is_a_new_ticket():
    ingest_text("Officials said 40 tanks were destroyed near Kharkiv on Monday.", "wire")
    ingest_text("Officials said 14 tanks were destroyed near Kharkiv on Monday.", "other number")
    ingest_text("Officials said 40 tanks were not destroyed near Kharkiv on Monday.", "negated")
    assert Ticket.objects.count() == 3


def test_the_two_seeds_keep_their_distinct_claims_apart():
    first = ingest_file(BUCHA)
    second = ingest_file(BALAKLIYA)
    tickets = len(first.tickets_opened) + len(second.tickets_opened)
    assert Ticket.objects.count() == tickets == Appearance.objects.count()


def test_the_caption_and_credit_of_seed_001_are_not_evidence_either():
    doc = ingest_file(BALAKLIYA).document
    passages = Passage.objects.filter(document=doc)
    assert passages.exists()
    assert not passages.filter(text__contains="Destroyed armored vehicles").exists()
    assert not passages.filter(text__contains="BARRETO").exists()
    assert passages.filter(text__startswith="But Russia has maintained").exists()


ARTICLE_PARTS = {
    "headline": "Measles cases rise sharply in the north",
    "byline": "By Jane Smith",
    "caption": "A nurse prepares a vaccine in Kharkiv. Photo: Jane Smith / Reuters",
    "prose": "The health ministry said 1,842 cases were recorded in March.",
}


@pytest.mark.parametrize("declared_format", ["text/plain", "text/html", "application/json"])
def test_headline_byline_dateline_and_caption_are_neither_claims_nor_evidence(declared_format):
    parts = ARTICLE_PARTS
    text = (
        f"{parts['headline']}\n\n{parts['byline']}\n\nKYIV, March 3 (Reuters) - {parts['prose']}\n\n"
        f"{parts['caption']}"
    )
    if declared_format == "text/html":
        paragraphs = "".join(f"<p>{line}</p>" for line in text.split("\n\n"))
        raw = f"<html><body><article>{paragraphs}</article></body></html>"
    elif declared_format == "application/json":
        raw = json.dumps({"text": text, "title": parts["headline"]})
    else:
        raw = text
    result = services.document_ingest(raw=raw.encode(), declared_format=declared_format, source_name="a")
    passages = [p.text for p in Passage.objects.filter(document=result.document)]
    assert passages == [parts["prose"]]
    claims = [ticket.claim_text for ticket in result.tickets_opened]
    assert claims == [parts["prose"]]


def test_a_long_first_line_becomes_a_title_cut_at_a_word():
    line = "Ukrainian officials say that they have discovered a torture room in a town seized " * 3
    doc = services.document_ingest(raw=line.encode(), declared_format="text/plain", source_name="t").document
    assert doc.title.endswith("…")
    assert line.startswith(doc.title.removesuffix("…"))
    assert line[len(doc.title) - 1] == " "
    assert str(Passage.objects.filter(document=doc).first()).removesuffix("…") in line


def test_raw_html_and_json_are_ingested_with_their_metadata():
    page = (
        "<html><head><title>Kharkiv</title><meta property='og:site_name' content='The Paper'></head>"
        "<body><nav>Home | World</nav><article><p>Officials said 40 tanks were destroyed near Kharkiv "
        "on Monday.</p></article></body></html>"
    )
    html = services.document_ingest(raw=page.encode(), declared_format="text/html", source_name="page")
    assert html.document.publisher == "The Paper"
    assert html.document.text == "Officials said 40 tanks were destroyed near Kharkiv on Monday."
    body = '{"text": "Police said 30 people were arrested in Lviv on Sunday.", "publisher": "Wire"}'
    sent = services.document_ingest(raw=body.encode(), declared_format="application/json", title="Lviv")
    assert (sent.document.title, sent.document.publisher) == ("Lviv", "Wire")
    assert Ticket.objects.count() == 2


def test_refused_raw_input_stores_nothing():
    with pytest.raises(IngestError, match="not valid JSON"):
        services.document_ingest(raw=b'{"text": ', declared_format="json", source_name="bad")
    assert Document.objects.count() == 0


def test_ingest_takes_either_a_read_document_or_raw_bytes():
    with pytest.raises(TypeError):
        services.document_ingest()


def test_claims_with_tsquery_operators_in_their_words_are_compared_safely():
    odd = (
        "Officials said O'Brien's unit & 'the \\\\ 12:30 group' (!) destroyed 40 tanks near Kharkiv "
        "on Monday."
    )
    ingest_text(odd, "odd")
    ingest_text(odd.replace("Officials said", "On Monday officials said").replace(" on Monday", ""), "again")
    ticket = Ticket.objects.get()
    assert ticket.appearances.count() == 2
