"""Fine-tune the stance cross-encoder and export it to int8 ONNX; needs the training extra (torch).

Never imported at run time: ``manage.py train stance`` calls it, and the product reads only the
exported ``stance.onnx`` and ``tokenizer.json`` through onnxruntime and tokenizers.
"""

from __future__ import annotations

import json
import random
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .data import LABELS, EvidencePair, StancePair, for_training, held_out
from .documents import passage_windows
from .negation import SWAPPED, negated
from .newsroom import newsroom_pairs
from .outcomes import outcome_pairs

# Unrelated pairs are three in four of FNC-1 and the easiest to learn; a few thousand are enough.
DEFAULT_UNRELATED = 2000
# Climate-FEVER's "not enough info" evidence outnumbers the rest; keep as many as the supports.
DEFAULT_CLIMATE_NEI = 1000


@dataclass(frozen=True)
class TrainingExample:
    """A claim, the text read with it and the stance to learn."""

    claim: str
    text: str
    label: str


@dataclass(frozen=True)
class TrainingSettings:
    """Everything that decides the weights, recorded in the model card."""

    seed: int = 13
    epochs: int = 2
    max_length: int = 160
    batch_size: int = 16
    learning_rate: float = 4e-5
    unrelated: int = DEFAULT_UNRELATED
    climate_nei: int = DEFAULT_CLIMATE_NEI
    # Times each FNC-1 "disagree" pair (4 % of the related ones) is read.
    contradicts_repeat: int = 2
    # Times each Climate-FEVER supports or refutes pair is read.
    climate_repeat: int = 1
    # Times each templated newsroom pair (verification/stance/newsroom.py) is read; 0 leaves them out.
    newsroom_repeat: int = 3
    # Times each outcome and press-report pair (verification/stance/outcomes.py) is read; 0 leaves
    # them out, as version 3 of the model was trained.
    outcome_repeat: int = 0
    # Each side taken (FNC-1 agree/disagree, Climate-FEVER supports/refutes) is read again against
    # the claim's negation with the side swapped (verification/stance/negation.py).
    negated_claims: bool = False
    threads: int = 2
    # The lower layers and the embeddings stay as packaged: half the backward pass, and the
    # general reading of English they learnt is kept.
    frozen_layers: int = 3
    # Training stops after this many minutes of wall time (then exports what it has); None: no limit.
    max_minutes: float | None = None
    # Training stops after this many optimiser steps, whatever the clock says: a run stopped by
    # --max-minutes is rebuilt exactly by giving its step count here.
    max_steps: int | None = None
    # Learn from the training split only, to choose settings on the development split.
    leave_out_development: bool = False
    # "cpu", or "cuda" where a GPU is at hand: the same steps, minutes instead of half an hour.
    device: str = "cpu"
    limit: int | None = None

    def learns_from(self, key: str) -> bool:
        """Return whether the FNC-1 body (or Climate-FEVER claim) with this key is learnt from."""
        return for_training(key) if self.leave_out_development else not held_out(key)


def training_examples(
    *,
    fnc_pairs: Sequence[StancePair],
    bodies: dict[str, str],
    climate: Sequence[EvidencePair],
    extra_pairs: Sequence[StancePair] = (),
    extra_bodies: dict[str, str] | None = None,
    settings: TrainingSettings,
) -> list[TrainingExample]:
    """Return the shuffled training examples: held-out bodies and claims left out, rare classes repeated."""
    rng = random.Random(settings.seed)
    lead = {body_id: lead_window(text) for body_id, text in bodies.items()}
    examples: list[TrainingExample] = []
    unrelated = []
    for pair in fnc_pairs:
        if pair.stance is None or not settings.learns_from(pair.body_id) or not lead.get(pair.body_id):
            continue
        example = TrainingExample(pair.headline, lead[pair.body_id], pair.stance)
        if pair.stance == "unrelated":
            unrelated.append(example)
        else:
            examples.extend([example] * (settings.contradicts_repeat if pair.stance == "contradicts" else 1))
            examples.extend(_negations(example, settings))
    rng.shuffle(unrelated)
    examples.extend(unrelated[: settings.unrelated])
    nei = []
    for evidence in climate:
        if not settings.learns_from(evidence.claim_id):
            continue
        example = TrainingExample(evidence.claim, evidence.passage, evidence.stance)
        if evidence.stance == "discusses":
            nei.append(example)
        else:
            examples.extend([example] * settings.climate_repeat)
            examples.extend(_negations(example, settings))
    rng.shuffle(nei)
    examples.extend(nei[: settings.climate_nei])
    # Reviewers' labels are the desk's own kind of evidence: all of them, every time.
    extra_lead = {body_id: lead_window(text) for body_id, text in (extra_bodies or {}).items()}
    for pair in extra_pairs:
        if pair.stance is not None and extra_lead.get(pair.body_id):
            examples.append(TrainingExample(pair.headline, extra_lead[pair.body_id], pair.stance))
    for templated, repeat in (
        (newsroom_pairs, settings.newsroom_repeat),
        (outcome_pairs, settings.outcome_repeat),
    ):
        if not repeat:
            continue
        templated_pairs, templated_bodies = templated()
        for pair in templated_pairs:
            example = TrainingExample(pair.headline, templated_bodies[pair.body_id], str(pair.stance))
            examples.extend([example] * repeat)
    rng.shuffle(examples)
    return examples[: settings.limit] if settings.limit else examples


def _negations(example: TrainingExample, settings: TrainingSettings) -> list[TrainingExample]:
    """Return the example read against its claim's negation, the side swapped, where asked and possible."""
    if not settings.negated_claims or example.label not in SWAPPED:
        return []
    opposite = negated(example.claim)
    return [TrainingExample(opposite, example.text, SWAPPED[example.label])] if opposite else []


def lead_window(text: str) -> str:
    """Return the first window of a body's passages, the part the model reads of a document."""
    from verification.extraction.segmentation import split_sentences

    windows = passage_windows([sentence.text for sentence in split_sentences(text)])
    return windows[0][1] if windows else ""


def train_stance(
    examples: Sequence[TrainingExample],
    *,
    base_dir: Path,
    out_dir: Path,
    settings: TrainingSettings,
    log: Callable[[str], None] = print,
) -> dict:
    """Fine-tune from the base weights, export int8 ONNX and the tokenizer into out_dir; return facts."""
    import torch

    model, facts = fine_tune(examples, base_dir=base_dir, settings=settings, log=log)
    out_dir.mkdir(parents=True, exist_ok=True)
    facts["onnx_bytes"] = export_onnx(model.cpu(), out_dir / "stance.onnx", torch=torch)
    shutil.copy(base_dir / "tokenizer.json", out_dir / "tokenizer.json")
    return facts


def fine_tune(
    examples: Sequence[TrainingExample],
    *,
    base_dir: Path,
    settings: TrainingSettings,
    log: Callable[[str], None] = print,
) -> tuple:
    """Return the cross-encoder fine-tuned on the examples from the base weights (in eval mode) and facts."""
    import numpy as np
    import torch
    from tokenizers import Tokenizer
    from transformers import BertForSequenceClassification

    torch.manual_seed(settings.seed)
    random.seed(settings.seed)
    np.random.seed(settings.seed)
    torch.set_num_threads(settings.threads)
    torch.use_deterministic_algorithms(True, warn_only=True)

    tokenizer = Tokenizer.from_file(str(base_dir / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=settings.max_length, strategy="longest_first")
    model = BertForSequenceClassification.from_pretrained(
        str(base_dir),
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id={label: i for i, label in enumerate(LABELS)},
    )
    for parameter in model.bert.embeddings.parameters():
        parameter.requires_grad = settings.frozen_layers == 0
    for layer in model.bert.encoder.layer[: settings.frozen_layers]:
        for parameter in layer.parameters():
            parameter.requires_grad = False
    model.to(settings.device)  # type: ignore[arg-type]  # transformers types the wrapped method, not its call
    encoded = tokenizer.encode_batch([(e.claim, e.text) for e in examples])
    targets = [LABELS.index(e.label) for e in examples]
    # Batches of similar length pad little; their order is shuffled each epoch with the seed.
    order = sorted(range(len(examples)), key=lambda i: len(encoded[i].ids))
    batches = [order[i : i + settings.batch_size] for i in range(0, len(order), settings.batch_size)]
    trainable = [parameter for parameter in model.parameters() if parameter.requires_grad]
    optimiser = torch.optim.AdamW(trainable, lr=settings.learning_rate, weight_decay=0.01)
    steps = len(batches) * settings.epochs
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min(1.0, step / max(1, steps // 10)) * max(0.0, (steps - step) / steps)
    )
    rng = random.Random(settings.seed)
    started = time.monotonic()
    model.train()
    step = 0
    stopped_early = False
    for epoch in range(settings.epochs):
        rng.shuffle(batches)
        running = 0.0
        for number, batch in enumerate(batches, start=1):
            inputs = encoding_tensors([encoded[i] for i in batch], torch, device=settings.device)
            labels = torch.tensor([targets[i] for i in batch], device=settings.device)
            output = model(**inputs, labels=labels)
            output.loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            scheduler.step()
            optimiser.zero_grad()
            step += 1
            running += float(output.loss.detach())
            over_time = (
                settings.max_minutes is not None and time.monotonic() - started > 60 * settings.max_minutes
            ) or (settings.max_steps is not None and step >= settings.max_steps)
            if number % 25 == 0 or number == len(batches) or over_time:
                log(
                    f"epoch {epoch + 1}/{settings.epochs} batch {number}/{len(batches)} "
                    f"loss {running / number:.4f} {time.monotonic() - started:.0f}s"
                )
            if over_time:
                stopped_early = True
                break
        if stopped_early:
            log(
                f"stopped at step {step} of {steps} "
                f"(budget: {settings.max_minutes} minutes, {settings.max_steps} steps)"
            )
            break
    model.eval()
    facts = {
        "examples": len(examples),
        "training_seconds": round(time.monotonic() - started),
        "steps": step,
        "planned_steps": steps,
    }
    return model, facts


def encoding_tensors(encodings, torch, *, device: str = "cpu") -> dict:
    """Pad a batch of encodings into input tensors on the device."""
    width = max(len(e.ids) for e in encodings)

    def padded(values):
        rows = [list(v) + [0] * (width - len(v)) for v in values]
        return torch.tensor(rows, dtype=torch.long, device=device)

    return {
        "input_ids": padded([e.ids for e in encodings]),
        "attention_mask": padded([e.attention_mask for e in encodings]),
        "token_type_ids": padded([e.type_ids for e in encodings]),
    }


def export_onnx(model, path: Path, *, torch) -> int:
    """Write the model as int8 ONNX (dynamic quantisation of the weights) and return its size in bytes."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    dummy = {
        "input_ids": torch.ones((2, 16), dtype=torch.long),
        "attention_mask": torch.ones((2, 16), dtype=torch.long),
        "token_type_ids": torch.zeros((2, 16), dtype=torch.long),
    }
    with tempfile.TemporaryDirectory() as scratch:
        full = Path(scratch) / "stance-fp32.onnx"
        axes = {0: "batch", 1: "tokens"}
        torch.onnx.export(
            _LogitsOnly(model),
            (dummy["input_ids"], dummy["attention_mask"], dummy["token_type_ids"]),
            str(full),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["logits"],
            dynamic_axes={
                "input_ids": axes,
                "attention_mask": axes,
                "token_type_ids": axes,
                "logits": {0: "batch"},
            },
            opset_version=17,
            dynamo=False,
        )
        quantize_dynamic(str(full), str(path), weight_type=QuantType.QInt8)
    return path.stat().st_size


class _LogitsOnly:
    """Wrap a classifier so that export sees positional inputs and one output."""

    def __new__(cls, model):
        import torch

        class Wrapped(torch.nn.Module):
            def __init__(self, inner):
                super().__init__()
                self.inner = inner

            def forward(self, input_ids, attention_mask, token_type_ids):
                return self.inner(
                    input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
                ).logits

        return Wrapped(model)


class EnsembleError(ValueError):
    """The folders given cannot make one ensemble; the message says why."""


def ensemble(member_dirs: Sequence[Path], out_dir: Path, *, version: str) -> dict:
    """Lay trained models into out_dir as one ensemble and return its card, still without a document head.

    The members' ONNX files become stance.onnx, stance-2.onnx, ... (the model averages their
    probabilities); the card is the first member's, with every member's training and rebuild line.
    out_dir may be one of the members: every file is read before any is written.
    """
    if len(member_dirs) < 2:
        raise EnsembleError("an ensemble needs two models at least.")
    cards, weights, tokenizers = [], [], set()
    for directory in member_dirs:
        try:
            cards.append(json.loads((directory / "model_card.json").read_text(encoding="utf-8")))
            weights.append((directory / "stance.onnx").read_bytes())
            tokenizers.add((directory / "tokenizer.json").read_bytes())
        except (OSError, ValueError) as exc:
            raise EnsembleError(
                f"{directory} is not a model folder that train stance wrote ({exc})."
            ) from exc
        if "ensemble" in cards[-1]:
            raise EnsembleError(f"{directory} is an ensemble already; give the models it was made of.")
    shapes = {(tuple(c["labels"]), c["max_length"]) for c in cards}
    if len(tokenizers) > 1 or len(shapes) > 1:
        raise EnsembleError(
            "the models read text differently (tokenizer, labels or length): train them alike."
        )
    tokenizer = tokenizers.pop()
    out_dir.mkdir(parents=True, exist_ok=True)
    names = ["stance.onnx", *(f"stance-{number}.onnx" for number in range(2, len(weights) + 1))]
    for name, blob in zip(names, weights, strict=True):
        (out_dir / name).write_bytes(blob)
    (out_dir / "tokenizer.json").write_bytes(tokenizer)
    card = {
        key: value for key, value in cards[0].items() if key not in ("document_head", "evaluation", "size")
    }
    card["version"] = version
    card["ensemble"] = {
        "members": names,
        "reads": "each pair is read by every member; the mean of their probabilities decides",
        "trained": [
            {"file": name, "settings": c["training"]["settings"], "rebuild": c["rebuild"]}
            for name, c in zip(names, cards, strict=True)
        ],
    }
    # A card from before the development split was recorded learnt from all but the held-out data.
    learnt = any(c["training"].get("development", {}).get("learnt_from", True) for c in cards)
    card["training"] = {
        **card["training"],
        "development": {**card["training"].get("development", {}), "learnt_from": learnt},
    }
    card["rebuild"] = (
        " && ".join(f"{c['rebuild']} --out MEMBER{number}" for number, c in enumerate(cards, start=1))
        + " && python manage.py train stance-ensemble "
        + " ".join(f"MEMBER{number}" for number in range(1, len(cards) + 1))
        + " --fnc ../shared/data/fnc1"
    )
    card["size"] = {
        **{f"{name}_bytes": len(blob) for name, blob in zip(names, weights, strict=True)},
        "tokenizer.json_bytes": len(tokenizer),
        "weights": "int8 (onnxruntime dynamic quantisation)",
    }
    return card


def write_card(path: Path, card: dict) -> None:
    """Write the model card as indented JSON."""
    path.write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def fit_document_head(
    pairs: Sequence[StancePair],
    bodies: dict[str, str],
    *,
    predict: Callable[[Sequence[tuple[str, str]]], list],
    seed: int,
    per_class: int = 300,
    learns_from: Callable[[str], bool] = TrainingSettings().learns_from,
    log: Callable[[str], None] = print,
) -> dict:
    """Fit the document head (a multinomial logistic regression) on training bodies' pairs.

    A sample of up to per_class pairs of each related stance and twice as many unrelated ones;
    each class is weighted towards its share in the data (the square root of the ratio), so the
    rare "disagree" is neither drowned nor over-predicted.
    """
    import numpy as np

    from verification.extraction.segmentation import split_sentences

    from .documents import FEATURES, document_features, document_windows

    rng = random.Random(seed)
    by_class: dict[str, list[StancePair]] = {label: [] for label in LABELS}
    for pair in pairs:
        if pair.stance is not None and learns_from(pair.body_id) and pair.body_id in bodies:
            by_class[pair.stance].append(pair)
    sample: list[StancePair] = []
    for label, members in by_class.items():
        rng.shuffle(members)
        sample += members[: per_class * (2 if label == "unrelated" else 1)]
    total = sum(len(members) for members in by_class.values())
    weight_of = {
        label: ((len(by_class[label]) / total) / (sum(p.stance == label for p in sample) / len(sample)))
        ** 0.5
        for label in LABELS
        if any(p.stance == label for p in sample)
    }
    features, targets, weights = [], [], []
    started = time.monotonic()
    for number, pair in enumerate(sample, start=1):
        passages = [sentence.text for sentence in split_sentences(bodies[pair.body_id])]
        windows = document_windows(passages)
        if not windows or pair.stance is None:
            continue
        predictions = predict([(pair.headline, text) for _, text in windows])
        features.append(document_features(pair.headline, passages, predictions))
        targets.append(LABELS.index(pair.stance))
        weights.append(weight_of[pair.stance])
        if number % 100 == 0:
            log(f"document head: {number}/{len(sample)} documents {time.monotonic() - started:.0f}s")
    x = np.asarray(features)
    y = np.eye(len(LABELS))[targets]
    w = np.asarray(weights)[:, None]
    coef = np.zeros((x.shape[1], len(LABELS)))
    bias = np.zeros(len(LABELS))
    # Plain full-batch gradient descent with a little L2: nine features, a thousand rows.
    for _ in range(3000):
        scores = x @ coef + bias
        scores -= scores.max(axis=1, keepdims=True)
        probabilities = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
        error = (probabilities - y) * w / w.sum()
        coef -= 0.5 * (x.T @ error + 1e-3 * coef)
        bias -= 0.5 * error.sum(axis=0)
    return {
        "features": list(FEATURES),
        "labels": list(LABELS),
        "weights": [[round(float(v), 6) for v in coef[:, k]] for k in range(len(LABELS))],
        "bias": [round(float(v), 6) for v in bias],
        "documents": len(targets),
    }
