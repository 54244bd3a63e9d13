"""Overlap ranking, pure."""

from verification.search.ranking import overlap, rank, weighted_coverage


def test_overlap_is_the_dice_coefficient_with_the_shared_stems():
    assert overlap(["war", "crime", "genocid"], ["war", "crime", "troop", "deni"]) == (
        round(4 / 7, 4),
        ("crime", "war"),
    )


def test_overlap_of_nothing_is_zero():
    assert overlap([], ["a"]) == (0.0, ())


def test_rank_drops_weak_matches_and_sorts_best_first():
    ranked = rank(["a", "b", "c"], [("x", ["a"]), ("y", ["a", "b", "c"]), ("z", ["q"])], min_score=0.4)
    assert [m.item for m in ranked] == ["y", "x"]


def test_weighted_coverage_counts_rare_stems_more():
    weights = {"samala": 5.0, "erupt": 2.0, "year": 0.5}
    assert weighted_coverage(weights, {"samala", "volcano"}, weights) == round(5 / 7.5, 4)
    assert weighted_coverage(weights, {"erupt", "year"}, weights) == round(2.5 / 7.5, 4)
    assert weighted_coverage(weights, set(weights), weights) == 1.0
    assert weighted_coverage({}, {"year"}, {}) == 0.0
