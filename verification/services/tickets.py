"""Open a ticket per distinct claim of a document, or add an appearance to the existing one.

Sameness (docs/extraction.md): an equal fingerprint first (``claim_key``); else the
tickets PostgreSQL full-text search proposes whose claim shares enough word stems
(Dice >= ``SAME_CLAIM_MIN_OVERLAP``) and keeps the same numbers and polarity.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from verification.extraction import ClaimCandidate, extract_claims
from verification.extraction.sameness import claim_key, keeps_facts
from verification.models import Appearance, Document, Ticket
from verification.search import best_matches

from .jobs import enqueue_corroboration

# How many similar tickets full-text search proposes for one claim.
SAME_CLAIM_POOL = 5


@transaction.atomic
def tickets_open_for_document(*, document: Document) -> list[Ticket]:
    """Extract the document's claims; return the tickets it opened (seen-before claims gain an appearance)."""
    threshold = settings.VERIFICATION["CHECKWORTHINESS_THRESHOLD"]
    opened = []
    for candidate in extract_claims(document.text, threshold=threshold):
        ticket, created = ticket_for_claim(candidate=candidate)
        Appearance.objects.get_or_create(
            document=document,
            start=candidate.start,
            defaults={
                "ticket": ticket,
                "end": candidate.end,
                "claimant": candidate.claimant or "",
                "hedges": list(candidate.hedges),
            },
        )
        if created:
            opened.append(ticket)
    enqueue_corroboration(t.pk for t in opened)
    return opened


def ticket_for_claim(*, candidate: ClaimCandidate) -> tuple[Ticket, bool]:
    """Return the ticket of the same claim (equal, or reworded) or a new one, and whether it is new."""
    key = claim_key(candidate.text)
    existing = Ticket.objects.filter(claim_key=key).first() or reworded_ticket(text=candidate.text)
    if existing:
        return existing, False
    return Ticket.objects.get_or_create(
        claim_key=key,
        defaults={
            "claim_text": candidate.text,
            "claimant": candidate.claimant or "",
            "hedges": list(candidate.hedges),
            "checkworthiness": candidate.score,
            "score_reasons": [
                {"feature": r.feature, "weight": r.weight, "evidence": r.evidence} for r in candidate.reasons
            ],
        },
    )


def reworded_ticket(*, text: str) -> Ticket | None:
    """Return the ticket whose claim says what text says in other words, or None."""
    matches = best_matches(
        Ticket.objects.all(),
        text=text,
        limit=SAME_CLAIM_POOL,
        min_score=settings.VERIFICATION["SAME_CLAIM_MIN_OVERLAP"],
    )
    return next((match.item for match in matches if keeps_facts(text, match.item.claim_text)), None)
