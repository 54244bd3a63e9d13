"""`manage.py evaluate stance` and `evaluate stance-evidence` on small files written here."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests.stance.copies import model_copy

BODIES = [
    (
        "1",
        (
            "Russian forces shelled the central hospital in Kharkiv on Monday, killing three people, "
            "regional officials said. Rescue teams searched the rubble through the night."
        ),
    ),
    ("2", "Apple unveiled two new iPhones with larger screens at its September event in California."),
]
STANCES = [
    ("Russian shelling hit a Kharkiv hospital", "1", "agree"),
    ("Apple unveils larger iPhones", "2", "agree"),
    ("Russian shelling hit a Kharkiv hospital", "2", "unrelated"),
]


def write_csv(path, header, rows):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def fnc_files(tmp_path):
    stances = write_csv(tmp_path / "stances.csv", ["Headline", "Body ID", "Stance"], STANCES)
    bodies = write_csv(tmp_path / "bodies.csv", ["Body ID", "articleBody"], BODIES)
    return stances, bodies


def test_evaluate_stance_reports_the_model_beside_word_overlap_and_writes_predictions(fnc_files, tmp_path):
    stances, bodies = fnc_files
    out = tmp_path / "predictions.csv"
    report = json.loads(
        run("evaluate", "stance", str(stances), str(bodies), "--predictions", str(out), "--json")
    )
    assert set(report["methods"]) == {"model", "model alone", "word overlap"}
    for figures in report["methods"].values():
        assert figures["pairs"] == 3
        assert 0 <= figures["fnc_score"] <= 1
        assert 0 <= figures["macro_f1"] <= 1
        assert sum(sum(row.values()) for row in figures["confusion"].values()) == 3
    # Word overlap finds the related pairs and calls every related pair "discuss".
    assert report["methods"]["word overlap"]["confusion"]["supports"] == {"discusses": 2}
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(row["Headline"], row["Body ID"]) for row in rows] == [(h, b) for h, b, _ in STANCES]
    assert {row["Stance"] for row in rows} <= {"agree", "disagree", "discuss", "unrelated"}


def test_evaluate_stance_never_reads_the_gold_column_to_decide(fnc_files, tmp_path):
    stances, bodies = fnc_files
    flipped = write_csv(
        tmp_path / "flipped.csv",
        ["Headline", "Body ID", "Stance"],
        [(h, b, "disagree" if s == "agree" else "agree") for h, b, s in STANCES],
    )
    unlabelled = write_csv(
        tmp_path / "unlabelled.csv", ["Headline", "Body ID"], [(h, b) for h, b, _ in STANCES]
    )
    written = []
    for name, path in (("gold", stances), ("flipped", flipped), ("none", unlabelled)):
        out = tmp_path / f"{name}-predictions.csv"
        run("evaluate", "stance", str(path), str(bodies), "--predictions", str(out))
        written.append([row[2] for row in csv.reader(out.open(encoding="utf-8"))][1:])
    assert written[0] == written[1] == written[2]


def test_evaluate_stance_table_names_the_measures(fnc_files):
    stances, bodies = fnc_files
    table = run("evaluate", "stance", str(stances), str(bodies))
    for words in ("FNC score", "macro-F1", "word overlap", "Confusion of model"):
        assert words in table


def test_evaluate_stance_names_a_missing_body_and_a_bad_label(fnc_files, tmp_path):
    stances, bodies = fnc_files
    orphan = write_csv(
        tmp_path / "orphan.csv", ["Headline", "Body ID", "Stance"], [("A claim", "9", "agree")]
    )
    with pytest.raises(CommandError, match="no body for Body ID 9"):
        run("evaluate", "stance", str(orphan), str(bodies))
    bad = write_csv(tmp_path / "bad.csv", ["Headline", "Body ID", "Stance"], [("A claim", "1", "maybe")])
    with pytest.raises(CommandError, match="row 2: Stance 'maybe'"):
        run("evaluate", "stance", str(bad), str(bodies))
    headless = write_csv(tmp_path / "headless.csv", ["Title", "Body ID"], [("A claim", "1")])
    with pytest.raises(CommandError, match="lacks the column"):
        run("evaluate", "stance", str(headless), str(bodies))


def test_evaluate_stance_evidence_reports_the_model_beside_both_baselines(tmp_path):
    claims = tmp_path / "claims.jsonl"
    claims.write_text(
        json.dumps(
            {
                "claim_id": "1",
                "claim": "Global warming is driving polar bears toward extinction",
                "supports_ids": ["Polar bear:1"],
                "refutes_ids": ["Polar bear:2"],
                "nei_ids": ["Polar bear:3"],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    passages = tmp_path / "passages.tsv"
    passages.write_text(
        "passage_id\tarticle\ttext\n"
        "Polar bear:1\tPolar bear\tThe loss of sea ice from global warming threatens polar bears.\n"
        "Polar bear:2\tPolar bear\tPolar bear numbers have risen and the species is not threatened.\n"
        "Polar bear:3\tPolar bear\tPolar bears live in the Arctic.\n",
        encoding="utf-8",
    )
    report = json.loads(
        run("evaluate", "stance-evidence", "--claims", str(claims), "--passages", str(passages), "--json")
    )
    assert set(report["methods"]) == {"model", "model alone", "always supports", "rules"}
    always = report["methods"]["always supports"]
    # Two gold passages (the not-enough-info one is not gold); always answering supports gets one.
    assert always["pairs"] == 2
    assert always["accuracy"] == 0.5
    assert always["macro_f1"] == pytest.approx((2 / 3 + 0) / 2, abs=1e-4)


def test_train_stance_names_a_missing_data_folder_before_training(tmp_path):
    with pytest.raises(CommandError, match=r"cannot read .*stances\.csv"):
        run("train", "stance", "--fnc", str(tmp_path / "nowhere"), "--out", str(tmp_path / "model"))
    assert not (tmp_path / "model").exists()


def test_evaluate_stance_measures_the_model_in_a_folder_as_the_shipped_one(fnc_files, tmp_path):
    stances, bodies = fnc_files
    folder = model_copy(tmp_path / "retrained")
    measure = ("evaluate", "stance", str(stances), str(bodies), "--json")
    shipped = json.loads(run(*measure))
    in_folder = json.loads(run(*measure, "--model", str(folder)))
    assert in_folder["methods"] == shipped["methods"]


def test_evaluate_stance_names_what_a_model_folder_lacks(fnc_files, tmp_path):
    stances, bodies = fnc_files
    (tmp_path / "half").mkdir()
    (tmp_path / "half" / "stance.onnx").write_bytes(b"")
    with pytest.raises(CommandError, match="tokenizer.json, model_card.json missing"):
        run("evaluate", "stance", str(stances), str(bodies), "--model", str(tmp_path / "half"))


def test_train_stance_on_a_gpu_says_when_there_is_none_before_training(tmp_path):
    pytest.importorskip("torch")
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU")
    stances = write_csv(tmp_path / "stances.csv", ["Headline", "Body ID", "Stance"], STANCES)
    write_csv(tmp_path / "bodies.csv", ["Body ID", "articleBody"], BODIES)
    with pytest.raises(CommandError, match="sees no CUDA GPU"):
        run(
            "train",
            "stance",
            "--fnc",
            str(stances.parent),
            "--device",
            "cuda",
            "--out",
            str(tmp_path / "model"),
        )
    assert not (tmp_path / "model").exists()


def test_evaluate_stance_keeps_the_split_it_is_asked_for(tmp_path):
    from verification.stance.data import for_training, held_out, in_development

    keys = [str(number) for number in range(100)]
    chosen = {
        "held": next(key for key in keys if held_out(key)),
        "development": next(key for key in keys if in_development(key)),
        "trained": next(key for key in keys if for_training(key)),
    }
    text = dict(BODIES)["1"]
    stances = write_csv(
        tmp_path / "stances.csv",
        ["Headline", "Body ID", "Stance"],
        [("Russian shelling hit a Kharkiv hospital", key, "agree") for key in chosen.values()],
    )
    bodies = write_csv(
        tmp_path / "bodies.csv", ["Body ID", "articleBody"], [(key, text) for key in chosen.values()]
    )
    measure = ("evaluate", "stance", str(stances), str(bodies), "--json")
    assert json.loads(run(*measure))["methods"]["model"]["pairs"] == 3
    for split in ("--held-out", "--development"):
        assert json.loads(run(*measure, split))["methods"]["model"]["pairs"] == 1
    with pytest.raises(CommandError, match="not allowed with"):
        run(*measure, "--held-out", "--development")


def model_with_development(folder, *, learnt_from_development):
    model_copy(folder)
    card = json.loads((folder / "model_card.json").read_text(encoding="utf-8"))
    card["training"]["development"] = {"learnt_from": learnt_from_development}
    (folder / "model_card.json").write_text(json.dumps(card), encoding="utf-8")
    return folder


def stance_priors(development, out, data, *options) -> str:
    return run(
        "train", "stance-priors", "--development-model", str(development), *data, "--out", str(out), *options
    )


@pytest.fixture
def development_data(tmp_path):
    """FNC-1, Climate-FEVER and check-case files with pairs in the development split and outside it."""
    from verification.stance.data import for_training, in_development

    keys = [str(number) for number in range(200)]
    development = [key for key in keys if in_development(key)][:2]
    trained = [key for key in keys if for_training(key)][:2]
    texts = [text for _, text in BODIES]
    fnc = tmp_path / "fnc1"
    fnc.mkdir()
    write_csv(
        fnc / "bodies.csv",
        ["Body ID", "articleBody"],
        [(key, texts[i]) for i, key in enumerate(development)]
        + [(key, texts[i]) for i, key in enumerate(trained)],
    )
    write_csv(
        fnc / "stances.csv",
        ["Headline", "Body ID", "Stance"],
        [(STANCES[0][0], development[0], "agree"), (STANCES[0][0], development[1], "unrelated")]
        + [(STANCES[0][0], trained[0], "agree"), (STANCES[1][0], trained[0], "unrelated")]
        + [(STANCES[1][0], trained[1], "agree")],
    )
    climate = tmp_path / "climate_fever"
    climate.mkdir()
    (climate / "claims.jsonl").write_text(
        json.dumps(
            {
                "claim_id": development[0],
                "claim": "Global warming is driving polar bears toward extinction",
                "supports_ids": ["Polar bear:1"],
                "refutes_ids": ["Polar bear:2"],
                "nei_ids": [],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    (climate / "passages.tsv").write_text(
        "passage_id\tarticle\ttext\n"
        "Polar bear:1\tPolar bear\tThe loss of sea ice from global warming threatens polar bears.\n"
        "Polar bear:2\tPolar bear\tPolar bear numbers have risen and the species is not threatened.\n",
        encoding="utf-8",
    )
    cases = tmp_path / "cases"
    cases.mkdir()
    write_csv(cases / "bodies.csv", ["Body ID", "articleBody"], BODIES)
    write_csv(cases / "stances.csv", ["Headline", "Body ID", "Stance"], STANCES)
    return ("--fnc", str(fnc), "--climate-fever", str(climate), "--cases", str(cases))


def test_train_stance_priors_writes_the_biases_and_a_head_fitted_again_into_the_model_card(
    development_data, tmp_path
):
    from verification.stance import model as stance_model
    from verification.stance.calibration import STEPS

    development = model_with_development(tmp_path / "development", learnt_from_development=False)
    shipped = model_with_development(tmp_path / "shipped", learnt_from_development=True)
    before = json.loads((shipped / "model_card.json").read_text(encoding="utf-8"))
    try:
        stance_priors(development, shipped, development_data, "--head-per-class", "5")
    finally:
        stance_model.forget_loaded()
    card = json.loads((shipped / "model_card.json").read_text(encoding="utf-8"))
    calibration = card["calibration"]
    assert set(calibration["logit_bias"]) == set(stance_model.LABELS)
    assert calibration["chosen_on"]["pairs"] == {"fnc": 2, "climate": 2, "cases": 3}
    assert calibration["chosen_on"]["tried"] == len(STEPS) ** 3
    assert (
        calibration["chosen_on"]["figures"]["objective"] >= calibration["chosen_on"]["unbiased"]["objective"]
    )
    # Refitted on all five pairs: the shipped model learnt from the development bodies too.
    assert card["document_head"]["documents"] == 5
    assert card["document_head"]["weights"] != before["document_head"]["weights"]
    assert "calibration" not in json.loads((development / "model_card.json").read_text(encoding="utf-8"))


def test_train_stance_priors_refuses_a_development_model_that_learnt_from_the_development_split(
    development_data, tmp_path
):
    development = model_with_development(tmp_path / "development", learnt_from_development=True)
    shipped = model_with_development(tmp_path / "shipped", learnt_from_development=True)
    before = (shipped / "model_card.json").read_bytes()
    with pytest.raises(CommandError, match="learnt from the development split"):
        stance_priors(development, shipped, development_data)
    assert (shipped / "model_card.json").read_bytes() == before


def test_train_stance_ensemble_lays_out_the_members_and_fits_a_head_on_their_mean(development_data, tmp_path):
    from verification.stance import model as stance_model

    first = model_copy(tmp_path / "first", single=True)
    second = model_copy(tmp_path / "second", single=True)
    fnc = development_data[1]
    try:
        out = run(
            "train",
            "stance-ensemble",
            str(first),
            str(second),
            "--fnc",
            fnc,
            "--out",
            str(tmp_path / "both"),
            "--model-version",
            "9",
            "--head-per-class",
            "5",
        )
        card = json.loads((tmp_path / "both" / "model_card.json").read_text(encoding="utf-8"))
        assert stance_model.predict_with(tmp_path / "both", [STANCES[0][:2]])
    finally:
        stance_model.forget_loaded()
    assert "an ensemble of stance.onnx, stance-2.onnx" in out
    assert card["version"] == "9"
    assert card["ensemble"]["members"] == ["stance.onnx", "stance-2.onnx"]
    assert len(card["ensemble"]["trained"]) == 2
    assert card["rebuild"].endswith(
        "stance-ensemble MEMBER1 MEMBER2 --fnc ../shared/data/fnc1 --model-version 9 --head-per-class 5"
    )
    # The members learnt from every body but the held-out ones: the head reads all five pairs.
    assert card["document_head"]["documents"] == 5


def test_train_stance_ensemble_names_a_folder_that_holds_no_model(development_data, tmp_path):
    first = model_copy(tmp_path / "first", single=True)
    with pytest.raises(CommandError, match="not a model folder"):
        run("train", "stance-ensemble", str(first), str(tmp_path / "nothing"), "--fnc", development_data[1])
    assert not (tmp_path / "nothing").exists()
