"""Enqueue background jobs once the surrounding transaction commits, each with its run recorded as queued."""

from collections.abc import Iterable

from verification.choices import JobKind

from .runs import job_run_queue


def enqueue_corroboration(ticket_ids: Iterable[int]) -> None:
    """Queue corroboration of each ticket after commit, so a worker never sees a missing row."""
    from verification import tasks  # tasks import services; importing here breaks the cycle

    for ticket_id in ticket_ids:
        run = job_run_queue(kind=JobKind.CORROBORATE_TICKET, ticket_id=ticket_id)
        tasks.corroborate_ticket.delay_on_commit(ticket_id, run_id=run.pk)


def enqueue_document_recheck(document_id: int) -> None:
    """Queue a check of the open tickets a new document may bear on, after commit."""
    from verification import tasks

    run = job_run_queue(kind=JobKind.RECHECK_DOCUMENT, document_id=document_id)
    tasks.recheck_open_tickets.delay_on_commit(document_id, run_id=run.pk)
