"""Write reviewers' stance decisions as labelled pairs in FNC-1's CSV format, for `train stance`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from verification import selectors
from verification.stance.labels import write_fnc


class Command(BaseCommand):
    help = (
        "Write the stances reviewers corrected or accepted as FNC-1 stances.csv and bodies.csv "
        "(claim as Headline, the judged passage as body) into OUT."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "out", nargs="?", type=Path, default=Path("stance-labels"), help="Folder to write (created)."
        )
        parser.add_argument(
            "--rejected-as-unrelated",
            action="store_true",
            help="Also write rejected candidates whose stance nobody corrected, labelled unrelated.",
        )

    def handle(self, *args, out, rejected_as_unrelated, **options):
        pairs = list(selectors.reviewed_stance_labels(rejected_as_unrelated=rejected_as_unrelated))
        try:
            stances, bodies = write_fnc(pairs, out)
        except OSError as exc:
            raise CommandError(f"Cannot write into {out} ({exc.strerror}); choose another folder.") from exc
        self.stdout.write(f"Wrote {len(pairs)} labelled pairs to {stances} and {bodies}.")
