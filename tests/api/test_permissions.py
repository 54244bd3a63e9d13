"""The permission matrix: anonymous, read-only client, reviewer and admin against every endpoint."""

import pytest

from tests.factories import AppearanceFactory, CandidateFactory, TicketFactory
from verification import services
from verification.choices import JobKind
from verification.services.runs import job_run_queue

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "read-only", "reviewer", "admin"]

# method, path, body, and the status each role gets, in ROLES order. {ticket}, {candidate}, {job} and
# {webhook} are filled in; the job was asked for and the webhook registered by the reviewer.
MATRIX = [
    ("get", "/api/tickets/", None, (200, 200, 200, 200)),
    ("get", "/api/tickets/?status=disputed&publisher=Wire", None, (200, 200, 200, 200)),
    ("get", "/api/tickets/{ticket}/", None, (200, 200, 200, 200)),
    ("get", "/api/tickets/lookup/?text=tanks+destroyed", None, (200, 200, 200, 200)),
    ("get", "/api/tickets/{disputed}/claimreview/", None, (200, 200, 200, 200)),
    (
        "post",
        "/api/tickets/{ticket}/transition/",
        {"status": "disputed", "rationale": "Denied"},
        (401, 403, 200, 200),
    ),
    ("get", "/api/candidates/{candidate}/", None, (200, 200, 200, 200)),
    ("post", "/api/candidates/{candidate}/decision/", {"decision": "accepted"}, (401, 403, 200, 200)),
    ("post", "/api/documents/", {"text": "Officials said 40 tanks were destroyed."}, (401, 403, 202, 202)),
    ("get", "/api/jobs/{job}/", None, (401, 200, 200, 200)),
    ("get", "/api/webhooks/", None, (401, 200, 200, 200)),
    ("post", "/api/webhooks/", {"url": "https://hooks.example.org/desk"}, (401, 201, 201, 201)),
    ("get", "/api/webhooks/{webhook}/", None, (401, 404, 200, 200)),
    ("patch", "/api/webhooks/{webhook}/", {"active": False}, (401, 404, 200, 200)),
    ("get", "/api/webhooks/{webhook}/deliveries/", None, (401, 404, 200, 200)),
    ("delete", "/api/webhooks/{webhook}/", None, (401, 404, 204, 204)),
    ("get", "/api/schema/", None, (200, 200, 200, 200)),
    ("get", "/api/docs/", None, (200, 200, 200, 200)),
]


@pytest.fixture
def objects(accounts):
    """One of each object the endpoints act on, the private ones belonging to the reviewer."""
    reviewer = accounts["reviewer"][0]
    ticket, disputed = TicketFactory(), TicketFactory()
    AppearanceFactory(ticket=disputed)
    services.ticket_transition(
        ticket_id=disputed.pk, to_status="disputed", actor=reviewer, rationale="Denied"
    )
    return {
        "ticket": ticket.pk,
        "disputed": disputed.pk,
        "candidate": CandidateFactory(ticket=ticket).pk,
        "job": job_run_queue(kind=JobKind.EXTRACT_DOCUMENT, requested_by=reviewer).pk,
        "webhook": services.webhook_endpoint_create(owner=reviewer, url="https://hooks.example.org/r").pk,
    }


def call(client, method, path, body, objects):
    return getattr(client, method)(path.format(**objects), body, format="json")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("method", "path", "body", "expected"), MATRIX, ids=[f"{m} {p}" for m, p, _, _ in MATRIX]
)
def test_each_caller_gets_what_its_role_allows(clients, objects, role, method, path, body, expected):
    response = call(clients[role], method, path, body, objects)
    assert response.status_code == expected[ROLES.index(role)], response.content[:300]


@pytest.mark.parametrize("path", [p for m, p, _, codes in MATRIX if m == "get" and codes[0] == 200][:5])
def test_reads_need_a_token_when_anonymous_read_is_off(clients, objects, settings, path):
    settings.VERIFICATION_API_ANONYMOUS_READ = False
    assert call(clients["anonymous"], "get", path, None, objects).status_code == 401
    assert call(clients["read-only"], "get", path, None, objects).status_code == 200


def test_a_client_lists_only_its_own_webhooks_and_an_admin_all(clients, objects, accounts):
    services.webhook_endpoint_create(owner=accounts["read-only"][0], url="https://hooks.example.org/ro")
    seen = {role: len(clients[role].get("/api/webhooks/").json()["results"]) for role in ROLES[1:]}
    assert seen == {"read-only": 1, "reviewer": 1, "admin": 2}


def test_the_secret_is_shown_once_at_registration(clients):
    created = clients["reviewer"].post(
        "/api/webhooks/", {"url": "https://hooks.example.org/x"}, format="json"
    )
    assert len(created.json()["secret"]) > 30
    assert "secret" not in clients["reviewer"].get(f"/api/webhooks/{created.json()['id']}/").json()
