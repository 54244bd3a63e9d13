"""Correcting a candidate's stance on its own admin page, through Django's test client."""

import pytest

from tests.factories import AppearanceFactory, CandidateFactory, TicketFactory
from verification.choices import EventKind, Stance
from verification.roles import READ_ONLY_GROUP
from verification.services.accounts import account_ensure

pytestmark = pytest.mark.django_db


@pytest.fixture
def mislabelled():
    ticket = TicketFactory()
    AppearanceFactory(ticket=ticket)
    return CandidateFactory(
        ticket=ticket, stance=Stance.CONTRADICTS, stance_cues=["rules: passage negates: not"]
    )


def _url(candidate):
    return f"/admin/verification/ticket/{candidate.ticket_id}/candidates/{candidate.pk}/stance/"


def test_the_ticket_page_links_to_the_correction_page_which_shows_the_cues(client, reviewer, mislabelled):
    client.force_login(reviewer)
    page = client.get(f"/admin/verification/ticket/{mislabelled.ticket_id}/change/").content.decode()
    assert f'href="{_url(mislabelled)}"' in page
    form = client.get(_url(mislabelled))
    assert form.status_code == 200
    html = form.content.decode()
    assert mislabelled.passage.text in html
    assert "rules: passage negates: not" in html
    assert 'name="stance"' in html
    assert 'name="rationale"' in html


def test_a_reviewer_corrects_the_stance_and_the_history_says_who_and_why(client, reviewer, mislabelled):
    client.force_login(reviewer)
    ticket = mislabelled.ticket
    response = client.post(
        _url(mislabelled),
        {
            "stance": "supports",
            "rationale": "It confirms the claim",
            "expected_stance": "contradicts",
            "version": 1,
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/change/#vd-candidate-{mislabelled.pk}")
    mislabelled.refresh_from_db()
    assert (mislabelled.stance, mislabelled.machine_stance) == (Stance.SUPPORTS, Stance.CONTRADICTS)
    event = ticket.events.get()
    assert (event.kind, event.actor, event.rationale) == (
        EventKind.STANCE_CORRECTION,
        reviewer,
        "It confirms the claim",
    )
    page = client.get(f"/admin/verification/ticket/{ticket.pk}/change/").content.decode()
    assert f"Stance of candidate {mislabelled.pk}: Contradicts → Supports" in page
    assert "the machine said contradicts" in page


def test_a_correction_without_a_reason_or_on_a_stale_page_is_refused_and_the_text_is_kept(
    client, reviewer, mislabelled
):
    client.force_login(reviewer)
    missing = client.post(
        _url(mislabelled),
        {"stance": "supports", "rationale": "", "expected_stance": "contradicts", "version": 1},
    )
    assert missing.status_code == 200
    assert missing.context["form"].errors["rationale"]
    stale = client.post(
        _url(mislabelled),
        {"stance": "supports", "rationale": "my reason", "expected_stance": "contradicts", "version": 0},
    )
    assert stale.status_code == 200
    assert "changed since you opened it" in stale.content.decode()
    assert "my reason" in stale.content.decode()
    mislabelled.refresh_from_db()
    assert mislabelled.stance == Stance.CONTRADICTS
    assert not mislabelled.ticket.events.exists()


def test_a_read_only_user_may_not_open_the_correction_page(client, mislabelled):
    viewer, _ = account_ensure(username="vic", password="vic-views-2026", role=READ_ONLY_GROUP)
    client.force_login(viewer)
    assert client.get(_url(mislabelled)).status_code == 403
    assert client.post(_url(mislabelled), {"stance": "supports", "rationale": "x"}).status_code == 403


def test_a_candidate_of_another_ticket_is_not_found(client, reviewer, mislabelled):
    client.force_login(reviewer)
    other = CandidateFactory()
    url = f"/admin/verification/ticket/{mislabelled.ticket_id}/candidates/{other.pk}/stance/"
    assert client.get(url).status_code == 404
