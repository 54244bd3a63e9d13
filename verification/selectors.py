"""Reads shared by the admin, the API and the tasks."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.postgres.search import SearchRank
from django.db.models import Count, F, Prefetch, Q, QuerySet

from verification.choices import STANDING_DECISIONS, Decision, Stance, TicketStatus
from verification.models import Appearance, CandidateSource, Passage, Ticket, TicketEvent
from verification.search import Match, best_matches, overlap, passage_candidates
from verification.search.retrieval import TsvectorToArray, any_of
from verification.stance import label_candidate


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
        # Independent origins: copies of one story (syndicated, near-duplicate, a republished quote)
        # count once, however many documents and passages carry it.
        supporting_origins=Count(
            "candidates__passage__origin",
            filter=Q(candidates__stance=Stance.SUPPORTS) & standing,
            distinct=True,
        ),
        contradicting_origins=Count(
            "candidates__passage__origin",
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
            queryset=CandidateSource.objects.select_related(
                "passage__document", "passage__origin", "decided_by"
            ).order_by("-score"),
        ),
        Prefetch("events", queryset=TicketEvent.objects.select_related("actor", "candidate")),
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


def text_candidates(*, text: str, limit: int) -> list[dict]:
    """Return the passages the desk would attach for text, best first, with stance, cues and origin."""
    results = []
    for candidate in passage_candidates(
        text=text, limit=limit, min_score=settings.VERIFICATION["MIN_CANDIDATE_SCORE"]
    ):
        label = label_candidate(text, candidate)
        passage = candidate.passage
        results.append(
            {
                "passage_id": passage.pk,
                "document_id": passage.document_id,
                "document": str(passage.document),
                "origin_id": passage.origin_id,
                "origin": str(passage.origin) if passage.origin_id else "",
                "text": passage.text,
                "score": candidate.score,
                "overlap": candidate.overlap,
                "similarity": candidate.similarity,
                "lexical_rank": candidate.lexical_rank,
                "semantic_rank": candidate.semantic_rank,
                "stance": str(label.stance),
                "cues": list(label.cues),
                "shared_terms": list(candidate.shared),
            }
        )
    return results


def candidate_list() -> QuerySet[CandidateSource]:
    """Return candidate sources with their passage, document and decider loaded."""
    return CandidateSource.objects.select_related("passage__document", "passage__origin", "decided_by")
