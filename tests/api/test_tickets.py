"""The API: status by id and by the claim's words, filtered lists, guarded writes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import AppearanceFactory, ticket_with_evidence
from verification.choices import Stance
from verification.models import CandidateSource, Ticket

pytestmark = pytest.mark.django_db


def test_ticket_by_id_returns_its_status_and_evidence(api, db):
    ticket = ticket_with_evidence(supporting=2, contradicting=1)
    response = api.get(f"/api/tickets/{ticket.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["claimant"]) == ("unverified", "Officials")
    assert body["claim_text"] == ticket.claim_text
    assert [a["document"] for a in body["appearances"]] == [ticket.appearances.get().document_id]
    assert sorted(c["stance"] for c in body["candidates"]) == ["contradicts", "supports", "supports"]
    assert (body["supporting_count"], body["contradicting_count"]) == (2, 1)


def test_unknown_ticket_is_404(api, db):
    assert api.get("/api/tickets/999999/").status_code == 404


def test_lookup_by_a_paraphrase_finds_the_ticket_with_a_similarity(api, db):
    claim = "Soldiers of the Russian armed forces tortured unarmed civilians and then killed them."
    wanted = AppearanceFactory(ticket__claim_text=claim).ticket
    AppearanceFactory(ticket__claim_text="The ministry said 40 tanks were destroyed near Izium on Sunday.")
    response = api.get(
        "/api/tickets/lookup/", {"text": "Russian soldiers tortured and then killed unarmed civilians"}
    )
    assert response.status_code == 200
    best = response.json()[0]
    assert best["ticket"]["id"] == wanted.pk
    assert 0 < best["similarity"] <= 1
    assert "civilian" in best["shared_terms"]


def test_lookup_with_a_high_threshold_can_return_nothing(api, seeds):
    response = api.get(
        "/api/tickets/lookup/", {"text": "Russian soldiers killed civilians", "min_similarity": 0.99}
    )
    assert response.json() == []


@pytest.mark.parametrize(
    "params", [{}, {"text": ""}, {"text": "x", "limit": 0}, {"text": "x", "min_similarity": 2}]
)
def test_lookup_rejects_bad_queries_with_400(api, db, params):
    assert api.get("/api/tickets/lookup/", params).status_code == 400


def test_lookup_of_only_stopwords_returns_nothing(api, seeds):
    assert api.get("/api/tickets/lookup/", {"text": "the and of"}).json() == []


def test_list_filters_by_status(api, seeds, reviewer):
    from verification import services

    ticket = Ticket.objects.first()
    services.ticket_transition(ticket_id=ticket.pk, to_status="disputed", actor=reviewer, rationale="checked")
    response = api.get("/api/tickets/", {"status": "disputed"})
    assert [t["id"] for t in response.json()["results"]] == [ticket.pk]


def test_list_runs_a_fixed_number_of_queries(api, corroborated_seeds):
    with CaptureQueriesContext(connection) as queries:
        response = api.get("/api/tickets/")
    assert response.status_code == 200
    assert len(response.json()["results"]) > 10
    assert len(queries) == 1  # the page alone: cursor pages need no COUNT


def test_detail_runs_a_fixed_number_of_queries(api, corroborated_seeds):
    ticket = Ticket.objects.filter(candidates__isnull=False).first()
    with CaptureQueriesContext(connection) as queries:
        api.get(f"/api/tickets/{ticket.pk}/")
    assert len(queries) <= 5


def test_writes_need_a_token(api, corroborated_seeds):
    ticket = Ticket.objects.first()
    response = api.post(f"/api/tickets/{ticket.pk}/transition/", {"status": "disputed", "rationale": "x"})
    assert response.status_code in (401, 403)
    ticket.refresh_from_db()
    assert ticket.status == "unverified"


def test_a_reviewer_token_decides_and_corroborates(api, reviewer_token):
    api.credentials(HTTP_AUTHORIZATION=f"Token {reviewer_token}")
    ticket = ticket_with_evidence(supporting=1, contradicting=1)
    refused = api.post(f"/api/tickets/{ticket.pk}/transition/", {"status": "corroborated"}, format="json")
    assert refused.status_code == 409
    assert "accept at least one supporting source" in refused.json()["detail"]
    support = CandidateSource.objects.filter(ticket=ticket, stance=Stance.SUPPORTS).first()
    decided = api.post(f"/api/candidates/{support.pk}/decision/", {"decision": "accepted"}, format="json")
    assert decided.status_code == 200
    assert decided.json()["decided_by"] == "rita"
    moved = api.post(
        f"/api/tickets/{ticket.pk}/transition/",
        {"status": "corroborated", "rationale": "A second reporter saw the same room"},
        format="json",
    )
    assert moved.status_code == 200
    assert moved.json()["status"] == "corroborated"
    assert moved.json()["history"][0]["rationale"] == "A second reporter saw the same room"


def test_the_openapi_schema_is_served(api, db):
    response = api.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert "/api/tickets/lookup/" in response.json()["paths"]


@pytest.mark.parametrize(
    "url", ["/api/tickets/abc/", "/api/tickets/abc/transition/", "/api/candidates/abc/decision/"]
)
def test_malformed_ids_are_404_not_500(reviewer_api, db, url):
    method = (
        reviewer_api.post if url.endswith(("/transition/", "/decision/")) else reviewer_api.get
    )
    assert method(url, {}, format="json").status_code == 404


def test_anonymous_callers_are_throttled(api, db, monkeypatch):
    import uuid

    from verification.api.throttling import DeskThrottle

    monkeypatch.setattr(DeskThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": None})
    client_address = f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"
    codes = [api.get("/api/tickets/", REMOTE_ADDR=client_address).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]


def test_reads_can_require_a_login(api, seeds, settings):
    settings.VERIFICATION_API_ANONYMOUS_READ = False
    assert api.get("/api/tickets/").status_code in (401, 403)


def test_a_decision_sent_on_a_stale_view_is_409(reviewer_api, corroborated_seeds):
    candidate = CandidateSource.objects.first()
    url = f"/api/candidates/{candidate.pk}/decision/"
    assert reviewer_api.post(url, {"decision": "rejected"}, format="json").status_code == 200
    stale = reviewer_api.post(url, {"decision": "accepted", "expected_decision": "pending"}, format="json")
    assert stale.status_code == 409


def test_a_change_sent_against_an_older_version_of_the_ticket_is_409(reviewer_api, corroborated_seeds):
    candidate = CandidateSource.objects.filter(stance=Stance.SUPPORTS).first()
    ticket_url = f"/api/tickets/{candidate.ticket_id}/"
    seen = reviewer_api.get(ticket_url).json()["version"]
    decided = reviewer_api.post(
        f"/api/candidates/{candidate.pk}/decision/",
        {"decision": "accepted", "expected_version": seen},
        format="json",
    )
    assert decided.status_code == 200
    # Another client's view from before the decision is now stale: its status change is refused.
    stale = reviewer_api.post(
        f"{ticket_url}transition/",
        {"status": "disputed", "rationale": "Looks wrong", "expected_version": seen},
        format="json",
    )
    assert stale.status_code == 409
    assert "changed since you opened it" in stale.json()["detail"]
    assert reviewer_api.get(ticket_url).json()["status"] == "unverified"


@pytest.mark.parametrize(
    ("since", "found"),
    [
        ("0200-11-19T03:30:36-22:17", True),
        ("0001-01-01T00:00:00+05:00", True),
        ("9999-12-31T23:00:00-05:00", False),
        ("2999-01-01T00:00:00Z", False),
    ],
)
def test_updated_since_takes_any_iso_offset(api, seeds, since, found):
    response = api.get("/api/tickets/", {"updated_since": since})
    assert response.status_code == 200
    assert bool(response.json()["results"]) is found


def test_a_decision_that_would_strip_a_verdict_of_its_evidence_is_409(reviewer_api, reviewer):
    from verification import services

    ticket = ticket_with_evidence(supporting=1, contradicting=0)
    support = ticket.candidates.get()
    services.candidate_decide(candidate_id=support.pk, decision="accepted", actor=reviewer)
    services.ticket_transition(ticket_id=ticket.pk, to_status="corroborated", actor=reviewer, rationale="ok")
    refused = reviewer_api.post(
        f"/api/candidates/{support.pk}/decision/", {"decision": "rejected"}, format="json"
    )
    assert refused.status_code == 409
    assert refused.json()["code"] == "evidence_in_use"
    assert "move it back to unverified" in refused.json()["detail"]
    support.refresh_from_db()
    assert support.decision == "accepted"


def test_error_codes_are_snake_case(reviewer_api, db):
    missing = reviewer_api.get("/api/tickets/999999/").json()
    assert missing["code"] == "not_found"
    bad = reviewer_api.post(
        "/api/tickets/999999/transition/", {"status": "disputed", "rationale": "x"}, format="json"
    ).json()
    assert bad["code"] == "not_found"
