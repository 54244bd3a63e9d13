"""The check-worthiness model: learned weights over cues and terms, shipped as JSON.

A linear model read at run time with nothing but the standard library; it is
trained offline (``manage.py train checkworthiness``, scikit-learn, a
development dependency) and written back to ``checkworthiness_model.json``
beside this file with where its data came from and how well it did.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MODEL_PATH = Path(__file__).with_name("checkworthiness_model.json")
FORMAT = 1


@dataclass(frozen=True)
class LinearModel:
    """Log-odds weights: an intercept, one weight per cue, one per term."""

    intercept: float
    cues: dict[str, float]
    terms: dict[str, float]
    # Platt calibration of the summed log-odds, fitted on held-out scores: the shipped score is
    # sigmoid(slope * logit + offset), so that "0.9" means about nine in ten are check-worthy.
    slope: float = 1.0
    offset: float = 0.0
    # Provenance and measured quality, carried along for the docs and the commands.
    about: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the model as JSON-ready data."""
        return {
            "format": FORMAT,
            "about": self.about,
            "intercept": self.intercept,
            "calibration": {"slope": self.slope, "offset": self.offset},
            "cues": self.cues,
            "terms": self.terms,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinearModel:
        """Return the model stored in data, refusing a format this code does not read."""
        if data.get("format") != FORMAT:
            raise ValueError(f"unknown check-worthiness model format {data.get('format')!r}; retrain it.")
        calibration = data.get("calibration", {})
        return cls(
            intercept=float(data["intercept"]),
            slope=float(calibration.get("slope", 1.0)),
            offset=float(calibration.get("offset", 0.0)),
            cues={name: float(weight) for name, weight in data["cues"].items()},
            terms={term: float(weight) for term, weight in data["terms"].items()},
            about=dict(data.get("about", {})),
        )


def load_model(path: Path) -> LinearModel:
    """Read a model from a JSON file."""
    return LinearModel.from_dict(json.loads(path.read_text(encoding="utf-8")))


def save_model(model: LinearModel, path: Path) -> None:
    """Write a model to a JSON file, one term a line so that retraining diffs stay readable."""
    data = model.to_dict()
    terms = data.pop("terms")
    head = json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True)[:-2]
    lines = [f" {json.dumps(term, ensure_ascii=False)}: {weight}" for term, weight in sorted(terms.items())]
    path.write_text(head + ',\n "terms": {\n' + ",\n".join(lines) + "\n }\n}\n", encoding="utf-8")


@functools.cache
def shipped_model() -> LinearModel:
    """Return the model that ships with the project, read once."""
    return load_model(MODEL_PATH)
