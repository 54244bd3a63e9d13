"""manage.py ingest URL, import_claimreview, evaluate factchecks; the verdict where reviewers look."""

import json

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import BUCHA, ingest_file
from tests.local_web import article_html, seed_paragraphs
from verification.models import ArchivedPage, Document, FactCheckMatch, KnownFactCheck

pytestmark = pytest.mark.django_db

CLAIM = "Ukrainian officials discovered a torture room in a town seized from retreating Russian troops"


def claimreview_file(tmp_path, **changes):
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://factcheck.example.org/bucha-torture-room",
        "claimReviewed": CLAIM,
        "datePublished": "2022-04-07",
        "author": {"@type": "Organization", "name": "Example Check"},
        "reviewRating": {"@type": "Rating", "alternateName": "Accurate"},
        **changes,
    }
    path = tmp_path / "reviews.json"
    path.write_text(json.dumps({"@type": "DataFeed", "dataFeedElement": [{"item": [review]}]}))
    return path


def test_ingest_fetches_a_url_and_archives_it(local_web, capsys):
    local_web.expect_request("/bucha").respond_with_data(
        article_html(title="Bucha", paragraphs=seed_paragraphs("000_9afca7dae90c1c15.txt")),
        content_type="text/html",
    )
    call_command("ingest", local_web.url_for("/bucha"))
    assert "ingested (document" in capsys.readouterr().out
    document = Document.objects.get(url=local_web.url_for("/bucha"))
    assert ArchivedPage.objects.filter(document=document).exists()


def test_ingest_of_a_missing_page_fails_and_stores_nothing(local_web):
    local_web.expect_request("/gone").respond_with_data("no", status=404)
    with pytest.raises(CommandError, match="nothing of them was stored"):
        call_command("ingest", local_web.url_for("/gone"))
    assert not Document.objects.exists()


def test_imported_fact_checks_show_on_matching_tickets_in_the_admin_api_and_queue(
    tmp_path, seeds, client, reviewer, capsys
):
    call_command("import_claimreview", str(claimreview_file(tmp_path)))
    assert "1 fact-checks imported" in capsys.readouterr().out
    # The best match is the ticket of that claim; a looser one (another town's torture chamber) may
    # follow with a lower similarity, for the reviewer to judge.
    match = FactCheckMatch.objects.select_related("ticket").order_by("-similarity").first()
    assert "torture room" in match.ticket.claim_text
    assert match.similarity > 0.9
    verdict = "checked by Example Check on 2022-04-07: Accurate"

    client.force_login(reviewer)
    page = client.get(f"/admin/verification/ticket/{match.ticket_id}/change/").content.decode()
    assert verdict in page
    assert f"similarity {match.similarity:.2f}" in page
    queue = client.get("/admin/verification/ticket/").content.decode()
    assert queue.count("checked elsewhere") == FactCheckMatch.objects.count()

    detail = client.get(f"/api/tickets/{match.ticket_id}/").json()
    assert detail["has_factcheck"] is True
    assert detail["known_factchecks"][0]["verdict"] == verdict
    assert detail["known_factchecks"][0]["similarity"] == match.similarity


def test_a_ticket_opened_after_the_import_is_matched_at_once(tmp_path, capsys):
    call_command("import_claimreview", str(claimreview_file(tmp_path)))
    assert not FactCheckMatch.objects.exists()
    ingest_file(BUCHA)
    (match,) = FactCheckMatch.objects.select_related("ticket")
    assert "torture room" in match.ticket.claim_text


def test_a_reimport_refreshes_instead_of_duplicating(tmp_path, capsys):
    call_command("import_claimreview", str(claimreview_file(tmp_path)))
    call_command("import_claimreview", str(claimreview_file(tmp_path, reviewRating={"name": "Mostly true"})))
    assert "0 fact-checks imported, 1 refreshed" in capsys.readouterr().out
    assert KnownFactCheck.objects.get().rating == "Mostly true"


def test_a_file_that_is_not_claimreview_is_refused_whole(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([{"@type": "Article"}]))
    with pytest.raises(CommandError, match="no ClaimReview"):
        call_command("import_claimreview", str(path))
    path.write_text("{not json")
    with pytest.raises(CommandError, match="not JSON"):
        call_command("import_claimreview", str(path))
    assert not KnownFactCheck.objects.exists()


def test_evaluate_factchecks_reports_the_desk_beside_word_overlap(tmp_path, capsys):
    rows = ["Headline,Body ID,Stance"]
    stories = {
        "1": ["Boy found alive after three days in a collapsed mine", "Miners rescue boy alive after 3 days"],
        "2": ["Apple to unveil a smartwatch at its autumn event", "Apple autumn event to unveil smartwatch"],
        "3": ["Banksy arrested in London, police say"],
    }
    for body, headlines in stories.items():
        rows += [f"{h},{body},agree" for h in headlines]
    rows.append(f"{stories['1'][0]},2,unrelated")
    path = tmp_path / "stances.csv"
    path.write_text("\n".join(rows) + "\n")
    call_command("evaluate", "factchecks", str(path), "--json")
    report = json.loads(capsys.readouterr().out)
    assert (report["factchecks"], report["positives"], report["negatives"]) == (2, 2, 1)
    desk, _, baseline = report["methods"]
    assert desk["p_at_1"] == 1.0
    assert baseline["method"].startswith("word overlap")
    assert not KnownFactCheck.objects.exists()  # the evaluation's fact-checks were rolled back

