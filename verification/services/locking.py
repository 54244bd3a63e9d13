"""Optimistic locking for reviewer edits: every change bumps the ticket's version under its row lock."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import F
from django.utils import timezone

from verification import hotcache
from verification.choices import EventKind
from verification.errors import NotAllowed, StaleEdit
from verification.models import Ticket, TicketEvent


def permission_require(*, actor: User | None, permission: str, refusal: str) -> None:
    """Raise NotAllowed with the refusal unless the actor holds the permission (None is the system)."""
    if actor is not None and not actor.has_perm(permission):
        raise NotAllowed(refusal)


def ticket_lock(*, ticket_id: int, expected_version: int | None = None) -> Ticket:
    """Lock the ticket's row for this transaction; refuse when it moved past the version the editor saw."""
    ticket = Ticket.objects.select_for_update().get(pk=ticket_id)
    if expected_version is not None and ticket.version != expected_version:
        raise StaleEdit(
            f"Ticket #{ticket.pk} changed since you opened it ({_last_change(ticket)}). "
            "Nothing of your edit was saved: reload the ticket, check the change, then try again."
        )
    return ticket


def ticket_version_bump(ticket: Ticket) -> None:
    """Count one more change of the locked ticket, so that pages showing the previous version go stale."""
    Ticket.objects.filter(pk=ticket.pk).update(version=F("version") + 1, updated_at=timezone.now())
    ticket.version += 1
    hotcache.tickets_invalidate([ticket.pk])


def _last_change(ticket: Ticket) -> str:
    """Return who did what last to the ticket, in words, for the stale-edit message."""
    event = TicketEvent.objects.select_related("actor", "assignee").filter(ticket=ticket).first()
    if event is None:
        return "it was changed"
    who = event.actor.get_username() if event.actor else "the system"
    when = timezone.localtime(event.created_at).strftime("%H:%M:%S")
    if event.kind == EventKind.STATUS_CHANGE:
        what = f"marked it {event.get_to_status_display().lower()}"
    elif event.kind == EventKind.ASSIGNMENT:
        what = f"assigned it to {event.assignee.get_username()}" if event.assignee else "unassigned it"
    elif event.kind == EventKind.STANCE_CORRECTION:
        what = f"corrected a candidate source to {event.get_to_stance_display().lower()}"
    else:
        what = f"{event.get_decision_display().lower()} a candidate source"
    return f"{who} {what} at {when}"
