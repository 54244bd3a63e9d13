"""The delivery log in the admin: every attempt visible, chosen deliveries sent again, a fixed query count."""

import pytest
from django.contrib.auth import get_user_model

from tests.factories import TicketFactory
from verification import services
from verification.choices import DeliveryStatus
from verification.models import WebhookDelivery

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator(client):
    client.force_login(get_user_model().objects.create_superuser("olga", "olga@example.org", "olga-2026-ops"))
    return client


def failed_deliveries(owner, reviewer, count):
    endpoint = services.webhook_endpoint_create(owner=owner, url="https://cms.example.org/hooks")
    for _ in range(count):
        services.ticket_transition(
            ticket_id=TicketFactory().pk, to_status="disputed", actor=reviewer, rationale="x"
        )
    WebhookDelivery.objects.update(
        status=DeliveryStatus.FAILED, attempts=8, response_code=502, error="HTTP 502: bad gateway"
    )
    return endpoint


def test_the_log_shows_each_delivery_and_its_outcome(operator, client_user, reviewer):
    failed_deliveries(client_user, reviewer, 2)
    page = operator.get("/admin/verification/webhookdelivery/")
    assert page.status_code == 200
    assert page.context["cl"].result_count == 2
    delivery = WebhookDelivery.objects.first()
    detail = operator.get(f"/admin/verification/webhookdelivery/{delivery.pk}/change/").content.decode()
    assert "HTTP 502: bad gateway" in detail
    assert "ticket.status_changed" in detail


def test_the_log_reads_a_fixed_number_of_queries(
    operator, client_user, reviewer, django_assert_max_num_queries
):
    failed_deliveries(client_user, reviewer, 3)
    with django_assert_max_num_queries(9) as few:
        operator.get("/admin/verification/webhookdelivery/")
    failed_deliveries(client_user, reviewer, 20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        operator.get("/admin/verification/webhookdelivery/")


def test_chosen_deliveries_are_sent_again(
    operator, client_user, reviewer, django_capture_on_commit_callbacks
):
    failed_deliveries(client_user, reviewer, 2)
    chosen = WebhookDelivery.objects.first()
    with django_capture_on_commit_callbacks() as queued:
        operator.post(
            "/admin/verification/webhookdelivery/",
            {"action": "send_again", "_selected_action": [chosen.pk]},
        )
    chosen.refresh_from_db()
    assert (chosen.status, chosen.attempts, chosen.error) == (DeliveryStatus.PENDING, 0, "")
    assert len(queued) == 1
    assert WebhookDelivery.objects.filter(status=DeliveryStatus.FAILED).count() == 1


def test_the_endpoint_page_never_shows_the_secret(operator, client_user, reviewer):
    endpoint = failed_deliveries(client_user, reviewer, 1)
    page = operator.get(f"/admin/verification/webhookendpoint/{endpoint.pk}/change/").content.decode()
    assert endpoint.url in page
    assert endpoint.secret not in page


def test_an_operator_deletes_an_endpoint_and_its_log_from_the_admin(operator, client_user, reviewer):
    endpoint = failed_deliveries(client_user, reviewer, 2)
    kept = services.webhook_endpoint_create(owner=client_user, url="https://other.example.org/hooks")
    page = operator.post(f"/admin/verification/webhookendpoint/{endpoint.pk}/delete/", {"post": "yes"})
    assert page.status_code == 302
    assert list(type(endpoint).objects.values_list("pk", flat=True)) == [kept.pk]
    assert not WebhookDelivery.objects.filter(endpoint_id=endpoint.pk).exists()


def test_the_bulk_delete_action_removes_each_chosen_endpoint(operator, client_user, reviewer):
    first = failed_deliveries(client_user, reviewer, 1)
    second = services.webhook_endpoint_create(owner=client_user, url="https://other.example.org/hooks")
    operator.post(
        "/admin/verification/webhookendpoint/",
        {"action": "delete_selected", "_selected_action": [first.pk, second.pk], "post": "yes"},
    )
    assert not type(first).objects.exists()
    assert not WebhookDelivery.objects.exists()


def test_a_deleted_endpoints_queued_delivery_sends_nothing(client_user, reviewer, receiver):
    endpoint = services.webhook_endpoint_create(owner=client_user, url=receiver.url)
    services.ticket_transition(
        ticket_id=TicketFactory().pk, to_status="disputed", actor=reviewer, rationale="x"
    )
    delivery_id = WebhookDelivery.objects.get().pk
    assert services.webhook_endpoint_delete(endpoint_id=endpoint.pk) == 1
    from verification import tasks

    tasks.webhook_delivery_attempt.apply(args=[delivery_id])
    assert receiver.received == []
