"""Where WARC records are kept: the "archive" entry of STORAGES (filesystem, or object storage)."""

from __future__ import annotations

from django.core.files.storage import Storage, storages


def archive_storage() -> Storage:
    """Return the storage that holds archived copies."""
    return storages["archive"]
