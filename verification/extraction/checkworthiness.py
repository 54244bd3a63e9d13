"""Score how check-worthy a sentence is, and say why.

The score is a logistic model over the sentence's features
(``features.sentence_features``): ``score = sigmoid(sum of the reasons'
weights)``, weights in log-odds.  The reasons are the intercept (``base``),
every cue that fired with its learned weight and the words behind it, and
one ``wording`` reason that sums the terms and names the ones that weighed
most, so a reviewer sees which words moved the score and by how much.
"""

import math
from collections.abc import Sequence

from . import lexicons
from .features import sentence_features
from .model import LinearModel, shipped_model
from .records import Reason
from .tokens import ANALYSED_CHARS, tokenize

# At most this many matched words are quoted as evidence for one cue.
MAX_EVIDENCE = 3
# The wording reason names this many of its heaviest terms.
MAX_TERMS_SHOWN = 4
# Weights are shown, and summed, at this many decimals.
WEIGHT_DECIMALS = 3


def score_sentence(sentence: str, *, model: LinearModel | None = None) -> tuple[float, tuple[Reason, ...]]:
    """Return the calibrated check-worthiness of sentence in [0, 1] and the reasons for it."""
    model = model or shipped_model()
    found = sentence_features(sentence)
    # Each weight is scaled by the calibration slope and the offset joins the base, so the
    # reasons still sum to the log-odds of the (calibrated) score.
    slope = model.slope
    reasons = [Reason("base", round(slope * model.intercept + model.offset, WEIGHT_DECIMALS), "", BASE_SAYS)]
    cues: list[Reason] = []
    words: frozenset[str] | None = None
    for name, evidence in found.cues.items():
        weight = round(slope * model.cues.get(name, 0.0), WEIGHT_DECIMALS)
        if weight:
            shown = evidence[:MAX_EVIDENCE]
            if words is None:
                words = frozenset(token.lower for token in tokenize(sentence[:ANALYSED_CHARS]))
            cues.append(Reason(name, weight, ", ".join(shown), describe_cue(name, shown, sentence, words)))
    reasons += sorted(cues, key=lambda reason: abs(reason.weight), reverse=True)
    weighed = [(model.terms[term], written) for term, written in found.terms.items() if term in model.terms]
    if weighed:
        total = round(slope * sum(weight for weight, _ in weighed), WEIGHT_DECIMALS)
        heaviest = sorted(weighed, key=lambda pair: abs(pair[0]), reverse=True)[:MAX_TERMS_SHOWN]
        listed = ", ".join(f"{written or '·'} {slope * weight:+.2f}" for weight, written in heaviest)
        reasons.append(Reason("wording", total, listed, _describe_wording(total, heaviest)))
    return round(sigmoid(sum(reason.weight for reason in reasons)), 3), tuple(reasons)


BASE_SAYS = "the starting point: how often a sentence is check-worthy"
# What each cue means to a reviewer; "{}" is filled with the words that fired it.
_CUE_SAYS = {
    "event_verb": "reports an event: {}",
    "attribution": "says who said it: {}",
    "quantity": "a number: {}",
    "harm": "harm to people: {}",
    "named_entity": "names a person, place or organisation: {}",
    "date": "gives a date or time: {}",
    "past_tense": "tells what happened: {}",
    "question": "a question, not a statement",
    "opinion": "an opinion rather than a fact: {}",
    "prediction": "a forecast, which cannot be checked yet: {}",
    "first_person_feeling": "a personal feeling: {}",
    "meta": "about the article or its checks, not the world: {}",
    "too_short": "too short to check: {}",
}
# Words that make a harm an accusation of a crime, and titles that make a name an official.
_CRIME_WORDS = lexicons.words(
    "crime crimes tortured torture murdered murder raped rape executed genocide massacre war fraud "
    "stolen stole corruption bribes charged accused alleged negligence"
)
_OFFICIAL_WORDS = lexicons.words(
    "president minister prime chancellor governor mayor secretary prosecutor general official officials "
    "ministry office government spokesman spokeswoman commissioner senator ambassador chief head "
    "commission council police army"
)
# Words that are not what a number is about ("40 of the", "68 percent").
_NOT_ABOUT = lexicons.words("percent per cent of the a an more than less up to from and or in on at by")


def describe_cue(
    name: str, evidence: Sequence[str], sentence: str, lowered: frozenset[str] | None = None
) -> str:
    """Return what a cue that fired means, in the words a reviewer reads."""
    words = ", ".join(f"“{word}”" for word in evidence)
    if lowered is None:
        lowered = frozenset(token.lower for token in tokenize(sentence[:ANALYSED_CHARS]))
    if name not in {"quantity", "harm", "named_entity"}:
        return _CUE_SAYS.get(name, name + ": {}").format(words)
    if name == "quantity":
        about = _number_about(sentence, evidence)
        return f"a number about {about} ({words})" if about else f"a number ({words})"
    if name == "harm" and lowered & _CRIME_WORDS:
        return f"an accusation of a crime ({words})"
    if name == "named_entity" and lowered & _OFFICIAL_WORDS:
        return f"a named official or institution ({words})"
    return _CUE_SAYS.get(name, name + ": {}").format(words)


def _number_about(sentence: str, evidence: Sequence[str]) -> str:
    """Return the word a sentence's first number counts ("700,000 jobs" -> "jobs"), or ""."""
    tokens = tokenize(sentence[:ANALYSED_CHARS])
    for index, token in enumerate(tokens):
        if token.text not in evidence:
            continue
        previous = token
        for following in tokens[index + 1 : index + 4]:
            if sentence[previous.end : following.start].strip() or following.is_capitalised:
                break  # punctuation or a name ("in March") ends the number's phrase
            previous = following
            word = following.lower
            if word in _NOT_ABOUT or following.has_digit or word in lexicons.NUMBER_WORDS:
                continue
            return following.text if word.isalpha() and len(word) > 2 else ""
        # "turnout had reached 68 percent": the number measures the noun before its verb.
        for before in reversed(tokens[:index]):
            word = before.lower
            if word in _NOT_ABOUT | lexicons.FUNCTION_WORDS | lexicons.AUXILIARIES_AND_ADVERBS:
                continue
            if word.endswith("ed") or word in lexicons.IRREGULAR_PAST or word in _MOVES:
                continue
            named = before.is_capitalised and before is not tokens[0]
            return word if word.isalpha() and len(word) > 2 and not named else ""
        return ""
    return ""


# Verbs that move a number ("rose to 1,842"), skipped when looking for what it counts.
_MOVES = lexicons.words("rose fell reached reach rise fall hit stands stood grew dropped is are was were")


def _describe_wording(total: float, heaviest: Sequence[tuple[float, str]]) -> str:
    """Return what the word weights amount to, naming the words that weighed most."""
    shown = [(weight, written.split(" (")[0]) for weight, written in heaviest if written]
    # dict.fromkeys: "year" and "year (last word)" are one word to a reader.
    lifting = list(dict.fromkeys(f"“{written}”" for weight, written in shown if weight > 0))
    lowering = list(dict.fromkeys(f"“{written}”" for weight, written in shown if weight < 0))
    parts = []
    if lifting:
        parts.append("words often found in checkable claims: " + ", ".join(lifting))
    if lowering:
        parts.append("words rarely found in them: " + ", ".join(lowering))
    overall = "the wording makes it more likely" if total > 0 else "the wording makes it less likely"
    return overall + (" (" + "; ".join(parts) + ")" if parts else "")


def sigmoid(logit: float) -> float:
    """Return the logistic function of logit, without overflow for large magnitudes."""
    if logit >= 0:
        return 1.0 / (1.0 + math.exp(-logit))
    odds = math.exp(logit)
    return odds / (1.0 + odds)
