"""Open a ticket per distinct claim of a document, or add an appearance to the existing one."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from django.conf import settings
from django.db import transaction

from verification.extraction import extract_claims
from verification.models import Appearance, Document, Ticket

from .jobs import enqueue_corroboration

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_NOT_WORD = re.compile(r"[^\w]+")


def claim_key(text: str) -> str:
    """Return the fingerprint under which the same claim, however punctuated or cased, is one ticket."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return hashlib.sha256(_NOT_WORD.sub(" ", folded).strip().encode("utf-8")).hexdigest()


@transaction.atomic
def tickets_open_for_document(*, document: Document) -> list[Ticket]:
    """Extract the document's claims; return the tickets it opened (seen-before claims gain an appearance)."""
    threshold = settings.VERIFICATION["CHECKWORTHINESS_THRESHOLD"]
    opened = []
    for candidate in extract_claims(document.text, threshold=threshold):
        ticket, created = Ticket.objects.get_or_create(
            claim_key=claim_key(candidate.text),
            defaults={
                "claim_text": candidate.text,
                "claimant": candidate.claimant or "",
                "hedges": list(candidate.hedges),
                "checkworthiness": candidate.score,
                "score_reasons": [
                    {"feature": r.feature, "weight": r.weight, "evidence": r.evidence}
                    for r in candidate.reasons
                ],
            },
        )
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
