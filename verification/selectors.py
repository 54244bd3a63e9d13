"""Reads shared by the admin, the API and the tasks."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet

from verification.choices import Decision, Stance, TicketStatus
from verification.models import Appearance, CandidateSource, Passage, Ticket, TicketEvent
from verification.search import Match, best_matches


def ticket_list() -> QuerySet[Ticket]:
    """Return tickets with their evidence counts, ready for a list page."""
    return Ticket.objects.annotate(
        appearance_count=Count("appearances", distinct=True),
        supporting_count=Count("candidates", filter=Q(candidates__stance=Stance.SUPPORTS), distinct=True),
        contradicting_count=Count(
            "candidates", filter=Q(candidates__stance=Stance.CONTRADICTS), distinct=True
        ),
    )


def ticket_detail() -> QuerySet[Ticket]:
    """Return tickets with appearances, candidates and history prefetched, for one ticket's page."""
    return ticket_list().prefetch_related(
        Prefetch("appearances", queryset=Appearance.objects.select_related("document")),
        Prefetch(
            "candidates",
            queryset=CandidateSource.objects.select_related("passage__document", "decided_by").order_by(
                "-score"
            ),
        ),
        Prefetch("events", queryset=TicketEvent.objects.select_related("actor", "candidate")),
    )


def accepted_candidates(ticket: Ticket) -> list[CandidateSource]:
    """Return the ticket's accepted candidates from its prefetched candidates."""
    return [c for c in ticket.candidates.all() if c.decision == Decision.ACCEPTED]


def tickets_by_text(*, text: str, limit: int = 5, min_similarity: float = 0.2) -> list[Match[Ticket]]:
    """Return the tickets whose claims best match text, open ones included, with their similarity."""
    return best_matches(ticket_list(), text=text, limit=limit, min_score=min_similarity)


def open_ticket_ids_bearing_on(*, document_id: int) -> list[int]:
    """Return ids of unverified tickets from other documents that a passage of this document matches."""
    open_elsewhere = Ticket.objects.filter(status=TicketStatus.UNVERIFIED).exclude(
        appearances__document_id=document_id
    )
    min_score = settings.VERIFICATION["MIN_CANDIDATE_SCORE"]
    found: dict[int, None] = {}
    for passage_text in Passage.objects.filter(document_id=document_id).values_list("text", flat=True):
        for match in best_matches(open_elsewhere, text=passage_text, limit=20, min_score=min_score):
            found.setdefault(match.item.pk)
    return list(found)


def stale_ticket_ids(*, older_than: dt.datetime) -> list[int]:
    """Return ids of unverified tickets never corroborated or last corroborated before older_than."""
    return list(
        Ticket.objects.filter(status=TicketStatus.UNVERIFIED)
        .filter(Q(last_corroborated_at__isnull=True) | Q(last_corroborated_at__lt=older_than))
        .order_by("last_corroborated_at")
        .values_list("pk", flat=True)
    )


def candidate_list() -> QuerySet[CandidateSource]:
    """Return candidate sources with their passage, document and decider loaded."""
    return CandidateSource.objects.select_related("passage__document", "decided_by")
