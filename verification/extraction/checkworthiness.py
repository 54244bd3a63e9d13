"""Score how check-worthy a sentence is, and say why.

The model is deliberately additive: a sentence starts from ``BASE_SCORE``,
each feature that fires adds its signed weight once, and the sum is clipped
to [0, 1].  Every contribution, the base included, is returned as a
``Reason`` so that ``score == clip(sum(reason.weight for reason in reasons))``
and a reviewer can see which words moved the score.
"""

import re

from . import lexicons
from .records import Reason
from .tokens import Token, find_phrases, phrase_pattern, tokenize

# The weights.  Positive features are the marks of a checkable factual
# statement; negative ones mark text that cannot be checked (questions,
# opinions, predictions, feelings) or that is about the article itself.
BASE_SCORE = 0.25
WEIGHT_EVENT_VERB = 0.2
WEIGHT_ATTRIBUTION = 0.15
WEIGHT_QUANTITY = 0.15
WEIGHT_HARM = 0.15
WEIGHT_NAMED_ENTITY = 0.1
WEIGHT_DATE = 0.1
WEIGHT_PAST_TENSE = 0.05
WEIGHT_QUESTION = -0.4
WEIGHT_OPINION = -0.25
WEIGHT_PREDICTION = -0.15
WEIGHT_FIRST_PERSON_FEELING = -0.25
WEIGHT_META = -0.6
WEIGHT_TOO_SHORT = -0.4

# Fewer words than this is too little to check.
MIN_WORDS = 5
# At most this many matched words are quoted as evidence for one feature.
MAX_EVIDENCE = 3

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


def score_sentence(sentence: str) -> tuple[float, tuple[Reason, ...]]:
    """Return the check-worthiness of sentence in [0, 1] and the reasons for it."""
    tokens = tokenize(sentence)
    reasons = [Reason("base", BASE_SCORE, "")]
    for feature, weight, evidence in _features(sentence, tokens):
        if evidence:
            reasons.append(Reason(feature, weight, ", ".join(evidence[:MAX_EVIDENCE])))
    total = sum(reason.weight for reason in reasons)
    return round(min(1.0, max(0.0, total)), 3), tuple(reasons)


def _features(sentence: str, tokens: list[Token]) -> list[tuple[str, float, list[str]]]:
    """Return (feature, weight, evidence words) for every feature, fired or not."""
    return [
        ("event_verb", WEIGHT_EVENT_VERB, _words_in(tokens, lexicons.EVENT_VERBS)),
        ("attribution", WEIGHT_ATTRIBUTION, _attribution(sentence, tokens)),
        ("quantity", WEIGHT_QUANTITY, _quantities(sentence, tokens)),
        ("harm", WEIGHT_HARM, find_phrases(_HARM, sentence)),
        ("named_entity", WEIGHT_NAMED_ENTITY, _named_entities(sentence, tokens)),
        ("date", WEIGHT_DATE, _dates(sentence, tokens)),
        ("past_tense", WEIGHT_PAST_TENSE, _past_tense(tokens)),
        ("question", WEIGHT_QUESTION, _question(sentence)),
        ("opinion", WEIGHT_OPINION, find_phrases(_OPINION, sentence)),
        ("prediction", WEIGHT_PREDICTION, _predictions(sentence)),
        ("first_person_feeling", WEIGHT_FIRST_PERSON_FEELING, _first_person_feeling(tokens)),
        ("meta", WEIGHT_META, find_phrases(_META, sentence)),
        ("too_short", WEIGHT_TOO_SHORT, _too_short(tokens)),
    ]


def _words_in(tokens: list[Token], vocabulary: frozenset[str]) -> list[str]:
    """Return the distinct lowercase tokens that belong to vocabulary, as written."""
    found = (token.text for token in tokens if token.lower in vocabulary and not token.is_capitalised)
    return list(dict.fromkeys(found))


def _attribution(sentence: str, tokens: list[Token]) -> list[str]:
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


def _quantities(sentence: str, tokens: list[Token]) -> list[str]:
    """Return numbers and number words, leaving out years and clock times."""
    found: dict[str, str] = {}  # lowercased -> as first written
    for token in tokens:
        lowered = token.lower
        is_number = any(char.isdigit() for char in lowered) and not _YEAR.match(lowered)
        if is_number or lowered in lexicons.NUMBER_WORDS:
            found.setdefault(lowered, token.text)
    if "%" in sentence:
        found.setdefault("%", "%")
    return list(found.values())


def _named_entities(sentence: str, tokens: list[Token]) -> list[str]:
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


def _dates(sentence: str, tokens: list[Token]) -> list[str]:
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


def _past_tense(tokens: list[Token]) -> list[str]:
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


def _first_person_feeling(tokens: list[Token]) -> list[str]:
    """Return a first-person word and a feeling word when both occur."""
    first_person = next((token.text for token in tokens if token.lower in lexicons.FIRST_PERSON), None)
    feeling = next((token.text for token in tokens if token.lower in lexicons.FEELING_WORDS), None)
    return [first_person, feeling] if first_person and feeling else []


def _too_short(tokens: list[Token]) -> list[str]:
    """Return the word count, as evidence, when the sentence is too short to check."""
    count = len(tokens)
    return [f"{count} word" if count == 1 else f"{count} words"] if count < MIN_WORDS else []
