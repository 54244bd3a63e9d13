"""Stance rules, now the baseline and cues: denials contradict, agreement supports, the rest discusses."""

from verification.choices import Stance
from verification.stance import label_stance, polarity_cues


def test_a_denial_contradicts_a_claim_that_asserts():
    label = label_stance(
        "These are war crimes and will be recognised by the world as genocide.",
        "But Russia has maintained that its troops have not committed war crimes.",
        score=0.36,
        shared=("crime", "war"),
    )
    assert label.stance == Stance.CONTRADICTS
    assert "passage negates: not" in label.cues


def test_an_agreeing_passage_supports_and_says_what_it_shares():
    label = label_stance(
        "Ukrainian officials say that they have discovered a torture room.",
        "The officials claimed that they discovered a torture chamber used by Russian troops.",
        score=0.55,
        shared=("discov", "offici", "tortur"),
    )
    assert label.stance == Stance.SUPPORTS
    assert label.cues[0] == "shares: discov, offici, tortur"


def test_too_little_overlap_is_unrelated():
    label = label_stance("Troops seized the town.", "The town was quiet.", score=0.2, shared=("town",))
    assert label.stance == Stance.UNRELATED


def test_idioms_with_not_are_not_denials():
    assert polarity_cues("It is not the first time that Ukraine has accused Russia.") == []
    assert polarity_cues("Artem is not the only one who has come forward.") == []


def test_denial_verbs_and_contractions_count():
    assert polarity_cues("The ministry denied it; officials didn't comment.") == ["n't", "denied"]


def test_a_clashing_number_contradicts_with_the_numbers_as_cue():
    from verification.search.features import compare

    claim = "Officials said 40 tanks were destroyed near Kharkiv on Monday."
    passage = "The ministry said 12 tanks were destroyed near Kharkiv on Monday."
    label = label_stance(
        claim, passage, score=0.6, shared=("destroy", "kharkiv", "tank"), comparison=compare(claim, passage)
    )
    assert label.stance == Stance.CONTRADICTS
    assert "number differs: claim 40, passage 12" in label.cues


def test_an_agreeing_number_is_named_among_the_support_cues():
    from verification.search.features import compare

    claim = "Officials said 40 tanks were destroyed near Kharkiv."
    passage = "Ukraine says 40 tanks were destroyed near Kharkiv."
    label = label_stance(
        claim, passage, score=0.6, shared=("destroy", "tank"), comparison=compare(claim, passage)
    )
    assert label.stance == Stance.SUPPORTS
    assert "same number: 40" in label.cues


def test_no_evidence_and_false_are_denials():
    assert polarity_cues("There is no evidence the vote was rigged.") == ["no evidence"]
    assert polarity_cues("The ministry called the report false and misleading.") == ["false", "misleading"]


def test_one_shared_word_takes_a_side_only_for_a_close_paraphrase():
    lone = label_stance("Troops seized Balakliya.", "Balakliya", score=0.5, shared=("balakliya",))
    assert lone.stance == Stance.UNRELATED
    paraphrase = label_stance(
        "Troops seized the town.", "Soldiers captured the town.", score=0.5, shared=("town",), similarity=0.8
    )
    assert paraphrase.stance == Stance.SUPPORTS
