"""The reviewer's flow in the admin, through Django's test client."""

import pytest
from django.contrib.auth import get_user_model

from tests.factories import ticket_with_evidence
from verification.choices import EventKind, Stance
from verification.models import CandidateSource, Document, Ticket

pytestmark = pytest.mark.django_db


def _button(ticket_id, name):
    """Return the address the ticket page's button of that name posts to."""
    return f"/admin/verification/ticket/{ticket_id}/{name}/"


@pytest.fixture
def desk(client, reviewer):
    client.force_login(reviewer)
    return client


def test_the_queue_lists_tickets_by_score(desk, corroborated_seeds):
    response = desk.get("/admin/verification/ticket/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "These are war crimes" in html
    assert "Unverified" in html


def test_the_queue_filters_by_status_and_searches(desk, seeds):
    assert desk.get("/admin/verification/ticket/?status__exact=corroborated").context["cl"].result_count == 0
    found = desk.get("/admin/verification/ticket/?q=Artem").context["cl"].result_count
    assert found >= 1


def test_accepting_support_then_corroborating_shows_in_history(desk, reviewer):
    ticket = ticket_with_evidence(supporting=1, contradicting=1)
    support = CandidateSource.objects.get(ticket=ticket, stance=Stance.SUPPORTS)
    CandidateSource.objects.filter(pk=support.pk).update(matched_terms=["tank", "river"])
    url = f"/admin/verification/ticket/{ticket.pk}/change/"
    page = desk.get(url).content.decode()
    assert "<mark>tanks</mark> near the <mark>river</mark>" in page
    desk.post(
        _button(ticket.pk, "decide"),
        {"decide": f"{support.pk}:accepted:pending", f"note-{support.pk}": "same room, second town"},
    )
    response = desk.post(
        _button(ticket.pk, "transition"),
        {"transition": "corroborated", "rationale-corroborated": "A second reporter saw it"},
        follow=True,
    )
    assert "Ticket is now corroborated." in response.content.decode()
    event = ticket.events.get(kind=EventKind.STATUS_CHANGE)
    assert (event.actor, event.rationale) == (reviewer, "A second reporter saw it")
    decision = ticket.events.get(kind=EventKind.DECISION)
    assert (decision.actor, decision.rationale) == (reviewer, "same room, second town")
    assert "A second reporter saw it" in response.content.decode()


def test_a_refused_transition_shows_the_guard_and_changes_nothing(desk, corroborated_seeds):
    ticket = Ticket.objects.first()
    response = desk.post(
        _button(ticket.pk, "transition"),
        {"transition": "corroborated", "rationale-corroborated": "sure"},
        follow=True,
    )
    assert "accept at least one supporting source" in response.content.decode()
    ticket.refresh_from_db()
    assert ticket.status == "unverified"
    assert not ticket.events.exists()


def test_a_reader_without_rights_cannot_post_decisions(client, corroborated_seeds):
    from django.contrib.auth.models import Permission

    reader = get_user_model().objects.create_user("reader", password="x-reader-2026", is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_ticket"))
    client.force_login(reader)
    candidate = CandidateSource.objects.first()
    url = f"/admin/verification/ticket/{candidate.ticket_id}/change/"
    assert client.get(url).status_code == 200
    decide = _button(candidate.ticket_id, "decide")
    assert client.post(decide, {"decide": f"{candidate.pk}:accepted:pending"}).status_code == 403
    candidate.refresh_from_db()
    assert candidate.decision == "pending"


def test_ingested_markup_is_shown_escaped(desk, db):
    from django.conf import settings

    from verification import services
    from verification.ingestion import parse_text

    hostile = 'Officials said that <script>alert("x")</script> 40 soldiers were killed in Kyiv on Monday.'
    services.document_ingest(
        incoming=parse_text(hostile, source_name="h", max_bytes=settings.VERIFICATION_MAX_DOCUMENT_BYTES)
    )
    ticket = Ticket.objects.get()
    page = desk.get(f"/admin/verification/ticket/{ticket.pk}/change/").content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page
    assert desk.get(f"/admin/verification/document/{Document.objects.get().pk}/change/").status_code == 200


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_queue_runs_the_same_queries_however_many_tickets(desk, corroborated_seeds):
    from django.conf import settings

    from verification import services
    from verification.ingestion import parse_text

    before = _queries(desk, "/admin/verification/ticket/")
    more = "\n\n".join(
        f"Officials said that {n} soldiers were detained in Kharkiv on Monday." for n in range(12, 30)
    )
    limit = settings.VERIFICATION_MAX_DOCUMENT_BYTES
    services.document_ingest(incoming=parse_text(more, source_name="more", max_bytes=limit))
    assert Ticket.objects.count() > 40
    assert _queries(desk, "/admin/verification/ticket/") == before


def test_the_ticket_page_runs_the_same_queries_however_many_candidates(desk, corroborated_seeds):
    by_candidates = sorted(
        Ticket.objects.filter(candidates__isnull=False).distinct(), key=lambda t: t.candidates.count()
    )
    few, many = by_candidates[0], by_candidates[-1]
    assert many.candidates.count() > few.candidates.count()
    assert _queries(desk, f"/admin/verification/ticket/{few.pk}/change/") == _queries(
        desk, f"/admin/verification/ticket/{many.pk}/change/"
    )


def test_a_malformed_or_missing_ticket_id_is_not_found(desk, db):
    assert desk.get("/admin/verification/ticket/abc/change/").status_code in (302, 404)
    assert desk.post(_button(999999, "recorroborate"), {"recorroborate": "1"}).status_code in (302, 404)


def test_the_ticket_page_itself_saves_nothing(desk, corroborated_seeds):
    ticket = Ticket.objects.first()
    posted = desk.post(f"/admin/verification/ticket/{ticket.pk}/change/", {"claim_text": "rewritten"})
    assert posted.status_code == 405
    assert desk.get(_button(ticket.pk, "transition")).status_code == 405
    assert Ticket.objects.get(pk=ticket.pk).claim_text == ticket.claim_text


def test_a_malformed_button_value_is_refused_with_a_message(desk, corroborated_seeds):
    ticket = Ticket.objects.first()
    response = desk.post(_button(ticket.pk, "decide"), {"decide": "nonsense"}, follow=True)
    assert "not one this page shows" in response.content.decode()
    response = desk.post(_button(ticket.pk, "transition"), {"transition": "lost"}, follow=True)
    assert "Select a valid choice" in response.content.decode()
    assert not ticket.events.exists()


def test_a_candidate_of_another_ticket_cannot_be_decided_from_this_page(desk, corroborated_seeds):
    candidate = CandidateSource.objects.first()
    other = Ticket.objects.exclude(pk=candidate.ticket_id).first()
    response = desk.post(
        _button(other.pk, "decide"),
        {"decide": f"{candidate.pk}:accepted:pending"},
        follow=True,
    )
    candidate.refresh_from_db()
    assert candidate.decision == "pending"
    assert "not one of this ticket&#x27;s candidates" in response.content.decode()


def test_a_decision_on_a_stale_page_says_so(desk, corroborated_seeds):
    candidate = CandidateSource.objects.first()
    url = _button(candidate.ticket_id, "decide")
    desk.post(url, {"decide": f"{candidate.pk}:rejected:pending"})
    response = desk.post(url, {"decide": f"{candidate.pk}:accepted:pending"}, follow=True)
    assert "since you opened the ticket" in response.content.decode()
    candidate.refresh_from_db()
    assert candidate.decision == "rejected"


def test_tickets_and_documents_cannot_be_deleted_from_the_admin(client, corroborated_seeds):
    admin_user = get_user_model().objects.create_superuser("boss", password="boss-desk-2026")
    client.force_login(admin_user)
    ticket = Ticket.objects.first()
    assert client.get(f"/admin/verification/ticket/{ticket.pk}/delete/").status_code == 403
    document = Document.objects.first()
    assert client.get(f"/admin/verification/document/{document.pk}/delete/").status_code == 403
