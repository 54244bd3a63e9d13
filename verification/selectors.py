"""Reads shared by the admin, the API and the tasks."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.postgres.search import SearchRank
from django.db.models import Count, F, Prefetch, Q, QuerySet

from verification.choices import STANDING_DECISIONS, Decision, Stance, TicketStatus
from verification.models import Appearance, CandidateSource, Passage, Ticket, TicketEvent
from verification.search import Match, best_matches, overlap
from verification.search.retrieval import TsvectorToArray, any_of


def ticket_list() -> QuerySet[Ticket]:
    """Return tickets with their evidence counts, ready for a list page."""
    standing = Q(candidates__decision__in=STANDING_DECISIONS)
    return Ticket.objects.annotate(
        appearance_count=Count("appearances", distinct=True),
        supporting_count=Count(
            "candidates", filter=Q(candidates__stance=Stance.SUPPORTS) & standing, distinct=True
        ),
        contradicting_count=Count(
            "candidates", filter=Q(candidates__stance=Stance.CONTRADICTS) & standing, distinct=True
        ),
        # Independent origins: evidence from one source document counts once, however many passages.
        supporting_origins=Count(
            "candidates__passage__document",
            filter=Q(candidates__stance=Stance.SUPPORTS) & standing,
            distinct=True,
        ),
        contradicting_origins=Count(
            "candidates__passage__document",
            filter=Q(candidates__stance=Stance.CONTRADICTS) & standing,
            distinct=True,
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
        Prefetch("events", queryset=TicketEvent.objects.select_related("actor", "assignee", "candidate")),
    )


def accepted_candidates(ticket: Ticket) -> list[CandidateSource]:
    """Return the ticket's accepted candidates from its prefetched candidates."""
    return [c for c in ticket.candidates.all() if c.decision == Decision.ACCEPTED]


def tickets_by_text(*, text: str, limit: int = 5, min_similarity: float = 0.2) -> list[Match[Ticket]]:
    """Return the tickets whose claims best match text, open ones included, with their similarity."""
    return best_matches(ticket_list(), text=text, limit=limit, min_score=min_similarity)


def open_ticket_ids_bearing_on(*, document_id: int, pool: int = 500) -> list[int]:
    """Return ids of unverified tickets from other documents that some passage of this document matches."""
    passage_stems = [
        set(stems)
        for stems in Passage.objects.filter(document_id=document_id)
        .annotate(stems=TsvectorToArray("search_vector"))
        .values_list("stems", flat=True)
    ]
    all_stems = sorted(set().union(*passage_stems))
    if not all_stems:
        return []
    query = any_of(all_stems)
    candidates = (
        Ticket.objects.filter(status=TicketStatus.UNVERIFIED, search_vector=query)
        .exclude(appearances__document_id=document_id)
        .annotate(search_rank=SearchRank(F("search_vector"), query), stems=TsvectorToArray("search_vector"))
        .order_by("-search_rank", "pk")
        .values_list("pk", "stems")[:pool]
    )
    # The same measure as corroboration: a ticket counts when one passage alone would be a candidate.
    min_score = settings.VERIFICATION["MIN_CANDIDATE_SCORE"]
    return [
        pk
        for pk, stems in candidates
        if any(overlap(stems, passage)[0] >= min_score for passage in passage_stems)
    ]


def stale_ticket_ids(*, older_than: dt.datetime, limit: int | None = None) -> list[int]:
    """Return ids of unverified tickets not corroborated since older_than, stalest first."""
    stale = (
        Ticket.objects.filter(status=TicketStatus.UNVERIFIED)
        .filter(Q(last_corroborated_at__isnull=True) | Q(last_corroborated_at__lt=older_than))
        .order_by(F("last_corroborated_at").asc(nulls_first=True), "pk")
        .values_list("pk", flat=True)
    )
    return list(stale if limit is None else stale[:limit])


def candidate_list() -> QuerySet[CandidateSource]:
    """Return candidate sources with their passage, document and decider loaded."""
    return CandidateSource.objects.select_related("passage__document", "decided_by")


def ticket_rows(*, ticket_ids: list[int]) -> list[Ticket]:
    """Return the tickets with their counts and assignee, in the order of ticket_ids (one page of a list)."""
    found = {t.pk: t for t in ticket_list().select_related("assignee").filter(pk__in=ticket_ids)}
    return [found[pk] for pk in ticket_ids if pk in found]


def reviewer_choices() -> QuerySet:
    """Return the active staff who may review tickets (Reviewer or Editor role, or superuser), by name."""
    from django.contrib.auth import get_user_model

    from verification.roles import EDITOR_GROUP, REVIEWER_GROUP

    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(Q(groups__name__in=[REVIEWER_GROUP, EDITOR_GROUP]) | Q(is_superuser=True))
        .distinct()
        .order_by("username")
    )


def publisher_choices(*, limit: int = 100) -> list[str]:
    """Return the publishers of ingested documents, alphabetically, at most limit of them."""
    from django.db import connection

    # A loose index scan: one probe of document_publisher_idx per distinct publisher, instead of
    # reading every document to find a few dozen names.
    with connection.cursor() as cursor:
        cursor.execute(
            """
            WITH RECURSIVE names AS (
                (SELECT publisher FROM verification_document WHERE publisher > '' ORDER BY publisher LIMIT 1)
                UNION ALL
                SELECT (SELECT d.publisher FROM verification_document d WHERE d.publisher > names.publisher
                        ORDER BY d.publisher LIMIT 1)
                FROM names WHERE names.publisher IS NOT NULL
            )
            SELECT publisher FROM names WHERE publisher IS NOT NULL LIMIT %s
            """,
            [limit],
        )
        return [name for (name,) in cursor.fetchall()]


def word_stems(*, words: list[str]) -> dict[str, set[str]]:
    """Return the stems PostgreSQL's search configuration gives each word, in one query."""
    from django.db import connection

    from verification.models.search import SEARCH_CONFIG

    if not words:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT w, tsvector_to_array(to_tsvector(%s::regconfig, w)) FROM unnest(%s::text[]) AS w",
            [SEARCH_CONFIG, words],
        )
        return {word: set(stems or []) for word, stems in cursor.fetchall()}


def document_claim_spans(*, document_id: int) -> list[Appearance]:
    """Return where the document's claims appear, in text order, with their tickets."""
    return list(Appearance.objects.filter(document_id=document_id).select_related("ticket").order_by("start"))
