"""Keep the raw response of every fetched page as a WARC record, with its hash and fetch time."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.files.base import ContentFile

from verification.archive import warc_record
from verification.archive.storage import archive_storage
from verification.fetching import Fetched
from verification.models import ArchivedPage


@contextmanager
def page_archive(*, fetched: Fetched, source_id: int | None = None) -> Iterator[ArchivedPage]:
    """Store the response's WARC record and its row; wrap the caller's transaction, so that the file
    goes again when the block fails (no half-stored copy, no orphan record)."""
    digest = hashlib.sha256(fetched.body).hexdigest()
    record = warc_record(
        url=fetched.final_url,
        status=fetched.status,
        headers=fetched.headers,
        body=fetched.body,
        fetched_at=fetched.fetched_at,
    )
    storage = archive_storage()
    name = storage.save(
        f"{fetched.fetched_at:%Y/%m/%d}/{digest[:16]}-{uuid.uuid4().hex[:8]}.warc.gz", ContentFile(record)
    )
    try:
        yield ArchivedPage.objects.create(
            url=fetched.url,
            final_url=fetched.final_url,
            status=fetched.status,
            content_type=fetched.header("Content-Type")[:200],
            sha256=digest,
            size=len(fetched.body),
            fetched_at=fetched.fetched_at,
            warc_path=name,
            source_id=source_id,
        )
    except BaseException:
        storage.delete(name)
        raise
