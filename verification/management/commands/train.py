"""Train a model offline from labelled data: `manage.py train checkworthiness FILE`.

Needs the development dependencies (scikit-learn).  Writes the model file the
product reads at run time, with the data it came from and its
cross-validated figures inside.
"""

import json
from dataclasses import asdict
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from verification.evaluation.labelled import LabelledDataError, read_labelled_tsv
from verification.evaluation.metrics import binary_figures, reliability_table
from verification.extraction.model import MODEL_PATH, save_model


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
