"""Score retrieval and stance on labelled data, in a transaction that is rolled back afterwards."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.db import transaction

from verification.evaluation.retrieval import (
    CorpusPassage,
    LabelledClaim,
    RetrievalReport,
    retrieval_metrics,
    stance_metrics,
)
from verification.models import Document, Passage
from verification.search import passage_candidates, semantic_enabled
from verification.search.passages import passage_score
from verification.stance.decide import decide_candidates
from verification.stance.predictor import stance_predictor

from .embeddings import passages_embed

RESULTS = 10


class _RollBack(Exception):
    """Raised to undo the corpus an evaluation loaded."""


def corpus_load(passages: Iterable[CorpusPassage]) -> dict[str, int]:
    """Store the passages as documents (one per article, in passage order); return their ids by passage id."""
    by_article: dict[str, list[CorpusPassage]] = defaultdict(list)
    for passage in passages:
        by_article[passage.article].append(passage)
    ids: dict[str, int] = {}
    for article, members in by_article.items():
        members.sort(key=lambda p: (len(p.passage_id), p.passage_id))
        text, spans = "", []
        for member in members:
            start = len(text)
            text += member.text + " "
            spans.append((member, start, start + len(member.text)))
        digest = hashlib.sha256(f"evaluation\n{article}\n{text}".encode()).hexdigest()
        document = Document.objects.create(
            title=article, source_name="evaluation corpus", original=text, text=text, content_hash=digest
        )
        created = Passage.objects.bulk_create(
            Passage(document=document, ordinal=i, start=start, end=end, text=member.text)
            for i, (member, start, end) in enumerate(spans)
        )
        ids.update({member.passage_id: row.pk for (member, _, _), row in zip(spans, created, strict=True)})
    return ids


def retrieval_evaluate(
    *,
    claims: list[LabelledClaim],
    passages: list[CorpusPassage],
    semantic: bool,
    progress: Callable[[Iterable, str, int], Iterable] = lambda items, _desc, _total: items,
) -> RetrievalReport:
    """Load the corpus, rank passages for every claim, label the gold pairs' stance, then undo the load.

    Documents already in the database are left out of the search, so only the corpus is ranked.
    """
    if semantic and not semantic_enabled():
        raise ValueError("semantic search is not available here")
    mode = "full text + semantic (pgvector HNSW), fused and re-ranked" if semantic else "full text, re-ranked"
    report = RetrievalReport(mode=mode)
    try:
        with transaction.atomic():
            existing = list(Document.objects.values_list("pk", flat=True))
            ids = corpus_load(passages)
            if semantic:
                bar = progress(range(0), "Embedding", len(ids))
                passages_embed(progress=getattr(bar, "update", None))
            passage_id_of = {pk: pid for pid, pk in ids.items()}
            reader = stance_predictor()

            def ranked(claim: LabelledClaim) -> list[str]:
                found = passage_candidates(
                    text=claim.text, limit=RESULTS, exclude_document_ids=existing, semantic=semantic
                )
                return [passage_id_of[c.passage.pk] for c in found]

            def predict(claim: LabelledClaim, passage_id: str) -> str:
                if passage_id not in ids:
                    return "missing from the corpus"
                candidate = passage_score(text=claim.text, passage_id=ids[passage_id], semantic=semantic)
                # The desk's own path: the model where it is sure, the event check, the rules.
                return str(decide_candidates(claim.text, [candidate], predict=reader)[0].stance)

            retrieval_metrics(progress(claims, "Ranking", len(claims)), ranked, report)
            stance_metrics(claims, predict, report)
            raise _RollBack
    except _RollBack:
        pass
    return report
