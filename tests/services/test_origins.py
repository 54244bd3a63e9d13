"""Independent origins: syndicated copies join their original, quotes their first teller, counts follow."""

import pytest
from django.conf import settings

from tests.conftest import BUCHA, ingest_file
from tests.factories import AppearanceFactory
from verification import selectors, services
from verification.choices import Stance
from verification.ingestion import parse_text
from verification.models import CandidateSource, Document, DocumentFingerprint, Origin, Passage, Ticket

pytestmark = pytest.mark.django_db

MAX = settings.VERIFICATION_MAX_DOCUMENT_BYTES
WIRE = (
    "Officials said 40 tanks were destroyed near Kharkiv on Monday, in the heaviest fighting of the week.\n\n"
    "The ministry said the attack began before dawn and lasted for six hours.\n\n"
    "Two villages east of the city had been retaken by the evening, the governor said.\n\n"
    "Residents described hearing explosions throughout the night and fleeing to basements."
)


def store(text: str, *, publisher: str = "", source_name: str = "test.txt"):
    """Store a document from text, without extracting claims."""
    incoming = parse_text(text, source_name=source_name, max_bytes=MAX, publisher=publisher)
    return services.document_store(incoming=incoming).document


def test_a_syndicated_copy_joins_the_origin_of_its_original():
    original = store(WIRE, publisher="Wire")
    copy = store("KHARKIV (Daily) - " + WIRE.replace(" the governor said", ""), publisher="Daily")
    assert copy.origin_id == original.origin_id
    assert Origin.objects.count() == 1
    assert str(original.origin).startswith("Wire — ")
    assert set(Passage.objects.filter(document=copy).values_list("origin", flat=True)) == {original.origin_id}


def test_a_different_story_starts_its_own_origin():
    first = store(WIRE)
    other = ingest_file(BUCHA).document
    assert first.origin_id != other.origin_id
    assert Origin.objects.get(pk=other.origin_id).first_document == other


def test_a_republished_quote_keeps_the_origin_of_its_first_teller():
    quote = "“These are war crimes and will be recognised by the world as genocide,” said Mr Zelensky."
    first = store(f"Mr Zelensky visited Bucha on Monday.\n\n{quote}")
    later = store(f"A new report on grain exports was published on Friday by the ministry.\n\n{quote}")
    assert first.origin_id != later.origin_id  # two stories
    quoted = Passage.objects.get(document=later, text=quote)
    own = Passage.objects.get(document=later, text__startswith="A new report")
    assert quoted.origin_id == first.origin_id
    assert own.origin_id == later.origin_id


def test_every_stored_document_is_in_the_shared_lsh_index():
    document = store(WIRE)
    fingerprint = DocumentFingerprint.objects.get(document=document)
    assert len(fingerprint.bands) == 32
    assert len(fingerprint.signature) == 128
    assert DocumentFingerprint.objects.filter(bands__overlap=fingerprint.bands[:1]).count() == 1


def test_copies_count_once_among_the_origins_that_support_a_ticket():
    claim = "“These are war crimes and will be recognised by the world as genocide,” said Mr Zelensky."
    ticket = AppearanceFactory(ticket__claim_text=claim).ticket
    supporting = (
        "Mr Zelensky said the killings in Bucha were war crimes that the world would recognise as genocide."
    )
    for outlet in ("Wire", "Daily", "Evening"):
        store(f"{outlet.upper()} - {supporting}\n\nThe statement was made in Bucha.", publisher=outlet)
    services.ticket_corroborate(ticket_id=ticket.pk)
    supports = CandidateSource.objects.filter(ticket=ticket, stance=Stance.SUPPORTS)
    assert supports.values("passage__document").distinct().count() == 3
    counted = selectors.ticket_list().get(pk=ticket.pk)
    assert counted.supporting_origins == 1
    assert counted.supporting_count == 3


def test_a_copy_of_the_claims_own_story_is_not_evidence_for_it():
    bucha = ingest_file(BUCHA).document
    copy = store("REPUBLISHED - " + bucha.text, publisher="Aggregator")
    assert copy.origin_id == bucha.origin_id
    for ticket_id in Ticket.objects.values_list("pk", flat=True):
        services.ticket_corroborate(ticket_id=ticket_id)
    assert not CandidateSource.objects.filter(passage__document=copy).exists()


def test_empty_documents_do_not_break_origins():
    document = store("  \n\n?!  ")
    assert Document.objects.get(pk=document.pk).origin is not None
