"""Correcting a candidate's stance through the API, with the history and the guard it feeds."""

import pytest

from tests.factories import AppearanceFactory, CandidateFactory, TicketFactory
from verification.choices import Stance

pytestmark = pytest.mark.django_db


@pytest.fixture
def mislabelled():
    ticket = TicketFactory()
    AppearanceFactory(ticket=ticket)
    return CandidateFactory(ticket=ticket, stance=Stance.CONTRADICTS)


def test_a_reviewer_corrects_a_stance_then_can_corroborate_on_it(reviewer_api, mislabelled):
    ticket_id = mislabelled.ticket_id
    reviewer_api.post(f"/api/candidates/{mislabelled.pk}/decision/", {"decision": "accepted"}, format="json")
    refused = reviewer_api.post(
        f"/api/tickets/{ticket_id}/transition/", {"status": "corroborated"}, format="json"
    )
    assert refused.status_code == 409
    corrected = reviewer_api.post(
        f"/api/candidates/{mislabelled.pk}/stance/",
        {"stance": "supports", "rationale": "Same town, same figure.", "expected_stance": "contradicts"},
        format="json",
    )
    assert corrected.status_code == 200, corrected.content
    body = corrected.json()
    assert (body["stance"], body["machine_stance"], body["stance_corrected_by"]) == (
        "supports",
        "contradicts",
        "rita",
    )
    moved = reviewer_api.post(
        f"/api/tickets/{ticket_id}/transition/", {"status": "corroborated"}, format="json"
    )
    assert moved.status_code == 200
    assert moved.json()["status"] == "corroborated"
    history = moved.json()["history"]
    correction = next(e for e in history if e["kind"] == "stance_correction")
    assert (
        correction["from_stance"],
        correction["to_stance"],
        correction["actor"],
        correction["rationale"],
    ) == (
        "contradicts",
        "supports",
        "rita",
        "Same town, same figure.",
    )


def test_bad_or_stale_corrections_are_refused_clearly(reviewer_api, api, mislabelled):
    url = f"/api/candidates/{mislabelled.pk}/stance/"
    assert reviewer_api.post(url, {"stance": "related", "rationale": "x"}, format="json").status_code == 400
    assert reviewer_api.post(url, {"stance": "supports"}, format="json").status_code == 400
    stale = reviewer_api.post(
        url, {"stance": "supports", "rationale": "x", "expected_stance": "discusses"}, format="json"
    )
    assert stale.status_code == 409
    assert api.post(url, {"stance": "supports", "rationale": "x"}, format="json").status_code in (401, 403)
    mislabelled.refresh_from_db()
    assert mislabelled.stance == Stance.CONTRADICTS
