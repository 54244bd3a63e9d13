"""The rule that chooses the stance model's training settings on the development split."""

from bench.stance_settings import SEEDS, SETTINGS, ranking


def run(setting, seed, *, climate, fnc, cases, crossing=None):
    recorded = {} if crossing is None else {"unrelated_read_supports": crossing}
    return {
        "setting": setting,
        "seed": seed,
        "climate": {"accuracy": climate, "macro_f1": climate},
        "fnc": {"fnc_score": fnc, "macro_f1": fnc, **recorded},
        "cases": {"accuracy": cases, **recorded},
    }


def test_settings_rank_by_the_mean_of_four_figures_over_both_seeds():
    runs = [
        *(run("v3", seed, climate=0.6, fnc=0.8, cases=0.7) for seed in SEEDS),
        run("climate4", SEEDS[0], climate=0.8, fnc=0.8, cases=0.7),
        run("climate4", SEEDS[1], climate=0.6, fnc=0.8, cases=0.7),
        *(run("frozen0", seed, climate=0.6, fnc=0.95, cases=0.7) for seed in SEEDS),
    ]
    rows = ranking(runs)
    assert [row["setting"] for row in rows] == ["frozen0", "climate4", "v3"]
    assert rows[1]["objective"] == 0.75
    assert rows[1]["climate_accuracy"] == 0.7


def test_a_setting_below_the_check_case_guard_or_with_a_seed_missing_is_not_chosen():
    runs = [
        *(run("v3", seed, climate=0.6, fnc=0.8, cases=0.8) for seed in SEEDS),
        *(run("lr8e-5", seed, climate=0.9, fnc=0.9, cases=0.7) for seed in SEEDS),
        run("climate4", SEEDS[0], climate=0.9, fnc=0.9, cases=0.9),
    ]
    rows = ranking(runs)
    assert [(row["setting"], row["eligible"]) for row in rows] == [("lr8e-5", False), ("v3", True)]
    assert next(row for row in rows if row["eligible"])["setting"] == "v3"


def test_every_setting_changes_only_what_training_settings_hold():
    from dataclasses import fields

    from verification.stance.training import TrainingSettings

    names = {field.name for field in fields(TrainingSettings)}
    assert SETTINGS["v3"] == {}
    assert all(set(changes) <= names for changes in SETTINGS.values())


def test_a_setting_that_reads_more_unrelated_pairs_as_support_is_not_chosen():
    runs = [
        *(run("v3", seed, climate=0.6, fnc=0.8, cases=0.8, crossing=2) for seed in SEEDS),
        *(run("climate4", seed, climate=0.9, fnc=0.8, cases=0.8, crossing=3) for seed in SEEDS),
        *(run("frozen0", seed, climate=0.7, fnc=0.8, cases=0.8, crossing=1) for seed in SEEDS),
    ]
    rows = {row["setting"]: row for row in ranking(runs)}
    assert rows["climate4"]["unrelated_read_supports"] == 6
    assert not rows["climate4"]["eligible"]
    assert rows["frozen0"]["eligible"]
    assert rows["v3"]["eligible"]
