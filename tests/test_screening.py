"""Name screening: normalising, best matches and the threshold trade-off (invented names)."""

from __future__ import annotations

import pandas as pd

from ctcoop.lessons.l07_technology import screening


def test_normalise_removes_accents_case_and_hyphens() -> None:
    assert screening.normalise("María BEL-Kadi") == "maria belkadi"
    assert screening.normalise("  O'Neill,  Ann ") == "oneill ann"


def test_word_order_does_not_matter_and_identical_names_score_100() -> None:
    matches = screening.best_matches(["Minyar Zhou", "Zhou Minyar"], ["Zhou Minyar", "Other One"])
    assert matches["closest_entry"].tolist() == ["Zhou Minyar", "Zhou Minyar"]
    assert matches["score"].tolist() == [100.0, 100.0]


def test_unrelated_names_score_low() -> None:
    (score,) = screening.best_matches(["Quentin Abernathy"], ["Zhou Minyar"])["score"]
    assert score < 50


def test_outcomes_count_false_alarms_and_misses() -> None:
    scores = pd.Series([95, 85, 70, 90])
    listed = pd.Series([True, True, False, False])
    table = screening.outcomes(scores, listed, [80, 92])
    assert table.loc[80].tolist() == [3, 1, 0]
    assert table.loc[92].tolist() == [1, 0, 1]


def test_raising_the_threshold_never_adds_false_alarms() -> None:
    scores = pd.Series(range(0, 101, 7))
    listed = pd.Series([i % 2 == 0 for i in range(len(scores))])
    table = screening.outcomes(scores, listed, range(0, 101, 10))
    assert table["false_alarms"].is_monotonic_decreasing
    assert table["misses"].is_monotonic_increasing
