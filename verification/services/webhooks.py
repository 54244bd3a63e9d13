"""Webhooks: register endpoints, record a delivery per listening endpoint when a ticket changes, send them."""

from __future__ import annotations

import contextlib
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from verification.choices import Decision, DeliveryStatus, EventKind, WebhookEvent
from verification.errors import DomainError
from verification.fetching import (
    FetchFailed,
    HostNotFound,
    UnsafeAddress,
    fetch_allowed_hosts,
    guarded_request,
    public_target,
)
from verification.models import TicketEvent, WebhookDelivery, WebhookEndpoint
from verification.webhooks import SIGNATURE_HEADER, body_bytes, signature

from .dispatch import webhook_backoff, webhook_delivery_dispatch

USER_AGENT = "VerificationDesk-Webhooks/1"


class DeliveryFailed(Exception):
    """A delivery attempt got no 2xx answer; the task retries it with backoff."""


def _checked(url: str, events: list[str] | None) -> list[str]:
    """Refuse a URL or events the desk cannot deliver to; return the events, all of them by default."""
    scheme = url.split(":", 1)[0].lower()
    if scheme not in ("http", "https"):
        raise DomainError(f"Webhooks are sent over HTTP; register an https:// URL, not {scheme}://.")
    if settings.VERIFICATION_WEBHOOK_REQUIRE_HTTPS and scheme != "https":
        raise DomainError("Webhook endpoints must use https:// here; register an https URL.")
    # Refused at registration so a client learns at once; checked again at each delivery, since
    # the name may resolve elsewhere by then (and one that does not resolve yet is judged there).
    with contextlib.suppress(HostNotFound):
        public_target(url, allowed_hosts=fetch_allowed_hosts())
    unknown = sorted(set(events or []) - set(WebhookEvent.values))
    if unknown:
        raise DomainError(f"Unknown events {unknown}; choose from {', '.join(WebhookEvent.values)}.")
    return [event for event in WebhookEvent.values if not events or event in events]


def webhook_endpoint_create(
    *, owner, url: str, events: list[str] | None = None, active: bool = True, description: str = ""
) -> WebhookEndpoint:
    """Register an endpoint for owner with a fresh signing secret."""
    return WebhookEndpoint.objects.create(
        owner=owner,
        url=url,
        events=_checked(url, events),
        active=active,
        description=description,
        secret=secrets.token_urlsafe(32),
    )


def webhook_endpoint_update(*, endpoint: WebhookEndpoint, **changes) -> WebhookEndpoint:
    """Change an endpoint's URL, events, activity or description; its secret stays."""
    for name in ("url", "active", "description", "events"):
        if name in changes:
            setattr(endpoint, name, changes[name])
    endpoint.events = _checked(endpoint.url, endpoint.events)
    endpoint.save(update_fields=["url", "events", "active", "description"])
    return endpoint


@transaction.atomic
def webhook_endpoint_delete(*, endpoint_id: int) -> int:
    """Remove an endpoint and its delivery log; return how many deliveries went with it.

    Deliveries still queued find no row when their task runs and are dropped, so nothing is sent
    to a URL its client has unregistered.
    """
    _, removed = WebhookEndpoint.objects.filter(pk=endpoint_id).delete()
    if not removed.get(WebhookEndpoint._meta.label):
        raise WebhookEndpoint.DoesNotExist(f"No webhook endpoint {endpoint_id}.")
    return removed.get(WebhookDelivery._meta.label, 0)


def _event_name(event: TicketEvent) -> str | None:
    if event.kind == EventKind.STATUS_CHANGE:
        return WebhookEvent.TICKET_STATUS_CHANGED
    if event.kind == EventKind.DECISION and event.decision == Decision.ACCEPTED:
        return WebhookEvent.CANDIDATE_ACCEPTED
    return None


def _ticket_url(ticket_id: int) -> str:
    return f"{settings.VERIFICATION_SITE_URL}/api/tickets/{ticket_id}/"


def event_payload(event: TicketEvent, name: str) -> dict:
    """Return the JSON payload announcing this history entry."""
    ticket = event.ticket
    payload = {
        "event": name,
        "event_id": event.pk,
        "occurred_at": event.created_at.isoformat(),
        "actor": event.actor.get_username() if event.actor else None,
        "rationale": event.rationale,
        "ticket": {
            "id": ticket.pk,
            "url": _ticket_url(ticket.pk),
            "claim_text": ticket.claim_text,
            "claimant": ticket.claimant,
            "status": ticket.status,
        },
    }
    if name == WebhookEvent.TICKET_STATUS_CHANGED:
        payload["from_status"], payload["to_status"] = event.from_status, event.to_status
    else:
        candidate = event.candidate
        assert candidate is not None, "an accepted-candidate event names its candidate"
        payload["candidate"] = {
            "id": candidate.pk,
            "stance": candidate.stance,
            "passage": candidate.passage_id,
            "document": candidate.passage.document_id,
            "score": candidate.score,
        }
    return payload


def ticket_event_publish(*, event: TicketEvent) -> list[WebhookDelivery]:
    """Record a delivery of this history entry for each endpoint listening, sent once the change commits.

    The rows are written in the caller's transaction, so a change that rolls back leaves no
    delivery and sends nothing.
    """
    name = _event_name(event)
    if name is None:
        return []
    endpoints = list(WebhookEndpoint.objects.filter(active=True, events__contains=[name]).only("pk"))
    if not endpoints:
        return []
    payload = event_payload(event, name)
    deliveries = WebhookDelivery.objects.bulk_create(
        WebhookDelivery(endpoint=endpoint, event=name, payload=payload) for endpoint in endpoints
    )
    webhook_delivery_dispatch(delivery_ids=[delivery.pk for delivery in deliveries], attempt=1)
    return deliveries


def _post(delivery: WebhookDelivery) -> tuple[int | None, str, bool]:
    """Post the signed payload; return the response code (None if none), the error, whether to retry."""
    body = body_bytes(delivery.payload)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        SIGNATURE_HEADER: signature(delivery.endpoint.secret, body),
        "X-Webhook-Event": delivery.event,
        "X-Webhook-Delivery": str(delivery.pk),
    }
    try:
        response = guarded_request(
            "POST",
            delivery.endpoint.url,
            allowed_hosts=fetch_allowed_hosts(),
            timeout=settings.VERIFICATION_WEBHOOK_TIMEOUT,
            max_bytes=64 * 1024,  # only the status matters; a receiver's long page is not read
            headers=headers,
            data=body,
        )
    except UnsafeAddress as exc:
        # The name now resolves inside the desk's network: sending again cannot become safe.
        return None, f"Refused: {exc}", False
    except FetchFailed as exc:
        return None, f"ConnectionError: {exc}", True
    if 200 <= response.status < 300:
        return response.status, "", False
    if 300 <= response.status < 400:
        # A redirect could carry the signed payload somewhere the client never registered.
        where = response.headers.get("Location", "")
        return response.status, f"HTTP {response.status}: redirect to {where[:200]!r} not followed", True
    text = response.body[:500].decode("utf-8", "replace")
    return response.status, f"HTTP {response.status}: {text}", True


def webhook_delivery_attempt(*, delivery_id: int, attempt: int | None = None) -> WebhookDelivery | None:
    """Send one attempt of a delivery and log it; raise DeliveryFailed when another is queued.

    The row is claimed with a lock (SKIP LOCKED) for the whole attempt, so two workers holding
    the same message send it once: the second finds it locked, or the attempt already made, and
    returns None. A delivery already delivered or given up on is left alone.
    """
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("endpoint")
            .filter(pk=delivery_id)
            .first()
        )
        if delivery is None:
            if not WebhookDelivery.objects.filter(pk=delivery_id).exists():
                raise WebhookDelivery.DoesNotExist(f"delivery {delivery_id} no longer exists")
            return None  # another worker is sending it now
        if delivery.status != DeliveryStatus.PENDING:
            return delivery
        if attempt is not None and delivery.attempts >= attempt:
            return None  # this attempt was made already: a message delivered twice
        if not delivery.endpoint.active:
            # Paused after the change was recorded: the client asked for nothing more to be sent.
            delivery.status = DeliveryStatus.FAILED
            delivery.error = "The endpoint was paused; nothing was sent."
            delivery.save(update_fields=["status", "error"])
            return delivery
        code, error, retry = _post(delivery)
        now = timezone.now()
        delivery.attempts += 1
        delivery.last_attempt_at = now
        delivery.response_code = code
        delivery.error = error
        if not error:
            delivery.status, delivery.delivered_at = DeliveryStatus.DELIVERED, now
        elif not retry or delivery.attempts >= settings.VERIFICATION_WEBHOOK_MAX_ATTEMPTS:
            delivery.status = DeliveryStatus.FAILED
        delivery.save(
            update_fields=["attempts", "last_attempt_at", "response_code", "error", "status", "delivered_at"]
        )
        if delivery.status == DeliveryStatus.PENDING:
            webhook_delivery_dispatch(
                delivery_ids=[delivery.pk],
                attempt=delivery.attempts + 1,
                delay=webhook_backoff(attempts_made=delivery.attempts),
            )
    if delivery.status == DeliveryStatus.PENDING:
        raise DeliveryFailed(f"Delivery {delivery.pk} to {delivery.endpoint.url}: {error}")
    return delivery


@transaction.atomic
def webhook_delivery_retry(*, delivery_id: int) -> WebhookDelivery:
    """Queue a failed or delivered delivery again (from the admin), with a fresh attempt count."""
    delivery = WebhookDelivery.objects.select_for_update().get(pk=delivery_id)
    delivery.status, delivery.attempts, delivery.error = DeliveryStatus.PENDING, 0, ""
    delivery.save(update_fields=["status", "attempts", "error"])
    webhook_delivery_dispatch(delivery_ids=[delivery.pk], attempt=1)
    return delivery
