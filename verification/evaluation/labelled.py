"""Read labelled sentences from a TSV file: one header line, tab-separated, no quoting."""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from pathlib import Path


class LabelledDataError(ValueError):
    """A labelled file that cannot be read, with what to do about it."""


@dataclass(frozen=True)
class LabelledTexts:
    """Texts and their 0/1 labels, in file order."""

    texts: list[str]
    labels: list[int]


def read_labelled_tsv(path: Path, *, text_column: str, label_column: str) -> LabelledTexts:
    """Return the texts and 0/1 labels of a TSV file, naming the line of any bad row."""
    # Some sentences are long; the csv module's default field limit is 128 KiB.
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise LabelledDataError(f"{path}: cannot be read ({exc.strerror}).") from exc
    texts: list[str] = []
    labels: list[int] = []
    with handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        columns = reader.fieldnames or []
        missing = [name for name in (text_column, label_column) if name not in columns]
        if missing:
            raise LabelledDataError(
                f"{path}: no column {', '.join(map(repr, missing))}; the header has {columns}. "
                "Name the columns with --text-column and --label-column."
            )
        try:
            for row in reader:
                label = (row[label_column] or "").strip()
                if label not in {"0", "1"}:
                    raise LabelledDataError(f"{path}, line {reader.line_num}: label {label!r} is not 0 or 1.")
                texts.append(row[text_column] or "")
                labels.append(int(label))
        except UnicodeDecodeError as exc:
            raise LabelledDataError(f"{path}: not valid UTF-8 ({exc.reason}); re-save it as UTF-8.") from exc
    if not texts:
        raise LabelledDataError(f"{path}: has a header but no rows.")
    return LabelledTexts(texts, labels)
