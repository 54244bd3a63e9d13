"""Claimant attribution against a hand-labelled test set, beside a sentence-alone baseline.

The test set is JSON: ``{"articles": [{"name", "text", "expected": [[opening words,
claimant, its spellings or null], ...]}]}``.  Each expected entry is found in its article by its
opening words; the attributed unit (sentence, or sentence of a quotation) that
covers that position is the one judged.  A claimant is right when it equals one of
the expected spellings, ignoring case and spacing; ``null`` expects no claimant.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from verification.extraction.attribution import sentence_attribution
from verification.extraction.extractor import attributed_units
from verification.extraction.segmentation import quoted_sentences, split_sentences

RULES = "attribution rules"
BASELINE = "sentence alone"

# (start, end, claimant) of every unit of a document, in order.
Units = list[tuple[int, int, str | None]]


class ClaimantDataError(ValueError):
    """A claimant test set that cannot be read, with what is wrong in it."""


@dataclass(frozen=True)
class Expected:
    """One labelled sentence: where it starts in its article and who says it."""

    article: str
    opening: str
    start: int
    claimants: tuple[str, ...]  # the acceptable ways of writing the claimant; () expects none


@dataclass(frozen=True)
class ClaimantSet:
    """Articles and the labelled sentences found in them."""

    texts: dict[str, str]
    expected: list[Expected]


@dataclass(frozen=True)
class ClaimantReport:
    """Accuracy per resolver, with the sentences each got wrong."""

    sentences: int
    accuracy: dict[str, float]
    errors: dict[str, list[dict]] = field(default_factory=dict)

    def as_dict(self) -> dict:
        """Return the report as JSON-ready data."""
        return {"sentences": self.sentences, "accuracy": self.accuracy, "errors": self.errors}

    def as_table(self) -> str:
        """Return the report as a plain-text table, then the misses of the rules."""
        lines = [f"{self.sentences} labelled sentences", f"{'resolver':<20} {'accuracy':>8}"]
        lines += [f"{name:<20} {value:>8.3f}" for name, value in self.accuracy.items()]
        for miss in self.errors.get(RULES, []):
            lines.append(f"  miss: {miss['opening']!r}: expected {miss['expected']!r}, got {miss['got']!r}")
        return "\n".join(lines)


def read_claimant_set(path: Path) -> ClaimantSet:
    """Return the articles and labelled sentences of a test-set file, naming what is wrong."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ClaimantDataError(f"{path}: cannot be read ({exc.strerror}).") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ClaimantDataError(f"{path}: not UTF-8 JSON ({exc}).") from exc
    articles = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(articles, list) or not articles:
        raise ClaimantDataError(f'{path}: expected an object with a non-empty "articles" list.')
    texts: dict[str, str] = {}
    expected: list[Expected] = []
    for number, article in enumerate(articles, start=1):
        name, text, rows = (article.get(key) for key in ("name", "text", "expected"))
        if not isinstance(name, str) or not isinstance(text, str) or not isinstance(rows, list):
            raise ClaimantDataError(f'{path}: article {number} needs "name", "text" and an "expected" list.')
        texts[name] = text
        for row in rows:
            if not (isinstance(row, list) and len(row) == 2 and isinstance(row[0], str)):
                raise ClaimantDataError(f"{path}: {name!r}: {row!r} is not [opening words, claimant].")
            written = [] if row[1] is None else [row[1]] if isinstance(row[1], str) else row[1]
            if not isinstance(written, list) or not all(isinstance(each, str) for each in written):
                raise ClaimantDataError(f"{path}: {name!r}: claimant {row[1]!r} is not null, text or a list.")
            start = text.find(row[0])
            if start < 0:
                raise ClaimantDataError(f"{path}: {name!r}: {row[0]!r} is not in the article text.")
            expected.append(Expected(name, row[0], start, tuple(written)))
    return ClaimantSet(texts, expected)


def rules_units(text: str) -> Units:
    """Return the units and claimants the extractor gives text."""
    return [(unit.start, unit.end, claimant) for unit, claimant in attributed_units(text)]


def sentence_alone_units(text: str) -> Units:
    """Return each unit with what its sentence names itself: pronouns unresolved, no context."""
    return [
        (unit.start, unit.end, sentence_attribution(sentence.text).claimant)
        for sentence in split_sentences(text)
        for unit in quoted_sentences(text, sentence)
    ]


def claimant_report(
    data: ClaimantSet, *, resolvers: dict[str, Callable[[str], Units]] | None = None
) -> ClaimantReport:
    """Return the accuracy of each resolver on the labelled sentences."""
    resolvers = resolvers or {RULES: rules_units, BASELINE: sentence_alone_units}
    accuracy: dict[str, float] = {}
    errors: dict[str, list[dict]] = {}
    for name, resolve in resolvers.items():
        units = {article: resolve(text) for article, text in data.texts.items()}
        misses = []
        for item in data.expected:
            got = _claimant_at(units[item.article], item.start)
            right = got is None if not item.claimants else _normal(got) in map(_normal, item.claimants)
            if not right:
                expected = item.claimants[0] if item.claimants else None
                misses.append(
                    {"article": item.article, "opening": item.opening, "expected": expected, "got": got}
                )
        accuracy[name] = round(1 - len(misses) / len(data.expected), 3)
        errors[name] = misses
    return ClaimantReport(len(data.expected), accuracy, errors)


def _claimant_at(units: Sequence[tuple[int, int, str | None]], position: int) -> str | None:
    """Return the claimant of the unit covering position, or None when no unit does."""
    for start, end, claimant in units:
        if start <= position < end:
            return claimant
    return None


def _normal(claimant: str | None) -> str | None:
    """Return claimant compared without case or surrounding space."""
    return None if claimant is None else " ".join(claimant.split()).casefold()
