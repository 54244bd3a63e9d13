"""Give each stored document and passage its independent origin, from the shared LSH index."""

from __future__ import annotations

from django.db import connection, transaction

from verification.models import Document, DocumentFingerprint, Origin, Passage
from verification.origins import SAME_ORIGIN_JACCARD, document_fingerprint, quote_key, similarity

# One key for every ingest: assigning origins is serialised, so two copies of one story stored at
# the same moment by two workers cannot both become the first copy.
ORIGIN_LOCK_KEY = 0x0F161


def origin_label(document: Document) -> str:
    """Return a label a reviewer recognises the story by: publisher and title of its first copy."""
    parts = [document.publisher, document.title or document.source_name]
    label = " — ".join(part for part in parts if part) or f"Document {document.pk}"
    if document.published_on:
        label += f" ({document.published_on:%Y-%m-%d})"
    return label[:300]


def nearest_copy(fingerprint) -> tuple[Document | None, float]:
    """Return the stored document the fingerprint most resembles above the threshold, with its similarity."""
    best, best_similarity = None, 0.0
    candidates = DocumentFingerprint.objects.filter(bands__overlap=list(fingerprint.bands)).select_related(
        "document"
    )
    for candidate in candidates:
        estimate = similarity(fingerprint.signature, candidate.signature)
        if estimate >= SAME_ORIGIN_JACCARD and estimate > best_similarity:
            best, best_similarity = candidate.document, estimate
    return best, best_similarity


@transaction.atomic
def document_origin_assign(*, document: Document) -> Origin:
    """Join the document to the origin of the story it copies, or start one; the same for its passages."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ORIGIN_LOCK_KEY])
    fingerprint = document_fingerprint(document.text)
    original = None
    if fingerprint:
        original, _ = nearest_copy(fingerprint)
    origin: Origin
    if original is not None and original.origin is not None:
        origin = original.origin
    else:
        origin = Origin.objects.create(first_document=document, label=origin_label(document))
    document.origin = origin
    document.save(update_fields=["origin"])
    if fingerprint:
        DocumentFingerprint.objects.update_or_create(
            document=document,
            defaults={"signature": list(fingerprint.signature), "bands": list(fingerprint.bands)},
        )
    passages_origin_assign(document=document, origin=origin)
    return origin


def passages_origin_assign(*, document: Document, origin: Origin) -> None:
    """Give each passage the document's origin, or the origin of the quote it republishes."""
    passages = list(Passage.objects.filter(document=document))
    for passage in passages:
        passage.quote_key = quote_key(passage.text)
    keys = {p.quote_key for p in passages if p.quote_key}
    # The first place a quote was seen is its origin; later copies elsewhere count with it.
    quoted: dict[str, int] = {}
    earlier = (
        Passage.objects.filter(quote_key__in=keys, origin__isnull=False)
        .exclude(document=document)
        .order_by("pk")
        .values_list("quote_key", "origin_id")
    )
    for key, origin_id in earlier:
        quoted.setdefault(key, origin_id)
    for passage in passages:
        passage.origin_id = quoted.get(passage.quote_key, origin.pk)
    Passage.objects.bulk_update(passages, ["origin", "quote_key"])
