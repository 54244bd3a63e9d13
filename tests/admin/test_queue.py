"""The queue: its default, filters, search, bounded count, bulk actions and roles, through the test client."""

import datetime as dt

import pytest
from django.conf import settings

from tests.factories import TicketFactory, ticket_with_evidence
from verification import services
from verification.choices import Decision, Stance, TicketStatus
from verification.ingestion import parse_text
from verification.models import Ticket
from verification.roles import EDITOR_GROUP, READ_ONLY_GROUP
from verification.services.accounts import account_ensure

pytestmark = pytest.mark.django_db
QUEUE = "/admin/verification/ticket/"


@pytest.fixture
def desk(client, reviewer):
    client.force_login(reviewer)
    return client


def _listed(client, query=""):
    response = client.get(QUEUE + query)
    assert response.status_code == 200, response.content[:500]
    return [t.pk for t in response.context["cl"].result_list]


def _corroborate_one(reviewer):
    ticket = ticket_with_evidence(supporting=1, contradicting=0)
    support = ticket.candidates.filter(stance=Stance.SUPPORTS).first()
    services.candidate_decide(candidate_id=support.pk, decision=Decision.ACCEPTED, actor=reviewer)
    services.ticket_transition(ticket_id=ticket.pk, to_status=TicketStatus.CORROBORATED, actor=reviewer)
    return ticket


def test_the_queue_opens_on_unverified_tickets_most_urgent_first(desk, corroborated_seeds, reviewer):
    done = _corroborate_one(reviewer)
    listed = _listed(desk)
    assert done.pk not in listed
    rows = Ticket.objects.filter(pk__in=listed)
    keys = {t.pk: (t.checkworthiness, t.appearance_total, t.last_seen_at, t.pk) for t in rows}
    assert [keys[pk] for pk in listed] == sorted(keys.values(), reverse=True)
    assert done.pk in _listed(desk, "?status=all")
    assert _listed(desk, "?status=corroborated") == [done.pk]


def test_a_claim_seen_twice_outranks_an_equally_scored_one_seen_once(desk, db):
    limit = settings.VERIFICATION_MAX_DOCUMENT_BYTES
    claim = "Officials said that 40 soldiers were killed in Kyiv on Monday."
    rival = "Officials said that 30 soldiers were detained in Lviv on Monday."
    services.document_ingest(incoming=parse_text(f"{rival}\n\n{claim}", source_name="a", max_bytes=limit))
    services.document_ingest(incoming=parse_text(f"{claim}\n\nUnrelated.", source_name="b", max_bytes=limit))
    seen_twice = Ticket.objects.get(claim_text=claim)
    seen_once = Ticket.objects.get(claim_text=rival)
    assert seen_twice.appearance_total == 2
    assert seen_once.appearance_total == 1
    # Equal scores, and the one seen once is the more recent: times seen still decides.
    Ticket.objects.filter(pk__in=[seen_twice.pk, seen_once.pk]).update(checkworthiness=0.8)
    later = seen_twice.last_seen_at + dt.timedelta(hours=1)
    Ticket.objects.filter(pk=seen_once.pk).update(last_seen_at=later)
    listed = _listed(desk)
    assert listed.index(seen_twice.pk) < listed.index(seen_once.pk)


def test_filters_for_evidence_assignee_and_publisher(desk, corroborated_seeds, reviewer):
    supported = set(
        Ticket.objects.filter(candidates__stance=Stance.SUPPORTS).values_list("pk", flat=True).distinct()
    )
    assert set(_listed(desk, "?evidence=supports")) == supported
    contradicted = set(_listed(desk, "?evidence=contradicts"))
    assert contradicted == set(
        Ticket.objects.filter(candidates__stance=Stance.CONTRADICTS).values_list("pk", flat=True)
    )
    ticket = Ticket.objects.first()
    services.ticket_assign(ticket_id=ticket.pk, assignee_id=reviewer.pk, actor=reviewer)
    assert _listed(desk, "?assigned=me") == [ticket.pk]
    assert ticket.pk not in _listed(desk, "?assigned=nobody")
    limit = settings.VERIFICATION_MAX_DOCUMENT_BYTES
    wired = parse_text(
        "Officials said that 40 soldiers were killed in Kyiv on Monday.",
        source_name="w",
        publisher="Wire Service",
        max_bytes=limit,
    )
    opened = services.document_ingest(incoming=wired).tickets_opened
    assert _listed(desk, "?publisher=Wire+Service") == [t.pk for t in opened]
    assert "Wire Service" in desk.get(QUEUE).content.decode()


def test_search_is_full_text_over_claims_or_a_ticket_number(desk, corroborated_seeds):
    found = _listed(desk, "?q=torture+rooms")
    assert found
    assert all("tortur" in Ticket.objects.get(pk=pk).claim_text.lower() for pk in found)
    ticket = Ticket.objects.last()
    assert _listed(desk, f"?q=%23{ticket.pk}") == [ticket.pk]
    assert _listed(desk, '?q="unbalanced+quote') == []


def test_past_the_cap_the_queue_says_more_than_instead_of_counting(desk, corroborated_seeds, monkeypatch):
    from verification.admin import queue

    monkeypatch.setattr(queue, "COUNT_CAP", 5)
    page = desk.get(QUEUE).content.decode()
    assert "more than 5 tickets" in page
    assert _listed(desk, "?p=2")  # the second page still lists tickets


def test_a_bulk_status_change_reports_each_refusal(desk, corroborated_seeds, reviewer):
    ready = ticket_with_evidence(supporting=1, contradicting=0)
    support = ready.candidates.filter(stance=Stance.SUPPORTS).first()
    services.candidate_decide(candidate_id=support.pk, decision=Decision.ACCEPTED, actor=reviewer)
    ready.refresh_from_db()
    bare = TicketFactory()
    response = desk.post(
        QUEUE,
        {
            "action": "change_status",
            "_selected_action": [ready.pk, bare.pk],
            f"version-{ready.pk}": ready.version,
            f"version-{bare.pk}": bare.version,
            "to_status": "corroborated",
            "rationale": "Checked as a batch",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "Moved 1 ticket(s) to corroborated." in page
    assert f"Refused 1: #{bare.pk}: Cannot mark corroborated" in page
    assert Ticket.objects.get(pk=ready.pk).status == TicketStatus.CORROBORATED


def test_a_bulk_change_on_a_row_that_changed_since_the_page_loaded_is_refused(
    desk, corroborated_seeds, reviewer
):
    ticket = Ticket.objects.first()
    services.ticket_assign(ticket_id=ticket.pk, assignee_id=reviewer.pk, actor=reviewer)
    response = desk.post(
        QUEUE,
        {
            "action": "change_status",
            "_selected_action": [ticket.pk],
            f"version-{ticket.pk}": 1,
            "to_status": "disputed",
            "rationale": "Invented",
        },
        follow=True,
    )
    assert "changed since you opened it" in response.content.decode()
    assert Ticket.objects.get(pk=ticket.pk).status == TicketStatus.UNVERIFIED


def test_only_editors_get_the_assign_to_a_reviewer_action(client, desk, corroborated_seeds, reviewer):
    assert "assign_to_reviewer" not in desk.get(QUEUE).content.decode()
    editor, _ = account_ensure(username="edna", password="edna-edits-2026", role=EDITOR_GROUP)
    client.force_login(editor)
    ids = list(Ticket.objects.values_list("pk", flat=True)[:2])
    response = client.post(
        QUEUE,
        {"action": "assign_to_reviewer", "_selected_action": ids, "assignee": reviewer.pk},
        follow=True,
    )
    assert "Assigned 2 ticket(s)." in response.content.decode()
    assert set(Ticket.objects.filter(assignee=reviewer).values_list("pk", flat=True)) == set(ids)


def test_assign_to_me_from_the_queue(desk, corroborated_seeds, reviewer):
    ticket = Ticket.objects.first()
    response = desk.post(QUEUE, {"action": "assign_to_me", "_selected_action": [ticket.pk]}, follow=True)
    assert "Assigned 1 ticket(s) to you." in response.content.decode()
    assert Ticket.objects.get(pk=ticket.pk).assignee == reviewer


def test_the_read_only_role_sees_the_queue_without_actions(client, corroborated_seeds):
    reader, _ = account_ensure(username="rolf", password="rolf-reads-2026", role=READ_ONLY_GROUP)
    client.force_login(reader)
    page = client.get(QUEUE).content.decode()
    assert "These are war crimes" in page or "torture" in page
    assert 'name="action"' not in page
    ticket = Ticket.objects.first()
    response = client.post(QUEUE, {"action": "assign_to_me", "_selected_action": [ticket.pk]})
    assert Ticket.objects.get(pk=ticket.pk).assignee is None
    assert response.status_code in (200, 302, 403)


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("query", ["", "?status=all&evidence=supports", "?assigned=me&q=troops+or+soldiers"])
def test_the_queue_runs_the_same_queries_however_many_tickets(desk, seeds, reviewer, query):
    first = ticket_with_evidence()
    services.ticket_assign(ticket_id=first.pk, assignee_id=reviewer.pk, actor=reviewer)
    assert _listed(desk, query)
    before = _queries(desk, QUEUE + query)
    limit = settings.VERIFICATION_MAX_DOCUMENT_BYTES
    more = "\n\n".join(
        f"Officials said that {n} soldiers were detained in Kharkiv on Monday." for n in range(12, 80)
    )
    services.document_ingest(incoming=parse_text(more, source_name="more", max_bytes=limit))
    for pk in Ticket.objects.exclude(pk=first.pk).values_list("pk", flat=True)[:60]:
        services.ticket_corroborate(ticket_id=pk)
        services.ticket_assign(ticket_id=pk, assignee_id=reviewer.pk, actor=reviewer)
    assert Ticket.objects.count() > 60
    assert _queries(desk, QUEUE + query) == before


def test_a_bulk_action_over_too_many_tickets_is_refused_whole(desk, corroborated_seeds, monkeypatch):
    from verification.admin import tickets

    monkeypatch.setattr(tickets, "BULK_LIMIT", 3)
    ids = list(Ticket.objects.values_list("pk", flat=True)[:4])
    response = desk.post(QUEUE, {"action": "assign_to_me", "_selected_action": ids}, follow=True)
    assert "Select at most 3 tickets" in response.content.decode()
    assert not Ticket.objects.filter(assignee__isnull=False).exists()


def test_the_action_bar_offers_no_select_all_and_the_picker_only_to_editors(
    client, desk, corroborated_seeds, monkeypatch
):
    from django.contrib import admin

    # More tickets than one page, where Django's own action bar would offer "select all 27".
    monkeypatch.setattr(admin.site._registry[Ticket], "list_per_page", 5)
    page = desk.get(QUEUE).content.decode()
    assert 'name="to_status"' in page
    assert 'name="rationale"' in page
    assert 'name="assignee"' not in page
    assert 'class="question hidden"' not in page  # no "select all N tickets" across pages
    editor, _ = account_ensure(username="edna", password="edna-edits-2026", role=EDITOR_GROUP)
    client.force_login(editor)
    assert 'name="assignee"' in client.get(QUEUE).content.decode()
