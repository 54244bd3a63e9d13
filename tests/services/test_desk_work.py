"""Assignment, optimistic locking, bulk changes and role checks in the services the admin calls."""

import threading

import pytest
from django.db import connection

from tests.factories import AppearanceFactory, DocumentFactory, TicketFactory, ticket_with_evidence
from verification import services
from verification.choices import Decision, EventKind, Stance, TicketStatus
from verification.errors import DomainError, NotAllowed, StaleEdit
from verification.models import Appearance, CandidateSource, Document, Ticket
from verification.roles import EDITOR_GROUP, READ_ONLY_GROUP
from verification.services.accounts import account_ensure

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    return account_ensure(username="edna", password="edna-edits-2026", role=EDITOR_GROUP)[0]


@pytest.fixture
def reader(db):
    return account_ensure(username="rolf", password="rolf-reads-2026", role=READ_ONLY_GROUP)[0]


def _ticket():
    """Return an open ticket with sources from other documents, one of them supporting."""
    return ticket_with_evidence(supporting=1, contradicting=1)


def test_every_reviewer_change_bumps_the_version(reviewer):
    ticket = _ticket()
    assert ticket.version == 1
    services.ticket_assign(ticket_id=ticket.pk, assignee_id=reviewer.pk, actor=reviewer, expected_version=1)
    support = ticket.candidates.filter(stance=Stance.SUPPORTS).first()
    services.candidate_decide(
        candidate_id=support.pk, decision=Decision.ACCEPTED, actor=reviewer, expected_version=2
    )
    services.ticket_transition(
        ticket_id=ticket.pk, to_status=TicketStatus.CORROBORATED, actor=reviewer, expected_version=3
    )
    ticket.refresh_from_db()
    assert ticket.version == 4


def test_corroboration_does_not_make_an_open_page_stale(db):
    ticket = _ticket()
    services.ticket_corroborate(ticket_id=ticket.pk)
    ticket.refresh_from_db()
    assert ticket.version == 1


def test_an_edit_on_an_older_version_is_refused_and_says_who_changed_what(reviewer):
    ticket = _ticket()
    services.ticket_transition(
        ticket_id=ticket.pk, to_status=TicketStatus.DISPUTED, rationale="Photos predate it", actor=reviewer
    )
    with pytest.raises(StaleEdit, match=r"changed since you opened it \(rita marked it disputed at"):
        services.ticket_transition(
            ticket_id=ticket.pk,
            to_status=TicketStatus.CORROBORATED,
            actor=reviewer,
            expected_version=1,
        )
    support = ticket.candidates.first()
    with pytest.raises(StaleEdit):
        services.candidate_decide(
            candidate_id=support.pk, decision=Decision.REJECTED, actor=reviewer, expected_version=1
        )
    ticket.refresh_from_db()
    assert (ticket.status, ticket.version) == (TicketStatus.DISPUTED, 2)
    assert support.decision == Decision.PENDING == CandidateSource.objects.get(pk=support.pk).decision


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_edits_of_one_version_let_exactly_one_through(reviewer):
    ticket = _ticket()
    outcomes = []
    barrier = threading.Barrier(2)

    def edit(rationale):
        try:
            barrier.wait()
            services.ticket_transition(
                ticket_id=ticket.pk,
                to_status=TicketStatus.DISPUTED,
                rationale=rationale,
                actor=reviewer,
                expected_version=1,
            )
            outcomes.append("saved")
        except StaleEdit:
            outcomes.append("stale")
        finally:
            connection.close()

    threads = [threading.Thread(target=edit, args=(f"reason {n}",)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["saved", "stale"]
    assert ticket.events.filter(kind=EventKind.STATUS_CHANGE).count() == 1


def test_a_reviewer_takes_a_free_ticket_but_only_an_editor_moves_others_work(
    reviewer, editor
):
    ticket = _ticket()
    services.ticket_assign(ticket_id=ticket.pk, assignee_id=reviewer.pk, actor=reviewer)
    with pytest.raises(NotAllowed, match="Only editors"):
        services.ticket_assign(ticket_id=ticket.pk, assignee_id=editor.pk, actor=reviewer)
    services.ticket_assign(ticket_id=ticket.pk, assignee_id=editor.pk, actor=editor)
    with pytest.raises(NotAllowed, match="Only editors"):
        services.ticket_assign(ticket_id=ticket.pk, assignee_id=reviewer.pk, actor=reviewer)
    ticket.refresh_from_db()
    assert ticket.assignee == editor
    history = list(ticket.events.filter(kind=EventKind.ASSIGNMENT).order_by("created_at", "id"))
    assert [(e.actor, e.assignee) for e in history] == [(reviewer, reviewer), (editor, editor)]


def test_assigning_to_someone_who_cannot_review_is_refused(editor, reader):
    ticket = _ticket()
    with pytest.raises(DomainError, match="cannot review tickets"):
        services.ticket_assign(ticket_id=ticket.pk, assignee_id=reader.pk, actor=editor)
    with pytest.raises(DomainError, match="cannot review tickets"):
        services.ticket_assign(ticket_id=ticket.pk, assignee_id=987654, actor=editor)
    assert Ticket.objects.get(pk=ticket.pk).assignee is None


def test_the_read_only_role_can_change_nothing_through_any_service(reader):
    ticket = _ticket()
    candidate = ticket.candidates.first()
    document = Document.objects.first()
    attempts = [
        lambda: services.ticket_assign(ticket_id=ticket.pk, assignee_id=reader.pk, actor=reader),
        lambda: services.ticket_transition(
            ticket_id=ticket.pk, to_status=TicketStatus.DISPUTED, rationale="no", actor=reader
        ),
        lambda: services.candidate_decide(
            candidate_id=candidate.pk, decision=Decision.ACCEPTED, actor=reader
        ),
        lambda: services.tickets_transition(
            ticket_ids=[ticket.pk], to_status=TicketStatus.DISPUTED, rationale="no", actor=reader
        ),
        lambda: services.tickets_corroboration_request(ticket_ids=[ticket.pk], actor=reader),
        lambda: services.document_reextract(document_id=document.pk, actor=reader),
    ]
    for attempt in attempts:
        with pytest.raises(NotAllowed):
            attempt()
    ticket.refresh_from_db()
    assert (ticket.status, ticket.assignee, ticket.version) == (TicketStatus.UNVERIFIED, None, 1)
    assert not ticket.events.exists()


def test_a_bulk_transition_checks_each_guard_and_version_and_reports_refusals(reviewer):
    ticket = _ticket()
    support = ticket.candidates.filter(stance=Stance.SUPPORTS).first()
    services.candidate_decide(candidate_id=support.pk, decision=Decision.ACCEPTED, actor=reviewer)
    unsupported, stale = TicketFactory.create_batch(2)
    services.ticket_assign(ticket_id=stale.pk, assignee_id=reviewer.pk, actor=reviewer)
    outcome = services.tickets_transition(
        ticket_ids=[ticket.pk, unsupported.pk, stale.pk, 999999],
        to_status=TicketStatus.CORROBORATED,
        rationale="Checked together",
        actor=reviewer,
        expected_versions={ticket.pk: 2, unsupported.pk: 1, stale.pk: 1},
    )
    assert outcome.done == [ticket.pk]
    assert "accept at least one supporting source" in outcome.refused[unsupported.pk]
    assert "changed since you opened it" in outcome.refused[stale.pk]
    assert outcome.refused[999999] == "no such ticket"
    assert Ticket.objects.get(pk=ticket.pk).status == TicketStatus.CORROBORATED
    assert Ticket.objects.get(pk=unsupported.pk).status == TicketStatus.UNVERIFIED


def test_bulk_assignment_assigns_each_ticket_once(editor, reviewer):
    ids = [ticket.pk for ticket in TicketFactory.create_batch(3)]
    outcome = services.tickets_assign(ticket_ids=ids, assignee_id=reviewer.pk, actor=editor)
    assert outcome.done == ids
    assert not outcome.refused
    again = services.tickets_assign(ticket_ids=ids, assignee_id=reviewer.pk, actor=editor)
    assert again.done == ids
    assert Ticket.objects.filter(assignee=reviewer).count() == 3
    assert Ticket.objects.filter(pk__in=ids, version=2).count() == 3


def test_the_trigger_keeps_appearance_totals_and_last_seen(db):
    first = AppearanceFactory()
    ticket = Ticket.objects.get(pk=first.ticket_id)
    assert (ticket.appearance_total, ticket.last_seen_at) == (1, first.seen_at)
    other = DocumentFactory()
    second = Appearance.objects.create(ticket=ticket, document=other, start=1, end=5)
    ticket.refresh_from_db()
    assert (ticket.appearance_total, ticket.last_seen_at) == (2, second.seen_at)
    second.delete()
    ticket.refresh_from_db()
    assert (ticket.appearance_total, ticket.last_seen_at) == (1, first.seen_at)
