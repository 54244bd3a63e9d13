"""Deliveries: recorded with their change, posted signed to a real receiver, every attempt logged."""

import json

import pytest
from django.db import transaction

from tests.factories import CandidateFactory, TicketFactory
from verification import services
from verification.choices import DeliveryStatus, WebhookEvent
from verification.models import WebhookDelivery
from verification.services.webhooks import DeliveryFailed
from verification.tasks import deliver_webhook
from verification.webhooks import signature_valid

pytestmark = pytest.mark.django_db


def dispute(ticket, actor, rationale="Two witnesses deny it"):
    return services.ticket_transition(
        ticket_id=ticket.pk, to_status="disputed", actor=actor, rationale=rationale
    )


def test_a_status_change_is_delivered_signed_to_each_endpoint_listening(
    receiver, client_user, reviewer, django_capture_on_commit_callbacks
):
    listening = services.webhook_endpoint_create(owner=client_user, url=receiver.url)
    services.webhook_endpoint_create(
        owner=client_user, url=receiver.url, events=[WebhookEvent.CANDIDATE_ACCEPTED]
    )
    services.webhook_endpoint_create(owner=client_user, url=receiver.url, active=False)
    ticket = TicketFactory()
    with django_capture_on_commit_callbacks() as queued:
        dispute(ticket, reviewer)
    delivery = WebhookDelivery.objects.get()
    # The API's cached status reads are made stale after commit too; those callbacks are not deliveries.
    queued = [callback for callback in queued if callback.__module__ != "verification.hotcache"]
    assert (delivery.endpoint, delivery.event, len(queued)) == (
        listening,
        WebhookEvent.TICKET_STATUS_CHANGED,
        1,
    )

    services.webhook_delivery_attempt(delivery_id=delivery.pk)
    [request] = receiver.received
    assert signature_valid(listening.secret, request.body, request.headers["X-Signature"])
    assert request.headers["X-Webhook-Event"] == "ticket.status_changed"
    payload = json.loads(request.body)
    assert payload["ticket"]["id"] == ticket.pk and payload["ticket"]["status"] == "disputed"
    assert (payload["from_status"], payload["to_status"], payload["actor"]) == (
        "unverified",
        "disputed",
        "rita",
    )
    assert payload["rationale"] == "Two witnesses deny it"
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_code) == (DeliveryStatus.DELIVERED, 1, 200)
    assert delivery.delivered_at is not None


def test_an_accepted_decision_is_delivered_and_a_rejection_is_not(receiver, client_user, reviewer):
    services.webhook_endpoint_create(owner=client_user, url=receiver.url)
    accepted, rejected = CandidateFactory.create_batch(2)
    services.candidate_decide(candidate_id=accepted.pk, decision="accepted", actor=reviewer, note="Matches")
    services.candidate_decide(candidate_id=rejected.pk, decision="rejected", actor=reviewer)
    delivery = WebhookDelivery.objects.get()
    assert delivery.event == WebhookEvent.CANDIDATE_ACCEPTED
    assert delivery.payload["candidate"]["id"] == accepted.pk
    assert delivery.payload["candidate"]["document"] == accepted.passage.document_id
    assert delivery.payload["rationale"] == "Matches"


def test_a_change_that_rolls_back_records_and_sends_nothing(
    receiver, client_user, reviewer, django_capture_on_commit_callbacks
):
    services.webhook_endpoint_create(owner=client_user, url=receiver.url)
    ticket = TicketFactory()
    with django_capture_on_commit_callbacks() as queued:
        with pytest.raises(RuntimeError), transaction.atomic():
            dispute(ticket, reviewer)
            raise RuntimeError("the caller's later step failed")
    assert queued == [] and not WebhookDelivery.objects.exists()
    ticket.refresh_from_db()
    assert ticket.status == "unverified"


def test_a_refused_change_sends_nothing(client_user, reviewer, receiver):
    services.webhook_endpoint_create(owner=client_user, url=receiver.url)
    ticket = TicketFactory()
    with pytest.raises(Exception, match="accept at least one supporting source"):
        services.ticket_transition(ticket_id=ticket.pk, to_status="corroborated", actor=reviewer)
    assert not WebhookDelivery.objects.exists()


def test_a_failing_receiver_is_logged_each_time_then_given_up(receiver, client_user, reviewer, settings):
    settings.VERIFICATION_WEBHOOKS = {**settings.VERIFICATION_WEBHOOKS, "MAX_ATTEMPTS": 2}
    receiver.codes = [503, 500]
    services.webhook_endpoint_create(owner=client_user, url=receiver.url)
    dispute(TicketFactory(), reviewer)
    delivery = WebhookDelivery.objects.get()
    with pytest.raises(DeliveryFailed, match="HTTP 503"):
        services.webhook_delivery_attempt(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_code) == (DeliveryStatus.PENDING, 1, 503)
    services.webhook_delivery_attempt(delivery_id=delivery.pk)  # the last try: logged, not raised
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_code) == (DeliveryStatus.FAILED, 2, 500)
    assert delivery.error.startswith("HTTP 500")


def test_an_unreachable_receiver_is_an_error_not_a_crash(client_user, reviewer):
    services.webhook_endpoint_create(owner=client_user, url="http://127.0.0.1:9/nobody-listens")
    dispute(TicketFactory(), reviewer)
    delivery = WebhookDelivery.objects.get()
    with pytest.raises(DeliveryFailed):
        services.webhook_delivery_attempt(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert delivery.response_code is None and "ConnectionError" in delivery.error


def test_a_delivered_delivery_is_not_sent_again(receiver, client_user, reviewer):
    services.webhook_endpoint_create(owner=client_user, url=receiver.url)
    dispute(TicketFactory(), reviewer)
    delivery = WebhookDelivery.objects.get()
    for _ in range(2):
        services.webhook_delivery_attempt(delivery_id=delivery.pk)
    assert len(receiver.received) == 1


def test_https_is_required_when_configured(client_user, settings):
    settings.VERIFICATION_WEBHOOKS = {**settings.VERIFICATION_WEBHOOKS, "REQUIRE_HTTPS": True}
    with pytest.raises(Exception, match="https"):
        services.webhook_endpoint_create(owner=client_user, url="http://hooks.example.org/desk")
    assert services.webhook_endpoint_create(owner=client_user, url="https://hooks.example.org/desk").pk


def test_an_endpoint_paused_before_sending_gets_nothing(receiver, client_user, reviewer):
    endpoint = services.webhook_endpoint_create(owner=client_user, url=receiver.url)
    dispute(TicketFactory(), reviewer)
    services.webhook_endpoint_update(endpoint=endpoint, active=False)
    delivery = services.webhook_delivery_attempt(delivery_id=WebhookDelivery.objects.get().pk)
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 0)
    assert "paused" in delivery.error and receiver.received == []


def test_the_delivery_task_retries_with_the_configured_backoff(settings):
    conf = settings.VERIFICATION_WEBHOOKS
    assert DeliveryFailed in deliver_webhook.autoretry_for
    assert deliver_webhook.max_retries == conf["MAX_ATTEMPTS"] - 1  # the first try plus the retries
    assert (deliver_webhook.retry_backoff, deliver_webhook.retry_backoff_max) == (
        conf["RETRY_BACKOFF"],
        conf["RETRY_BACKOFF_MAX"],
    )
    assert deliver_webhook.retry_jitter and deliver_webhook.acks_late
