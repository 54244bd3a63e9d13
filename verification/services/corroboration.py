"""Find candidate sources for tickets in every other story, label their stance, attach them once."""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from verification import hotcache, selectors
from verification.choices import Decision, Stance
from verification.models import CandidateSource, Document, Passage, Ticket
from verification.search import Candidate, passage_candidates
from verification.search.passages import passage_score
from verification.stance import polarity_cues
from verification.stance.decide import decide_candidates, document_text
from verification.stance.events import event_check
from verification.stance.predictor import stance_predictor

from .dispatch import corroboration_dispatch
from .embeddings import passages_embed

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CorroborationOutcome:
    """What one corroboration run did for a ticket."""

    ticket_id: int
    attached: int
    refreshed: int

    def as_result(self) -> dict:
        """Return the outcome as a job run's result."""
        return asdict(self)


def _own_denials(ticket: Ticket, own_documents: list[int], claim_context: str) -> list[Candidate]:
    """Return passages of the claim's own documents that deny it (a report quoting the other side)."""
    own_spans = set(ticket.appearances.values_list("document_id", "start"))
    found = []
    for passage in Passage.objects.filter(document_id__in=own_documents).select_related("document"):
        if (passage.document_id, passage.start) in own_spans or not polarity_cues(passage.text):
            continue
        check = event_check(ticket.claim_text, passage.text, claim_context=claim_context)
        if check.denial:
            found.append(passage_score(text=ticket.claim_text, passage_id=passage.pk, semantic=False))
    return found


def _both_sides(rows: list[CandidateSource], texts: dict[int, str]) -> None:
    """Add to each candidate the passages of its document that take the other side, quoted."""
    by_document: dict[int, list[CandidateSource]] = {}
    for row in rows:
        by_document.setdefault(row.passage.document_id, []).append(row)
    sides = {Stance.SUPPORTS, Stance.DISCUSSES, Stance.CONTRADICTS}
    for group in by_document.values():
        for row in group:
            for other in group:
                opposite = (row.stance == Stance.CONTRADICTS) != (other.stance == Stance.CONTRADICTS)
                if other is row or not opposite or {row.stance, other.stance} - sides:
                    continue
                verb = "denies it" if other.stance == Stance.CONTRADICTS else f"{other.stance} it"
                row.stance_cues.append(f"the same document also {verb}: “{texts[other.passage_id]}”")


def ticket_candidates(ticket: Ticket) -> list[CandidateSource]:
    """Return unsaved candidate sources for the ticket: other stories' passages, ranked, with stances."""
    own_documents = list(ticket.appearances.values_list("document_id", flat=True))
    own = Document.objects.filter(pk__in=own_documents)
    # A syndicated copy of the claim's own article is not independent evidence for it.
    own_origins = [pk for pk in own.values_list("origin_id", flat=True) if pk]
    found = passage_candidates(
        text=ticket.claim_text,
        limit=settings.VERIFICATION_CANDIDATES_PER_TICKET,
        min_score=settings.VERIFICATION_MIN_CANDIDATE_SCORE,
        exclude_document_ids=own_documents,
        exclude_origin_ids=own_origins,
        claim_date=own.aggregate(first=Min("published_on"))["first"],
    )
    first = own.order_by("pk").first()
    claim_context = document_text(first) if first else ""
    # Its own article may quote the other side ("Russia has maintained…"): a denial is evidence
    # against the claim wherever it is printed, while support must come from another story.
    found += [
        c
        for c in _own_denials(ticket, own_documents, claim_context)
        if c.passage.pk not in {f.passage.pk for f in found}
    ]
    decisions = decide_candidates(
        ticket.claim_text, found, claim_context=claim_context, predict=stance_predictor()
    )
    rows, sentences = [], {}
    for candidate, decision in zip(found, decisions, strict=True):
        sentences[candidate.passage.pk] = decision.sentence
        rows.append(
            CandidateSource(
                ticket_id=ticket.pk,
                passage=candidate.passage,
                score=candidate.score,
                matched_terms=list(candidate.shared),
                stance=decision.stance,
                machine_stance=decision.stance,
                stance_confidence=decision.confidence,
                stance_sentence=decision.sentence,
                agreeing_facts=list(decision.agreeing),
                clashing_facts=list(decision.clashing),
                stance_cues=list(decision.cues),
            )
        )
    _both_sides(rows, sentences)
    return rows


def ticket_corroborate(*, ticket_id: int) -> CorroborationOutcome:
    """Search other stories' passages for the ticket's claim and attach the best as candidates."""
    ticket = Ticket.objects.get(pk=ticket_id)
    rows = ticket_candidates(ticket)
    with transaction.atomic():
        # The ticket lock serialises this run with reviewers' decisions on the same ticket.
        list(Ticket.objects.select_for_update().filter(pk=ticket.pk).values_list("pk"))
        existing = dict(
            CandidateSource.objects.filter(
                ticket_id=ticket.pk, passage_id__in=[r.passage_id for r in rows]
            ).values_list("passage_id", "decision")
        )
        corrected = set(
            CandidateSource.objects.filter(
                ticket_id=ticket.pk,
                passage_id__in=[r.passage_id for r in rows],
                stance_corrected_at__isnull=False,
            ).values_list("passage_id", flat=True)
        )
        # A decided candidate keeps the stance and score the reviewer saw when deciding, and a
        # stance a reviewer corrected is never overwritten by the machine.
        undecided = [
            r
            for r in rows
            if existing.get(r.passage_id, Decision.PENDING) == Decision.PENDING
            and r.passage_id not in corrected
        ]
        # The unique (ticket, passage) constraint makes a redelivered task refresh rather than duplicate.
        CandidateSource.objects.bulk_create(
            undecided,
            update_conflicts=True,
            unique_fields=["ticket", "passage"],
            update_fields=[
                "score",
                "matched_terms",
                "stance",
                "stance_cues",
                "machine_stance",
                "stance_confidence",
                "stance_sentence",
                "agreeing_facts",
                "clashing_facts",
                "refreshed_at",
            ],
        )
        Ticket.objects.filter(pk=ticket.pk).update(last_corroborated_at=timezone.now())
        # Bulk writes send no signals: the ticket's cached status read is made stale here.
        hotcache.tickets_invalidate([ticket.pk])
    new = len(rows) - len(existing)
    outcome = CorroborationOutcome(ticket_id=ticket.pk, attached=new, refreshed=len(undecided) - new)
    logger.info(
        "corroborated ticket %s: %s new, %s refreshed", ticket.pk, outcome.attached, outcome.refreshed
    )
    return outcome


def document_recheck_open_tickets(*, document_id: int) -> dict:
    """Embed a new document's passages, then queue corroboration of the open tickets it bears on.

    The tickets come from reverse search (selectors.open_ticket_ids_bearing_on, bounded by
    VERIFICATION_RECHECK_MAX_TICKETS); a ticket whose corroboration is already queued and not yet
    started is not queued again, since that run will see this document too.
    """
    embedded = passages_embed(document_id=document_id)
    with transaction.atomic():
        bearing = selectors.open_ticket_ids_bearing_on(document_id=document_id)
        waiting = selectors.tickets_awaiting_corroboration(ticket_ids=bearing)
        ticket_ids = [pk for pk in bearing if pk not in waiting]
        corroboration_dispatch(ticket_ids=ticket_ids)
    return {
        "document_id": document_id,
        "embedded": embedded,
        "queued": ticket_ids,
        "already_queued": len(bearing) - len(ticket_ids),
    }


@transaction.atomic
def tickets_recorroborate(*, ticket_ids: list[int]) -> int:
    """Queue corroboration for the given tickets (a reviewer's re-run); return how many were queued."""
    # A person waits for these: the interactive queue, never behind the bulk re-checks.
    corroboration_dispatch(ticket_ids=ticket_ids, interactive=True)
    return len(ticket_ids)


@transaction.atomic
def stale_tickets_enqueue() -> list[int]:
    """Queue corroboration for the stalest open tickets, at most STALE_BATCH of them per run."""
    ticket_ids = selectors.stale_ticket_ids(
        older_than=timezone.now() - settings.VERIFICATION_STALE_AFTER, limit=settings.VERIFICATION_STALE_BATCH
    )
    corroboration_dispatch(ticket_ids=ticket_ids)
    return ticket_ids
