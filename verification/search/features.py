"""Features a reviewer understands, compared between a claim and a passage: names, numbers, dates; pure."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

# A number as written: 40, 1,200, 3.5, -0.8; with an optional percent sign.
_NUMBER = re.compile(r"(?<![\w.])([-−]?\d{1,3}(?:,\d{3})+|[-−]?\d+(?:\.\d+)?)(\s*%|\s*per\s*cent\b)?", re.I)
_WORD = re.compile(r"[A-Za-z][\w’'\-]*")
_NEXT_WORD = re.compile(r"\s*(?:°\s*[CF]\b|[A-Za-z]+)")
# Capitalised words that start sentences or name no one in particular.
_NOT_NAMES = frozenset(
    """a an the this that these those it its in on at by for from of to and or but if as with after before
    during when while where which who what why how he she they we i you his her their our my your there
    here some many most more all any each every no not also however meanwhile since than then thus
    yet so such one two three monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr""".split()
)
# Units are compared on a crude stem, so "tank" matches "tanks" and "degree" matches "degrees".
_PLURAL = re.compile(r"(?<!s)s$")


@dataclass(frozen=True)
class Quantity:
    """A number in a text and the word that says what it counts."""

    value: float
    unit: str
    written: str
    # Where the number starts and ends in its text, so its neighbours say what it counts.
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Comparison:
    """What a claim and a passage share or disagree on, beyond their words."""

    shared_entities: tuple[str, ...] = ()
    agreeing_numbers: tuple[str, ...] = ()
    clashing_numbers: tuple[tuple[str, str], ...] = ()
    agreeing_years: tuple[str, ...] = ()
    clashing_years: tuple[tuple[str, str], ...] = ()
    days_apart: int | None = None
    cues: tuple[str, ...] = field(default=())


@functools.lru_cache(maxsize=4096)
def entities(text: str) -> frozenset[str]:
    """Return the lowercased capitalised words of text that look like names (not sentence openers)."""
    found = set()
    for match in _WORD.finditer(text):
        word = match.group(0)
        if (word[0].isupper() or word.isupper()) and word.lower() not in _NOT_NAMES and len(word) > 1:
            found.add(word.lower().replace("’", "'").removesuffix("'s"))
    return frozenset(found)


def _unit(text: str, end: int, percent: str | None) -> str:
    if percent:
        return "percent"
    following = _NEXT_WORD.match(text, end)
    if not following:
        return ""
    word = following.group(0).strip().lower().replace(" ", "")
    return word if word.startswith("°") else _PLURAL.sub("", word)


# Cached: one claim is compared with every candidate of its search, and again on the next run.
@functools.lru_cache(maxsize=4096)
def quantities(text: str) -> tuple[Quantity, ...]:
    """Return the numbers of text with their units; four-digit whole numbers 1000–2100 are years."""
    found = []
    for match in _NUMBER.finditer(text):
        written = match.group(1)
        value = float(written.replace(",", "").replace("−", "-"))
        is_year = re.fullmatch(r"\d{4}", written) and 1000 <= value <= 2100 and not match.group(2)
        unit = "year" if is_year else _unit(text, match.end(), match.group(2))
        found.append(
            Quantity(
                value=value,
                unit=unit,
                written=written + ("%" if unit == "percent" else ""),
                start=match.start(),
                end=match.end(),
            )
        )
    return tuple(found)


def _compare(claim: list[Quantity], passage: list[Quantity]):
    """Return (agreeing, clashing) written forms: same value, or same unit with no value in common."""
    passage_values = {q.value for q in passage}
    agreeing = tuple(dict.fromkeys(q.written for q in claim if q.value in passage_values))
    clashing = []
    for q in claim:
        if q.value in passage_values or not q.unit:
            continue
        rivals = [p for p in passage if p.unit == q.unit and p.value != q.value]
        if rivals:
            clashing.append((q.written, rivals[0].written))
    return agreeing, tuple(dict.fromkeys(clashing))


def compare(
    claim: str, passage: str, *, claim_date: dt.date | None = None, passage_date: dt.date | None = None
) -> Comparison:
    """Compare a claim with a passage: shared names, agreeing or clashing numbers and years, dates apart."""
    shared = tuple(sorted(entities(claim) & entities(passage)))
    claim_q, passage_q = quantities(claim), quantities(passage)
    numbers = _compare([q for q in claim_q if q.unit != "year"], [q for q in passage_q if q.unit != "year"])
    years = _compare([q for q in claim_q if q.unit == "year"], [q for q in passage_q if q.unit == "year"])
    days = abs((claim_date - passage_date).days) if claim_date and passage_date else None
    cues = []
    if shared:
        cues.append(f"names: {', '.join(shared)}")
    if numbers[0]:
        cues.append(f"same number: {', '.join(numbers[0])}")
    for mine, theirs in numbers[1]:
        cues.append(f"number differs: claim {mine}, passage {theirs}")
    if years[0]:
        cues.append(f"same year: {', '.join(years[0])}")
    for mine, theirs in years[1]:
        cues.append(f"year differs: claim {mine}, passage {theirs}")
    if days is not None:
        cues.append("published the same day" if days == 0 else f"published {days} days apart")
    return Comparison(
        shared_entities=shared,
        agreeing_numbers=numbers[0],
        clashing_numbers=numbers[1],
        agreeing_years=years[0],
        clashing_years=years[1],
        days_apart=days,
        cues=tuple(cues),
    )
