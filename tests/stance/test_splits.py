"""The three splits of the labelled data: training, development (to choose settings on) and held out."""

from verification.stance.data import (
    DEVELOPMENT_SHARE,
    HELD_OUT_SHARE,
    EvidencePair,
    StancePair,
    for_training,
    held_out,
    in_development,
)
from verification.stance.training import TrainingSettings, training_examples

KEYS = [str(number) for number in range(4000)]


def test_every_key_is_in_exactly_one_split():
    for key in KEYS:
        assert [held_out(key), in_development(key), for_training(key)].count(True) == 1


def test_the_splits_have_their_shares():
    held = sum(map(held_out, KEYS)) / len(KEYS)
    development = sum(map(in_development, KEYS)) / len(KEYS)
    assert abs(held - HELD_OUT_SHARE) < 0.03
    assert abs(development - (1 - HELD_OUT_SHARE) * DEVELOPMENT_SHARE) < 0.03


def test_the_split_of_a_key_never_changes():
    # The shipped weights were trained on one split: another seed or share would test on training data.
    assert [key for key in KEYS[:60] if held_out(key)] == "0 2 3 4 7 11 24 27 28 31 41 54 55 59".split()
    assert [key for key in KEYS[:60] if in_development(key)] == "19 21 22 38 39 44 46".split()


def test_the_stance_model_learns_from_every_body_and_claim_but_the_held_out_ones():
    # Version 2 was trained so; the development split chooses the retrieval encoder's settings.
    development = next(key for key in KEYS if in_development(key))
    held = next(key for key in KEYS if held_out(key))
    trained = next(key for key in KEYS if for_training(key))
    keys = (development, held, trained)
    body = "Officials said the bridge reopened on Monday after repairs. Traffic resumed at noon."
    examples = training_examples(
        fnc_pairs=[StancePair(f"Bridge reopened ({key})", key, "supports") for key in keys],
        bodies=dict.fromkeys(keys, body),
        climate=[EvidencePair(key, f"Sea rose ({key})", "Sea level rose 20 cm.", "supports") for key in keys],
        settings=TrainingSettings(newsroom_repeat=0),
    )
    assert sorted(example.claim for example in examples) == sorted(
        [f"Bridge reopened ({key})" for key in (development, trained)]
        + [f"Sea rose ({key})" for key in (development, trained)]
    )


def test_a_choosing_run_learns_from_the_training_split_alone():
    development = next(key for key in KEYS if in_development(key))
    held = next(key for key in KEYS if held_out(key))
    trained = next(key for key in KEYS if for_training(key))
    settings = TrainingSettings(newsroom_repeat=0, leave_out_development=True)
    examples = training_examples(
        fnc_pairs=[
            StancePair(f"Bridge reopened ({key})", key, "supports") for key in (development, held, trained)
        ],
        bodies=dict.fromkeys((development, held, trained), "Officials said the bridge reopened on Monday."),
        climate=[
            EvidencePair(key, f"Sea rose ({key})", "Sea level rose 20 cm.", "supports")
            for key in (development, trained)
        ],
        settings=settings,
    )
    assert sorted(example.claim for example in examples) == [
        f"Bridge reopened ({trained})",
        f"Sea rose ({trained})",
    ]
    assert [settings.learns_from(key) for key in (development, held, trained)] == [False, False, True]
    assert [TrainingSettings().learns_from(key) for key in (development, held, trained)] == [
        True,
        False,
        True,
    ]


def test_climate_fever_sides_are_read_the_set_number_of_times_and_its_other_evidence_once():
    trained = [key for key in KEYS if for_training(key)][:2]
    climate = [
        EvidencePair(trained[0], "Sea levels are rising", "Sea level rose 20 cm since 1900.", "supports"),
        EvidencePair(trained[0], "Sea levels are rising", "Tide gauges are read every hour.", "discusses"),
        EvidencePair(
            trained[1], "Arctic ice is growing", "Arctic sea ice has shrunk since 1979.", "contradicts"
        ),
    ]
    examples = training_examples(
        fnc_pairs=[],
        bodies={},
        climate=climate,
        settings=TrainingSettings(newsroom_repeat=0, climate_repeat=3),
    )
    labels = sorted(example.label for example in examples)
    assert labels == ["contradicts"] * 3 + ["discusses"] + ["supports"] * 3
