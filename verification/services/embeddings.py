"""Embed passages for semantic search; a no-op where the `semantic` extra or pgvector is missing."""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Q

from verification.models import Passage, PassageEmbedding
from verification.search import semantic_enabled
from verification.search.semantic import embed, embedding_text, encoder_version

BATCH = 256


def passages_embed(
    *,
    document_id: int | None = None,
    passage_ids: list[int] | None = None,
    limit: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Embed the passages (of a document, the given ones, or all) lacking an embedding by this encoder.

    A passage embedded by another encoder (before a retraining) is embedded again; returns how many.
    """
    if not semantic_enabled():
        return 0
    version = encoder_version()
    outdated = Q(embedding__isnull=True) | ~Q(embedding__encoder=version)
    pending = Passage.objects.filter(outdated).order_by("pk")
    if document_id is not None:
        pending = pending.filter(document_id=document_id)
    if passage_ids is not None:
        pending = pending.filter(pk__in=passage_ids)
    ids = list(
        pending.values_list("pk", flat=True)[:limit] if limit else pending.values_list("pk", flat=True)
    )
    done = 0
    for start in range(0, len(ids), BATCH):
        batch = list(
            Passage.objects.filter(pk__in=ids[start : start + BATCH]).values_list(
                "pk", "text", "document__title"
            )
        )
        vectors = embed([embedding_text(title=title, text=text) for _, text, title in batch])
        # A concurrent or redelivered run that got there first wrote the same vector; a vector by
        # another encoder is replaced.
        PassageEmbedding.objects.bulk_create(
            [
                PassageEmbedding(passage_id=pk, vector=vector, encoder=version)
                for (pk, _, _), vector in zip(batch, vectors, strict=True)
            ],
            update_conflicts=True,
            unique_fields=["passage"],
            update_fields=["vector", "encoder"],
        )
        done += len(batch)
        if progress:
            progress(len(batch))
    return done
