"""Show the candidate passages the desk would attach for a text, with scores, stance and cues."""

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from verification.search import semantic_enabled
from verification.selectors import text_candidates


class Command(BaseCommand):
    help = "Rank the stored passages for a text: relevance, how each was found, its stance and the cues."

    def add_arguments(self, parser):
        parser.add_argument("text", help="The claim or sentence to search for.")
        parser.add_argument(
            "--limit", type=int, default=settings.VERIFICATION_CANDIDATES_PER_TICKET, help="How many."
        )
        parser.add_argument(
            "--json", dest="as_json", action="store_true", help="Print JSON instead of plain lines."
        )

    def handle(self, *args, text, limit, as_json, **options):
        if not text.strip():
            raise CommandError('Give a text to search for, e.g. manage.py search "Russia denies war crimes".')
        if not 1 <= limit <= 100:
            raise CommandError("--limit must be between 1 and 100.")
        results = text_candidates(text=text, limit=limit)
        if as_json:
            payload = {"text": text, "semantic": semantic_enabled(), "candidates": results}
            self.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False))
            return
        if not results:
            self.stdout.write("No passage shares enough with this text.")
        for rank, row in enumerate(results, start=1):
            self.stdout.write(
                f"{rank}. [{row['stance']}] {row['score']:.3f}  {row['document']} — {row['text']}\n"
                f"   origin: {row['origin']}; cues: {'; '.join(row['cues'])}"
            )
