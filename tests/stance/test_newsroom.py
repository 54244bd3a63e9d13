"""The templated newsroom pairs: every kind on every event, none of the seeds' or check cases' events."""

import csv
from collections import Counter
from pathlib import Path

from verification.stance.data import LABELS, EvidencePair, StancePair
from verification.stance.newsroom import ACTS, FIGURES, newsroom_pairs
from verification.stance.training import TrainingSettings, training_examples

ROOT = Path(__file__).resolve().parents[2]


def test_every_pair_has_a_body_and_one_of_the_four_stances():
    pairs, bodies = newsroom_pairs()
    assert len({pair.body_id for pair in pairs}) == len(pairs) == len(bodies)
    assert all(pair.stance in LABELS and bodies[pair.body_id].strip() for pair in pairs)
    assert set(Counter(pair.stance for pair in pairs)) == set(LABELS)


def test_each_act_gives_a_report_two_denials_a_reported_denial_and_another_place():
    pairs, bodies = newsroom_pairs()
    act = ACTS[0]
    about = [pair for pair in pairs if act.place in pair.headline]
    stances = Counter(pair.stance for pair in about)
    assert stances["contradicts"] == 2
    assert stances["supports"] == 3  # two reports, and the denial towards the claim that reports it
    reported = next(pair for pair in about if pair.headline.startswith(act.denier))
    assert reported.stance == "supports"
    assert "denied" in bodies[reported.body_id]
    elsewhere = next(pair for pair in about if act.other_place in bodies[pair.body_id])
    assert elsewhere.stance == "unrelated"


def test_a_corrected_figure_supports_the_new_value_and_contradicts_the_old():
    pairs, bodies = newsroom_pairs()
    figure = FIGURES[0]
    corrected = [pair for pair in pairs if f"not the {figure.wrong}" in bodies[pair.body_id]]
    assert {pair.headline.rsplit(" was ", 1)[1]: pair.stance for pair in corrected} == {
        figure.value: "supports",
        figure.wrong: "contradicts",
    }


def test_no_template_names_a_place_of_the_seeds_or_of_the_check_cases():
    pairs, bodies = newsroom_pairs()
    text = " ".join([pair.headline for pair in pairs] + list(bodies.values()))
    seeds = " ".join(path.read_text(encoding="utf-8") for path in (ROOT / "seeds").glob("*.txt"))
    with (ROOT / "bench" / "data" / "newsroom" / "bodies.csv").open(encoding="utf-8") as handle:
        checks = " ".join(row["articleBody"] for row in csv.DictReader(handle))
    places = ("Bucha", "Balakliya", "Kremenchuk", "Dnipro", "Emilia-Romagna", "Wad Madani", "Nairobi")
    for place in places:
        assert place in seeds + checks
        assert place not in text


def test_training_reads_them_the_set_number_of_times_and_not_at_all_at_zero():
    pairs, _ = newsroom_pairs()
    fnc = [StancePair("A headline", "1", "supports")]
    climate = [EvidencePair("c1", "A claim", "A passage.", "supports")]
    common = {"fnc_pairs": fnc, "bodies": {"1": "A body sentence."}, "climate": climate}
    with_them = training_examples(**common, settings=TrainingSettings(newsroom_repeat=2))
    without = training_examples(**common, settings=TrainingSettings(newsroom_repeat=0))
    assert len(with_them) - len(without) == 2 * len(pairs)
    assert {(e.claim, e.label) for e in with_them} >= {(p.headline, p.stance) for p in pairs}
