"""Deliveries: recorded with their change, posted signed to a real receiver, every attempt logged."""

import json
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from tests.factories import CandidateFactory, TicketFactory
from verification import services
from verification.choices import DeliveryStatus, WebhookEvent
from verification.fetching import UnsafeAddress
from verification.models import OutboxMessage, WebhookDelivery, WebhookEndpoint
from verification.services.webhooks import DeliveryFailed
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
    assert payload["ticket"]["id"] == ticket.pk
    assert payload["ticket"]["status"] == "disputed"
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
    # The block is the caller's transaction: the change and the failure after it roll back together.
    with (  # noqa: PT012
        django_capture_on_commit_callbacks() as queued,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        dispute(ticket, reviewer)
        raise RuntimeError("the caller's later step failed")
    assert queued == []
    assert not WebhookDelivery.objects.exists()
    ticket.refresh_from_db()
    assert ticket.status == "unverified"


def test_a_refused_change_sends_nothing(client_user, reviewer, receiver):
    services.webhook_endpoint_create(owner=client_user, url=receiver.url)
    ticket = TicketFactory()
    with pytest.raises(Exception, match="accept at least one supporting source"):
        services.ticket_transition(ticket_id=ticket.pk, to_status="corroborated", actor=reviewer)
    assert not WebhookDelivery.objects.exists()


def test_a_failing_receiver_is_logged_each_time_then_given_up(receiver, client_user, reviewer, settings):
    settings.VERIFICATION_WEBHOOK_MAX_ATTEMPTS = 2
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
    assert delivery.response_code is None
    assert "ConnectionError" in delivery.error


def test_a_delivered_delivery_is_not_sent_again(receiver, client_user, reviewer):
    services.webhook_endpoint_create(owner=client_user, url=receiver.url)
    dispute(TicketFactory(), reviewer)
    delivery = WebhookDelivery.objects.get()
    for _ in range(2):
        services.webhook_delivery_attempt(delivery_id=delivery.pk)
    assert len(receiver.received) == 1


def test_https_is_required_when_configured(client_user, settings):
    settings.VERIFICATION_WEBHOOK_REQUIRE_HTTPS = True
    with pytest.raises(Exception, match="https"):
        services.webhook_endpoint_create(owner=client_user, url="http://hooks.example.org/desk")
    assert services.webhook_endpoint_create(owner=client_user, url="https://hooks.example.org/desk").pk


def test_an_endpoint_paused_before_sending_gets_nothing(receiver, client_user, reviewer):
    endpoint = services.webhook_endpoint_create(owner=client_user, url=receiver.url)
    dispute(TicketFactory(), reviewer)
    services.webhook_endpoint_update(endpoint=endpoint, active=False)
    delivery = services.webhook_delivery_attempt(delivery_id=WebhookDelivery.objects.get().pk)
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 0)
    assert "paused" in delivery.error
    assert receiver.received == []


def test_a_failed_attempt_queues_the_next_after_its_backoff(receiver, client_user, reviewer, settings):
    settings.VERIFICATION_WEBHOOK_RETRY_BACKOFF = 30
    receiver.codes = [503]
    services.webhook_endpoint_create(owner=client_user, url=receiver.url)
    dispute(TicketFactory(), reviewer)
    delivery = WebhookDelivery.objects.get()
    before = timezone.now()
    with pytest.raises(DeliveryFailed):
        services.webhook_delivery_attempt(delivery_id=delivery.pk, attempt=1)
    # The retry waits in the outbox, not as a countdown message the broker could hand out early.
    retry = OutboxMessage.objects.filter(args=[delivery.pk], kwargs__attempt=2).get()
    assert retry.published_at is None
    assert before + timedelta(seconds=14) < retry.not_before < before + timedelta(seconds=31)
    assert services.outbox_relay(message_ids=[retry.pk]) == 0  # not due yet


def test_a_message_for_an_attempt_already_made_sends_nothing(receiver, client_user, reviewer):
    receiver.codes = [503]
    services.webhook_endpoint_create(owner=client_user, url=receiver.url)
    dispute(TicketFactory(), reviewer)
    delivery = WebhookDelivery.objects.get()
    with pytest.raises(DeliveryFailed):
        services.webhook_delivery_attempt(delivery_id=delivery.pk, attempt=1)
    # The same message again (a redelivery): the row says attempt 1 was made, so nothing is sent.
    assert services.webhook_delivery_attempt(delivery_id=delivery.pk, attempt=1) is None
    assert len(receiver.received) == 1


@pytest.mark.parametrize(
    "url", ["http://10.0.0.1/", "http://169.254.169.254/latest", "http://[::1]:1/", "http://localhost:5432/"]
)
def test_an_endpoint_inside_the_desks_network_is_refused(client_user, settings, url):
    settings.VERIFICATION_FETCH_ALLOWED_HOSTS = []
    with pytest.raises(UnsafeAddress, match="inside the desk's own network"):
        services.webhook_endpoint_create(owner=client_user, url=url)
    assert not WebhookEndpoint.objects.exists()


def test_a_host_now_resolving_inside_is_failed_not_sent(receiver, client_user, reviewer, settings):
    services.webhook_endpoint_create(owner=client_user, url=receiver.url)
    dispute(TicketFactory(), reviewer)
    settings.VERIFICATION_FETCH_ALLOWED_HOSTS = []  # as if the name had been re-pointed since
    delivery = services.webhook_delivery_attempt(delivery_id=WebhookDelivery.objects.get().pk)
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.error.startswith("Refused:")
    assert receiver.received == []
    assert not OutboxMessage.objects.filter(kwargs__attempt=2).exists()
