"""The check-worthiness reasons as a reviewer reads them in the ticket page."""

from verification.admin.rendering import reasons_list
from verification.extraction import score_sentence


def test_reasons_read_as_words_with_their_weights_and_ingested_text_escaped():
    _, reasons = score_sentence("Officials said 700,000 jobs were lost <b>last year</b>.")
    stored = [
        {"feature": r.feature, "weight": r.weight, "evidence": r.evidence, "says": r.says} for r in reasons
    ]
    page = str(reasons_list(stored))
    assert "a number about jobs" in page
    assert "the wording makes it more likely" in page
    assert "<b>" not in page
    assert f"{stored[1]['weight']:+.2f}" in page


def test_reasons_stored_before_they_had_words_still_show_feature_and_evidence():
    page = str(reasons_list([{"feature": "quantity", "weight": 1.5, "evidence": "700,000"}]))
    assert "quantity +1.50" in page
    assert "700,000" in page
