"""Screening for something rare: alarms, misses and precision from a few numbers.

Lesson 10 asks why a detector that is right 99% of the time still raises
mostly false alarms when what it looks for is rare. Three numbers settle it:
the **prevalence** (the share of the screened who really are what the tool
looks for), the **sensitivity** (the share of those it flags) and the
**specificity** (the share of everyone else it clears). This module turns them
into expected counts, and counts observed outcomes of a classifier, so that the
lesson, its exercises and its interactive control use one piece of arithmetic.

It also holds the small NumPy logistic regression the lesson trains on an
**invented** population (:func:`invented_population`): every record it makes
is synthetic, and no real person or real screening system is described.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = [
    "Outcome",
    "expected",
    "precision",
    "tally",
    "invented_population",
    "fit_logistic",
    "risk_scores",
    "flag_top",
]


@dataclass(frozen=True)
class Outcome:
    """The four cells of a confusion matrix (counts, possibly fractional when expected)."""

    true_alarms: float  # flagged, and really what the tool looks for
    false_alarms: float  # flagged, but not
    misses: float  # not flagged, but really what the tool looks for
    true_clears: float  # not flagged, and not

    @property
    def flagged(self) -> float:
        return self.true_alarms + self.false_alarms

    @property
    def precision(self) -> float:
        """Share of alarms that are right (NaN when nothing is flagged)."""
        return self.true_alarms / self.flagged if self.flagged else float("nan")

    @property
    def recall(self) -> float:
        """Share of the real cases that are flagged (the sensitivity, observed)."""
        real = self.true_alarms + self.misses
        return self.true_alarms / real if real else float("nan")

    @property
    def false_alarm_rate(self) -> float:
        """Share of the others who are flagged (1 - specificity, observed)."""
        others = self.false_alarms + self.true_clears
        return self.false_alarms / others if others else float("nan")

    @property
    def accuracy(self) -> float:
        """Share of everyone screened who is put in the right box."""
        total = self.flagged + self.misses + self.true_clears
        return (self.true_alarms + self.true_clears) / total

    def table(self) -> pd.DataFrame:
        """The confusion matrix as a 2 x 2 table: rows the truth, columns the tool's call."""
        return pd.DataFrame(
            [[self.true_alarms, self.misses], [self.false_alarms, self.true_clears]],
            index=pd.Index(["really a case", "not a case"], name="truth"),
            columns=pd.Index(["flagged", "cleared"], name="tool"),
        )


def _share(name: str, value: float) -> float:
    value = float(value)
    if not 0 <= value <= 1:
        raise ValueError(f"{name} must be a share between 0 and 1, not {value}")
    return value


def expected(
    population: float, prevalence: float, sensitivity: float, specificity: float
) -> Outcome:
    """The counts to expect when ``population`` people are screened once."""
    prevalence = _share("prevalence", prevalence)
    sensitivity = _share("sensitivity", sensitivity)
    specificity = _share("specificity", specificity)
    cases = population * prevalence
    others = population - cases
    return Outcome(
        true_alarms=cases * sensitivity,
        false_alarms=others * (1 - specificity),
        misses=cases * (1 - sensitivity),
        true_clears=others * specificity,
    )


def precision(prevalence: float, sensitivity: float, specificity: float) -> float:
    """Share of alarms that are right; it does not depend on the population's size."""
    return expected(1.0, prevalence, sensitivity, specificity).precision


def tally(actual: np.ndarray | pd.Series, flagged: np.ndarray | pd.Series) -> Outcome:
    """Count observed outcomes from two boolean arrays of the same length."""
    actual = np.asarray(actual, dtype=bool)
    flagged = np.asarray(flagged, dtype=bool)
    if actual.shape != flagged.shape:
        raise ValueError("actual and flagged must have the same length")
    return Outcome(
        true_alarms=int((actual & flagged).sum()),
        false_alarms=int((~actual & flagged).sum()),
        misses=int((actual & ~flagged).sum()),
        true_clears=int((~actual & ~flagged).sum()),
    )


def invented_population(
    size: int, prevalence: float, seed: int, proxy_shift: float = 0.0
) -> pd.DataFrame:
    """An **invented** population with two made-up measurements per person.

    ``case`` marks the rare people the screening looks for (a share
    ``prevalence``); for them both measurements are higher on average. Each
    person is put in invented group "A" or "B" at random (half each); in group B
    the second measurement is higher by ``proxy_shift`` for everyone, cases or
    not, like a habit that is common in one group and says nothing about being a
    case. Same seed, same population.
    """
    rng = np.random.default_rng(seed)
    case = rng.random(size) < _share("prevalence", prevalence)
    group = np.where(rng.random(size) < 0.5, "A", "B")
    signal = np.where(case, 1.5, 0.0)
    first = rng.normal(signal, 1.0)
    second = rng.normal(signal + np.where(group == "B", proxy_shift, 0.0), 1.0)
    return pd.DataFrame(
        {"group": group, "measure_1": first.round(3), "measure_2": second.round(3), "case": case}
    )


def fit_logistic(features: np.ndarray, labels: np.ndarray, steps: int = 25) -> np.ndarray:
    """Weights of a logistic regression (intercept first), fitted by Newton's method.

    Plain NumPy: enough to show what a trained classifier does, and cheap to
    import and run. A tiny ridge term keeps the fit finite when a training set
    holds no case at all (which is what a rare event often gives you).
    """
    x = np.column_stack([np.ones(len(features)), np.asarray(features, dtype=float)])
    y = np.asarray(labels, dtype=float)
    weights = np.zeros(x.shape[1])
    ridge = 1e-3 * np.eye(x.shape[1])
    for _ in range(steps):
        predicted = 1 / (1 + np.exp(-x @ weights))
        gradient = x.T @ (predicted - y) + ridge @ weights
        curvature = (x * (predicted * (1 - predicted))[:, None]).T @ x + ridge
        step = np.linalg.solve(curvature, gradient)
        weights -= step
        if np.abs(step).max() < 1e-8:
            break
    return weights


def risk_scores(features: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The model's score (0-1) for each row of ``features``."""
    x = np.column_stack([np.ones(len(features)), np.asarray(features, dtype=float)])
    return 1 / (1 + np.exp(-x @ weights))


def flag_top(scores: np.ndarray, share: float) -> np.ndarray:
    """Flag the highest-scoring ``share`` of the rows (how a team with fixed capacity works)."""
    scores = np.asarray(scores, dtype=float)
    count = int(round(_share("share", share) * len(scores)))
    flagged = np.zeros(len(scores), dtype=bool)
    if count:
        flagged[np.argsort(-scores, kind="stable")[:count]] = True
    return flagged
