"""Measure quality on labelled data: `manage.py evaluate <measure> ...`.

Each measure is a subcommand that reads its arguments and calls one pure
module of ``verification.evaluation``; add a measure with another
``add_parser`` and ``_run_<measure>`` pair.
"""

import csv
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from verification.evaluation.checkworthiness import checkworthiness_report
from verification.evaluation.claimants import ClaimantDataError, claimant_report, read_claimant_set
from verification.evaluation.factchecks import MatchingDataError, read_fnc1_matching
from verification.evaluation.labelled import LabelledDataError, read_labelled_tsv
from verification.evaluation.retrieval import EvaluationDataError, read_claims, read_passages
from verification.search import semantic_enabled
from verification.services.evaluation import retrieval_evaluate
from verification.services.factcheck_evaluation import factcheck_matching_evaluate

SEMANTIC_HINT = (
    "Semantic search is not available: install PyTorch's CPU build and the extra "
    '(pip install torch==2.13.0 && pip install -c requirements.lock ".[semantic]"), use a PostgreSQL '
    "with pgvector, and leave VERIFICATION_SEMANTIC_SEARCH on; or pass --no-semantic."
)


class Command(BaseCommand):
    help = "Measure quality on labelled data and print the figures as a table (or JSON with --json)."

    def add_arguments(self, parser):
        measures = parser.add_subparsers(dest="measure", required=True, metavar="MEASURE")
        checkworthiness = measures.add_parser(
            "checkworthiness",
            help="Precision, recall, F1 and average precision of check-worthiness on a labelled TSV.",
        )
        checkworthiness.add_argument("file", type=Path, help="TSV with a header line, one sentence a row.")
        checkworthiness.add_argument("--text-column", default="text", help="Column holding the sentence.")
        checkworthiness.add_argument(
            "--label-column", default="label", help="Column holding 1 (check-worthy) or 0."
        )
        checkworthiness.add_argument(
            "--threshold",
            type=float,
            default=None,
            help="Score at or above which a sentence counts as check-worthy "
            "(default: VERIFICATION_CHECKWORTHINESS_THRESHOLD).",
        )
        checkworthiness.add_argument("--json", action="store_true", help="Print JSON instead of a table.")
        checkworthiness.set_defaults(run=self._run_checkworthiness)

        claimants = measures.add_parser(
            "claimants",
            help="Accuracy of the claimant rules on a labelled set of articles, beside the sentence "
            "alone (tests/extraction/data/claimants.json is one).",
        )
        claimants.add_argument("file", type=Path, help='JSON: {"articles": [{"name", "text", "expected"}]}.')
        claimants.add_argument("--json", action="store_true", help="Print JSON instead of a table.")
        claimants.set_defaults(run=self._run_claimants)

        retrieval = measures.add_parser(
            "retrieval",
            help="Recall@1/5/10 and MRR of candidate retrieval, and stance accuracy on gold evidence "
            "(Climate-FEVER shape).",
        )
        retrieval.add_argument(
            "--claims", type=Path, required=True, help="JSON lines: claim, supports_ids, …"
        )
        retrieval.add_argument(
            "--passages", type=Path, required=True, help="TSV with passage_id, article, text columns."
        )
        mode = retrieval.add_mutually_exclusive_group()
        mode.add_argument(
            "--semantic", action="store_true", help="Require semantic search (fail without it)."
        )
        mode.add_argument("--no-semantic", action="store_true", help="Full-text search only.")
        retrieval.add_argument("--limit", type=int, default=None, help="Evaluate the first N claims only.")
        split = retrieval.add_mutually_exclusive_group()
        split.add_argument(
            "--held-out",
            action="store_true",
            help="Rank for the held-out claims only, which neither the encoder nor its settings saw.",
        )
        split.add_argument(
            "--development",
            action="store_true",
            help="Rank for the development claims only: not learnt from, but the encoder's settings were "
            "chosen on them.",
        )
        retrieval.add_argument("--json", action="store_true", help="Print JSON instead of a table.")
        retrieval.set_defaults(run=self._run_retrieval)

        factchecks = measures.add_parser(
            "factchecks",
            help="P@1, MRR and precision/recall of matching tickets to known fact-checks, on pairs derived "
            "from FNC-1 headlines, beside word overlap.",
        )
        factchecks.add_argument("stances", type=Path, help="FNC-1 stances CSV (Headline, Body ID, Stance).")
        factchecks.add_argument(
            "--threshold",
            type=float,
            default=None,
            help="Similarity at which a match is shown (default: VERIFICATION_FACTCHECK_MIN_SIMILARITY).",
        )
        factchecks.add_argument("--json", action="store_true", help="Print JSON instead of a table.")
        factchecks.set_defaults(run=self._run_factchecks)
        stance = measures.add_parser(
            "stance",
            help="FNC-1 score, macro-F1, per-class accuracy and confusion of document stance "
            "(FNC-1 CSV format), beside word overlap.",
        )
        stance.add_argument(
            "stances", type=Path, help="CSV: Headline, Body ID[, Stance (gold, never read to decide)]."
        )
        stance.add_argument("bodies", type=Path, help="CSV: Body ID, articleBody.")
        stance.add_argument(
            "--predictions",
            type=Path,
            default=None,
            help="Write Headline, Body ID, Stance for every pair here.",
        )
        _stance_reading_arguments(stance, unit="bodies")
        stance.add_argument("--json", action="store_true", help="Print JSON instead of a table.")
        stance.set_defaults(run=self._run_stance)

        evidence = measures.add_parser(
            "stance-evidence",
            help="Stance accuracy and macro-F1 on gold evidence (Climate-FEVER shape), beside always "
            "answering supports and the overlap rules.",
        )
        evidence.add_argument("--claims", type=Path, required=True, help="JSON lines: claim, supports_ids, …")
        evidence.add_argument(
            "--passages", type=Path, required=True, help="TSV with passage_id, article, text columns."
        )
        _stance_reading_arguments(evidence, unit="claims")
        evidence.add_argument("--json", action="store_true", help="Print JSON instead of a table.")
        evidence.set_defaults(run=self._run_stance_evidence)

    def handle(self, *args, run, **options):
        run(options)

    def _run_checkworthiness(self, options):
        threshold = options["threshold"]
        if threshold is None:
            threshold = settings.VERIFICATION_CHECKWORTHINESS_THRESHOLD
        if not 0 <= threshold <= 1:
            raise CommandError(f"--threshold {threshold} is outside [0, 1].")
        try:
            data = read_labelled_tsv(
                options["file"], text_column=options["text_column"], label_column=options["label_column"]
            )
        except LabelledDataError as exc:
            raise CommandError(str(exc)) from exc
        report = checkworthiness_report(
            data,
            threshold=threshold,
            progress=lambda texts: tqdm(
                texts, desc="Scoring", unit="sentence", file=self.stderr, disable=len(texts) < 1000
            ),
        )
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), indent=2))
        else:
            self.stdout.write(report.as_table())

    def _run_claimants(self, options):
        try:
            data = read_claimant_set(options["file"])
        except ClaimantDataError as exc:
            raise CommandError(str(exc)) from exc
        report = claimant_report(data)
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
        else:
            self.stdout.write(report.as_table())

    def _run_retrieval(self, options):
        if options["semantic"] and not semantic_enabled():
            raise CommandError(SEMANTIC_HINT)
        semantic = not options["no_semantic"] and semantic_enabled()
        try:
            claims = read_claims(options["claims"])
            passages = read_passages(options["passages"])
        except EvaluationDataError as exc:
            raise CommandError(str(exc)) from exc
        claims = [claim for claim in claims if _in_split(options, claim.claim_id)]
        if options["limit"] is not None:
            if options["limit"] < 1:
                raise CommandError("--limit must be at least 1.")
            claims = claims[: options["limit"]]
        report = retrieval_evaluate(
            claims=claims,
            passages=passages,
            semantic=semantic,
            progress=lambda items, desc, total: tqdm(
                items, desc=desc, total=total, unit="item", file=self.stderr, disable=total < 100
            ),
        )
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), indent=2))
        else:
            self.stdout.write(report.as_table())

    def _run_factchecks(self, options):
        threshold = options["threshold"]
        if threshold is None:
            threshold = settings.VERIFICATION_FACTCHECK_MIN_SIMILARITY
        if not 0 <= threshold <= 1:
            raise CommandError(f"--threshold {threshold} is outside [0, 1].")
        try:
            data = read_fnc1_matching(options["stances"])
        except MatchingDataError as exc:
            raise CommandError(str(exc)) from exc
        if not data.factchecks:
            raise CommandError(f"{options['stances']}: no story has two agreeing headlines to match.")
        report = factcheck_matching_evaluate(data=data, threshold=threshold)
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), indent=2))
        else:
            self.stdout.write(report.as_table())

    def _run_stance(self, options):
        from verification.evaluation.stance import fnc_evaluate
        from verification.stance.data import (
            STANCE_TO_FNC,
            StanceDataError,
            check_bodies,
            read_fnc_bodies,
            read_fnc_stances,
        )

        predict, head = _stance_model(options["model"])
        try:
            pairs = read_fnc_stances(options["stances"])
            bodies = read_fnc_bodies(options["bodies"])
            check_bodies(pairs, bodies, path=options["bodies"])
        except StanceDataError as exc:
            raise CommandError(str(exc)) from exc
        pairs = [pair for pair in pairs if _in_split(options, pair.body_id)]
        if not pairs:
            raise CommandError(f"{options['stances']}: no pairs to evaluate.")
        report, predicted = fnc_evaluate(
            pairs,
            bodies,
            predict=predict,
            head=head,
            progress=lambda chunks: tqdm(
                chunks, desc="Documents", unit="chunk", file=self.stderr, disable=len(chunks) < 10
            ),
        )
        if options["predictions"]:
            try:
                with options["predictions"].open("w", encoding="utf-8", newline="") as handle:
                    writer = csv.writer(handle)
                    writer.writerow(["Headline", "Body ID", "Stance"])
                    for pair, stance in zip(pairs, predicted, strict=True):
                        writer.writerow([pair.headline, pair.body_id, STANCE_TO_FNC[stance]])
            except OSError as exc:
                raise CommandError(f"cannot write {options['predictions']}: {exc.strerror or exc}") from exc
        if report is None:
            message = f"{len(pairs)} pairs labelled; not every row has a gold Stance, so no figures."
            self.stdout.write(json.dumps({"pairs": len(pairs)}) if options["json"] else message)
        elif options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), indent=2))
        else:
            self.stdout.write(report.as_table())

    def _run_stance_evidence(self, options):
        from verification.evaluation.stance import evidence_evaluate
        from verification.stance.baselines import rules_stance
        from verification.stance.data import StanceDataError, read_climate_evidence

        predict, _ = _stance_model(options["model"])
        try:
            pairs = read_climate_evidence(options["claims"], options["passages"])
        except StanceDataError as exc:
            raise CommandError(str(exc)) from exc
        pairs = [pair for pair in pairs if _in_split(options, pair.claim_id)]
        if not any(pair.stance in ("supports", "contradicts") for pair in pairs):
            raise CommandError(f"{options['claims']}: no supporting or refuting evidence to evaluate.")
        report = evidence_evaluate(
            pairs,
            predict=predict,
            rules=rules_stance,
            progress=lambda chunks: tqdm(
                chunks, desc="Evidence", unit="chunk", file=self.stderr, disable=len(chunks) < 10
            ),
        )
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), indent=2))
        else:
            self.stdout.write(report.as_table())


def _stance_reading_arguments(parser, *, unit: str) -> None:
    """Add the split and model options both stance measures take."""
    split = parser.add_mutually_exclusive_group()
    split.add_argument(
        "--held-out",
        action="store_true",
        help=f"Keep only the {unit} the stance model was not trained on (its held-out split).",
    )
    split.add_argument(
        "--development",
        action="store_true",
        help=f"Keep only the development {unit}, on which a model trained with --leave-out-development "
        "is measured to choose its settings.",
    )
    parser.add_argument(
        "--model",
        type=Path,
        default=None,
        metavar="DIR",
        help="Measure the model in DIR (stance.onnx, tokenizer.json, model_card.json), not the shipped one.",
    )


def _in_split(options, key: str) -> bool:
    """Return whether a body or claim belongs to the split the options ask for (all without one)."""
    from verification.stance.data import held_out, in_development

    if options["held_out"]:
        return held_out(key)
    if options.get("development"):
        return in_development(key)
    return True


def _stance_model(directory: Path | None):
    """Return the stance reader and document head of the shipped model, or of the model in directory."""
    from verification.stance.documents import SHIPPED
    from verification.stance.model import CARD_PATH, folder_files, predict_with, stance_predict

    if directory is None:
        return stance_predict, SHIPPED
    card_path = directory / CARD_PATH.name
    missing = [name for name in folder_files(directory) if not (directory / name).is_file()]
    if missing:
        raise CommandError(f"{directory} is not a stance model folder: {', '.join(missing)} missing.")
    try:
        head = json.loads(card_path.read_text(encoding="utf-8")).get("document_head")
    except (OSError, ValueError) as exc:
        raise CommandError(f"cannot read {card_path}: {exc}") from exc
    return (lambda pairs: predict_with(directory, pairs)), head
