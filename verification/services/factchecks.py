"""Store other fact-checkers' verdicts and match them to tickets the way lookup by text matches."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from verification import selectors
from verification.factchecks import FactCheckRecord
from verification.models import FactCheckMatch, KnownFactCheck, Ticket

# A fact-check is shown on at most this many tickets, and a ticket shows at most this many fact-checks.
MATCH_LIMIT = 5


@dataclass(frozen=True)
class ImportOutcome:
    """What an import did: fact-checks new and refreshed, and the ticket matches it found."""

    created: int
    updated: int
    matches: int


@transaction.atomic
def factchecks_store(*, records: Iterable[FactCheckRecord]) -> list[KnownFactCheck]:
    """Store each fact-check (its URL names it; a re-import refreshes it) and match it to tickets."""
    stored = []
    for record in records:
        factcheck, _ = KnownFactCheck.objects.update_or_create(
            url=record.url,
            defaults={
                "claim_text": record.claim_text,
                "claimant": record.claimant,
                "rating": record.rating,
                "author": record.author,
                "reviewed_on": record.reviewed_on,
            },
        )
        stored.append(factcheck)
        _match(factcheck)
    return stored


@transaction.atomic
def factchecks_import(*, records: list[FactCheckRecord]) -> ImportOutcome:
    """Import a file's or feed's fact-checks and match them against every ticket."""
    known = set(KnownFactCheck.objects.filter(url__in=[r.url for r in records]).values_list("url", flat=True))
    stored = factchecks_store(records=records)
    matches = FactCheckMatch.objects.filter(factcheck__in=stored).count()
    created = len({f.url for f in stored} - known)
    return ImportOutcome(created=created, updated=len(stored) - created, matches=matches)


@transaction.atomic
def tickets_match_factchecks(*, ticket_ids: list[int]) -> int:
    """Match new tickets against the known fact-checks; return how many matches were stored."""
    if not ticket_ids or not KnownFactCheck.objects.exists():
        return 0
    count = 0
    for ticket in Ticket.objects.filter(pk__in=ticket_ids).only("pk", "claim_text"):
        for match in selectors.factchecks_by_text(
            text=ticket.claim_text, limit=MATCH_LIMIT, min_similarity=_threshold()
        ):
            _store_match(ticket_id=ticket.pk, factcheck_id=match.item.pk, similarity=match.score)
            count += 1
    return count


def _match(factcheck: KnownFactCheck) -> None:
    """Store the tickets lookup by text finds for the fact-check's claim."""
    for match in selectors.tickets_by_text(
        text=factcheck.claim_text, limit=MATCH_LIMIT, min_similarity=_threshold()
    ):
        _store_match(ticket_id=match.item.pk, factcheck_id=factcheck.pk, similarity=match.score)


def _store_match(*, ticket_id: int, factcheck_id: int, similarity: float) -> None:
    FactCheckMatch.objects.update_or_create(
        ticket_id=ticket_id, factcheck_id=factcheck_id, defaults={"similarity": similarity}
    )


def _threshold() -> float:
    return settings.VERIFICATION_FACTCHECK_MIN_SIMILARITY
