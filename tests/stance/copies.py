"""Copies of the shipped stance model for tests that change or combine one."""

import json
from pathlib import Path

from verification.stance import model as stance_model


def model_copy(folder: Path, *, single: bool = False) -> Path:
    """Copy the shipped model's files into folder; single: its first member alone, as one run writes it."""
    folder.mkdir(parents=True)
    card = json.loads(stance_model.CARD_PATH.read_text(encoding="utf-8"))
    names = stance_model.folder_files(stance_model.MODEL_DIR)
    if single:
        card.pop("ensemble", None)
        names = stance_model.folder_files(folder)  # no card there yet: one model's files
    for name in names:
        if name != stance_model.CARD_PATH.name:
            (folder / name).write_bytes((stance_model.MODEL_DIR / name).read_bytes())
    (folder / stance_model.CARD_PATH.name).write_text(json.dumps(card), encoding="utf-8")
    return folder
