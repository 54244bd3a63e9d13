"""Reads shared by the admin, the API and the tasks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Substr

from verification import roles
from verification.choices import (
    STANDING_DECISIONS,
    Decision,
    EventKind,
    JobKind,
    JobStatus,
    Stance,
    TicketStatus,
)
from verification.claimreview import ClaimAppearance, Publisher, ReviewedClaim
from verification.models import (
    Appearance,
    ArchivedPage,
    CandidateSource,
    FactCheckMatch,
    JobRun,
    KnownFactCheck,
    OutboxMessage,
    Passage,
    Ticket,
    TicketEvent,
    WebhookDelivery,
    WebhookEndpoint,
)
from verification.search import Match, best_matches, overlap, passage_candidates
from verification.search.retrieval import TsvectorToArray, full_text_ranking
from verification.stance.decide import decide_candidates
from verification.stance.labels import LabelledPair
from verification.stance.predictor import stance_predictor


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
        # Another desk already checked this claim (a known fact-check matched it).
        has_factcheck=Exists(FactCheckMatch.objects.filter(ticket=OuterRef("pk"))),
    )


def with_archived_copy(candidates: QuerySet[CandidateSource]) -> QuerySet[CandidateSource]:
    """Annotate each candidate with the id of its document's latest archived copy (None if not fetched)."""
    latest = ArchivedPage.objects.filter(document=OuterRef("passage__document")).order_by(
        "-fetched_at", "-pk"
    )
    return candidates.annotate(
        archived_page_id=Subquery(latest.values("pk")[:1]),
        archived_at=Subquery(latest.values("fetched_at")[:1]),
    )


def ticket_detail() -> QuerySet[Ticket]:
    """Return tickets with appearances, candidates and history prefetched, for one ticket's page."""
    return ticket_list().prefetch_related(
        Prefetch("appearances", queryset=Appearance.objects.select_related("document")),
        Prefetch(
            "candidates",
            queryset=with_archived_copy(
                CandidateSource.objects.select_related(
                    "passage__document", "passage__origin", "decided_by", "stance_corrected_by"
                )
            ).order_by("-score"),
        ),
        Prefetch("factcheck_matches", queryset=FactCheckMatch.objects.select_related("factcheck")),
        Prefetch("events", queryset=TicketEvent.objects.select_related("actor", "assignee", "candidate")),
    )


# The ticket columns a status read shows (TicketSerializer's fields); the stored tsvector and the
# scoring internals stay in the database.
STATUS_TICKET_FIELDS = [
    "id",
    "claim_text",
    "claimant",
    "hedges",
    "status",
    "version",
    "checkworthiness",
    "score_reasons",
    "last_corroborated_at",
    "status_changed_at",
    "created_at",
    "updated_at",
]


def ticket_status() -> QuerySet[Ticket]:
    """Return tickets prefetched for a status read: only the columns it shows, no document bodies."""
    appearances = (
        Appearance.objects.select_related("document")
        .only(
            "ticket_id",
            "document_id",
            "start",
            "end",
            "claimant",
            "hedges",
            "document__title",
            "document__publisher",
            "document__url",
            "document__published_on",
        )
        # The claim as written, cut out by PostgreSQL, so the article's text never leaves the database.
        .annotate(span_text=Substr("document__text", F("start") + 1, F("end") - F("start")))
    )
    candidates = with_archived_copy(
        CandidateSource.objects.select_related("passage__document", "decided_by", "stance_corrected_by")
        .only(
            "ticket_id",
            "passage_id",
            "score",
            "matched_terms",
            "stance",
            "machine_stance",
            "stance_confidence",
            "stance_sentence",
            "agreeing_facts",
            "clashing_facts",
            "stance_cues",
            "stance_corrected_at",
            "decision",
            "decided_at",
            "passage__text",
            "passage__document_id",
            "passage__document__title",
            "decided_by__username",
            "stance_corrected_by__username",
        )
        .order_by("-score")
    )
    events = TicketEvent.objects.select_related("actor").only(
        "ticket_id",
        "kind",
        "from_status",
        "to_status",
        "candidate_id",
        "decision",
        "from_stance",
        "to_stance",
        "rationale",
        "created_at",
        "actor__username",
    )
    return (
        ticket_list()
        .only(*STATUS_TICKET_FIELDS)
        .prefetch_related(
            Prefetch("appearances", queryset=appearances),
            Prefetch("candidates", queryset=candidates),
            Prefetch("factcheck_matches", queryset=FactCheckMatch.objects.select_related("factcheck")),
            Prefetch("events", queryset=events),
        )
    )


def accepted_candidates(ticket: Ticket) -> list[CandidateSource]:
    """Return the ticket's accepted candidates from its prefetched candidates."""
    return [c for c in ticket.candidates.all() if c.decision == Decision.ACCEPTED]


def tickets_by_text(*, text: str, limit: int = 5, min_similarity: float = 0.2) -> list[Match[Ticket]]:
    """Return the tickets whose claims best match text, open ones included, with their similarity."""
    return best_matches(ticket_list(), text=text, limit=limit, min_score=min_similarity)


def factchecks_by_text(
    *, text: str, limit: int = 5, min_similarity: float = 0.2
) -> list[Match[KnownFactCheck]]:
    """Return the known fact-checks whose claims best match text, scored as lookup by text scores tickets."""
    return best_matches(KnownFactCheck.objects.all(), text=text, limit=limit, min_score=min_similarity)


def open_ticket_ids_bearing_on(
    *, document_id: int, per_passage: int | None = None, limit: int | None = None
) -> list[int]:
    """Return ids of unverified tickets from other documents that some passage of this document matches.

    Reverse search on the tickets' own index: each passage finds its best per_passage open tickets
    (VERIFICATION_RECHECK_PER_PASSAGE), and a ticket counts only when one passage alone would be a
    candidate for it (MIN_CANDIDATE_SCORE, the same measure as corroboration). At most
    min(passages x per_passage, limit) tickets come back (VERIFICATION_RECHECK_MAX_TICKETS), the
    closest first, whatever the number of open tickets.
    """
    per_passage = per_passage or settings.VERIFICATION_RECHECK_PER_PASSAGE
    limit = limit or settings.VERIFICATION_RECHECK_MAX_TICKETS
    passage_stems = [
        list(stems)
        for stems in Passage.objects.filter(document_id=document_id)
        .annotate(stems=TsvectorToArray("search_vector"))
        .values_list("stems", flat=True)
        if stems
    ]
    open_tickets = Ticket.objects.filter(status=TicketStatus.UNVERIFIED).exclude(
        appearances__document_id=document_id
    )
    pooled: dict[int, list[list[str]]] = {}
    for stems in passage_stems:
        # Two shared stems at least: a ticket sharing one word with a sentence is not worth a run.
        ranked = full_text_ranking(
            lexemes=stems, excluded=[], pool=per_passage, queryset=open_tickets, one_stem_fallback=False
        )
        for pk in ranked:
            pooled.setdefault(pk, []).append(stems)
    if not pooled:
        return []
    ticket_stems = dict(
        Ticket.objects.filter(pk__in=list(pooled))
        .annotate(stems=TsvectorToArray("search_vector"))
        .values_list("pk", "stems")
    )
    min_score = settings.VERIFICATION_MIN_CANDIDATE_SCORE
    best = {
        pk: max(overlap(ticket_stems.get(pk) or [], passage)[0] for passage in passages)
        for pk, passages in pooled.items()
    }
    bearing = sorted((pk for pk, score in best.items() if score >= min_score), key=lambda pk: (-best[pk], pk))
    return bearing[:limit]


def tickets_awaiting_corroboration(*, ticket_ids: list[int]) -> set[int]:
    """Return which of the tickets already have a corroboration run queued and not yet started."""
    return set(
        JobRun.objects.filter(
            kind=JobKind.CORROBORATE_TICKET, status=JobStatus.QUEUED, ticket_id__in=ticket_ids
        ).values_list("ticket_id", flat=True)
    )


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
    found = passage_candidates(text=text, limit=limit, min_score=settings.VERIFICATION_MIN_CANDIDATE_SCORE)
    for candidate, decision in zip(
        found, decide_candidates(text, found, predict=stance_predictor()), strict=True
    ):
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
                "stance": str(decision.stance),
                "stance_confidence": decision.confidence,
                "stance_sentence": decision.sentence,
                "agreeing_facts": list(decision.agreeing),
                "clashing_facts": list(decision.clashing),
                "cues": list(decision.cues),
                "shared_terms": list(candidate.shared),
            }
        )
    return results


def reviewed_stance_labels(*, rejected_as_unrelated: bool = False) -> Iterator[LabelledPair]:
    """Yield each reviewer-judged candidate as a labelled (claim, passage) pair, oldest decision first.

    A corrected stance is the label; an accepted candidate confirms the stance it counted with. A
    rejection without a correction says what the passage is not, not what it is, so it is left
    out unless rejected_as_unrelated (for desks whose reviewers reject only off-topic passages).
    """
    judged = Q(stance_corrected_at__isnull=False) | Q(decision=Decision.ACCEPTED)
    if rejected_as_unrelated:
        judged |= Q(decision=Decision.REJECTED)
    rows = (
        CandidateSource.objects.filter(judged)
        .order_by("pk")
        .values_list(
            "ticket__claim_text", "passage_id", "passage__text", "stance", "decision", "stance_corrected_at"
        )
    )
    for claim, passage_id, text, stance, decision, corrected_at in rows.iterator(chunk_size=1000):
        uncorrected_rejection = decision == Decision.REJECTED and corrected_at is None
        label = Stance.UNRELATED if uncorrected_rejection else Stance(stance)
        yield LabelledPair(claim=claim, body_id=f"passage-{passage_id}", body=text, stance=label)


def candidate_list() -> QuerySet[CandidateSource]:
    """Return candidate sources with their passage, document and decider loaded."""
    return with_archived_copy(
        CandidateSource.objects.select_related("passage__document", "decided_by", "stance_corrected_by")
    )


def last_status_change(ticket: Ticket) -> TicketEvent | None:
    """Return the ticket's latest status change from its prefetched history (newest first)."""
    return next((e for e in ticket.events.all() if e.kind == EventKind.STATUS_CHANGE), None)


def job_runs_visible_to(user) -> QuerySet[JobRun]:
    """Return the job runs user may see: all with the view permission, else the ones they asked for."""
    runs = JobRun.objects.all()
    return runs if user.has_perm(roles.VIEW_ALL_JOB_RUNS) else runs.filter(requested_by=user)


def webhook_endpoints_of(user) -> QuerySet[WebhookEndpoint]:
    """Return the webhook endpoints user manages: their own, or all of them for an overseer."""
    endpoints = WebhookEndpoint.objects.all()
    return endpoints if user.has_perm(roles.OVERSEE_ALL_WEBHOOKS) else endpoints.filter(owner=user)


def webhook_deliveries_for(*, endpoint_id: int) -> QuerySet[WebhookDelivery]:
    """Return the delivery log of one endpoint, newest first."""
    return WebhookDelivery.objects.filter(endpoint_id=endpoint_id)


def claimreview_tickets() -> QuerySet[Ticket]:
    """Return the tickets with a verdict, with what their ClaimReview needs loaded in two more queries."""
    return (
        Ticket.objects.exclude(status=TicketStatus.UNVERIFIED)
        .only("pk", "claim_text", "claimant", "status", "status_changed_at", "updated_at")
        .prefetch_related(
            Prefetch(
                "appearances",
                queryset=Appearance.objects.select_related("document").only(
                    "ticket_id",
                    "seen_at",
                    "document__url",
                    "document__title",
                    "document__publisher",
                    "document__published_on",
                ),
            ),
            Prefetch(
                "events",
                queryset=TicketEvent.objects.filter(kind=EventKind.STATUS_CHANGE).only(
                    "ticket_id", "kind", "rationale", "created_at"
                ),
            ),
        )
        .order_by("pk")
    )


def claimreview_publisher() -> Publisher:
    """Return the publisher of the desk's reviews, as configured."""
    return Publisher(
        name=settings.VERIFICATION_PUBLISHER_NAME,
        site_url=settings.VERIFICATION_SITE_URL,
        review_url=settings.VERIFICATION_REVIEW_URL,
    )


def reviewed_claim(ticket: Ticket) -> ReviewedClaim:
    """Return the plain record a ClaimReview is built from, for a ticket of claimreview_tickets()."""
    change = last_status_change(ticket)
    return ReviewedClaim(
        ticket_id=ticket.pk,
        claim_text=ticket.claim_text,
        claimant=ticket.claimant,
        status=ticket.status,
        reviewed_at=ticket.status_changed_at or ticket.updated_at,
        rationale=change.rationale if change else "",
        appearances=[
            ClaimAppearance(
                url=a.document.url,
                title=a.document.title,
                publisher=a.document.publisher,
                published_on=a.document.published_on,
            )
            for a in ticket.appearances.all()
        ],
    )


def ticket_rows(*, ticket_ids: list[int]) -> list[Ticket]:
    """Return the tickets with their counts and assignee, in the order of ticket_ids (one page of a list)."""
    found = {t.pk: t for t in ticket_list().select_related("assignee").filter(pk__in=ticket_ids)}
    return [found[pk] for pk in ticket_ids if pk in found]


def reviewer_choices() -> QuerySet:
    """Return the active staff who may review tickets (Reviewer or Editor role, or superuser), by name."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(Q(groups__name__in=roles.REVIEWING_GROUPS) | Q(is_superuser=True))
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


def outbox_waiting_count() -> int:
    """Return how many recorded tasks are due but not yet taken by the broker."""
    from django.utils import timezone

    return (
        OutboxMessage.objects.filter(published_at__isnull=True)
        .filter(Q(not_before__isnull=True) | Q(not_before__lte=timezone.now()))
        .count()
    )
