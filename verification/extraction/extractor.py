"""Turn article text into check-worthy claim candidates.

Ties the stages together: segmentation finds the sentences and the parts of
the page that are not prose, attribution names the claimant and the hedges,
check-worthiness scores each sentence.  A sentence in which the publisher
says it "has not verified" the claims is not a claim itself; its hedge is
carried back to every attributed claim before it.
"""

import bisect
from dataclasses import dataclass

from .attribution import find_hedges, resolve_claimants, sentence_attribution, verification_hedge
from .checkworthiness import score_sentence
from .records import ClaimCandidate, Reason, Sentence
from .segmentation import (
    claim_span,
    has_credit,
    is_boilerplate,
    is_heading,
    quoted_sentences,
    split_sentences,
)
from .tokens import tokenize

# The same default as the VERIFICATION_CHECKWORTHINESS_THRESHOLD setting; see docs/extraction.md.
DEFAULT_THRESHOLD = 0.35
# Fewer words than this is a fragment (a stray number, a label), never a claim, whatever its score.
MIN_CLAIM_WORDS = 3


@dataclass(frozen=True)
class _Draft:
    """A scored sentence waiting for the hedges that later sentences may add."""

    start: int
    end: int
    score: float
    reasons: tuple[Reason, ...]
    claimant: str | None
    hedges: tuple[str, ...]


def extract_claims(text: str, *, threshold: float = DEFAULT_THRESHOLD) -> list[ClaimCandidate]:
    """Return the sentences of text that are check-worthy claims, in document order."""
    units = attributed_units(text)
    skipped = _non_prose_paragraphs(text, [unit for unit, _ in units])
    drafts: list[_Draft] = []
    # (number of drafts before it, phrase) for each "has not verified" sentence.
    disclaimers: list[tuple[int, str]] = []
    for sentence, claimant in units:
        if sentence.paragraph in skipped:
            continue
        disclaimer = verification_hedge(sentence.text)
        if disclaimer:
            disclaimers.append((len(drafts), disclaimer))
            continue
        start, end = claim_span(text, sentence.start, sentence.end)
        span = text[start:end]
        if not span or is_heading(span) or is_boilerplate(span) or len(tokenize(span)) < MIN_CLAIM_WORDS:
            continue
        score, reasons = score_sentence(span)
        drafts.append(_Draft(start, end, score, reasons, claimant, find_hedges(span)))
    later = _later_disclaimers(disclaimers)
    drafts_before = [count for count, _ in disclaimers]
    candidates = []
    for index, draft in enumerate(drafts):
        if draft.score < threshold:
            continue
        hedges = draft.hedges
        if draft.claimant is not None:
            # The publisher distances itself only from what its sources said.
            # Disclaimers written after this draft had more than `index` drafts before them.
            first_later = bisect.bisect_right(drafts_before, index)
            hedges = tuple(dict.fromkeys(hedges + later[first_later]))
        candidates.append(
            ClaimCandidate(
                text[draft.start : draft.end],
                draft.start,
                draft.end,
                draft.score,
                draft.reasons,
                draft.claimant,
                hedges,
            )
        )
    return candidates


def prose_sentences(text: str) -> list[Sentence]:
    """Return the sentences of text that can be evidence: no headline, caption, credit or byline.

    Each span is trimmed of a leading dateline, byline or list marker, so that "KYIV, April 5
    (Reuters) -" is in no passage either.
    """
    sentences = split_sentences(text)
    skipped = _non_prose_paragraphs(text, sentences)
    prose = []
    for sentence in sentences:
        if sentence.paragraph in skipped:
            continue
        start, end = claim_span(text, sentence.start, sentence.end)
        span = text[start:end]
        if span and not is_heading(span) and not is_boilerplate(span):
            prose.append(Sentence(span, start, end, sentence.paragraph))
    return prose


def attributed_units(text: str) -> list[tuple[Sentence, str | None]]:
    """Return every sentence of text with its resolved claimant, in document order.

    A quotation of several sentences is resolved whole (its speaker is named once) and then
    returned sentence by sentence, each with the quotation's speaker.
    """
    sentences = split_sentences(text)
    return [
        (unit, claimant)
        for sentence, claimant in zip(sentences, resolve_claimants(sentences), strict=True)
        for unit in quoted_sentences(text, sentence)
    ]


def assess_sentence(sentence: str) -> ClaimCandidate:
    """Return one already-split sentence scored, with the claimant and hedges it names itself."""
    score, reasons = score_sentence(sentence)
    found = sentence_attribution(sentence)
    # Alone, a pronoun ("he said") names nobody; the words are kept as written.
    return ClaimCandidate(sentence, 0, len(sentence), score, reasons, found.claimant, find_hedges(sentence))


def _later_disclaimers(disclaimers: list[tuple[int, str]]) -> list[tuple[str, ...]]:
    """Return, for each position k, the distinct phrases of disclaimers[k:] in order."""
    suffixes: list[tuple[str, ...]] = [()] * (len(disclaimers) + 1)
    for position in range(len(disclaimers) - 1, -1, -1):
        phrase = disclaimers[position][1]
        suffixes[position] = tuple(dict.fromkeys((phrase,) + suffixes[position + 1]))
    return suffixes


def _non_prose_paragraphs(text: str, sentences: list[Sentence]) -> set[int]:
    """Return the numbers of the paragraphs that are captions, credits or headings."""
    bounds: dict[int, tuple[int, int]] = {}
    for sentence in sentences:
        first, _ = bounds.get(sentence.paragraph, (sentence.start, sentence.end))
        bounds[sentence.paragraph] = (first, sentence.end)
    skipped = set()
    for number, (start, end) in bounds.items():
        paragraph = text[start:end]
        # A credit anywhere makes the whole paragraph a caption.
        if has_credit(paragraph) or is_heading(paragraph):
            skipped.add(number)
    return skipped
