"""Retrieval metrics and the Climate-FEVER readers: figures by hand, clear errors on bad files; pure."""

import json

import pytest

from verification.evaluation.retrieval import (
    EvaluationDataError,
    LabelledClaim,
    RetrievalReport,
    read_claims,
    read_passages,
    retrieval_metrics,
    stance_metrics,
)

CLAIMS = [
    LabelledClaim("1", "a", supports=("p1", "p2"), refutes=()),
    LabelledClaim("2", "b", supports=(), refutes=("p3",)),
    LabelledClaim("3", "c", supports=(), refutes=()),  # no gold: not counted
]
RANKED = {"1": ["p9", "p1", "p8", "p7", "p6", "p5", "p4", "p0", "px", "p2"], "2": ["p9"]}


def test_recall_hit_rate_and_mrr_by_hand():
    report = RetrievalReport(mode="test")
    retrieval_metrics(CLAIMS, lambda claim: RANKED[claim.claim_id], report)
    assert report.claims == 2
    assert report.recall == {1: 0.0, 5: 0.25, 10: 0.5}  # claim 1: 1/2 then 2/2; claim 2: 0
    assert report.hit_rate == {1: 0.0, 5: 0.5, 10: 0.5}
    assert report.mrr == pytest.approx((1 / 2 + 0) / 2)


def test_stance_accuracy_counts_discusses_as_wrong_and_names_the_majority_baseline():
    predictions = {"p1": "supports", "p2": "discusses", "p3": "contradicts"}
    report = RetrievalReport(mode="test")
    stance_metrics(CLAIMS, lambda claim, pid: predictions[pid], report)
    assert report.stance_pairs == 3
    assert report.stance_accuracy == pytest.approx(2 / 3)
    assert (report.stance_majority_label, report.stance_majority_baseline) == (
        "supports",
        pytest.approx(2 / 3),
    )
    assert report.stance_confusion["supports"] == {"discusses": 1, "supports": 1}
    # supports: precision 1, recall 1/2 -> F1 2/3; refutes: precision 1, recall 1 -> F1 1.
    assert report.stance_macro_f1 == pytest.approx((2 / 3 + 1) / 2)
    # Always "supports": supports F1 = 2 * (2/3 * 1) / (2/3 + 1) = 0.8; refutes F1 = 0.
    assert report.stance_majority_macro_f1 == pytest.approx(0.4)
    assert "Stance accuracy" in report.as_table()
    assert json.loads(json.dumps(report.as_dict()))["stance"]["pairs"] == 3


def test_claims_are_read_from_json_lines(tmp_path):
    path = tmp_path / "claims.jsonl"
    path.write_text(
        json.dumps({"claim_id": 7, "claim": "x", "supports_ids": ["a:1"], "refutes_ids": []})
        + "\n\n"
        + json.dumps({"claim_id": 8, "claim": "y", "supports_ids": [], "refutes_ids": [], "nei_ids": ["b"]}),
        encoding="utf-8",
    )
    assert read_claims(path) == [
        LabelledClaim("7", "x", supports=("a:1",), refutes=()),
        LabelledClaim("8", "y", supports=(), refutes=(), not_enough=("b",)),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "holds no claims"),
        (b'{"claim_id": 1}\n', ":1: expected a JSON object"),
        (b"not json\n", ":1: expected a JSON object"),
        (b"\xff\xfe\x00binary", "Cannot read claims"),
    ],
)
def test_bad_claims_files_say_what_is_wrong(tmp_path, content, message):
    path = tmp_path / "claims.jsonl"
    path.write_bytes(content)
    with pytest.raises(EvaluationDataError, match=message):
        read_claims(path)


def test_passages_need_their_three_columns(tmp_path):
    path = tmp_path / "passages.tsv"
    path.write_text("id\ttext\n1\tx\n", encoding="utf-8")
    with pytest.raises(EvaluationDataError, match="lacks article, passage_id"):
        read_passages(path)
    path.write_text('passage_id\tarticle\ttext\nA:1\tA\tSome "quoted" text.\nA:2\tA\t\n', encoding="utf-8")
    assert [(p.passage_id, p.text) for p in read_passages(path)] == [("A:1", 'Some "quoted" text.')]


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(EvaluationDataError, match="Cannot read passages"):
        read_passages(tmp_path / "absent.tsv")
