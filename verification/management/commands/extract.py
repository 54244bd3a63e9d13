"""Print the claim candidates of a document, or the scores of given sentences, without storing anything."""

import json
import os
import sys
from dataclasses import asdict
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from verification.errors import IngestError
from verification.extraction import assess_sentence, extract_claims
from verification.ingestion import read_document

STDIN = "-"


class Command(BaseCommand):
    help = (
        "Extract the claim candidates of one document (text, HTML or JSON; '-' reads standard input) "
        "and print them; with --sentences, score each input line as one sentence. Writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The document to read, or '-' for standard input.")
        parser.add_argument("--json", action="store_true", help="Print one JSON object a line.")
        parser.add_argument(
            "--sentences",
            action="store_true",
            help="Each input line is one already-split sentence; print one result per line, all scored.",
        )
        parser.add_argument(
            "--format",
            dest="declared_format",
            default=None,
            help="text, html or json (default: from the file name, else sniffed).",
        )
        parser.add_argument(
            "--threshold",
            type=float,
            default=None,
            help="Print candidates scoring at least this "
            "(default: VERIFICATION_CHECKWORTHINESS_THRESHOLD; 0 prints every sentence).",
        )

    def handle(self, *args, path, json, sentences, declared_format, threshold, **options):
        threshold = settings.VERIFICATION_CHECKWORTHINESS_THRESHOLD if threshold is None else threshold
        if not 0 <= threshold <= 1:
            raise CommandError(f"--threshold {threshold} is outside [0, 1].")
        raw = self._read(path)
        name = "standard input" if path == STDIN else Path(path).name
        if sentences:
            lines = self._decode_lines(raw, name=name)
            candidates = [assess_sentence(line) for line in lines]
        else:
            try:
                document = read_document(
                    raw,
                    source_name=name,
                    max_bytes=settings.VERIFICATION_MAX_DOCUMENT_BYTES,
                    declared_format=declared_format or (None if path == STDIN else path),
                )
            except IngestError as exc:
                raise CommandError(str(exc)) from exc
            candidates = extract_claims(document.text, threshold=threshold)
        try:
            for candidate in candidates:
                self.stdout.write(self._render(candidate, as_json=json))
            self.stdout.flush()
        except BrokenPipeError:
            # The reader closed the pipe (`… | head`): stop quietly, and keep the interpreter
            # from failing again when it flushes standard output on exit.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())

    def _read(self, path: str) -> bytes:
        """Return the bytes of path, or of standard input for '-'."""
        if path == STDIN:
            return sys.stdin.buffer.read()
        try:
            return Path(path).read_bytes()
        except OSError as exc:
            raise CommandError(f"{path}: cannot be read ({exc.strerror}).") from exc

    def _decode_lines(self, raw: bytes, *, name: str) -> list[str]:
        """Return the lines of raw UTF-8 text, without their line ends."""
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CommandError(
                f"{name}: not valid UTF-8 (byte {exc.start}); "
                "with --sentences, send one UTF-8 sentence a line."
            ) from exc
        return text.splitlines()

    def _render(self, candidate, *, as_json: bool) -> str:
        """Return one candidate as a JSON line, or as a line a person reads."""
        if as_json:
            return json.dumps(asdict(candidate), ensure_ascii=False)
        who = candidate.claimant or "-"
        hedges = f" [{', '.join(candidate.hedges)}]" if candidate.hedges else ""
        return f"{candidate.score:.3f}  {candidate.start}-{candidate.end}  {who}{hedges}: {candidate.text}"
