"""Measure quality on labelled data: `manage.py evaluate <measure> FILE`.

Each measure is a subcommand that reads its arguments and calls one pure
module of ``verification.evaluation``; add a measure with another
``add_parser`` and ``_run_<measure>`` pair.
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from verification.evaluation.checkworthiness import checkworthiness_report
from verification.evaluation.labelled import LabelledDataError, read_labelled_tsv


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

    def handle(self, *args, run, **options):
        run(options)

    def _run_checkworthiness(self, options):
        threshold = options["threshold"]
        if threshold is None:
            threshold = settings.VERIFICATION["CHECKWORTHINESS_THRESHOLD"]
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
