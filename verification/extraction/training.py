"""Train the check-worthiness model offline with scikit-learn (a development dependency).

Never imported at run time: the product reads the JSON this writes
(``model.save_model``).  The features are the same ``sentence_features``
the scorer reads; cues and terms become binary columns of a logistic
regression.  Out-of-fold scores from stratified k-fold cross-validation are
returned beside the model so its quality can be reported on sentences it did
not learn from.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from .checkworthiness import sigmoid
from .features import sentence_features
from .model import LinearModel

CUE_PREFIX = "cue:"
TERM_PREFIX = "term:"
# Weights smaller than this change no score visibly; leaving them out keeps the file small.
MIN_WEIGHT = 0.005
WEIGHT_DECIMALS = 4
# Cues the training data cannot teach, with weights set by hand.  Debate transcripts
# have no meta-text about an article ("has not verified the claims", "read more"),
# so the data would leave this news cue near zero; it is kept out of the fit.
HAND_SET_CUES = {"meta": -3.0}


@dataclass(frozen=True)
class Trained:
    """A model fitted on every row, and each row's score from the fold that did not see it."""

    model: LinearModel
    out_of_fold: list[float]


def feature_row(sentence: str, *, keep_terms: set[str] | None = None) -> dict[str, int]:
    """Return the binary feature columns of a sentence, terms limited to keep_terms when given."""
    found = sentence_features(sentence)
    row = {CUE_PREFIX + name: 1 for name in found.cues if name not in HAND_SET_CUES}
    for term in found.terms:
        if keep_terms is None or term in keep_terms:
            row[TERM_PREFIX + term] = 1
    return row


def train_checkworthiness(
    texts: Sequence[str],
    labels: Sequence[int],
    *,
    regularisation: float = 1.0,
    min_count: int = 2,
    folds: int = 5,
    seed: int = 2026,
    about: dict | None = None,
    progress: Callable[[Iterable[str]], Iterable[str]] = iter,
) -> Trained:
    """Fit the model on texts and labels; return it with out-of-fold scores."""
    counts = Counter(term for text in texts for term in sentence_features(text).terms)
    # A term seen in fewer than min_count sentences is noise the model would memorise.
    keep = {term for term, count in counts.items() if count >= min_count}
    rows = [feature_row(text, keep_terms=keep) for text in progress(texts)]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows).tocsr()
    # liblinear accepts 32-bit sparse indices only; DictVectorizer may build 64-bit ones.
    matrix.indices = matrix.indices.astype(np.int32)
    matrix.indptr = matrix.indptr.astype(np.int32)
    target = np.asarray(labels)
    classifier = LogisticRegression(C=regularisation, solver="liblinear", max_iter=5000)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    out_of_fold = cross_val_predict(classifier, matrix, target, cv=splitter, method="predict_proba")[:, 1]
    classifier.fit(matrix, target)
    cues: dict[str, float] = {}
    terms: dict[str, float] = {}
    for name, weight in zip(vectorizer.get_feature_names_out(), classifier.coef_[0], strict=True):
        if abs(weight) < MIN_WEIGHT:
            continue
        if name.startswith(CUE_PREFIX):
            cues[name.removeprefix(CUE_PREFIX)] = round(float(weight), WEIGHT_DECIMALS)
        else:
            terms[name.removeprefix(TERM_PREFIX)] = round(float(weight), WEIGHT_DECIMALS)
    # The shipped model adds the hand-set cues to the learned log-odds; so do the held-out scores.
    logits = np.asarray(
        [
            _logit(score) + sum(HAND_SET_CUES.get(cue, 0.0) for cue in found)
            for score, found in zip(
                out_of_fold, (sentence_features(text).cues for text in texts), strict=True
            )
        ]
    )
    # Calibration is fitted on held-out logits only (the fitted model's own are overconfident),
    # and the held-out figures are themselves cross-fitted: each fold calibrated by the others.
    calibrated = np.zeros(len(logits))
    for fitted_on, scored in splitter.split(logits.reshape(-1, 1), target):
        slope, offset = _platt(logits[fitted_on], target[fitted_on])
        calibrated[scored] = [sigmoid(slope * value + offset) for value in logits[scored]]
    slope, offset = _platt(logits, target)
    model = LinearModel(
        intercept=round(float(classifier.intercept_[0]), WEIGHT_DECIMALS),
        cues=cues | HAND_SET_CUES,
        terms=terms,
        slope=round(slope, WEIGHT_DECIMALS),
        offset=round(offset, WEIGHT_DECIMALS),
        about=dict(about or {}) | {"hand_set_cues": HAND_SET_CUES},
    )
    return Trained(model=model, out_of_fold=[float(score) for score in calibrated])


def _logit(score: float) -> float:
    """Return the log-odds of a probability, clipped away from 0 and 1."""
    score = min(max(float(score), 1e-6), 1 - 1e-6)
    return math.log(score / (1 - score))


def _platt(logits: np.ndarray, target: np.ndarray) -> tuple[float, float]:
    """Return (slope, offset) of the logistic fit of target on logits (Platt scaling)."""
    fit = LogisticRegression(C=1e6, max_iter=1000).fit(logits.reshape(-1, 1), target)
    return float(fit.coef_[0][0]), float(fit.intercept_[0])
