"""Bad input to the screening helpers of lessons 07 and 10: one clear sentence each."""

from __future__ import annotations

import numpy as np
import pytest

from ctcoop.lessons.l07_technology.screening import best_matches
from ctcoop.lessons.l10_ai_automation.figures import screening_explorer


@pytest.mark.parametrize("population", [0, -5, 2.5, True, None, "x" * 10_000_000])
def test_screening_explorer_needs_a_population(population: object) -> None:
    with pytest.raises(ValueError, match="population must be a whole number") as raised:
        screening_explorer(population=population)
    assert len(str(raised.value)) < 200  # never the whole input echoed back


def test_screening_explorer_takes_any_whole_number() -> None:
    assert screening_explorer(population=np.int64(1000)) is not None


def test_best_matches_against_an_empty_watch_list() -> None:
    with pytest.raises(ValueError, match="the watch list is empty"):
        best_matches(["Zhou Minyar"], [])
