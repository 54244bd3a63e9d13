"""The stance model's class priors: one bias a class added to its logits, chosen on the development split.

A model learns how often each stance occurs from what it reads in training, and that mix is not
the mix of the passages a desk's search returns. The biases move its decisions between the four
stances without changing what it reads; they are chosen by the rule the training settings were
chosen by (``bench/stance_settings.py``), on development pairs read by a model that never learnt
from them, and written into the model card, where ``model.predict_with`` adds them.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .data import in_development, read_climate_evidence, read_fnc_bodies, read_fnc_stances
from .model import LABELS

# Supports stays at 0 (a bias added to every class changes nothing); the others move in quarters,
# up to 20 times the odds either way.
STEPS = tuple(round(-3.0 + 0.25 * i, 2) for i in range(25))
# A probability the rounded card values can hold; below it log(p) is only noise.
FLOOR = 1e-6
# The check cases may lose this much accuracy for a better mean, as the settings' rule allows.
CASES_GUARD = 0.05


@dataclass(frozen=True)
class DevelopmentPairs:
    """One development set: each claim, the text read with it and its gold stance."""

    name: str
    rows: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class Scored:
    """A development set read by the model: gold stances and the log-probability of each class."""

    name: str
    gold: tuple[str, ...]
    log_probabilities: np.ndarray


@dataclass(frozen=True)
class Choice:
    """The biases chosen, with the development figures they give and those without them."""

    bias: dict[str, float]
    figures: dict[str, float]
    unbiased: dict[str, float]
    tried: int


def development_pairs(fnc_dir: Path, climate_dir: Path, cases_dir: Path) -> list[DevelopmentPairs]:
    """Return the development pairs as training reads them: FNC-1 lead windows, Climate-FEVER sides, cases."""
    from .training import lead_window

    fnc = read_fnc_stances(fnc_dir / "stances.csv")
    lead = {key: lead_window(text) for key, text in read_fnc_bodies(fnc_dir / "bodies.csv").items()}
    climate = read_climate_evidence(climate_dir / "claims.jsonl", climate_dir / "passages.tsv")
    cases = read_fnc_stances(cases_dir / "stances.csv")
    case_lead = {key: lead_window(text) for key, text in read_fnc_bodies(cases_dir / "bodies.csv").items()}
    return [
        DevelopmentPairs(
            "fnc",
            tuple(
                (p.headline, lead[p.body_id], p.stance or "")
                for p in fnc
                if in_development(p.body_id) and lead.get(p.body_id)
            ),
        ),
        DevelopmentPairs(
            "climate",
            tuple(
                (e.claim, e.passage, e.stance)
                for e in climate
                if in_development(e.claim_id) and e.stance != "discusses"
            ),
        ),
        DevelopmentPairs(
            "cases",
            tuple(
                (p.headline, case_lead[p.body_id], p.stance or "") for p in cases if case_lead.get(p.body_id)
            ),
        ),
    ]


def score(
    sets: Sequence[DevelopmentPairs],
    predict: Callable[[Sequence[tuple[str, str]]], list],
    *,
    progress: Callable[[Iterable], Iterable] = lambda rows: rows,
) -> list[Scored]:
    """Return each set read by predict (a model with no biases), as log-probabilities."""
    scored = []
    for one in sets:
        rows = []
        for claim, text, _ in progress(one.rows):
            (prediction,) = predict([(claim, text)])
            rows.append([prediction.probabilities[label] for label in LABELS])
        log_p = np.log(np.maximum(np.asarray(rows, dtype=np.float64).reshape(-1, len(LABELS)), FLOOR))
        scored.append(Scored(one.name, tuple(row[2] for row in one.rows), log_p))
    return scored


def labels_with(scored: Scored, bias: Sequence[float]) -> list[str]:
    """Return the stance the model gives each pair of a set with the biases added."""
    return [LABELS[i] for i in (scored.log_probabilities + np.asarray(bias)).argmax(axis=1)]


def development_figures(sets: Sequence[Scored], bias: Sequence[float]) -> dict[str, float]:
    """Return the figures the settings' rule reads, for one choice of biases."""
    from verification.evaluation.stance import stance_figures, two_sided

    by_name = {one.name: one for one in sets}
    figures: dict[str, float] = {}
    climate = by_name["climate"]
    guesses = labels_with(climate, bias)
    read = two_sided(stance_figures(climate.gold, guesses), climate.gold, guesses)
    figures |= {"climate_accuracy": read.accuracy, "climate_macro_f1": read.macro_f1}
    crossing = 0
    for name in ("fnc", "cases"):
        guesses = labels_with(by_name[name], bias)
        read = stance_figures(by_name[name].gold, guesses)
        crossing += read.confusion.get("unrelated", {}).get("supports", 0)
        if name == "fnc":
            figures |= {"fnc_score": read.fnc_score, "fnc_macro_f1": read.macro_f1}
        else:
            figures["cases_accuracy"] = read.accuracy
    figures["objective"] = (
        figures["climate_accuracy"]
        + figures["climate_macro_f1"]
        + figures["fnc_score"]
        + figures["fnc_macro_f1"]
    ) / 4
    figures["unrelated_read_supports"] = crossing
    return {key: round(value, 4) for key, value in figures.items()}


def choose_bias(sets: Sequence[Scored], steps: Sequence[float] = STEPS) -> Choice:
    """Return the biases with the best mean of the four figures that keep the settings' two guards.

    The guards: check-case accuracy within ``CASES_GUARD`` of the unbiased model's, and no more
    unrelated pairs read as "supports" than it reads. Ties go to the smallest biases.
    """
    unbiased = development_figures(sets, (0.0,) * len(LABELS))
    best: tuple[float, float] | None = None
    chosen = (0.0,) * len(LABELS)
    figures = unbiased
    tried = 0
    for others in itertools.product(steps, repeat=len(LABELS) - 1):
        bias = (0.0, *others)
        read = development_figures(sets, bias)
        tried += 1
        if read["cases_accuracy"] < unbiased["cases_accuracy"] - CASES_GUARD:
            continue
        if read["unrelated_read_supports"] > unbiased["unrelated_read_supports"]:
            continue
        key = (read["objective"], -sum(abs(b) for b in bias))
        if best is None or key > best:
            best, chosen, figures = key, bias, read
    return Choice(dict(zip(LABELS, chosen, strict=True)), figures, unbiased, tried)


def card_entry(
    choice: Choice, sets: Sequence[DevelopmentPairs], development_card: dict, options: dict
) -> dict:
    """Return the model card's record of the biases: what they are, what chose them, how to choose again."""
    return {
        "logit_bias": choice.bias,
        "chosen_on": {
            "pairs": {one.name: len(one.rows) for one in sets},
            "rule": "the best mean of Climate-FEVER accuracy and two-sided macro-F1 and FNC-1 score and "
            "macro-F1 (lead windows), with check-case accuracy within "
            f"{CASES_GUARD} of the unbiased model's and no more unrelated pairs read as supports",
            "tried": choice.tried,
            "figures": choice.figures,
            "unbiased": choice.unbiased,
        },
        "development_model": {
            "rebuild": development_card.get("rebuild", ""),
            "training_seconds": development_card.get("training", {}).get("training_seconds"),
        },
        "rebuild": "python manage.py train stance-priors --development-model DIR "
        "--fnc ../shared/data/fnc1 --climate-fever ../shared/data/climate_fever "
        f"--head-per-class {options['head_per_class']}",
    }
