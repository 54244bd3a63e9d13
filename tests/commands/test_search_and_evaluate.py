"""The search and evaluate commands: JSON a script can read, clear errors, nothing left behind."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from verification.models import Document, Passage

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_search_json_lists_ranked_candidates_with_stance_and_cues(seeds):
    payload = json.loads(run("search", "--json", "Russia denies its troops committed war crimes"))
    assert payload["semantic"] is False
    candidates = payload["candidates"]
    assert candidates
    assert candidates == sorted(candidates, key=lambda c: -c["score"])
    denial = next(c for c in candidates if "have not committed war crimes" in c["text"])
    assert denial["stance"] == "supports"  # a denial agrees with a claim that reports the denial
    assert "rules: both negate" in denial["cues"]
    assert {"crime", "war"} <= set(denial["shared_terms"])
    assert denial["origin"]


def test_search_plain_output_and_bad_input(seeds):
    assert "1. [" in run("search", "torture chamber in Balakliya")
    assert "No passage" in run("search", "quantum chromodynamics")
    with pytest.raises(CommandError, match="Give a text"):
        run("search", "   ")
    with pytest.raises(CommandError, match="--limit"):
        run("search", "x", "--limit", "0")


def test_evaluate_retrieval_on_a_small_corpus_and_leaves_no_rows(tmp_path):
    claims = tmp_path / "claims.jsonl"
    passages = tmp_path / "passages.tsv"
    claims.write_text(
        json.dumps({"claim_id": "1", "claim": "Polar bear numbers are falling as sea ice melts.",
                    "supports_ids": ["Polar bear:1"], "refutes_ids": []}) + "\n"
        + json.dumps({"claim_id": "2", "claim": "Sea level has not risen at all since 1900.",
                      "supports_ids": [], "refutes_ids": ["Sea level:4"]}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    passages.write_text(
        "passage_id\tarticle\ttext\n"
        "Polar bear:1\tPolar bear\tPolar bear numbers are falling because the sea ice they hunt on melts.\n"
        "Polar bear:2\tPolar bear\tPolar bears live in the Arctic.\n"
        "Sea level:4\tSea level\tGlobal sea level rose by about 20 cm between 1900 and 2018.\n"
        "Volcano:1\tVolcano\tThe eruption cooled the planet for two years.\n",
        encoding="utf-8",
    )
    report = json.loads(
        run(
            "evaluate",
            "retrieval",
            "--claims",
            str(claims),
            "--passages",
            str(passages),
            "--no-semantic",
            "--json",
        )
    )
    assert report["claims_with_gold"] == 2
    assert report["recall@1"] == 1.0
    assert report["mrr"] == 1.0
    assert report["stance"]["pairs"] == 2
    assert report["stance"]["confusion"] == {"supports": {"supports": 1}, "refutes": {"contradicts": 1}}
    assert not Document.objects.exists()
    assert not Passage.objects.exists()
    table = run(
        "evaluate", "retrieval", "--claims", str(claims), "--passages", str(passages), "--no-semantic"
    )
    assert "Recall@10" in table
    assert "Majority-class baseline" in table


def test_evaluate_retrieval_errors_say_what_to_do(tmp_path, settings):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(CommandError, match="holds no claims"):
        run("evaluate", "retrieval", "--claims", str(empty), "--passages", str(empty), "--no-semantic")
    settings.VERIFICATION_SEMANTIC_SEARCH = False
    with pytest.raises(CommandError, match="pip install torch==2.13.0"):
        run("evaluate", "retrieval", "--claims", str(empty), "--passages", str(empty), "--semantic")
