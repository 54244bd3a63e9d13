"""Labelled stance pairs from FNC-1's CSV files and Climate-FEVER, and the held-out split; pure."""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

LABELS = ("supports", "contradicts", "discusses", "unrelated")
# FNC-1's words for the desk's four stances.
FNC_TO_STANCE = {
    "agree": "supports",
    "disagree": "contradicts",
    "discuss": "discusses",
    "unrelated": "unrelated",
}
STANCE_TO_FNC = {stance: fnc for fnc, stance in FNC_TO_STANCE.items()}
# Climate-FEVER's evidence labels; "not enough info" evidence is about the claim without deciding it.
CLIMATE_TO_STANCE = {"supports": "supports", "refutes": "contradicts", "nei": "discusses"}
# Share of FNC-1 bodies (and Climate-FEVER claims) kept out of training for the evaluation.
HELD_OUT_SHARE = 0.2
SPLIT_SEED = "stance-split-1"
# Share of the rest that a choosing run leaves out, to pick settings on without touching the
# held-out split (the retrieval encoder's); the shipped models then learn from these too.
DEVELOPMENT_SHARE = 0.15
DEVELOPMENT_SEED = "stance-development-1"


class StanceDataError(ValueError):
    """The labelled stance data cannot be read; the message says what to fix."""


@dataclass(frozen=True)
class StancePair:
    """A claim against a whole body (FNC-1 shape); stance is the gold label or None."""

    headline: str
    body_id: str
    stance: str | None


@dataclass(frozen=True)
class EvidencePair:
    """A claim against one evidence passage (Climate-FEVER shape) with its gold stance."""

    claim_id: str
    claim: str
    passage: str
    stance: str


def held_out(key: str, *, share: float = HELD_OUT_SHARE, seed: str = SPLIT_SEED) -> bool:
    """Return whether the body (or claim) with this key belongs to the held-out split."""
    digest = hashlib.sha256(f"{seed}:{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < share


def in_development(key: str) -> bool:
    """Return whether the body (or claim) with this key is kept to choose settings on, not to train."""
    return not held_out(key) and held_out(key, share=DEVELOPMENT_SHARE, seed=DEVELOPMENT_SEED)


def for_training(key: str) -> bool:
    """Return whether the body (or claim) with this key is learnt from even by a choosing run."""
    return not held_out(key) and not in_development(key)


def read_fnc_stances(path: Path) -> list[StancePair]:
    """Read FNC-1 pairs (`Headline, Body ID[, Stance]`), with an error naming the row that is wrong."""
    rows = _read_csv(path, required=("Headline", "Body ID"))
    pairs = []
    for number, row in rows:
        stance = (row.get("Stance") or "").strip().lower() or None
        if stance is not None and stance not in FNC_TO_STANCE:
            raise StanceDataError(
                f"{path}, row {number}: Stance {row['Stance']!r} is not one of {', '.join(FNC_TO_STANCE)}."
            )
        body_id = row["Body ID"].strip()
        if not body_id:
            raise StanceDataError(f"{path}, row {number}: Body ID is empty.")
        pairs.append(StancePair(row["Headline"].strip(), body_id, FNC_TO_STANCE[stance] if stance else None))
    return pairs


def read_fnc_bodies(path: Path) -> dict[str, str]:
    """Read FNC-1 bodies (`Body ID, articleBody`) into a dict by body id."""
    bodies: dict[str, str] = {}
    for number, row in _read_csv(path, required=("Body ID", "articleBody")):
        body_id = row["Body ID"].strip()
        if not body_id:
            raise StanceDataError(f"{path}, row {number}: Body ID is empty.")
        bodies[body_id] = row["articleBody"]
    return bodies


def check_bodies(pairs: Sequence[StancePair], bodies: dict[str, str], *, path: Path) -> None:
    """Raise a clear error when a pair names a body the bodies file lacks."""
    missing = sorted({pair.body_id for pair in pairs} - bodies.keys())
    if missing:
        shown = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
        raise StanceDataError(f"{path}: no body for Body ID {shown} ({len(missing)} missing).")


def read_climate_evidence(claims_path: Path, passages_path: Path) -> list[EvidencePair]:
    """Read Climate-FEVER claims and passages into (claim, evidence, stance) pairs."""
    csv.field_size_limit(sys.maxsize)
    try:
        with passages_path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            texts = {row["passage_id"]: row["text"] for row in reader}
        pairs = []
        with claims_path.open(encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                record = json.loads(line)
                for key, stance in CLIMATE_TO_STANCE.items():
                    for passage_id in record.get(f"{key}_ids", []):
                        if passage_id in texts:
                            pairs.append(
                                EvidencePair(
                                    str(record["claim_id"]), record["claim"], texts[passage_id], stance
                                )
                            )
    except (OSError, KeyError, ValueError) as exc:
        raise StanceDataError(f"cannot read Climate-FEVER data: {exc}") from exc
    return pairs


def _read_csv(path: Path, *, required: Sequence[str]) -> list[tuple[int, dict[str, str]]]:
    """Return the numbered rows of a CSV file after checking its header has the required columns."""
    csv.field_size_limit(sys.maxsize)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [name for name in required if name not in (reader.fieldnames or ())]
            if missing:
                raise StanceDataError(f"{path}: the header lacks the column(s) {', '.join(missing)}.")
            return [(number, row) for number, row in enumerate(reader, start=2)]
    except OSError as exc:
        raise StanceDataError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, csv.Error) as exc:
        raise StanceDataError(f"{path} is not a UTF-8 CSV file: {exc}") from exc
