"""Open a ticket per distinct claim of a document, or add an appearance to the existing one.

Sameness (docs/extraction.md): an equal fingerprint first (``claim_key``); else the
tickets PostgreSQL full-text search proposes whose claim shares enough word stems
(Dice >= ``SAME_CLAIM_MIN_OVERLAP``) and keeps the same numbers and polarity.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import transaction
from django.db.models import F

from verification.extraction import ClaimCandidate, extract_claims
from verification.extraction.sameness import claim_key, keeps_facts
from verification.models import Appearance, Document, Ticket
from verification.search.ranking import rank
from verification.search.retrieval import TsvectorToArray, text_lexemes

from .dispatch import corroboration_dispatch

# Full-text search ranks the tickets sharing any stem and re-ranks this many by overlap; a
# rewording shares most stems, so it ranks near the top and a small pool keeps ingest cheap.
SAME_CLAIM_POOL = 10


@transaction.atomic
def tickets_open_for_document(*, document: Document) -> list[Ticket]:
    """Extract the document's claims; return the tickets it opened (seen-before claims gain an appearance)."""
    threshold = settings.VERIFICATION_CHECKWORTHINESS_THRESHOLD
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
    corroboration_dispatch(ticket_ids=[t.pk for t in opened])
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
                {"feature": r.feature, "weight": r.weight, "evidence": r.evidence, "says": r.says}
                for r in candidate.reasons
            ],
        },
    )


def reworded_ticket(*, text: str) -> Ticket | None:
    """Return the ticket whose claim says what text says in other words, or None."""
    lexemes = text_lexemes(text)
    if not lexemes:
        return None
    # One raw tsquery ("'a' | 'b' | …") rather than a chain of query objects: Django compiles
    # a chain of dozens of combined expressions slower than PostgreSQL runs the search.
    query = SearchQuery(" | ".join(_quoted(lexeme) for lexeme in lexemes), search_type="raw", config="simple")
    rows = (
        Ticket.objects.filter(search_vector=query)
        .annotate(search_rank=SearchRank(F("search_vector"), query), stems=TsvectorToArray("search_vector"))
        .order_by("-search_rank", "pk")
        .only("pk", "claim_text")[:SAME_CLAIM_POOL]
    )
    matches = rank(
        lexemes,
        [(row, row.stems) for row in rows],
        min_score=settings.VERIFICATION_SAME_CLAIM_MIN_OVERLAP,
    )
    found = next((match.item for match in matches if keeps_facts(text, match.item.claim_text)), None)
    # Re-read in full: the search loaded only what sameness needs.
    return Ticket.objects.get(pk=found.pk) if found else None


def _quoted(lexeme: str) -> str:
    """Return lexeme as a quoted tsquery operand."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"
