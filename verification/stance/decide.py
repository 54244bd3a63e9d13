"""The stance of a candidate: the model's reading, checked against the event, with the rules as cues; pure.

Order of evidence, strongest first:

1. A denial of the claim's act by its actor contradicts ("its troops have not committed war crimes");
   towards a claim that reports that denial ("Russia denies its troops…") it supports.
2. The claim's figure for the same thing, denied or replaced ("71.4 percent, not 64" against 64),
   contradicts; asserted against another ("71.4 percent, not 64" for 71.4) supports; asserted alone
   ("71.4 percent") supports unless the model reads a contradiction.
3. Another place, year or month is another event: nothing there supports or contradicts the
   claim, whatever the words share ("Balakliya is not Bucha").
4. A report the passage says is not established ("could not be independently verified") discusses,
   whatever side the model confidently reads, unless it reads another story; so does the claim's
   figure inside an allegation.
5. Otherwise the stance model decides. Without it, the rules' label stands, except that a bare
   negation word no longer contradicts: it only shows the passage is about the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from verification.choices import Stance

from .events import EventCheck, content_stems, event_check
from .rules import StanceLabel, label_stance

# Below this probability the model is unsure: its reading is shown, and the rules decide.
UNSURE_BELOW = 0.5
# Two shared content words at least before a passage is said to be about the claim at all.
MIN_SHARED_TO_DISCUSS = 2


class Prediction(Protocol):
    """What the stance model answers for one (claim, passage) pair."""

    @property
    def label(self) -> str: ...

    @property
    def confidence(self) -> float: ...

    @property
    def probabilities(self) -> Mapping[str, float]: ...


@dataclass(frozen=True)
class StanceDecision:
    """A candidate's stance, the model's confidence in it, and what a reviewer can check it by."""

    stance: Stance
    # The model's probability for the stance decided (None without the model).
    confidence: float | None
    sentence: str
    agreeing: tuple[str, ...]
    clashing: tuple[str, ...]
    cues: tuple[str, ...]


def carrying_sentence(claim: str, passage: str, check: EventCheck) -> str:
    """Return the sentence of passage that carries its stance: the denial, the figure, or the closest."""
    sentences = [
        s.strip() for s in re.split(r"(?:(?<=[.!?])|(?<=[.!?][”\"]))\s+(?=[A-Z“\"])", passage) if s.strip()
    ]
    if len(sentences) <= 1:
        return passage.strip()
    if check.denial:
        quoted = check.denial.split("“", 1)[-1].rstrip("”")
        first_words = " ".join(quoted.split()[1:4])
        for sentence in sentences:
            if first_words and first_words in sentence:
                return sentence
    claim_stems = content_stems(claim)
    return max(sentences, key=lambda s: (len(content_stems(s) & claim_stems), -sentences.index(s)))


def decided_by_event(check: EventCheck) -> bool:
    """Return whether the event check alone decides the stance, whatever the model would read."""
    # Whatever the model reads (a contradiction, another story) leaves these stances as the check says.
    return all(event_stance(check, stance) is not None for stance in (Stance.CONTRADICTS, Stance.UNRELATED))


def _model_cue(prediction: Prediction) -> str:
    top = sorted(prediction.probabilities.items(), key=lambda kv: -kv[1])[:2]
    read = ", ".join(f"{label} {p:.2f}" for label, p in top)
    unsure = " (unsure)" if prediction.confidence < UNSURE_BELOW else ""
    return f"model: {prediction.label} {prediction.confidence:.2f}{unsure}; {read}"


def _without_model(rule: StanceLabel, claim: str, passage: str) -> Stance:
    """Return the rules' stance, a bare negation no longer contradicting; used when no model runs.

    A negation in the passage may deny anything ("not the first time"); one in the claim that the
    passage does not share is the claim denying what the passage asserts ("has not risen" against
    "rose by 20 cm"), so that one still contradicts.
    """
    if rule.stance == Stance.SUPPORTS:
        return Stance.SUPPORTS
    if rule.stance == Stance.CONTRADICTS and any(c.startswith("claim negates") for c in rule.cues):
        return Stance.CONTRADICTS
    shared = len(content_stems(claim) & content_stems(passage))
    return Stance.DISCUSSES if shared >= MIN_SHARED_TO_DISCUSS else Stance.UNRELATED


def event_stance(check: EventCheck, model_stance: Stance | None) -> tuple[Stance, str] | None:
    """Return the stance the event check imposes, whatever the model reads, and why; None when it is open."""
    if check.denial:
        return Stance.CONTRADICTS, "the passage denies what the claim asserts"
    if check.echoes_denial and not check.different_event:
        return Stance.SUPPORTS, "the passage makes the denial the claim reports"
    if check.figure_clashes and not check.figure_agrees and not check.different_event:
        return Stance.CONTRADICTS, "the passage gives another figure for the same thing"
    if check.figure_confirmed and not check.figure_clashes and not check.different_event:
        return Stance.SUPPORTS, "the passage corrects another figure to the claim's"
    if check.different_event:
        places_and_years = (
            c for c in check.clashing if c.startswith(("place:", "year:", "date:", "country:", "name:"))
        )
        return Stance.UNRELATED, "another event: " + "; ".join(places_and_years)
    read_as_related = model_stance is not None and model_stance != Stance.UNRELATED
    if check.unconfirmed and (read_as_related or check.figure_agrees):
        # The claim's figure inside an allegation is reported, not confirmed.
        return Stance.DISCUSSES, f"the passage reports it unconfirmed: “{check.unconfirmed}”"
    if check.figure_agrees and model_stance != Stance.CONTRADICTS:
        return Stance.SUPPORTS, "the passage states the claim's figure for the same thing"
    return None


def decide_stance(
    *,
    claim: str,
    passage: str,
    check: EventCheck,
    rule: StanceLabel,
    prediction: Prediction | None = None,
) -> StanceDecision:
    """Return the stance of passage towards claim from the model, the event check and the rules."""
    model_stance = Stance(prediction.label) if prediction is not None else None
    trusted = model_stance if prediction is not None and prediction.confidence >= UNSURE_BELOW else None
    cues: list[str] = []
    by_event = event_stance(check, trusted)
    if by_event is not None:
        stance, why = by_event
    elif trusted is not None:
        stance, why = trusted, ""
    elif prediction is not None:
        stance, why = _without_model(rule, claim, passage), "the model is unsure: the rules decide"
    else:
        stance, why = _without_model(rule, claim, passage), "rules (no stance model installed)"
    if (
        check.other_subjects
        and stance == Stance.CONTRADICTS
        and not check.denial
        and not check.figure_clashes
    ):
        # A figure about something else says nothing about the claim's: the model's reading stands
        # only with a cue that says so.
        cues.append("its numbers count something else")
    confidence = None
    if prediction is not None:
        confidence = round(float(prediction.probabilities.get(str(stance), 0.0)), 4)
        cues.append(_model_cue(prediction))
        if model_stance != stance and trusted is not None:
            cues.append(f"event check overrides the model: {why}")
        elif why:
            cues.append(why)
    elif why:
        cues.append(why)
    if check.unconfirmed:
        cues.append(f"the passage reports it unconfirmed: “{check.unconfirmed}”")
    cues += [f"agrees: {fact}" for fact in check.agreeing]
    cues += [f"clashes: {fact}" for fact in check.clashing]
    cues += list(check.other_subjects)
    # The rules' words stay as cues a reviewer can weigh, not as the label.
    cues += [f"rules: {cue}" for cue in rule.cues if not cue.startswith("shares")]
    return StanceDecision(
        stance=stance,
        confidence=confidence,
        sentence=carrying_sentence(claim, passage, check),
        agreeing=check.agreeing,
        clashing=check.clashing,
        cues=tuple(dict.fromkeys(cues)),
    )


class Found(Protocol):
    """A retrieved candidate as the search returns it: a passage (with its document) and its ranking."""

    @property
    def passage(self) -> Any: ...

    @property
    def score(self) -> float: ...

    @property
    def shared(self) -> tuple[str, ...]: ...

    @property
    def comparison(self) -> Any: ...

    @property
    def similarity(self) -> float | None: ...

    @property
    def cues(self) -> tuple[str, ...]: ...


def document_text(document: Any) -> str:
    """Return a document's headline and body, the context its passages' places come from."""
    return f"{document.title}\n\n{document.text}" if document.title else document.text


def decide_candidates(
    claim: str,
    found: Sequence[Found],
    *,
    claim_context: str = "",
    predict: Callable[[Sequence[tuple[str, str]]], Sequence[Prediction]] | None = None,
) -> list[StanceDecision]:
    """Return the stance of every found passage towards claim, reading all of them in one model call."""
    checks = [
        event_check(
            claim,
            candidate.passage.text,
            claim_context=claim_context,
            passage_context=document_text(candidate.passage.document),
        )
        for candidate in found
    ]
    # The model reads only what the event check leaves open (a denial, a clashing figure or
    # another place decides alone), all of it in one call: its cost is per pair.
    open_pairs = [i for i, check in enumerate(checks) if not decided_by_event(check)]
    predictions: dict[int, Prediction] = {}
    if predict and open_pairs:
        read = predict([(claim, found[i].passage.text) for i in open_pairs])
        predictions = dict(zip(open_pairs, read, strict=True))
    decisions = []
    for index, (candidate, check) in enumerate(zip(found, checks, strict=True)):
        decision = decide_stance(
            claim=claim,
            passage=candidate.passage.text,
            check=check,
            rule=label_stance(
                claim,
                candidate.passage.text,
                score=candidate.score,
                shared=candidate.shared,
                comparison=candidate.comparison,
                similarity=candidate.similarity,
            ),
            prediction=predictions.get(index),
        )
        ranking = tuple(c for c in candidate.cues if c not in decision.cues)
        decisions.append(replace(decision, cues=(*decision.cues, *ranking)))
    return decisions
