"""Webhook registration by API, per-client throttling, and request size limits on small writes."""

import pytest
from rest_framework.settings import api_settings

from tests.factories import TicketFactory
from verification import services
from verification.api.throttling import DeskThrottle

pytestmark = pytest.mark.django_db


def test_a_client_registers_an_endpoint_and_reads_its_delivery_log(clients, accounts):
    client = clients["read-only"]
    created = client.post(
        "/api/webhooks/",
        {"url": "https://hooks.example.org/desk", "events": ["ticket.status_changed"], "description": "CMS"},
        format="json",
    )
    assert created.status_code == 201
    endpoint = created.json()
    assert endpoint["events"] == ["ticket.status_changed"]
    assert endpoint["owner"] == "rory"

    ticket = TicketFactory()
    services.ticket_transition(
        ticket_id=ticket.pk, to_status="disputed", actor=accounts["reviewer"][0], rationale="x"
    )
    log = client.get(f"/api/webhooks/{endpoint['id']}/deliveries/").json()["results"]
    assert [(d["event"], d["status"], d["payload"]["ticket"]["id"]) for d in log] == [
        ("ticket.status_changed", "pending", ticket.pk)
    ]


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"url": "not a url"},
        {"url": "https://h.example.org", "events": ["ticket.deleted"]},
        {"url": "ftp://h.example.org"},
    ],
)
def test_bad_registrations_are_400(clients, body):
    response = clients["reviewer"].post("/api/webhooks/", body, format="json")
    assert response.status_code == 400
    assert response.json()


def test_plain_http_is_refused_where_https_is_required(clients, settings):
    settings.VERIFICATION_WEBHOOK_REQUIRE_HTTPS = True
    response = clients["reviewer"].post("/api/webhooks/", {"url": "http://h.example.org/x"}, format="json")
    assert response.status_code == 400
    assert "https" in response.json()["detail"]


def test_an_endpoint_can_be_paused_and_removed(clients):
    client = clients["reviewer"]
    endpoint = client.post("/api/webhooks/", {"url": "https://h.example.org/x"}, format="json").json()
    paused = client.patch(f"/api/webhooks/{endpoint['id']}/", {"active": False}, format="json")
    assert paused.json()["active"] is False
    assert paused.json()["events"] == endpoint["events"]
    assert client.delete(f"/api/webhooks/{endpoint['id']}/").status_code == 204
    assert client.get(f"/api/webhooks/{endpoint['id']}/").status_code == 404


def test_throttling_counts_each_client_separately(clients, accounts, monkeypatch):
    monkeypatch.setattr(
        DeskThrottle, "THROTTLE_RATES", {**api_settings.DEFAULT_THROTTLE_RATES, "lookup": "2/minute"}
    )
    url = "/api/tickets/lookup/?text=tanks"
    codes = [clients["read-only"].get(url).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    assert clients["reviewer"].get(url).status_code == 200
    assert clients["read-only"].get("/api/tickets/").status_code == 200  # other scopes are not spent


def test_a_small_write_with_a_huge_body_is_413(clients):
    ticket = TicketFactory()
    body = {"status": "disputed", "rationale": "x" * 70_000}
    response = clients["reviewer"].post(f"/api/tickets/{ticket.pk}/transition/", body, format="json")
    assert response.status_code == 413
    assert "over the" in response.json()["detail"]


def test_a_page_size_out_of_range_is_400(api, db):
    assert api.get("/api/tickets/", {"page_size": 0}).status_code == 400
    assert api.get("/api/tickets/", {"page_size": "ten"}).status_code == 400
    assert api.get("/api/tickets/", {"page_size": 5}).status_code == 200


def test_the_list_pages_by_cursor_without_gaps_or_repeats(api, db):
    tickets = [TicketFactory().pk for _ in range(7)]
    seen, url = [], "/api/tickets/?page_size=3"
    while url:
        page = api.get(url).json()
        seen += [t["id"] for t in page["results"]]
        url = page["next"]
    assert seen == sorted(tickets, reverse=True)


def test_an_unknown_api_address_is_a_json_404(api, db):
    response = api.get("/api/nothing-here/")
    assert response.status_code == 404
    assert "/api/docs/" in response.json()["detail"]
