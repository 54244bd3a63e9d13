"""`manage.py extract` and `manage.py evaluate`: figures and candidates printed, nothing written."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import SEEDS
from verification.evaluation.checkworthiness import model_score
from verification.evaluation.labelled import read_labelled_tsv
from verification.evaluation.metrics import binary_figures
from verification.models import Document, Ticket

LABELLED = Path(__file__).with_name("data") / "checkworthiness.tsv"
SEED_BALAKLIYA = SEEDS / "001_1f08442e5b047b61.txt"


def run(*args, stdin: bytes | None = None, monkeypatch=None) -> str:
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines()]


@pytest.mark.django_db
def test_extract_prints_the_candidates_of_a_seed_and_stores_nothing():
    candidates = json_lines(run("extract", "--json", str(SEED_BALAKLIYA)))
    text = SEED_BALAKLIYA.read_text(encoding="utf-8")
    assert len(candidates) >= 10
    for candidate in candidates:
        assert set(candidate) == {"text", "start", "end", "score", "reasons", "claimant", "hedges"}
        assert text[candidate["start"] : candidate["end"]] == candidate["text"]
        assert candidate["score"] >= 0.35
    assert candidates[0]["claimant"] == "Ukrainian officials"
    assert candidates[0]["hedges"] == ["accused"]
    assert not any("BARRETO" in candidate["text"] for candidate in candidates)
    assert Document.objects.count() == Ticket.objects.count() == 0


def test_extract_reads_html_from_standard_input(monkeypatch):
    page = (
        b"<html><body><nav>Home | World</nav><article><p>Officials said 40 tanks were destroyed near "
        b"Kharkiv on Monday.</p></article></body></html>"
    )
    [candidate] = json_lines(
        run("extract", "--json", "--format", "html", "-", stdin=page, monkeypatch=monkeypatch)
    )
    assert candidate["text"] == "Officials said 40 tanks were destroyed near Kharkiv on Monday."
    assert candidate["claimant"] == "Officials"


def test_extract_sentences_scores_every_line_in_order(monkeypatch):
    lines = "We lost 700,000 jobs last year.\nI think it is awful.\n“It was a lie,” he claimed.\n"
    results = json_lines(
        run("extract", "--json", "--sentences", "-", stdin=lines.encode(), monkeypatch=monkeypatch)
    )
    assert [r["text"] for r in results] == lines.splitlines()
    assert results[0]["score"] > 0.9 > 0.1 > results[1]["score"]
    assert results[2]["hedges"] == ["claimed"]
    assert all(r["start"] == 0 and r["end"] == len(r["text"]) for r in results)


def test_extract_prints_readable_lines_without_json():
    first = run("extract", str(SEED_BALAKLIYA)).splitlines()[0]
    assert first.startswith("0.")
    assert "Ukrainian officials [accused]: Ukrainian officials have accused Russia" in first


def test_extract_refuses_unreadable_input_with_the_reason(tmp_path):
    with pytest.raises(CommandError, match="cannot be read"):
        run("extract", str(tmp_path / "missing.txt"))
    broken = tmp_path / "broken.json"
    broken.write_text('{"text": ')
    with pytest.raises(CommandError, match="not valid JSON"):
        run("extract", str(broken))
    with pytest.raises(CommandError, match="outside"):
        run("extract", "--threshold", "2", str(broken))


def test_evaluate_prints_the_figures_of_the_model_and_the_digit_baseline():
    report = json.loads(
        run(
            "evaluate",
            "checkworthiness",
            str(LABELLED),
            "--text-column",
            "sentence",
            "--threshold",
            "0.35",
            "--json",
        )
    )
    assert (report["sentences"], report["positives"], report["threshold"]) == (18, 9, 0.35)
    baseline = report["scorers"]["contains a digit"]
    # Digits: rows 1-3, 5 and 6 positive, row 16 negative; rows 4, 7, 8 and 17 are positives without one.
    assert (baseline["true_positives"], baseline["false_positives"], baseline["false_negatives"]) == (5, 1, 4)
    assert baseline["precision"] == pytest.approx(5 / 6)
    assert baseline["recall"] == pytest.approx(5 / 9)
    data = read_labelled_tsv(LABELLED, text_column="sentence", label_column="label")
    expected = binary_figures(data.labels, [model_score(t) for t in data.texts], threshold=0.35)
    model = report["scorers"]["check-worthiness model"]
    assert model["f1"] == pytest.approx(expected.f1)
    assert model["average_precision"] == pytest.approx(expected.average_precision)
    assert model["f1"] > baseline["f1"]


def test_evaluate_prints_a_table_by_default():
    table = run("evaluate", "checkworthiness", str(LABELLED), "--text-column", "sentence")
    assert "18 sentences, 9 labelled check-worthy; threshold 0.35" in table
    assert "contains a digit" in table
    assert "precision" in table


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("id\tlabel\ttext\n1\tyes\tA sentence.\n", "line 2: label 'yes' is not 0 or 1"),
        ("id\tlabel\tsentence\n1\t1\tA sentence.\n", "no column 'text'"),
        ("id\tlabel\ttext\n", "no rows"),
    ],
)
def test_evaluate_refuses_a_bad_file_with_the_line_or_column(tmp_path, content, message):
    path = tmp_path / "bad.tsv"
    path.write_text(content)
    with pytest.raises(CommandError, match=message):
        run("evaluate", "checkworthiness", str(path))


def test_evaluate_needs_a_measure():
    with pytest.raises(CommandError):
        run("evaluate")


def test_train_writes_a_model_that_scores_with_its_cross_validated_figures(tmp_path):
    out = tmp_path / "model.json"
    run(
        "train",
        "checkworthiness",
        str(LABELLED),
        "--text-column",
        "sentence",
        "--folds",
        "3",
        "--min-count",
        "1",
        "--source",
        "hand-written test sentences",
        "--out",
        str(out),
    )
    from verification.extraction import score_sentence
    from verification.extraction.model import load_model

    model = load_model(out)
    assert model.about["source"] == "hand-written test sentences"
    assert model.about["sentences"] == 18
    assert 0 <= model.about["cross_validated"]["f1"] <= 1
    assert model.cues["meta"] == -3.0  # set by hand, not learned
    assert "jobs" in model.terms or "percent" in model.terms
    high = score_sentence("Unemployment rose to 9 percent in May.", model=model)[0]
    low = score_sentence("I think we can do better.", model=model)[0]
    assert high > low


CLAIMANTS = Path(__file__).resolve().parents[1] / "extraction" / "data" / "claimants.json"


def test_evaluate_claimants_prints_the_rules_beside_the_sentence_alone():
    table = run("evaluate", "claimants", str(CLAIMANTS))
    assert "attribution rules" in table
    assert "sentence alone" in table
    report = json.loads(run("evaluate", "claimants", str(CLAIMANTS), "--json"))
    assert report["sentences"] >= 30
    assert report["accuracy"]["attribution rules"] > report["accuracy"]["sentence alone"]


def test_evaluate_claimants_refuses_a_file_that_is_not_a_test_set(tmp_path):
    path = tmp_path / "set.json"
    path.write_text('{"articles": "none"}', encoding="utf-8")
    with pytest.raises(CommandError, match="non-empty"):
        run("evaluate", "claimants", str(path))
