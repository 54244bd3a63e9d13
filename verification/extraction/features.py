"""Turn a sentence into named features, each with the words that fired it.

Two kinds of feature feed the check-worthiness model:

- **cues**: hand-written detectors for the marks of a checkable statement
  (an event verb, an attribution, a quantity, a named entity, a date, harm,
  past tense) and of text that cannot be checked (a question, an opinion, a
  prediction, a first-person feeling, meta-text about the article, too few
  words).  Their weights are learned, their names and evidence are shown to
  reviewers as they are.
- **terms**: the sentence's lowercased words and word pairs (numbers folded
  to ``<num>``), which carry what the cues do not name.

Pure functions over a string; the same code serves training and scoring, so
a model never sees features built differently from the ones it learned.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import lexicons
from .tokens import ANALYSED_CHARS, Token, find_phrases, phrase_pattern, tokenize

# Fewer words than this is too little to check.
MIN_WORDS = 5
# A number folds to this term, so "700,000 jobs" and "12 jobs" share their evidence.
NUMBER_TERM = "<num>"
# Sentence boundaries as terms: "<s> i" (a sentence opening with "I") is a feature of its own.
START_TERM = "<s>"
END_TERM = "</s>"
# Symbols that are terms although the tokenizer drops them.
SYMBOL_TERMS = ("%", "$", "?")


@dataclass(frozen=True)
class SentenceFeatures:
    """The cues that fired (name -> evidence words) and the terms (term -> the words as written)."""

    cues: dict[str, list[str]]
    terms: dict[str, str]


def sentence_features(sentence: str) -> SentenceFeatures:
    """Return the cues and terms of sentence."""
    sentence = sentence[:ANALYSED_CHARS]
    tokens = tokenize(sentence)
    cues = {name: evidence for name, evidence in _cues(sentence, tokens) if evidence}
    return SentenceFeatures(cues=cues, terms=_terms(sentence, tokens))


def _cues(sentence: str, tokens: Sequence[Token]) -> list[tuple[str, list[str]]]:
    """Return (cue, evidence words) for every cue, fired or not."""
    return [
        ("event_verb", _words_in(tokens, lexicons.EVENT_VERBS)),
        ("attribution", _attribution(sentence, tokens)),
        ("quantity", _quantities(sentence, tokens)),
        ("harm", find_phrases(_HARM, sentence)),
        ("named_entity", _named_entities(sentence, tokens)),
        ("date", _dates(sentence, tokens)),
        ("past_tense", _past_tense(tokens)),
        ("question", _question(sentence)),
        ("opinion", find_phrases(_OPINION, sentence)),
        ("prediction", _predictions(sentence)),
        ("first_person_feeling", _first_person_feeling(tokens)),
        ("meta", find_phrases(_META, sentence)),
        ("too_short", _too_short(tokens)),
    ]


def _terms(sentence: str, tokens: Sequence[Token]) -> dict[str, str]:
    """Return the words, word pairs and symbols of the sentence, each with how it was written."""
    words = [(NUMBER_TERM if t.has_digit else t.lower, t.text) for t in tokens]
    terms: dict[str, str] = {}
    for term, written in words:
        terms.setdefault(term, written)
    for (left, left_written), (right, right_written) in zip(words, words[1:], strict=False):
        terms.setdefault(f"{left} {right}", f"{left_written} {right_written}")
    if words:
        # How a sentence opens and closes ("<s> i", "? </s>") says much about what it does.
        terms.setdefault(f"{START_TERM} {words[0][0]}", f"{words[0][1]} (first word)")
        terms.setdefault(f"{words[-1][0]} {END_TERM}", f"{words[-1][1]} (last word)")
    for symbol in SYMBOL_TERMS:
        if symbol in sentence:
            terms.setdefault(symbol, symbol)
    return terms


_OPINION = phrase_pattern(lexicons.OPINION_TERMS)
_PREDICTION = phrase_pattern(lexicons.PREDICTION_TERMS)
# "The longer the war drags on, the worse ...": a comparative forecast.
_THE_LONGER = re.compile(
    r"\bthe\s+(?:longer|more|sooner|further)\b.{0,200}?\bthe\s+(?:\w+er|worse|less|more|fewer)\b",
    re.IGNORECASE | re.DOTALL,
)
_META = phrase_pattern(lexicons.META_PHRASES)
_HARM = phrase_pattern(lexicons.HARM_TERMS)
_TIME = phrase_pattern(lexicons.TIME_PHRASES)
_ACCORDING_TO = re.compile(r"\baccording\s+to\b", re.IGNORECASE)
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_CLOCK_OR_CALENDAR = re.compile(
    r"\b\d{1,2}(?::\d\d|\s*[ap]\.?m\.?|/\d{1,2}(?:/\d{2,4})?)\b|\b\d{4}-\d\d-\d\d\b", re.IGNORECASE
)
_QUOTE_THEN_VERB = re.compile(r"[,?!…—–-]\s*[”\"]\s+(?:\w+\s+){0,4}?(\w+)")
# Words ending in "-ed" that are not past-tense verbs.
_NOT_PAST = frozenset("need indeed speed seed feed bed red hundred shed creed greed breed weed deed".split())
# Capitalised words that are not names when they are not the first word.
_NOT_NAMES = (
    lexicons.FUNCTION_WORDS
    | lexicons.SENTENCE_CONNECTIVES
    | lexicons.DETERMINERS
    | lexicons.MONTHS
    | lexicons.WEEKDAYS
)


def _words_in(tokens: Sequence[Token], vocabulary: frozenset[str]) -> list[str]:
    """Return the distinct lowercase tokens that belong to vocabulary, as written."""
    found = (token.text for token in tokens if token.lower in vocabulary and not token.is_capitalised)
    return list(dict.fromkeys(found))


def _attribution(sentence: str, tokens: Sequence[Token]) -> list[str]:
    """Return the reporting verbs (or "according to") that attribute the sentence."""
    found: list[str] = []
    for index, token in enumerate(tokens):
        # After a determiner the word is a noun: "the claims", "a report".
        after_determiner = index > 0 and tokens[index - 1].lower in lexicons.DETERMINERS
        if token.lower in lexicons.REPORTING_VERBS and not token.is_capitalised and not after_determiner:
            found.append(token.text)
    found += find_phrases(_ACCORDING_TO, sentence)
    # '..." read the tweet': a speaker introduced after a quote.
    for match in _QUOTE_THEN_VERB.finditer(sentence):
        if match.group(1).lower() in lexicons.POSTPOSED_ONLY_VERBS:
            found.append(match.group(1))
    return list(dict.fromkeys(found))


def _quantities(sentence: str, tokens: Sequence[Token]) -> list[str]:
    """Return numbers and number words, leaving out years and clock times."""
    found: dict[str, str] = {}  # lowercased -> as first written
    for token in tokens:
        lowered = token.lower
        is_number = token.has_digit and not _YEAR.match(lowered)
        if is_number or lowered in lexicons.NUMBER_WORDS:
            found.setdefault(lowered, token.text)
    if "%" in sentence:
        found.setdefault("%", "%")
    return list(found.values())


def _named_entities(sentence: str, tokens: Sequence[Token]) -> list[str]:
    """Return runs of capitalised words that are not the sentence's first word."""
    runs: list[str] = []
    current: list[Token] = []
    for position, token in enumerate(tokens):
        named = position > 0 and token.is_capitalised and token.lower not in _NOT_NAMES
        if named and current and sentence[current[-1].end : token.start].strip(" .") == "":
            current.append(token)
            continue
        if current:
            runs.append(sentence[current[0].start : current[-1].end])
            current = []
        if named:
            current.append(token)
    if current:
        runs.append(sentence[current[0].start : current[-1].end])
    return list(dict.fromkeys(runs))


def _dates(sentence: str, tokens: Sequence[Token]) -> list[str]:
    """Return the dates and times in the sentence: years, months, weekdays, "days ago"."""
    found: list[str] = []
    for index, token in enumerate(tokens):
        lowered = token.lower
        if _YEAR.match(lowered) or lowered in lexicons.WEEKDAYS:
            found.append(token.text)
        elif lowered in lexicons.MONTHS and token.is_capitalised:
            found.append(token.text)
        elif token.text == "May" and index + 1 < len(tokens) and tokens[index + 1].text.isdigit():
            found.append(token.text)  # "May" is a month only before a day number
    found += find_phrases(_TIME, sentence)
    found += [match.group(0) for match in _CLOCK_OR_CALENDAR.finditer(sentence)]
    return list(dict.fromkeys(found))


def _past_tense(tokens: Sequence[Token]) -> list[str]:
    """Return past-tense verbs and auxiliaries: the sentence reports what happened."""
    found: list[str] = []
    for token in tokens:
        lowered = token.lower
        regular = (
            len(lowered) > 4
            and lowered.endswith("ed")
            and lowered not in _NOT_PAST
            and not token.is_capitalised
        )
        if regular or lowered in lexicons.IRREGULAR_PAST or lowered in {"had", "was", "were"}:
            found.append(token.text)
    return list(dict.fromkeys(found))


def _question(sentence: str) -> list[str]:
    """Return ["?"] when the sentence asks a question."""
    stripped = sentence.rstrip().rstrip("”\"’')]»")
    return ["?"] if stripped.endswith("?") else []


def _predictions(sentence: str) -> list[str]:
    """Return the forward-looking words of the sentence."""
    found = find_phrases(_PREDICTION, sentence)
    match = _THE_LONGER.search(sentence)
    if match:
        found.append(match.group(0))
    return found


def _first_person_feeling(tokens: Sequence[Token]) -> list[str]:
    """Return a first-person word and a feeling word when both occur."""
    first_person = next((token.text for token in tokens if token.lower in lexicons.FIRST_PERSON), None)
    feeling = next((token.text for token in tokens if token.lower in lexicons.FEELING_WORDS), None)
    return [first_person, feeling] if first_person and feeling else []


def _too_short(tokens: Sequence[Token]) -> list[str]:
    """Return the word count, as evidence, when the sentence is too short to check."""
    count = len(tokens)
    return [f"{count} word" if count == 1 else f"{count} words"] if count < MIN_WORDS else []
