"""An article that reports a claim and quotes its denial shows both passages, each naming the other."""

import pytest
from django.conf import settings

from verification import services
from verification.choices import Stance
from verification.ingestion import parse_text
from verification.models import CandidateSource

pytestmark = pytest.mark.django_db
CLAIM = "Officials in Kherson said Russian troops shelled the children's hospital on Monday."
REPORT = (
    "Doctors in Kherson told reporters the children's hospital was hit by Russian shelling on Monday.\n\n"
    "Moscow denied that its troops shelled the hospital, calling the reports fabricated."
)


def _ingest(text, name, publisher):
    limit = settings.VERIFICATION_MAX_DOCUMENT_BYTES
    return services.document_ingest(
        incoming=parse_text(text, source_name=name, publisher=publisher, max_bytes=limit)
    )


def test_the_report_and_the_denial_of_one_article_are_both_shown(db):
    ticket = _ingest(CLAIM, "a.txt", "Local radio").tickets_opened[0]
    report = _ingest(REPORT, "b.txt", "Wire").document
    services.ticket_corroborate(ticket_id=ticket.pk)
    found = CandidateSource.objects.filter(ticket=ticket, passage__document=report)
    telling = found.get(passage__text__startswith="Doctors")
    denying = found.get(passage__text__startswith="Moscow denied")
    assert denying.stance == Stance.CONTRADICTS
    assert telling.stance in (Stance.SUPPORTS, Stance.DISCUSSES)
    assert any(
        cue.startswith("the same document also denies it: “Moscow denied") for cue in telling.stance_cues
    )
    assert any(
        cue.startswith(f"the same document also {telling.stance} it: “Doctors") for cue in denying.stance_cues
    )
