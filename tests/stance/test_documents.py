"""A document's stance from its passages' stances: windows, the head, the carrying passages."""

from verification.stance.documents import (
    FEATURES,
    MAX_WINDOWS,
    WINDOW_WORDS,
    document_stance,
    event_readings,
    passage_windows,
)
from verification.stance.model import LABELS, StancePrediction


def prediction(**probabilities: float) -> StancePrediction:
    filled = {label: probabilities.get(label, 0.0) for label in LABELS}
    label = max(filled, key=lambda key: filled[key])
    return StancePrediction(label=label, confidence=filled[label], probabilities=filled)


def scripted(answers: dict[str, StancePrediction]):
    """Return a predictor that answers by a word each window holds (unrelated otherwise)."""

    def predict(pairs):
        out = []
        for _claim, text in pairs:
            found = [answer for word, answer in answers.items() if word in text]
            out.append(found[0] if found else prediction(unrelated=0.9, discusses=0.1))
        return out

    return predict


def test_windows_join_consecutive_passages_up_to_the_word_budget():
    passages = ["one two three", "four five", "", "six " * WINDOW_WORDS, "seven"]
    windows = passage_windows(passages)
    assert [indices for indices, _ in windows] == [(0, 1), (3,), (4,)]
    assert windows[0][1] == "one two three four five"


def test_a_denial_deep_in_the_document_carries_its_stance():
    filler = "word " * WINDOW_WORDS
    passages = ["The ministry reported the strike on Monday.", filler, "Moscow denied it.", filler]
    predict = scripted(
        {
            "reported": prediction(discusses=0.7, supports=0.2, unrelated=0.1),
            "denied": prediction(contradicts=0.8, discusses=0.1, unrelated=0.1),
        }
    )
    label, carrying, confidence = document_stance(
        "Russia struck the town.", passages, predict=predict, head=None
    )
    assert label == "contradicts"
    assert 2 in carrying
    assert confidence == 0.8


def test_a_report_without_a_side_discusses_from_its_lead():
    predict = scripted({"reported": prediction(discusses=0.6, supports=0.3, unrelated=0.1)})
    label, carrying, _ = document_stance(
        "A claim.", ["It was reported.", "x " * 100], predict=predict, head=None
    )
    assert (label, carrying) == ("discusses", (0,))


def test_unrelated_only_when_every_window_is():
    passages = ["Nothing here.", "Nor here."]
    label, carrying, confidence = document_stance("A claim.", passages, predict=scripted({}), head=None)
    assert (label, carrying, confidence) == ("unrelated", (), 0.9)
    assert document_stance("A claim.", [], predict=scripted({}))[0] == "unrelated"


def test_the_head_weighs_the_strongest_window_and_names_it():
    # A hand-made head: "contradicts" follows the strongest contradicting window, "unrelated" the
    # lack of shared words; the rest stays even.
    weights = {
        label: [0.0] * len(FEATURES) for label in ("supports", "contradicts", "discusses", "unrelated")
    }
    weights["contradicts"][FEATURES.index("max_contradicts")] = 10.0
    weights["unrelated"][FEATURES.index("overlap")] = -10.0
    head = {
        "labels": list(weights),
        "weights": list(weights.values()),
        "bias": [0.0, -3.0, 0.0, 7.0],
    }
    filler = "word " * WINDOW_WORDS
    passages = [
        "Russia struck the town, officials said.",
        filler,
        "Moscow denied it struck the town.",
        filler,
    ]
    predict = scripted({"denied": prediction(contradicts=0.9, unrelated=0.1)})
    label, carrying, confidence = document_stance(
        "Russia struck the town.", passages, predict=predict, head=head
    )
    assert (label, carrying) == ("contradicts", (2,))
    assert confidence > 0.5
    # The same windows under a claim sharing no word with them: unrelated, no passage named.
    label, carrying, _ = document_stance("Apple sells phones.", passages, predict=predict, head=head)
    assert (label, carrying) == ("unrelated", ())


def test_only_the_first_windows_of_a_long_document_are_read():
    seen = []

    def predict(pairs):
        seen.extend(pairs)
        return [prediction(unrelated=1.0) for _ in pairs]

    document_stance("A claim.", ["word " * WINDOW_WORDS] * (MAX_WINDOWS + 5), predict=predict, head=None)
    assert len(seen) == MAX_WINDOWS


def test_the_event_check_decides_a_window_as_the_desk_would_and_leaves_the_rest_to_the_model():
    claim = "Police arrested the mayor of Constanta in 2014"
    windows = [
        "Police arrested the mayor of Constanta in 2019 on suspicion of bribery.",
        "The mayor of Constanta was arrested by police in 2014, prosecutors said.",
    ]
    supporting = prediction(supports=0.8, discusses=0.2)
    other_year, open_window = event_readings(claim, windows, [supporting, supporting])
    assert other_year.label == "unrelated"
    assert other_year.probabilities["unrelated"] == 1.0
    assert open_window == supporting
