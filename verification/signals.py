"""Keep the API's cached reads and token owners in step with every saved or deleted row.

Row-by-row saves and deletes are caught here; the services that write in bulk (bulk_create,
queryset update) call verification.hotcache.tickets_invalidate themselves.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save
from rest_framework.authtoken.models import Token

from verification import hotcache
from verification.models import Appearance, CandidateSource, Document, FactCheckMatch, Ticket, TicketEvent


def ticket_changed(sender, instance, created=False, **kwargs) -> None:
    """Make the ticket's cached status stale, and every cached lookup by text (which may now find it)."""
    if created:  # a new ticket has no cached status read yet (a 404 is never cached)
        hotcache.lookups_invalidate()
    else:
        hotcache.tickets_invalidate([instance.pk])


def part_changed(sender, instance, **kwargs) -> None:
    """Make stale the cached reads of the ticket this appearance, candidate, event or match belongs to."""
    hotcache.tickets_invalidate([instance.ticket_id])


def document_changed(sender, instance, created=False, update_fields=None, **kwargs) -> None:
    """Make stale the tickets that show this document (its title, publisher, URL, date)."""
    if created:
        return  # a new document is in no status read yet
    if update_fields is not None and set(update_fields) <= {"origin"}:
        return  # status reads count the passages' origins, not the document's
    hotcache.tickets_invalidate(
        [
            *Appearance.objects.filter(document_id=instance.pk).values_list("ticket_id", flat=True),
            *CandidateSource.objects.filter(passage__document_id=instance.pk).values_list(
                "ticket_id", flat=True
            ),
        ]
    )


def token_deleted(sender, instance, **kwargs) -> None:
    """Forget the deleted token's cached owner, so it stops authenticating at once."""
    hotcache.tokens_forget([instance.key])


def user_changed(sender, instance, created=False, **kwargs) -> None:
    """Forget the cached owner of the user's token (deactivated, renamed, made staff)."""
    if not created:
        hotcache.tokens_forget(Token.objects.filter(user_id=instance.pk).values_list("key", flat=True))


def connect() -> None:
    """Connect the receivers (called once, from the app's ready())."""
    for model in (Appearance, CandidateSource, TicketEvent, FactCheckMatch):
        post_save.connect(part_changed, sender=model, dispatch_uid=f"hot-{model.__name__}-save")
        post_delete.connect(part_changed, sender=model, dispatch_uid=f"hot-{model.__name__}-delete")
    post_save.connect(ticket_changed, sender=Ticket, dispatch_uid="hot-ticket-save")
    post_delete.connect(ticket_changed, sender=Ticket, dispatch_uid="hot-ticket-delete")
    post_save.connect(document_changed, sender=Document, dispatch_uid="hot-document-save")
    post_delete.connect(token_deleted, sender=Token, dispatch_uid="hot-token-delete")
    post_save.connect(user_changed, sender=get_user_model(), dispatch_uid="hot-user-save")
