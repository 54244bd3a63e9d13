"""Copies of the shipped stance model for tests that change or combine one."""

import json
from pathlib import Path

from verification.stance import model as stance_model


def model_copy(folder: Path, *, single: bool = False) -> Path:
    """Copy the shipped model's files into folder; single: its first member alone, as one run writes it."""
    folder.mkdir(parents=True)
    card = json.loads(stance_model.CARD_PATH.read_text(encoding="utf-8"))
    if single:
        card.pop("ensemble", None)
    for name in [*stance_model.members(card), stance_model.TOKENIZER_PATH.name]:
        (folder / name).write_bytes((stance_model.MODEL_DIR / name).read_bytes())
    (folder / stance_model.CARD_PATH.name).write_text(json.dumps(card), encoding="utf-8")
    return folder
