"""The stance model's class biases: how they are chosen on development pairs and how the model adds them."""

import json

import numpy as np
import pytest

from tests.stance.copies import model_copy
from verification.stance import model as stance_model
from verification.stance.calibration import STEPS, Scored, choose_bias, development_figures

NO_BIAS = {"supports": 0.0, "contradicts": 0.0, "discusses": 0.0, "unrelated": 0.0}
# Sure readings of the news sets: every bias of the grid leaves them as they are.
SURE = {
    "supports": [0.91, 0.03, 0.03, 0.03],
    "contradicts": [0.03, 0.91, 0.03, 0.03],
    "discusses": [0.03, 0.03, 0.91, 0.03],
    "unrelated": [0.03, 0.03, 0.03, 0.91],
}


def scored(name, rows):
    gold = tuple(label for label, _ in rows)
    return Scored(name, gold, np.log(np.asarray([probabilities for _, probabilities in rows])))


def news(name, extra=()):
    return scored(name, [(label, SURE[label]) for label in SURE] + list(extra))


def test_a_class_the_model_calls_too_often_gets_the_smallest_bias_that_corrects_it():
    climate = scored(
        "climate",
        [("supports", [0.40, 0.10, 0.45, 0.05])] * 5
        + [("supports", [0.70, 0.10, 0.15, 0.05])] * 4
        + [("contradicts", [0.10, 0.70, 0.15, 0.05])] * 3,
    )
    choice = choose_bias([news("fnc"), climate, news("cases")])
    assert choice.bias == {**NO_BIAS, "discusses": -0.25}
    assert choice.unbiased["climate_accuracy"] == pytest.approx(7 / 12, abs=1e-4)
    assert choice.figures["climate_accuracy"] == 1.0
    assert choice.figures["fnc_score"] == choice.unbiased["fnc_score"] == 1.0
    assert choice.tried == len(STEPS) ** 3


def test_no_bias_is_chosen_that_reads_another_story_as_support():
    # Moving "unrelated" down would right the Climate-FEVER passages and read the FNC-1 pair,
    # another story, as support: the guard keeps the model as it is.
    climate = scored("climate", [("supports", [0.40, 0.10, 0.05, 0.45])] * 6)
    fnc = news("fnc", [("unrelated", [0.44, 0.05, 0.05, 0.46])])
    choice = choose_bias([fnc, climate, news("cases")])
    assert choice.bias == NO_BIAS
    assert choice.figures == choice.unbiased
    moved = development_figures([fnc, climate, news("cases")], (0.0, 0.0, 0.0, -0.25))
    assert moved["climate_accuracy"] == 1.0
    assert moved["unrelated_read_supports"] == 1


def test_no_bias_is_chosen_that_costs_the_check_cases_more_than_the_guard():
    climate = scored("climate", [("supports", [0.40, 0.10, 0.45, 0.05])] * 6)
    cases = news("cases", [("discusses", [0.40, 0.05, 0.50, 0.05])] * 2)
    choice = choose_bias([news("fnc"), climate, cases])
    # Down by a quarter, "discusses" rights the six passages and loses two cases of six (0.33).
    assert choice.bias == NO_BIAS


@pytest.fixture
def model_folder(tmp_path):
    folder = model_copy(tmp_path / "model")
    yield folder
    stance_model.forget_loaded()


def test_the_model_adds_the_biases_its_card_names_to_its_logits(model_folder):
    pair = (
        "Russian shelling hit a Kharkiv hospital",
        "Russian forces shelled the Kharkiv hospital on Monday.",
    )
    before = stance_model.predict_with(model_folder, [pair])[0]
    card_path = model_folder / "model_card.json"
    card = json.loads(card_path.read_text(encoding="utf-8"))
    card["calibration"] = {"logit_bias": {"unrelated": 2.0}}
    card_path.write_text(json.dumps(card), encoding="utf-8")
    stance_model.forget_loaded()
    after = stance_model.predict_with(model_folder, [pair])[0]
    odds_before = before.probabilities["unrelated"] / before.probabilities["supports"]
    odds_after = after.probabilities["unrelated"] / after.probabilities["supports"]
    assert odds_after / odds_before == pytest.approx(np.exp(2.0), rel=1e-3)
    assert sum(after.probabilities.values()) == pytest.approx(1.0, abs=1e-5)
