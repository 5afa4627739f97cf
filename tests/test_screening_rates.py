"""The screening arithmetic of lesson 10 and its slider control."""

from __future__ import annotations

import math

import numpy as np
import pytest

from ctcoop.lessons.l10_ai_automation import figures
from ctcoop.lessons.l10_ai_automation import screening_rates as sr


def test_expected_counts_by_hand() -> None:
    # 1,000,000 screened, 100 cases, 99% / 99%: 99 right alarms, 9,999 false ones.
    outcome = sr.expected(1_000_000, 0.0001, 0.99, 0.99)
    assert outcome.true_alarms == pytest.approx(99)
    assert outcome.misses == pytest.approx(1)
    assert outcome.false_alarms == pytest.approx(9_999)
    assert outcome.true_clears == pytest.approx(989_901)
    assert outcome.precision == pytest.approx(99 / 10_098)
    assert outcome.recall == pytest.approx(0.99)
    assert outcome.accuracy == pytest.approx(0.99)


def test_precision_is_bayes_rule_and_ignores_population_size() -> None:
    p, sens, spec = 0.001, 0.95, 0.98
    by_hand = p * sens / (p * sens + (1 - p) * (1 - spec))
    assert sr.precision(p, sens, spec) == pytest.approx(by_hand)
    assert sr.expected(10, p, sens, spec).precision == pytest.approx(
        sr.expected(10**9, p, sens, spec).precision
    )


def test_precision_rises_with_prevalence() -> None:
    values = [sr.precision(p, 0.99, 0.999) for p in (1e-6, 1e-4, 1e-2)]
    assert values == sorted(values) and values[0] < 0.01 < 0.9 < values[-1]


@pytest.mark.parametrize("bad", [-0.1, 1.5, float("nan")])
def test_shares_outside_zero_one_are_refused(bad: float) -> None:
    with pytest.raises(ValueError):
        sr.expected(100, bad, 0.9, 0.9)


def test_no_alarm_gives_nan_precision_not_an_error() -> None:
    outcome = sr.expected(1000, 0.01, 0.0, 1.0)
    assert outcome.flagged == 0 and math.isnan(outcome.precision)


def test_tally_counts_each_cell() -> None:
    actual = np.array([True, True, False, False, False])
    flagged = np.array([True, False, True, False, False])
    outcome = sr.tally(actual, flagged)
    assert (outcome.true_alarms, outcome.misses, outcome.false_alarms, outcome.true_clears) == (
        1,
        1,
        1,
        2,
    )
    assert outcome.false_alarm_rate == pytest.approx(1 / 3)
    with pytest.raises(ValueError):
        sr.tally(actual, flagged[:3])


def test_flag_top_flags_the_highest_scores() -> None:
    scores = np.array([0.1, 0.9, 0.5, 0.7, 0.2])
    assert sr.flag_top(scores, 0.4).tolist() == [False, True, False, True, False]
    assert not sr.flag_top(scores, 0.0).any()


def test_fit_logistic_recovers_known_weights() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(20_000, 1))
    y = rng.random(20_000) < 1 / (1 + np.exp(-(-1.0 + 2.0 * x[:, 0])))
    weights = sr.fit_logistic(x, y)
    assert weights == pytest.approx([-1.0, 2.0], abs=0.1)
    scores = sr.risk_scores(x, weights)
    assert ((0 < scores) & (scores < 1)).all()


def test_fit_logistic_stays_finite_without_any_case() -> None:
    x = np.random.default_rng(1).normal(size=(500, 2))
    assert np.isfinite(sr.fit_logistic(x, np.zeros(500, dtype=bool))).all()


def test_invented_population_is_reproducible_and_shifted_for_group_b() -> None:
    first = sr.invented_population(50_000, 0.01, seed=3, proxy_shift=1.0)
    assert first.equals(sr.invented_population(50_000, 0.01, seed=3, proxy_shift=1.0))
    assert first["case"].mean() == pytest.approx(0.01, abs=0.002)
    non_cases = first[~first["case"]]
    means = non_cases.groupby("group")[["measure_1", "measure_2"]].mean()
    assert means.loc["B", "measure_2"] - means.loc["A", "measure_2"] == pytest.approx(1.0, abs=0.05)
    assert means.loc["B", "measure_1"] - means.loc["A", "measure_1"] == pytest.approx(0.0, abs=0.05)


def test_explorer_recomputes_when_a_slider_moves() -> None:
    box = figures.screening_explorer(population=1_000_000)
    assert figures.EXPLORER_CLASS in box._dom_classes
    sliders = {
        child.description.split(" (")[0]: child for child in box.children if hasattr(child, "min")
    }
    assert set(sliders) == {"prevalence", "sensitivity", "specificity"}
    result = box.children[-1]
    assert "invented" in result.value and "1.0%" in result.value  # 99 / 10,098
    sliders["specificity"].value = 0.9999
    assert f"<b>{99 / (99 + 99.99):.1%}</b>" in result.value  # about half the alarms right
