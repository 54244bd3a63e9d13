"""Reviewers' stance labels as FNC-1 CSV files (stances and bodies), the format `train stance` reads; pure."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from verification.choices import Stance

# FNC-1's words for the desk's stances.
FNC_LABELS = {
    Stance.SUPPORTS: "agree",
    Stance.CONTRADICTS: "disagree",
    Stance.DISCUSSES: "discuss",
    Stance.UNRELATED: "unrelated",
}
DESK_STANCES = {fnc: stance for stance, fnc in FNC_LABELS.items()}
STANCES_FILE = "stances.csv"
BODIES_FILE = "bodies.csv"


@dataclass(frozen=True)
class LabelledPair:
    """A claim, the passage a reviewer judged, and the stance the reviewer settled on."""

    claim: str
    body_id: int
    body: str
    stance: Stance


def write_fnc(pairs: Iterable[LabelledPair], directory: Path) -> tuple[Path, Path]:
    """Write the pairs as FNC-1's stances and bodies CSV files in directory; return both paths."""
    directory.mkdir(parents=True, exist_ok=True)
    stances_path, bodies_path = directory / STANCES_FILE, directory / BODIES_FILE
    bodies: dict[int, str] = {}
    with stances_path.open("w", newline="", encoding="utf-8") as stances:
        writer = csv.writer(stances)
        writer.writerow(["Headline", "Body ID", "Stance"])
        for pair in pairs:
            writer.writerow([pair.claim, pair.body_id, FNC_LABELS[pair.stance]])
            bodies.setdefault(pair.body_id, pair.body)
    with bodies_path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Body ID", "articleBody"])
        writer.writerows(sorted(bodies.items()))
    return stances_path, bodies_path


def read_fnc(stances_path: Path, bodies_path: Path) -> list[LabelledPair]:
    """Read FNC-1 stances and bodies CSV files back into labelled pairs."""
    with bodies_path.open(newline="", encoding="utf-8") as handle:
        bodies = {int(row["Body ID"]): row["articleBody"] for row in csv.DictReader(handle)}
    with stances_path.open(newline="", encoding="utf-8") as handle:
        return [
            LabelledPair(
                claim=row["Headline"],
                body_id=int(row["Body ID"]),
                body=bodies[int(row["Body ID"])],
                stance=DESK_STANCES[row["Stance"]],
            )
            for row in csv.DictReader(handle)
        ]
