"""Fitting the document head: which bodies it reads and what it writes."""

from verification.stance.data import StancePair, for_training, in_development
from verification.stance.model import LABELS, StancePrediction
from verification.stance.training import TrainingSettings, fit_document_head

KEYS = [str(number) for number in range(400)]
BODY = "Officials said the bridge reopened on Monday after repairs. Traffic resumed at noon."


def even_predictions(batch):
    """Every window read as equally likely of the four stances: the head then learns the priors."""
    return [
        StancePrediction(label="supports", confidence=0.25, probabilities=dict.fromkeys(LABELS, 0.25))
    ] * len(batch)


def test_a_choosing_run_fits_the_head_without_the_development_bodies():
    development = [key for key in KEYS if in_development(key)][:4]
    trained = [key for key in KEYS if for_training(key)][:4]
    pairs = [
        StancePair("The bridge reopened on Monday", key, stance)
        for key, stance in zip(development + trained, ["supports", "discusses"] * 4, strict=True)
    ]
    bodies = dict.fromkeys(development + trained, BODY)
    common = {"predict": even_predictions, "seed": 13, "per_class": 10, "log": lambda line: None}
    every = fit_document_head(pairs, bodies, **common)
    choosing = fit_document_head(
        pairs, bodies, learns_from=TrainingSettings(leave_out_development=True).learns_from, **common
    )
    assert every["documents"] == 8
    assert choosing["documents"] == 4
    assert every["labels"] == list(LABELS)
    assert len(choosing["weights"]) == len(LABELS)
