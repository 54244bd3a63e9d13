"""Experiment: re-ranking a claim's first candidates by whether the stance model reads a side taken.

What it measures: Climate-FEVER recall@10 of the desk's search (`passage_candidates`) as it is,
and re-ranked: the first `--depth` candidates are read by a stance model, and each one's relevance
gets `weight × (P(supports) + P(contradicts))` added before they are sorted again. A claim's
evidence takes a side; a passage that only shares its subject does not. Every candidate's
relevance and probabilities are written to `--rows` (JSON lines), and the grid of depths and
weights is scored from them, so the choice is made on the development claims with models that
never learnt from them (`--stance-model`, `--encoder-layers`, both trained with
`--leave-out-development`) and checked once on the held-out claims with the shipped ones.

Everything is loaded into a throwaway `bench_rerank` database, dropped at the end.

Usage: .venv/bin/python -m bench.retrieval_rerank --data ../shared/data/climate_fever --split development
    --stance-model DIR --encoder-layers FILE [--depth 30] [--rows OUT.jsonl] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench.throwaway import throwaway_database

BENCH_DB = "bench_rerank"
DEPTHS = (10, 15, 20, 30)
WEIGHTS = (0.0, 0.02, 0.05, 0.08, 0.1, 0.15, 0.2, 0.3)
RESULTS = 10


def in_split(split: str, claim_id: str) -> bool:
    """Return whether a Climate-FEVER claim belongs to the split named."""
    from verification.stance.data import held_out, in_development

    return held_out(claim_id) if split == "held-out" else in_development(claim_id)


def collect(data: Path, split: str, stance_model: Path | None, depth: int, semantic: bool) -> list[dict]:
    """Return, per claim of the split with gold evidence, its gold ids and first candidates with readings."""
    from django.db import transaction
    from tqdm import tqdm

    from verification.evaluation.retrieval import read_claims, read_passages
    from verification.search import passage_candidates
    from verification.services.embeddings import passages_embed
    from verification.services.evaluation import corpus_load
    from verification.stance.model import MODEL_DIR, predict_with

    claims = [c for c in read_claims(data / "claims.jsonl") if c.gold and in_split(split, c.claim_id)]
    rows = []
    with transaction.atomic():
        ids = corpus_load(read_passages(data / "passages.tsv"))
        if semantic:
            bar = tqdm(total=len(ids), desc="Embedding", unit="passage")
            passages_embed(progress=bar.update)
            bar.close()
        passage_id_of = {pk: pid for pid, pk in ids.items()}
        for claim in tqdm(claims, desc="Ranking", unit="claim"):
            found = passage_candidates(text=claim.text, limit=depth, semantic=semantic)
            readings = predict_with(stance_model or MODEL_DIR, [(claim.text, c.passage.text) for c in found])
            rows.append(
                {
                    "claim_id": claim.claim_id,
                    "gold": list(claim.gold),
                    "candidates": [
                        {"passage_id": passage_id_of[c.passage.pk], "score": c.score, **r.probabilities}
                        for c, r in zip(found, readings, strict=True)
                    ],
                }
            )
        transaction.set_rollback(True)
    return rows


def reranked(candidates: list[dict], depth: int, weight: float) -> list[str]:
    """Return the passage ids in re-ranked order: the first depth sorted again, the rest after."""
    head = sorted(
        candidates[:depth], key=lambda c: -(c["score"] + weight * (c["supports"] + c["contradicts"]))
    )
    return [c["passage_id"] for c in head + candidates[depth:]]


def recall_at(rows: list[dict], depth: int, weight: float, k: int = RESULTS) -> float:
    """Return recall@k over the claims, each re-ranked at the depth and weight given."""
    total = 0.0
    for row in rows:
        gold = set(row["gold"])
        total += len(gold & set(reranked(row["candidates"], depth, weight)[:k])) / len(gold)
    return total / len(rows) if rows else 0.0


def grid(rows: list[dict]) -> list[dict]:
    """Return recall@10 for every depth and weight of the grid."""
    return [
        {"depth": depth, "weight": weight, "recall@10": round(recall_at(rows, depth, weight), 4)}
        for depth in DEPTHS
        for weight in WEIGHTS
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="Folder with claims.jsonl and passages.tsv.")
    parser.add_argument("--split", choices=("development", "held-out"), required=True)
    parser.add_argument("--stance-model", type=Path, default=None, help="A `train stance --out` folder.")
    parser.add_argument(
        "--encoder-layers", type=Path, default=None, help="Retrained layers (`train retrieval --out`)."
    )
    parser.add_argument(
        "--full-text",
        action="store_true",
        help="Search by full text alone, as an install without the semantic extra.",
    )
    parser.add_argument("--depth", type=int, default=max(DEPTHS), help="Candidates read per claim.")
    parser.add_argument("--rows", type=Path, default=None, help="Write every claim's candidates here.")
    parser.add_argument("--json", action="store_true", help="Print JSON instead of a table.")
    options = parser.parse_args()
    with throwaway_database(BENCH_DB):
        from django.conf import settings

        from verification.search import semantic

        # The test settings switch semantic search off; this measure needs it on (or off) as asked.
        settings.VERIFICATION_SEMANTIC_SEARCH = not options.full_text
        if not options.full_text and not semantic.semantic_enabled():
            sys.exit(
                "Semantic search is not available here: install the `semantic` extra, or pass --full-text."
            )
        if options.encoder_layers:
            semantic.ENCODER_LAYERS_PATH = options.encoder_layers
        rows = collect(
            options.data, options.split, options.stance_model, options.depth, not options.full_text
        )
    if options.rows:
        options.rows.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    figures = grid(rows)
    if options.json:
        print(
            json.dumps(
                {
                    "split": options.split,
                    "full_text": options.full_text,
                    "claims": len(rows),
                    "grid": figures,
                },
                indent=2,
            )
        )
        return
    mode = "full text alone" if options.full_text else "full text and semantic, fused"
    print(
        f"{options.split}, {mode}: {len(rows)} claims with gold evidence; "
        f"recall@{RESULTS} by depth and weight"
    )
    print("depth  " + "  ".join(f"{w:>5}" for w in WEIGHTS))
    for depth in DEPTHS:
        line = [f["recall@10"] for f in figures if f["depth"] == depth]
        print(f"{depth:>5}  " + "  ".join(f"{r:.3f}" for r in line))


if __name__ == "__main__":
    main()
