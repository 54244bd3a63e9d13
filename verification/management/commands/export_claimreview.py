"""Export the ClaimReview JSON-LD of every ticket with a verdict, as JSON lines or one JSON array."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from verification import selectors
from verification.choices import TicketStatus
from verification.claimreview import claim_review


class Command(BaseCommand):
    help = "Write the ClaimReview JSON-LD of corroborated and disputed tickets (JSON lines by default)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--format", choices=["jsonl", "json"], default="jsonl", help="Lines or one array."
        )
        parser.add_argument("--output", "-o", type=Path, help="File to write; standard output by default.")
        parser.add_argument(
            "--status", choices=[TicketStatus.CORROBORATED, TicketStatus.DISPUTED], help="Only this verdict."
        )
        parser.add_argument("--batch-size", type=int, default=500, help="Tickets read per query.")

    def handle(self, *args, format, output, status, batch_size, **options):
        tickets = selectors.claimreview_tickets()
        if status:
            tickets = tickets.filter(status=status)
        total = tickets.count()
        publisher = selectors.claimreview_publisher()
        try:
            out = output.open("w", encoding="utf-8") if output else None
        except OSError as exc:
            raise CommandError(f"Cannot write {output} ({exc.strerror}); choose another --output.") from exc
        write = out.write if out else (lambda text: self.stdout.write(text, ending=""))
        reviews = (
            json.dumps(
                claim_review(selectors.reviewed_claim(ticket), publisher=publisher), ensure_ascii=False
            )
            for ticket in tickets.iterator(chunk_size=batch_size)
        )
        try:
            with tqdm(total=total, desc="Exporting", unit="review", disable=total < 2) as progress:
                write("[" if format == "json" else "")
                for n, review in enumerate(reviews):
                    if format == "json":
                        write((",\n" if n else "\n") + review)
                    else:
                        write(review + "\n")
                    progress.update()
                write("\n]\n" if format == "json" else "")
        finally:
            if out:
                out.close()
        self.stderr.write(
            self.style.SUCCESS(f"{total} ClaimReview document(s) written to {output or 'standard output'}.")
        )
