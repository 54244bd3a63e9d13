"""Bad input on every write: a clear 4xx that says what to fix, and nothing stored."""

import json

import pytest

from tests.factories import CandidateFactory, TicketFactory
from verification import services
from verification.choices import EventKind
from verification.models import Document, TicketEvent, WebhookEndpoint

pytestmark = pytest.mark.django_db


def nested(depth: int) -> str:
    return '{"text": ' + "[" * depth + "1" + "]" * depth + "}"


@pytest.fixture
def write_paths(db):
    ticket, candidate = TicketFactory(), CandidateFactory()
    return [
        "/api/documents/",
        "/api/webhooks/",
        f"/api/tickets/{ticket.pk}/transition/",
        f"/api/candidates/{candidate.pk}/decision/",
    ]


@pytest.mark.parametrize("depth", [40, 100_000])
def test_deeply_nested_json_is_400_on_every_write(reviewer_api, write_paths, depth):
    documents = Document.objects.count()
    for path in write_paths:
        response = reviewer_api.post(path, data=nested(depth), content_type="application/json")
        assert response.status_code in (400, 413), (path, response.status_code)
        if response.status_code == 400:
            assert "nests more than 32 levels" in response.json()["detail"], path
    assert Document.objects.count() == documents
    assert not WebhookEndpoint.objects.exists()


def test_a_json_body_over_the_write_limit_is_413(reviewer_api, settings):
    settings.VERIFICATION_API_MAX_BODY_BYTES = 1000
    body = json.dumps({"url": "https://8.8.8.8/hook", "description": "x" * 2000})
    response = reviewer_api.post("/api/webhooks/", data=body, content_type="application/json")
    assert response.status_code == 413
    assert "1,000-byte limit" in response.json()["detail"]


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/documents/", {"text": 12345}),
        ("/api/documents/", {"text": "Officials said troops left.", "title": 7}),
        ("/api/webhooks/", {"url": "https://8.8.8.8/hook", "description": 12}),
    ],
)
def test_a_number_where_text_belongs_is_refused(reviewer_api, path, body):
    response = reviewer_api.post(path, data=body, format="json")
    assert response.status_code == 400
    assert "Not a string" in json.dumps(response.json())
    assert not Document.objects.exists()
    assert not WebhookEndpoint.objects.exists()


def test_a_number_as_a_rationale_is_refused(reviewer_api):
    ticket = TicketFactory()
    response = reviewer_api.post(
        f"/api/tickets/{ticket.pk}/transition/", data={"status": "disputed", "rationale": 5}, format="json"
    )
    assert response.status_code == 400
    assert "rationale" in response.json()
    assert not TicketEvent.objects.filter(ticket=ticket).exists()


def test_invalid_utf8_as_plain_text_is_400_and_nothing_is_stored(reviewer_api):
    body = b"Officials said the bridge was destroyed on Monday." + b"\xff\xfe\xc3\x28 more"
    response = reviewer_api.post("/api/documents/", data=body, content_type="text/plain")
    assert response.status_code == 400
    assert "UTF-8" in response.json()["detail"]
    assert not Document.objects.exists()


def test_plain_text_in_a_declared_charset_is_still_read(reviewer_api):
    body = "Officials in Kyiv said the café was shelled on Monday night.".encode("latin-1")
    response = reviewer_api.post("/api/documents/", data=body, content_type="text/plain; charset=latin-1")
    assert response.status_code == 202
    assert "café" in Document.objects.get().text


def test_history_shows_null_not_an_empty_value_where_an_entry_has_none(reviewer, api):
    ticket = TicketFactory()
    services.ticket_transition(ticket_id=ticket.pk, to_status="disputed", actor=reviewer, rationale="Denied")
    history = api.get(f"/api/tickets/{ticket.pk}/").json()["history"]
    [change] = [entry for entry in history if entry["kind"] == EventKind.STATUS_CHANGE]
    assert change["decision"] is None
    assert change["to_status"] == "disputed"
