"""A reviewer's re-extraction of a stored document's claims."""

from __future__ import annotations

from django.contrib.auth.models import User

from verification import roles
from verification.models import Ticket

from .ingest import document_extract
from .locking import permission_require


def document_reextract(*, document_id: int, actor: User | None) -> list[Ticket]:
    """Extract the document's claims again for someone allowed to add documents; return new tickets."""
    permission_require(
        actor=actor,
        permission=roles.ADD_DOCUMENT,
        refusal="You may read documents but not re-extract them; ask an editor for reviewer rights.",
    )
    return document_extract(document_id=document_id)
