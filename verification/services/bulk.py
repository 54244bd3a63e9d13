"""Bulk work from the queue: each ticket goes through the same service as alone, refusals are collected."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import User

from verification import roles
from verification.errors import DomainError
from verification.models import Ticket

from .assignment import ticket_assign
from .corroboration import tickets_recorroborate
from .locking import permission_require
from .transitions import ticket_transition


@dataclass
class BulkOutcome:
    """Which tickets a bulk action changed, and why each of the others was refused."""

    done: list[int] = field(default_factory=list)
    refused: dict[int, str] = field(default_factory=dict)


def _each(
    ticket_ids: Iterable[int],
    versions: dict[int, int | None] | None,
    change: Callable[[int, int | None], object],
) -> BulkOutcome:
    """Apply change to every ticket in its own transaction; a refusal stops only that ticket."""
    outcome = BulkOutcome()
    for ticket_id in ticket_ids:
        try:
            change(ticket_id, (versions or {}).get(ticket_id))
        except Ticket.DoesNotExist:
            outcome.refused[ticket_id] = "no such ticket"
        except DomainError as exc:
            outcome.refused[ticket_id] = str(exc)
        else:
            outcome.done.append(ticket_id)
    return outcome


def tickets_transition(
    *,
    ticket_ids: Iterable[int],
    to_status: str,
    rationale: str,
    actor: User | None,
    expected_versions: dict[int, int | None] | None = None,
) -> BulkOutcome:
    """Move each ticket to to_status with one rationale, checking each one's guard and version."""
    permission_require(
        actor=actor,
        permission=roles.REVIEW_TICKET,
        refusal="You may view tickets but not change their status; ask an editor for reviewer rights.",
    )
    return _each(
        ticket_ids,
        expected_versions,
        lambda ticket_id, version: ticket_transition(
            ticket_id=ticket_id,
            to_status=to_status,
            rationale=rationale,
            actor=actor,
            expected_version=version,
        ),
    )


def tickets_assign(
    *,
    ticket_ids: Iterable[int],
    assignee_id: int | None,
    actor: User | None,
    expected_versions: dict[int, int | None] | None = None,
) -> BulkOutcome:
    """Assign each ticket to assignee_id (None: nobody), checking each one's version."""
    return _each(
        ticket_ids,
        expected_versions,
        lambda ticket_id, version: ticket_assign(
            ticket_id=ticket_id, assignee_id=assignee_id, actor=actor, expected_version=version
        ),
    )


def tickets_corroboration_request(*, ticket_ids: list[int], actor: User | None) -> int:
    """Queue corroboration of the tickets for a reviewer; return how many were queued."""
    permission_require(
        actor=actor,
        permission=roles.REVIEW_TICKET,
        refusal="You may view tickets but not re-run their corroboration; ask an editor for reviewer rights.",
    )
    return tickets_recorroborate(ticket_ids=ticket_ids)
