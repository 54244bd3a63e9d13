"""Query budgets: every endpoint runs the same number of queries with few rows and with ten times more."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import AppearanceFactory, CandidateFactory, DocumentFactory, TicketFactory
from verification import services
from verification.choices import JobKind, Stance
from verification.services.runs import job_run_queue

pytestmark = pytest.mark.django_db


def grow(world: dict, n: int) -> None:
    """Add n tickets with evidence, and n more rows of everything hanging off the watched objects."""
    reviewer = world["reviewer"]
    for _ in range(n):
        other = TicketFactory()
        AppearanceFactory(ticket=other)
        CandidateFactory(ticket=other, stance=Stance.CONTRADICTS)
        AppearanceFactory(ticket=world["ticket"])
        candidate = CandidateFactory(ticket=world["ticket"])
        services.candidate_decide(candidate_id=candidate.pk, decision="accepted", actor=reviewer)
        services.webhook_endpoint_create(owner=reviewer, url="https://hooks.example.org/desk")
        job_run_queue(kind=JobKind.EXTRACT_DOCUMENT, requested_by=reviewer)


@pytest.fixture
def world(accounts):
    reviewer = accounts["reviewer"][0]
    ticket = TicketFactory()
    AppearanceFactory(ticket=ticket, document__published_on="2022-04-05")
    supporting = CandidateFactory(ticket=ticket)
    services.candidate_decide(candidate_id=supporting.pk, decision="accepted", actor=reviewer)
    services.ticket_transition(ticket_id=ticket.pk, to_status="corroborated", actor=reviewer, rationale="ok")
    webhook = services.webhook_endpoint_create(owner=reviewer, url="https://hooks.example.org/mine")
    return {"reviewer": reviewer, "ticket": ticket, "webhook": webhook}


def fresh(world: dict) -> dict:
    """Return ids of new objects for the calls that change what they touch."""
    ticket = TicketFactory()
    return {
        "open": ticket.pk,
        "candidate": CandidateFactory(ticket=ticket).pk,
        "job": job_run_queue(kind=JobKind.EXTRACT_DOCUMENT, requested_by=world["reviewer"]).pk,
        "text": DocumentFactory.build().text,
        "spare_webhook": services.webhook_endpoint_create(
            owner=world["reviewer"], url="https://h.example.org"
        ).pk,
    }


# name, method, path, body, budget: the queries measured, permission lookups and savepoints included
# (the token's owner comes from Redis once warm); a change that needs more must say why here. A
# transition and a decision each bump the ticket's version (one UPDATE), so that a reviewer's open
# page goes stale. A submission
# also finds its document's origin (advisory lock, LSH band lookup, fingerprint, passages' quotes).
# A ticket's detail (and a transition, which answers with it) also lists the known fact-checks
# matching its claim (one prefetch).
ENDPOINTS = [
    ("ticket list", "get", "/api/tickets/", None, 2),
    ("ticket list filtered", "get", "/api/tickets/?status=corroborated&publisher=Wire", None, 2),
    ("ticket detail", "get", "/api/tickets/{ticket}/", None, 6),
    (
        "lookup by text",
        "get",
        "/api/tickets/lookup/?text=troops+destroyed+tanks&limit=50&min_similarity=0",
        None,
        # The stems, the table's size estimate (cached on a big table), the two-stem ids, the one-stem
        # ids filling the pool, the pool's rows with their counts.
        5,
    ),
    ("claimreview", "get", "/api/tickets/{ticket}/claimreview/", None, 4),
    # Writes that notify webhooks add two inserts: the deliveries' job runs and outbox rows.
    ("transition", "post", "/api/tickets/{open}/transition/", {"status": "disputed", "rationale": "No"}, 17),
    ("candidate", "get", "/api/candidates/{candidate}/", None, 2),
    ("decision", "post", "/api/candidates/{candidate}/decision/", {"decision": "accepted"}, 17),
    # The extraction job's run and its outbox row, written with the document.
    ("document submission", "post", "/api/documents/", {"text": "{text}"}, 29),
    ("job", "get", "/api/jobs/{job}/", None, 4),
    # Two of each webhook read are the caller's permissions: operators oversee every endpoint.
    ("webhook list", "get", "/api/webhooks/", None, 4),
    ("webhook registration", "post", "/api/webhooks/", {"url": "https://hooks.example.org/n"}, 2),
    ("webhook detail", "get", "/api/webhooks/{webhook}/", None, 4),
    ("webhook change", "patch", "/api/webhooks/{webhook}/", {"description": "desk"}, 5),
    ("webhook deliveries", "get", "/api/webhooks/{webhook}/deliveries/", None, 5),
    # The caller's permissions, the endpoint, the service's savepoint and the cascade to its log.
    ("webhook removal", "delete", "/api/webhooks/{spare_webhook}/", None, 9),
    ("schema", "get", "/api/schema/", None, 1),
    ("swagger ui", "get", "/api/docs/", None, 1),
]


def count_queries(client, method, path, body, ids) -> int:
    body = {k: v.format(**ids) for k, v in body.items()} if body else None
    # The token's owner is cached in Redis after its first use: count with it warm, as a client sees.
    client.get("/api/tickets/?page_size=1")
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(path.format(**ids), body, format="json")
    assert response.status_code < 300, response.content[:300]
    return len(queries)


@pytest.mark.parametrize(
    ("name", "method", "path", "body", "budget"), ENDPOINTS, ids=[e[0] for e in ENDPOINTS]
)
def test_the_query_count_stays_within_budget_as_rows_grow(clients, world, name, method, path, body, budget):
    client = clients["reviewer"]
    ids = {"ticket": world["ticket"].pk, "webhook": world["webhook"].pk}
    grow(world, 2)
    small = count_queries(client, method, path, body, {**ids, **fresh(world)})
    grow(world, 20)
    large = count_queries(client, method, path, body, {**ids, **fresh(world)})
    assert small == large, f"{name}: {small} queries with few rows, {large} with many"
    assert large <= budget, f"{name}: {large} queries, budget {budget}"
