"""A reviewer's day in a real browser: queue, ticket, evidence, status change, conflict, hostile text."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from verification import services
from verification.ingestion import parse_text
from verification.models import Ticket
from verification.roles import REVIEWER_GROUP
from verification.services.accounts import account_ensure

from .conftest import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def reviewers(corroborated_seeds):
    return [
        account_ensure(username=name, password=PASSWORD, role=REVIEWER_GROUP)[0] for name in ("rita", "sam")
    ]


def test_a_reviewer_filters_opens_accepts_corroborates_and_sees_the_history(session, live_server, reviewers):
    page = session("rita")
    page.goto(f"{live_server.url}/admin/verification/ticket/")
    filters = page.locator("#changelist-filter")
    expect(filters.locator("li.selected", has_text="Unverified")).to_be_visible()
    filters.get_by_role("link", name="Has support").click()
    expect(page).to_have_url(f"{live_server.url}/admin/verification/ticket/?evidence=supports")
    # Whichever claim heads the queue of those with support: the desk's order, not a chosen sentence.
    page.locator("#result_list tbody tr th a").first.click()
    expect(page.locator(".vd-context mark").first).to_be_visible()
    ticket_id = int(re.search(r"/ticket/(\d+)/change/", page.url).group(1))

    # Refused first: the guard says what is missing, and nothing changes.
    page.locator("#vd-move-corroborated summary").click()
    page.fill("#vd-rationale-corroborated", "Too early")
    page.locator("button[name=transition][value=corroborated]").click()
    expect(page.locator(".messagelist .error")).to_contain_text("accept at least one supporting source")

    page.locator("tr.vd-stance-supports").first.locator("button", has_text="Accept").click()
    expect(page.locator(".messagelist .success")).to_contain_text("accepted")
    page.locator("#vd-move-corroborated summary").click()
    page.fill("#vd-rationale-corroborated", "An independent account matches, from another publisher.")
    page.locator("button[name=transition][value=corroborated]").click()
    expect(page.locator(".messagelist .success")).to_contain_text("Ticket is now corroborated.")
    history = page.locator("table.vd-history")
    expect(history).to_contain_text("Unverified → Corroborated")
    expect(history).to_contain_text("An independent account matches, from another publisher.")
    expect(history).to_contain_text("rita")
    assert Ticket.objects.get(pk=ticket_id).status == "corroborated"


def test_a_second_session_editing_the_same_ticket_gets_the_conflict_message(session, live_server, reviewers):
    ticket = Ticket.objects.filter(status="unverified").order_by("pk").first()
    url = f"{live_server.url}/admin/verification/ticket/{ticket.pk}/change/"
    first, second = session("rita"), session("sam")
    first.goto(url)
    second.goto(url)
    first.locator("#vd-move-disputed summary").click()
    first.fill("#vd-rationale-disputed", "The ministry denies it.")
    first.locator("button[name=transition][value=disputed]").click()
    expect(first.locator(".messagelist .success")).to_contain_text("Ticket is now disputed.")

    second.locator("#vd-move-disputed summary").click()
    second.fill("#vd-rationale-disputed", "My own reading of it.")
    second.locator("button[name=transition][value=disputed]").click()
    error = second.locator(".messagelist .error")
    expect(error).to_contain_text("changed since you opened it (rita marked it disputed")
    expect(error).to_contain_text("My own reading of it.")
    events = list(ticket.events.values_list("actor__username", "rationale"))
    assert events == [("rita", "The ministry denies it.")]


def test_a_hostile_document_runs_nothing_in_the_reviewers_browser(session, live_server, reviewers):
    hostile = (
        "Officials said that <script>window.pwned = 'script'; alert(1)</script> 40 soldiers were killed "
        "in Kyiv on Monday.\n\n"
        "The ministry said <img src=x onerror=\"window.pwned = 'img'; alert(2)\"> 12 tanks were destroyed "
        "near Izium on Sunday.\n\n"
        "<script>window.pwned = 'bare'</script><svg onload=\"window.pwned = 'svg'\"></svg>"
    )
    limit = settings.VERIFICATION_MAX_DOCUMENT_BYTES
    document = services.document_ingest(
        incoming=parse_text(
            hostile, source_name="hostile", title="<b onmouseover=alert(3)>T</b>", max_bytes=limit
        )
    ).document
    tickets = list(document.appearances.values_list("ticket_id", flat=True))
    assert tickets
    page = session("rita")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    urls = [
        f"/admin/verification/document/{document.pk}/change/",
        "/admin/verification/ticket/?status=all",
        *[f"/admin/verification/ticket/{pk}/change/" for pk in tickets],
    ]
    for url in urls:
        page.goto(live_server.url + url)
        page.wait_for_load_state("load")
        assert page.evaluate("window.pwned") is None, url
    page.goto(live_server.url + urls[0])
    expect(page.locator(".vd-document")).to_contain_text("<script>window.pwned")
    expect(page.locator(".vd-document")).to_contain_text("<img src=x onerror=")
    assert dialogs == []
