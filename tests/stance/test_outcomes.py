"""The outcome and press-report pairs: both outcomes claimed, none of the case sets' or seeds' events."""

from collections import Counter
from pathlib import Path

from verification.stance.data import LABELS, EvidencePair, StancePair
from verification.stance.outcomes import OUTCOMES, PRESS_REPORTS, outcome_pairs
from verification.stance.training import TrainingSettings, training_examples

ROOT = Path(__file__).resolve().parents[2]


def test_every_pair_has_its_own_body_and_one_of_the_four_stances():
    pairs, bodies = outcome_pairs()
    assert len({pair.body_id for pair in pairs}) == len(pairs) == len(bodies)
    assert all(pair.stance in LABELS and bodies[pair.body_id].strip() for pair in pairs)
    assert set(Counter(pair.stance for pair in pairs)) == set(LABELS)


def test_each_outcome_is_supported_by_its_report_and_contradicted_by_the_other_way():
    pairs, bodies = outcome_pairs()
    outcome = OUTCOMES[0]
    read = {(pair.headline, bodies[pair.body_id]): pair.stance for pair in pairs}
    assert read[(outcome.claim, outcome.report)] == "supports"
    assert read[(outcome.opposite, outcome.contrary)] == "supports"
    assert read[(outcome.claim, outcome.contrary)] == "contradicts"
    assert read[(outcome.opposite, outcome.report)] == "contradicts"
    assert read[(outcome.claim, outcome.pending)] == read[(outcome.opposite, outcome.pending)] == "discusses"
    assert read[(outcome.claim, outcome.other)] == "unrelated"


def test_a_denied_press_report_contradicts_the_claim_and_supports_the_claim_of_the_denial():
    pairs, bodies = outcome_pairs()
    report = PRESS_REPORTS[0]
    read = {(pair.headline, bodies[pair.body_id]): pair.stance for pair in pairs}
    assert read[(report.claim, report.denial)] == "contradicts"
    assert read[(report.denied, report.denial)] == "supports"
    assert read[(report.claim, report.rumour)] == "discusses"
    assert read[(report.claim, report.confirmation)] == "supports"


def test_no_outcome_is_an_event_of_the_seeds_or_of_the_case_sets():
    pairs, bodies = outcome_pairs()
    text = " ".join([pair.headline for pair in pairs] + list(bodies.values()))
    case_sets = " ".join(
        path.read_text(encoding="utf-8")
        for path in [*(ROOT / "seeds").glob("*.txt"), *(ROOT / "bench" / "data").glob("*/*.csv")]
    )
    # Each event's own name: a person, company, product, town or body named nowhere else.
    events = (
        "Wollongong",
        "Lisbon airport",
        "Vilnius",
        "Limerick",
        "Lykke",
        "Varda",
        "Molde",
        "Kestrel",
        "Gdynia",
        "Tacoma",
        "Pacora",
        "velumab",
        "Tromsø",
        "Brodov",
        "Zurich",
        "Niger Delta",
        "Kellway",
        "Respira",
        "Hinton",
        "Lahore",
        "Mateo Ruiz",
        "Loopa",
        "Dublin house prices",
        "Brăila",
        "Halden Foods",
        "Fjordfly",
        "Meridian Capital",
        "Pixtel",
        "Latvia",
        "Hertha",
    )
    assert len(events) == len(OUTCOMES) + len(PRESS_REPORTS)
    for event in events:
        assert event in text
        assert event not in case_sets


def test_training_reads_them_the_set_number_of_times_and_not_at_all_at_zero():
    pairs, _ = outcome_pairs()
    fnc = [StancePair("A headline", "1", "supports")]
    climate = [EvidencePair("c1", "A claim", "A passage.", "supports")]
    common = {"fnc_pairs": fnc, "bodies": {"1": "A body sentence."}, "climate": climate}
    with_them = training_examples(**common, settings=TrainingSettings(newsroom_repeat=0, outcome_repeat=3))
    without = training_examples(**common, settings=TrainingSettings(newsroom_repeat=0))
    assert len(with_them) - len(without) == 3 * len(pairs)
    assert {(e.claim, e.label) for e in with_them} >= {(p.headline, p.stance) for p in pairs}
