"""Enqueue background jobs once the surrounding transaction commits."""

from collections.abc import Iterable


def enqueue_corroboration(ticket_ids: Iterable[int]) -> None:
    """Queue corroboration of each ticket after commit, so a worker never sees a missing row."""
    from verification import tasks  # tasks import services; importing here breaks the cycle

    for ticket_id in ticket_ids:
        tasks.corroborate_ticket.delay_on_commit(ticket_id)


def enqueue_document_recheck(document_id: int) -> None:
    """Queue a check of the open tickets a new document may bear on, after commit."""
    from verification import tasks

    tasks.recheck_open_tickets.delay_on_commit(document_id)
