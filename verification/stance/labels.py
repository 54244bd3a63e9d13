"""Reviewers' stance labels as FNC-1 CSV files (stances and bodies), the format `train stance` reads; pure.

`verification.stance.data` reads them back (`read_fnc_stances`, `read_fnc_bodies`).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from verification.choices import Stance

from .data import STANCE_TO_FNC

STANCES_FILE = "stances.csv"
BODIES_FILE = "bodies.csv"


@dataclass(frozen=True)
class LabelledPair:
    """A claim, the passage a reviewer judged, and the stance the reviewer settled on."""

    claim: str
    # "passage-<id>": never mistaken for a public data set's numeric body ids beside it.
    body_id: str
    body: str
    stance: Stance


def write_fnc(pairs: Iterable[LabelledPair], directory: Path) -> tuple[Path, Path]:
    """Write the pairs as FNC-1's stances and bodies CSV files in directory; return both paths."""
    directory.mkdir(parents=True, exist_ok=True)
    stances_path, bodies_path = directory / STANCES_FILE, directory / BODIES_FILE
    bodies: dict[str, str] = {}
    with stances_path.open("w", newline="", encoding="utf-8") as stances:
        writer = csv.writer(stances)
        writer.writerow(["Headline", "Body ID", "Stance"])
        for pair in pairs:
            writer.writerow([pair.claim, pair.body_id, STANCE_TO_FNC[str(pair.stance)]])
            bodies.setdefault(pair.body_id, pair.body)
    with bodies_path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Body ID", "articleBody"])
        writer.writerows(sorted(bodies.items()))
    return stances_path, bodies_path
