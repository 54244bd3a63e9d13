"""Stance by meaning: a cross-encoder that reads a claim with a passage; int8 ONNX, no torch.

The weights (``stance.onnx``) and the tokenizer (``tokenizer.json``) lie beside this module and
are loaded once per process. ``manage.py train stance`` rebuilds them and ``model_card.json``,
which says what the model learnt from and how well it does.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

MODEL_DIR = Path(__file__).parent
MODEL_PATH = MODEL_DIR / "stance.onnx"
TOKENIZER_PATH = MODEL_DIR / "tokenizer.json"
CARD_PATH = MODEL_DIR / "model_card.json"
LABELS = ("supports", "contradicts", "discusses", "unrelated")
# One thread a process: workers run one process a core.
THREADS = 1


@dataclass(frozen=True)
class StancePrediction:
    """The stance of a passage towards a claim, how sure the model is and every class's probability."""

    label: str  # "supports" | "contradicts" | "discusses" | "unrelated"
    confidence: float
    probabilities: dict[str, float]


@dataclass(frozen=True)
class _Loaded:
    # One session per member of the ensemble the card names (one for a single model).
    sessions: tuple[Any, ...]
    tokenizer: Any
    max_length: int
    # Added to the logits: the class priors chosen on the development split (calibration.py).
    bias: np.ndarray


@functools.cache
def _load(directory: Path = MODEL_DIR) -> _Loaded:
    """Open the model and tokenizer of a model folder (once per process)."""
    import onnxruntime
    from tokenizers import Tokenizer

    card = json.loads((directory / CARD_PATH.name).read_text(encoding="utf-8"))
    if tuple(card["labels"]) != LABELS:
        raise RuntimeError(f"{CARD_PATH.name} lists labels {card['labels']}, expected {list(LABELS)}.")
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = THREADS
    options.inter_op_num_threads = 1
    sessions = tuple(
        onnxruntime.InferenceSession(
            str(directory / name), sess_options=options, providers=["CPUExecutionProvider"]
        )
        for name in members(card)
    )
    tokenizer = Tokenizer.from_file(str(directory / TOKENIZER_PATH.name))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=int(card["max_length"]), strategy="longest_first")
    priors = card.get("calibration", {}).get("logit_bias", {})
    bias = np.asarray([float(priors.get(label, 0.0)) for label in LABELS], dtype=np.float64)
    return _Loaded(sessions, tokenizer, int(card["max_length"]), bias)


def members(card: dict[str, Any]) -> list[str]:
    """Return the ONNX files of a model folder whose probabilities are averaged (one for a single model)."""
    return list(card.get("ensemble", {}).get("members") or [MODEL_PATH.name])


def folder_files(directory: Path) -> list[str]:
    """Return the names of the files a model folder needs: its card, tokenizer and every member's weights."""
    try:
        card = json.loads((directory / CARD_PATH.name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        card = {}
    return [*members(card), TOKENIZER_PATH.name, CARD_PATH.name]


def forget_loaded() -> None:
    """Drop the models loaded so far, so that a model card written since is read again."""
    _load.cache_clear()


def stance_predict(pairs: Sequence[tuple[str, str]]) -> list[StancePrediction]:
    """Return the stance of each (claim, passage) pair, in order."""
    return predict_with(MODEL_DIR, pairs)


def predict_with(directory: Path, pairs: Sequence[tuple[str, str]]) -> list[StancePrediction]:
    """Return the stance of each pair by the model in directory (a freshly trained one, say)."""
    if not pairs:
        return []
    loaded = _load(directory)
    encodings = loaded.tokenizer.encode_batch([(claim, passage) for claim, passage in pairs])
    probabilities = np.zeros((len(pairs), len(LABELS)), dtype=np.float64)
    # One pair a run: int8 activations are scaled per input tensor, so padding or other pairs in
    # the same run would shift a pair's probabilities; alone, a pair always scores the same.
    for row, encoding in enumerate(encodings):
        inputs = {
            "input_ids": np.asarray([encoding.ids], dtype=np.int64),
            "attention_mask": np.asarray([encoding.attention_mask], dtype=np.int64),
            "token_type_ids": np.asarray([encoding.type_ids], dtype=np.int64),
        }
        # An ensemble's members learnt from different draws of the data and err differently: the
        # mean of their probabilities is surer where they agree and hedged where they do not.
        probabilities[row] = np.mean(
            [
                _softmax(np.asarray(session.run(["logits"], inputs)[0], dtype=np.float64) + loaded.bias)[0]
                for session in loaded.sessions
            ],
            axis=0,
        )
    return [_prediction(row) for row in probabilities]


def _softmax(logits: np.ndarray) -> np.ndarray:
    """Return row-wise probabilities from logits."""
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def _prediction(row: np.ndarray) -> StancePrediction:
    """Return the prediction for one row of probabilities."""
    best = int(row.argmax())
    return StancePrediction(
        label=LABELS[best],
        confidence=round(float(row[best]), 6),
        probabilities={label: round(float(p), 6) for label, p in zip(LABELS, row, strict=True)},
    )
