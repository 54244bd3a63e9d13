"""Assign tickets to reviewers: to oneself with reviewer rights, to anyone with the assign permission."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import transaction

from verification import roles
from verification.choices import EventKind
from verification.errors import DomainError
from verification.models import Ticket, TicketEvent

from .locking import permission_require, ticket_lock, ticket_version_bump


@transaction.atomic
def ticket_assign(
    *,
    ticket_id: int,
    assignee_id: int | None,
    actor: User | None,
    expected_version: int | None = None,
) -> Ticket:
    """Give the ticket to a reviewer (None: nobody) and record who did it; the same assignee is a no-op."""
    permission_require(
        actor=actor,
        permission=roles.REVIEW_TICKET,
        refusal="You may view tickets but not take them; ask an editor for reviewer rights.",
    )
    ticket = ticket_lock(ticket_id=ticket_id, expected_version=expected_version)
    if ticket.assignee_id == assignee_id:
        return ticket
    # Taking a free ticket or handing back one's own is a reviewer's call; moving others' work is an editor's.
    mine = (None, actor.pk if actor is not None else None)
    own_move = actor is not None and assignee_id in mine and ticket.assignee_id in mine
    if not own_move:
        permission_require(
            actor=actor,
            permission=roles.ASSIGN_TICKET,
            refusal="Only editors assign tickets to others or take them from others; assign it to yourself.",
        )
    assignee = None
    if assignee_id is not None:
        assignee = get_user_model().objects.filter(pk=assignee_id, is_active=True).first()
        if assignee is None or not (assignee.is_staff and assignee.has_perm(roles.REVIEW_TICKET)):
            raise DomainError(
                "That user cannot review tickets; give them the Reviewer or Editor role first "
                "(manage.py reviewer --role Reviewer)."
            )
    ticket.assignee = assignee
    ticket.save(update_fields=["assignee", "updated_at"])
    ticket_version_bump(ticket)
    TicketEvent.objects.create(ticket=ticket, kind=EventKind.ASSIGNMENT, assignee=assignee, actor=actor)
    return ticket
