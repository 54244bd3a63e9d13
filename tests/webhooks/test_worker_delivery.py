"""A real Celery worker delivers webhooks: retried with backoff until answered, never for a rollback."""

import json

import pytest
from django.db import transaction

from tests.factories import TicketFactory
from tests.integration.test_worker import _wait_for, worker  # noqa: F401  (the real worker fixture)
from verification import services
from verification.choices import DeliveryStatus
from verification.models import WebhookDelivery
from verification.webhooks import signature_valid

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def quick_retry_worker(monkeypatch, request):
    """The real worker, retrying failed deliveries after about a second rather than half a minute."""
    monkeypatch.setenv("VERIFICATION_WEBHOOK_RETRY_BACKOFF", "1")
    monkeypatch.setenv("VERIFICATION_WEBHOOK_RETRY_BACKOFF_MAX", "2")
    return request.getfixturevalue("worker")


def test_a_receiver_that_fails_twice_gets_the_delivery_on_the_third_try(
    quick_retry_worker, receiver, client_user, reviewer
):
    receiver.codes = [500, 503]
    endpoint = services.webhook_endpoint_create(owner=client_user, url=receiver.url)
    ticket = TicketFactory()
    services.ticket_transition(ticket_id=ticket.pk, to_status="disputed", actor=reviewer, rationale="Denied")

    def delivered():
        services.outbox_relay()  # what beat does every few seconds: send the retries now due
        return WebhookDelivery.objects.filter(status=DeliveryStatus.DELIVERED).exists()

    assert _wait_for(delivered, seconds=60), "".join(quick_retry_worker.lines[-30:])
    delivery = WebhookDelivery.objects.get()
    assert (delivery.attempts, delivery.response_code, delivery.error) == (3, 200, "")
    assert [r.answered for r in receiver.received] == [500, 503, 200]
    for request in receiver.received:  # the same signed body each time
        assert signature_valid(endpoint.secret, request.body, request.headers["X-Signature"])
        assert json.loads(request.body)["ticket"]["id"] == ticket.pk


def test_nothing_is_delivered_for_a_change_that_rolled_back(worker, receiver, client_user, reviewer):  # noqa: F811
    services.webhook_endpoint_create(owner=client_user, url=receiver.url)
    rolled_back, committed = TicketFactory(), TicketFactory()
    # The block is the request's transaction: the change and the failure after it roll back together.
    with pytest.raises(RuntimeError), transaction.atomic():  # noqa: PT012
        services.ticket_transition(
            ticket_id=rolled_back.pk, to_status="disputed", actor=reviewer, rationale="x"
        )
        raise RuntimeError("a later step of the same request failed")
    services.ticket_transition(ticket_id=committed.pk, to_status="disputed", actor=reviewer, rationale="y")

    assert _wait_for(lambda: len(receiver.received) >= 1, seconds=60), "".join(worker.lines[-30:])
    # The committed change was queued after the rolled-back one; once it has arrived, so would have the other.
    assert [json.loads(r.body)["ticket"]["id"] for r in receiver.received] == [committed.pk]
    assert list(WebhookDelivery.objects.values_list("payload__ticket__id", flat=True)) == [committed.pk]
