"""Score fact-check matching with the desk's own lookup, on fact-checks loaded in a rolled-back
transaction."""

from __future__ import annotations

from django.db import transaction

from verification import selectors
from verification.evaluation.factchecks import (
    MatchingReport,
    MatchingSet,
    matching_row,
    word_overlap_ranking,
)
from verification.models import KnownFactCheck


class _RollBack(Exception):
    """Raised to undo the fact-checks an evaluation loaded."""


def factcheck_matching_evaluate(
    *,
    data: MatchingSet,
    threshold: float,
) -> MatchingReport:
    """Rank the fact-checks for every query with the desk's lookup and with word overlap; undo the load."""
    report = MatchingReport(
        factchecks=len(data.factchecks),
        positives=sum(gold is not None for _, gold in data.queries),
        negatives=sum(gold is None for _, gold in data.queries),
    )
    try:
        with transaction.atomic():
            # Only the loaded fact-checks are searched: the ones already known are set aside first.
            existing = list(KnownFactCheck.objects.values_list("pk", flat=True))
            rows = KnownFactCheck.objects.bulk_create(
                KnownFactCheck(
                    claim_text=text, rating="evaluation", author="evaluation", url=f"https://eval.invalid/{fid}"
                )
                for fid, text in data.factchecks
            )
            story_of = {row.pk: fid for row, (fid, _) in zip(rows, data.factchecks, strict=True)}

            def desk(query: str) -> list[tuple[str, float]]:
                matches = selectors.factchecks_by_text(text=query, limit=10, min_similarity=0.0)
                return [(story_of[m.item.pk], m.score) for m in matches if m.item.pk not in existing]

            queries = data.queries
            report.rows.append(matching_row("desk lookup (stems, Dice)", queries, desk, threshold=threshold))
            report.rows.append(matching_row("desk lookup, best threshold", queries, desk, threshold=None))
            raise _RollBack
    except _RollBack:
        pass
    baseline = word_overlap_ranking(data.factchecks)
    report.rows.append(
        matching_row("word overlap (Jaccard), best thresh.", data.queries, baseline, threshold=None)
    )
    return report
