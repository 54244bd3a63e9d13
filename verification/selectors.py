"""Reads shared by the admin, the API and the tasks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.conf import settings
from django.contrib.postgres.search import SearchRank
from django.db.models import Count, F, Prefetch, Q, QuerySet

from verification.choices import STANDING_DECISIONS, Decision, EventKind, Stance, TicketStatus
from verification.claimreview import ClaimAppearance, Publisher, ReviewedClaim
from verification.models import (
    Appearance,
    CandidateSource,
    JobRun,
    Passage,
    Ticket,
    TicketEvent,
    WebhookDelivery,
    WebhookEndpoint,
)
from verification.search import Match, best_matches, overlap, passage_candidates
from verification.search.retrieval import TsvectorToArray, any_of
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
    )


def ticket_detail() -> QuerySet[Ticket]:
    """Return tickets with appearances, candidates and history prefetched, for one ticket's page."""
    return ticket_list().prefetch_related(
        Prefetch("appearances", queryset=Appearance.objects.select_related("document")),
        Prefetch(
            "candidates",
            queryset=CandidateSource.objects.select_related(
                "passage__document", "passage__origin", "decided_by", "stance_corrected_by"
            ).order_by("-score"),
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


def text_candidates(*, text: str, limit: int) -> list[dict]:
    """Return the passages the desk would attach for text, best first, with stance, cues and origin."""
    results = []
    found = passage_candidates(text=text, limit=limit, min_score=settings.VERIFICATION["MIN_CANDIDATE_SCORE"])
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
    return CandidateSource.objects.select_related("passage__document", "decided_by", "stance_corrected_by")


def last_status_change(ticket: Ticket) -> TicketEvent | None:
    """Return the ticket's latest status change from its prefetched history (newest first)."""
    return next((e for e in ticket.events.all() if e.kind == EventKind.STATUS_CHANGE), None)


def job_runs_visible_to(user) -> QuerySet[JobRun]:
    """Return the job runs user may see: all with the view permission, else the ones they asked for."""
    runs = JobRun.objects.all()
    return runs if user.has_perm("verification.view_jobrun") else runs.filter(requested_by=user)


def webhook_endpoints_of(user) -> QuerySet[WebhookEndpoint]:
    """Return the webhook endpoints user manages: their own, or all of them for a superuser."""
    endpoints = WebhookEndpoint.objects.all()
    return endpoints if user.is_superuser else endpoints.filter(owner=user)


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
    conf = settings.VERIFICATION_CLAIMREVIEW
    return Publisher(name=conf["PUBLISHER_NAME"], site_url=conf["SITE_URL"], review_url=conf["REVIEW_URL"])


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
