"""A document's stance from its passages' stances: windows, relatedness and the carrying passages."""

from verification.stance.documents import WINDOW_WORDS, document_stance, passage_windows
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
    label, carrying, confidence = document_stance("Russia struck the town.", passages, predict=predict)
    assert label == "contradicts"
    assert 2 in carrying
    assert confidence == 0.8


def test_a_report_without_a_side_discusses_from_its_lead():
    predict = scripted({"reported": prediction(discusses=0.6, supports=0.3, unrelated=0.1)})
    label, carrying, _ = document_stance("A claim.", ["It was reported.", "x " * 100], predict=predict)
    assert (label, carrying) == ("discusses", (0,))


def test_unrelated_only_when_every_window_is():
    passages = ["Nothing here.", "Nor here."]
    label, carrying, confidence = document_stance("A claim.", passages, predict=scripted({}))
    assert (label, carrying, confidence) == ("unrelated", (), 0.9)
    assert document_stance("A claim.", [], predict=scripted({}))[0] == "unrelated"
