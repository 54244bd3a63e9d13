"""ClaimReview by endpoint and by export command, for tickets with a verdict; open tickets have none."""

import datetime as dt
import io
import json

import jsonschema
import pytest
from django.core.management import call_command

from tests.claimreview.google import missing_google_fields
from tests.factories import AppearanceFactory, ticket_with_evidence
from verification import services
from verification.choices import Stance
from verification.models import CandidateSource, Document, Ticket

pytestmark = pytest.mark.django_db


@pytest.fixture
def corroborated_ticket(reviewer):
    """A dated claim by Ukrainian officials, corroborated on a supporting source from another document."""
    ticket = ticket_with_evidence(supporting=1, contradicting=0)
    Ticket.objects.filter(pk=ticket.pk).update(claimant="Ukrainian officials")
    Document.objects.filter(appearances__ticket=ticket).update(published_on=dt.date(2022, 4, 5))
    # Other tickets, open, each seen in a dated document, for the export to leave out or review.
    for _ in range(11):
        AppearanceFactory(document__published_on=dt.date(2022, 9, 12))
    support = CandidateSource.objects.get(ticket=ticket, stance=Stance.SUPPORTS)
    services.candidate_decide(candidate_id=support.pk, decision="accepted", actor=reviewer)
    services.ticket_transition(
        ticket_id=ticket.pk, to_status="corroborated", actor=reviewer, rationale="A second reporter saw it"
    )
    ticket.refresh_from_db()
    return ticket


def test_a_corroborated_ticket_publishes_a_claimreview_google_accepts(
    api, corroborated_ticket, settings
):
    settings.VERIFICATION_PUBLISHER_NAME = "Kyiv Verification Desk"
    settings.VERIFICATION_SITE_URL = "https://desk.example.org"
    settings.VERIFICATION_REVIEW_URL = "{site_url}/reviews/{ticket_id}"
    response = api.get(f"/api/tickets/{corroborated_ticket.pk}/claimreview/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    review = response.json()
    assert missing_google_fields(review) == []
    assert review["claimReviewed"] == corroborated_ticket.claim_text
    assert review["author"]["name"] == "Kyiv Verification Desk"
    assert review["url"] == f"https://desk.example.org/reviews/{corroborated_ticket.pk}"
    assert review["reviewRating"]["alternateName"] == "Corroborated"
    assert review["reviewBody"] == "A second reporter saw it"
    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": "Ukrainian officials"}
    assert review["itemReviewed"]["datePublished"] == "2022-04-05"  # its document's date


def test_an_open_ticket_has_no_claimreview(api, db):
    ticket = AppearanceFactory().ticket
    response = api.get(f"/api/tickets/{ticket.pk}/claimreview/")
    assert response.status_code == 404
    assert "no ClaimReview yet" in response.json()["detail"]


def test_the_export_writes_one_review_per_line_for_tickets_with_a_verdict(corroborated_ticket, reviewer):
    disputed = Ticket.objects.exclude(pk=corroborated_ticket.pk).first()
    services.ticket_transition(
        ticket_id=disputed.pk, to_status="disputed", actor=reviewer, rationale="Denied"
    )
    out, err = io.StringIO(), io.StringIO()
    call_command("export_claimreview", stdout=out, stderr=err)
    reviews = [json.loads(line) for line in out.getvalue().splitlines()]
    assert sorted(r["reviewRating"]["alternateName"] for r in reviews) == ["Corroborated", "Disputed"]
    assert all(missing_google_fields(r) == [] for r in reviews)
    assert "2 ClaimReview document(s) written" in err.getvalue()


def test_the_export_as_one_json_array_to_a_file(corroborated_ticket, tmp_path):
    target = tmp_path / "reviews.json"
    call_command("export_claimreview", "--format", "json", "--output", str(target), stderr=io.StringIO())
    [review] = json.loads(target.read_text())
    assert review["claimReviewed"] == corroborated_ticket.claim_text


def test_an_export_of_nothing_is_an_empty_array(db):
    out = io.StringIO()
    call_command("export_claimreview", "--format", "json", stdout=out, stderr=io.StringIO())
    assert json.loads(out.getvalue()) == []


def test_the_export_reads_a_fixed_number_of_queries(
    corroborated_ticket, reviewer, django_assert_max_num_queries
):
    for ticket in Ticket.objects.exclude(pk=corroborated_ticket.pk)[:10]:
        services.ticket_transition(ticket_id=ticket.pk, to_status="disputed", actor=reviewer, rationale="x")
    with django_assert_max_num_queries(4):  # count, tickets, appearances with documents, status changes
        call_command("export_claimreview", stdout=io.StringIO(), stderr=io.StringIO())


def test_the_claimreview_matches_the_schema_the_api_documents(api, corroborated_ticket):
    schema = api.get("/api/schema/?format=json").json()
    operation = schema["paths"]["/api/tickets/{id}/claimreview/"]["get"]
    documented = operation["responses"]["200"]["content"]["application/ld+json"]["schema"]
    review = api.get(f"/api/tickets/{corroborated_ticket.pk}/claimreview/").json()
    jsonschema.validate(review, documented, format_checker=jsonschema.FormatChecker())
    assert documented["required"]  # the fields are spelled out, not an open object
