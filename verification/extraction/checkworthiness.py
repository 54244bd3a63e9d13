"""Score how check-worthy a sentence is, and say why.

The score is a logistic model over the sentence's features
(``features.sentence_features``): ``score = sigmoid(sum of the reasons'
weights)``, weights in log-odds.  The reasons are the intercept (``base``),
every cue that fired with its learned weight and the words behind it, and
one ``wording`` reason that sums the terms and names the ones that weighed
most, so a reviewer sees which words moved the score and by how much.
"""

import math

from .features import sentence_features
from .model import LinearModel, shipped_model
from .records import Reason

# At most this many matched words are quoted as evidence for one cue.
MAX_EVIDENCE = 3
# The wording reason names this many of its heaviest terms.
MAX_TERMS_SHOWN = 4
# Weights are shown, and summed, at this many decimals.
WEIGHT_DECIMALS = 3


def score_sentence(sentence: str, *, model: LinearModel | None = None) -> tuple[float, tuple[Reason, ...]]:
    """Return the check-worthiness of sentence in [0, 1] and the reasons for it."""
    model = model or shipped_model()
    found = sentence_features(sentence)
    reasons = [Reason("base", round(model.intercept, WEIGHT_DECIMALS), "")]
    cues: list[Reason] = []
    for name, evidence in found.cues.items():
        weight = round(model.cues.get(name, 0.0), WEIGHT_DECIMALS)
        if weight:
            cues.append(Reason(name, weight, ", ".join(evidence[:MAX_EVIDENCE])))
    reasons += sorted(cues, key=lambda reason: abs(reason.weight), reverse=True)
    weighed = [(model.terms[term], written) for term, written in found.terms.items() if term in model.terms]
    if weighed:
        total = round(sum(weight for weight, _ in weighed), WEIGHT_DECIMALS)
        heaviest = sorted(weighed, key=lambda pair: abs(pair[0]), reverse=True)[:MAX_TERMS_SHOWN]
        shown = ", ".join(f"{written or '·'} {weight:+.2f}" for weight, written in heaviest)
        reasons.append(Reason("wording", total, shown))
    return round(sigmoid(sum(reason.weight for reason in reasons)), 3), tuple(reasons)


def sigmoid(logit: float) -> float:
    """Return the logistic function of logit, without overflow for large magnitudes."""
    if logit >= 0:
        return 1.0 / (1.0 + math.exp(-logit))
    odds = math.exp(logit)
    return odds / (1.0 + odds)
