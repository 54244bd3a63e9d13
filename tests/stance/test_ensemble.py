"""An ensemble of stance models: laid out by `train stance-ensemble`, read as the mean of its members."""

import json

import pytest

from tests.stance.copies import model_copy
from verification.stance import model as stance_model
from verification.stance.training import EnsembleError, ensemble

PAIRS = [
    ("Russian shelling hit a Kharkiv hospital", "Russian forces shelled the Kharkiv hospital on Monday."),
    ("Russian shelling hit a Kharkiv hospital", "Apple unveiled two new iPhones in California."),
]


def single_model(folder, *, unrelated_bias: float = 0.0):
    """Return a one-model folder; with unrelated_bias, its classifier leans towards unrelated."""
    model_copy(folder, single=True)
    if unrelated_bias:
        onnx = pytest.importorskip("onnx", reason="the training extra is not installed")
        from onnx import numpy_helper

        graph = onnx.load(str(folder / "stance.onnx"))
        (bias,) = [i for i in graph.graph.initializer if i.name.endswith("classifier.bias")]
        values = numpy_helper.to_array(bias).copy()
        values[stance_model.LABELS.index("unrelated")] += unrelated_bias
        bias.CopyFrom(numpy_helper.from_array(values, bias.name))
        onnx.save(graph, str(folder / "stance.onnx"))
    return folder


def combined(members, out):
    card = ensemble(members, out, version="test")
    (out / "model_card.json").write_text(json.dumps(card), encoding="utf-8")
    return card


@pytest.fixture(autouse=True)
def forget_models():
    yield
    stance_model.forget_loaded()


def test_an_ensemble_reads_each_pair_as_the_mean_of_its_members(tmp_path):
    first = single_model(tmp_path / "first")
    second = single_model(tmp_path / "second", unrelated_bias=3.0)
    card = combined([first, second], tmp_path / "both")
    alone = [stance_model.predict_with(folder, PAIRS) for folder in (first, second)]
    together = stance_model.predict_with(tmp_path / "both", PAIRS)
    assert alone[0][0].probabilities != alone[1][0].probabilities  # the members really differ
    for row, prediction in enumerate(together):
        for label in stance_model.LABELS:
            mean = (alone[0][row].probabilities[label] + alone[1][row].probabilities[label]) / 2
            assert prediction.probabilities[label] == pytest.approx(mean, abs=1e-5)
    assert card["ensemble"]["members"] == ["stance.onnx", "stance-2.onnx"]
    assert stance_model.folder_files(tmp_path / "both") == [
        "stance.onnx",
        "stance-2.onnx",
        "tokenizer.json",
        "model_card.json",
    ]
    assert card["version"] == "test"
    assert "document_head" not in card  # fitted afterwards, on the ensemble's own probabilities


def test_an_ensemble_of_one_model_twice_reads_as_the_model(tmp_path):
    folder = single_model(tmp_path / "one")
    assert stance_model.folder_files(folder) == ["stance.onnx", "tokenizer.json", "model_card.json"]
    combined([folder, folder], tmp_path / "twice")
    assert stance_model.predict_with(tmp_path / "twice", PAIRS) == stance_model.predict_with(folder, PAIRS)


def test_an_ensemble_can_be_written_over_one_of_its_members(tmp_path):
    first = single_model(tmp_path / "first")
    second = single_model(tmp_path / "second", unrelated_bias=1.0)
    weights = [(folder / "stance.onnx").read_bytes() for folder in (first, second)]
    ensemble([first, second], first, version="test")
    assert (first / "stance.onnx").read_bytes() == weights[0]
    assert (first / "stance-2.onnx").read_bytes() == weights[1]


def test_an_ensemble_refuses_one_model_an_ensemble_and_models_that_read_differently(tmp_path):
    first = single_model(tmp_path / "first")
    with pytest.raises(EnsembleError, match="two models at least"):
        ensemble([first], tmp_path / "out", version="test")
    nested = model_copy(tmp_path / "nested")
    card = json.loads((nested / "model_card.json").read_text())
    card["ensemble"] = {"members": ["stance.onnx"]}
    (nested / "model_card.json").write_text(json.dumps(card))
    with pytest.raises(EnsembleError, match="ensemble already"):
        ensemble([first, nested], tmp_path / "out", version="test")
    longer = single_model(tmp_path / "longer")
    card = json.loads((longer / "model_card.json").read_text())
    card["max_length"] = 256
    (longer / "model_card.json").write_text(json.dumps(card))
    with pytest.raises(EnsembleError, match="read text differently"):
        ensemble([first, longer], tmp_path / "out", version="test")
    with pytest.raises(EnsembleError, match="not a model folder"):
        ensemble([first, tmp_path / "missing"], tmp_path / "out", version="test")
    weightless = single_model(tmp_path / "weightless")
    (weightless / "stance.onnx").unlink()
    with pytest.raises(EnsembleError, match="not a model folder"):
        ensemble([first, weightless], tmp_path / "out", version="test")
    assert not (tmp_path / "out").exists()  # nothing written before every member was read
