"""The ticket page's locking and assignment, the document page, job runs and the beat schedule."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from verification import services
from verification.choices import JobKind, JobStatus
from verification.ingestion import parse_text
from verification.models import Document, JobRun, Ticket
from verification.roles import READ_ONLY_GROUP
from verification.services.accounts import account_ensure

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(client, reviewer):
    client.force_login(reviewer)
    return client


def _page(ticket):
    return f"/admin/verification/ticket/{ticket.pk}/change/"


def _button(ticket, name):
    """Return the address the ticket page's button of that name posts to."""
    return f"/admin/verification/ticket/{ticket.pk}/{name}/"


def test_a_second_reviewer_on_an_old_page_gets_the_conflict_and_keeps_their_text(
    desk, corroborated_seeds, reviewer
):
    ticket = Ticket.objects.first()
    opened_version = desk.get(_page(ticket)).context["ticket"].version
    services.ticket_transition(
        ticket_id=ticket.pk, to_status="disputed", rationale="Denied by the ministry", actor=reviewer
    )
    response = desk.post(
        _button(ticket, "transition"),
        {"transition": "disputed", "rationale-disputed": "My own reasons", "version": opened_version},
        follow=True,
    )
    page = response.content.decode()
    assert "changed since you opened it (rita marked it disputed at" in page
    assert "My own reasons" in page
    assert ticket.events.count() == 1


def test_assign_to_me_and_unassign_from_the_ticket_page(desk, corroborated_seeds, reviewer):
    ticket = Ticket.objects.first()
    page = desk.get(_page(ticket)).content.decode()
    assert "Assign to me" in page
    assert 'name="assignee"' not in page
    desk.post(_button(ticket, "assign"), {"assign": reviewer.pk, "version": 1})
    ticket.refresh_from_db()
    assert ticket.assignee == reviewer
    page = desk.get(_page(ticket)).content.decode()
    assert "Assigned to rita" in page
    assert "Unassign" in page
    desk.post(_button(ticket, "assign"), {"assign": "", "version": ticket.version})
    assert Ticket.objects.get(pk=ticket.pk).assignee is None


def test_the_read_only_role_sees_the_ticket_but_no_buttons_and_cannot_post(client, corroborated_seeds):
    reader, _ = account_ensure(username="rolf", password="rolf-reads-2026", role=READ_ONLY_GROUP)
    client.force_login(reader)
    ticket = Ticket.objects.filter(candidates__isnull=False).first()
    page = client.get(_page(ticket)).content.decode()
    assert "Candidate sources" in page
    assert 'name="decide"' not in page
    assert 'name="transition"' not in page
    assert 'name="assign"' not in page
    assert client.post(_button(ticket, "assign"), {"assign": reader.pk, "version": 1}).status_code == 403
    document = Document.objects.first()
    url = f"/admin/verification/document/{document.pk}/change/"
    assert "Re-extract" not in client.get(url).content.decode()
    assert client.post(url, {"reextract": "1"}).status_code == 403


def test_the_document_page_marks_its_claims_and_links_them(desk, corroborated_seeds):
    document, _ = corroborated_seeds
    page = desk.get(f"/admin/verification/document/{document.pk}/change/").content.decode()
    appearance = document.appearances.first()
    assert f'href="/admin/verification/ticket/{appearance.ticket_id}/change/"' in page
    assert page.count('class="vd-claim"') == document.appearances.count()


def test_re_extracting_a_document_opens_nothing_twice(desk, corroborated_seeds):
    document, _ = corroborated_seeds
    before = Ticket.objects.count()
    response = desk.post(
        f"/admin/verification/document/{document.pk}/change/", {"reextract": "1"}, follow=True
    )
    assert "Re-extracted; 0 new ticket(s) opened." in response.content.decode()
    assert Ticket.objects.count() == before


def test_hostile_markup_in_a_document_is_escaped_on_every_page(desk, db):
    hostile = (
        'Officials said that <script>alert("x")</script> 40 soldiers were killed in Kyiv on Monday.\n\n'
        'The ministry said <img src=x onerror="alert(1)"> 12 tanks were destroyed near Izium on Sunday.\n\n'
        "<script>alert('outside any claim')</script>"
    )
    limit = settings.VERIFICATION_MAX_DOCUMENT_BYTES
    document = services.document_ingest(
        incoming=parse_text(hostile, source_name="<b>h</b>", title="<svg onload=alert(2)>", max_bytes=limit)
    ).document
    for ticket in Ticket.objects.all():
        services.ticket_corroborate(ticket_id=ticket.pk)
    pages = [
        "/admin/verification/ticket/?status=all",
        *[_page(t) for t in Ticket.objects.all()],
        f"/admin/verification/document/{document.pk}/change/",
        "/admin/verification/document/",
    ]
    for url in pages:
        page = desk.get(url).content.decode()
        for raw in ("<script>alert", "<img src=x", "<svg onload"):
            assert raw not in page, url
    assert "&lt;script&gt;alert(&#x27;outside any claim&#x27;)" in pages_text(desk, pages[-2])


def pages_text(client, url):
    return client.get(url).content.decode()


def test_job_runs_list_durations_counts_and_errors(desk, db):
    JobRun.objects.create(
        kind=JobKind.CORROBORATE_TICKET,
        status=JobStatus.SUCCEEDED,
        duration_ms=1234,
        result={"attached": 3, "refreshed": 1, "ticket_id": 9},
    )
    JobRun.objects.create(
        kind=JobKind.STALE_SWEEP, status=JobStatus.FAILED, error="OperationalError: connection <lost>"
    )
    page = desk.get("/admin/verification/jobrun/").content.decode()
    assert "1,234 ms" in page
    assert "attached 3, refreshed 1" in page
    assert "OperationalError: connection &lt;lost&gt;" in page
    assert desk.get("/admin/verification/jobrun/?status__exact=failed").context["cl"].result_count == 1
    run = JobRun.objects.first()
    assert desk.post(f"/admin/verification/jobrun/{run.pk}/change/", {"status": "queued"}).status_code == 403


def test_the_beat_schedule_is_editable_in_the_admin(client, db):
    boss = get_user_model().objects.create_superuser("boss", password="boss-desk-2026")
    client.force_login(boss)
    page = client.get("/admin/django_celery_beat/periodictask/").content.decode()
    assert "corroborate" in page.lower()


def test_an_editor_assigns_a_ticket_to_a_reviewer_from_its_page(client, corroborated_seeds, reviewer):
    from verification.roles import EDITOR_GROUP

    editor, _ = account_ensure(username="edna", password="edna-edits-2026", role=EDITOR_GROUP)
    client.force_login(editor)
    ticket = Ticket.objects.first()
    page = client.get(_page(ticket)).content.decode()
    assert f'<option value="{reviewer.pk}"' in page
    response = client.post(
        _button(ticket, "assign"), {"assign": "chosen", "assignee": reviewer.pk, "version": 1}, follow=True
    )
    assert "Ticket assigned to rita." in response.content.decode()
    event = Ticket.objects.get(pk=ticket.pk).events.get()
    assert (event.kind, event.actor, event.assignee) == ("assignment", editor, reviewer)
