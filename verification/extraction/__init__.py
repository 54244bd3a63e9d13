"""Pure-Python claim extraction: article text in, check-worthy claim candidates out.

No Django, no database, no settings: plain functions over plain data.

    segmentation     paragraphs, sentences and offsets; captions, credits, bylines, datelines
    features         a sentence's cues (with their evidence) and terms
    checkworthiness  features -> score in [0, 1] with the reasons for it
    model            the learned weights, shipped as JSON, read with the standard library
    training         fits those weights offline (scikit-learn; development only, never imported here)
    sameness         claim fingerprints, and whether a rewording keeps its numbers and polarity
    attribution      claimant and hedges; pronouns and quote continuations
    extractor        ties the stages together
    lexicons         the word lists the rules read
    tokens           word tokens with offsets and phrase matching
    records          the frozen dataclasses returned to callers
"""

from .checkworthiness import score_sentence
from .extractor import assess_sentence, extract_claims
from .records import ClaimCandidate, Reason, Sentence
from .segmentation import split_sentences

__all__ = [
    "ClaimCandidate",
    "Reason",
    "Sentence",
    "assess_sentence",
    "extract_claims",
    "score_sentence",
    "split_sentences",
]
