"""Answers stay hidden until tried: no example, no size and no expected cell gives them away."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.samples import COMMON, sample_exercises

from ctcoop import bank
from ctcoop.exercises import CodeExercise, Matching, MultipleChoice, Numeric, Option, digest

EVERY_EXERCISE = [*bank.all_exercises(), *sample_exercises()]


def keys_of(definition) -> set[str]:
    found: set[str] = set()
    for name in ("options", "items", "left", "right"):
        found |= set(getattr(definition, name, {}))
    return found


@pytest.mark.parametrize("definition", EVERY_EXERCISE, ids=lambda d: d.id)
def test_how_to_answer_never_quotes_a_key_of_its_exercise(definition) -> None:
    quoted = set(re.findall(r'"([^"]*)"', definition.how_to_answer))
    assert not {key.casefold() for key in keys_of(definition)} & {q.casefold() for q in quoted}


def test_how_to_answer_avoids_keys_named_like_the_usual_examples() -> None:
    """Keys x, y, z are taken: the example moves to other letters instead of reusing them."""
    taken = Matching(
        id="01.xyz",
        title="t",
        prompt="p",
        left={"x": "one", "Y": "two"},
        right={"z": "first", "w": "second"},
        key=digest("01.xyz", {"x": "z", "Y": "w"}),
        **COMMON,
    )
    quoted = re.findall(r'"([^"]*)"', taken.how_to_answer)
    assert quoted and not {q.casefold() for q in quoted} & {"x", "y", "z", "w"}


@given(
    expected=st.floats(-1e12, 1e12, allow_nan=False),
    answer=st.floats(-1e12, 1e12, allow_nan=False),
)
def test_numeric_feedback_gives_only_a_direction(expected: float, answer: float) -> None:
    """Two exercises whose answers differ but lie on the same side give the same words."""
    far = expected + 1e13 if answer < expected else expected - 1e13

    def feedback(value: float) -> str:
        exercise = Numeric(id="01.n", title="t", prompt="p", expected=lambda: value, **COMMON)
        return exercise.check(answer).message

    near = feedback(expected)
    if near.startswith("Correct"):
        return
    assert near == feedback(far)
    assert "%" not in near and " by " not in near


def test_code_feedback_names_the_cells_and_the_learners_values_only() -> None:
    expected = pd.DataFrame({"body": ["EU", "FATF"], "members": [27123, 38456]})
    exercise = CodeExercise(id="01.c", title="t", prompt="p", expected=lambda: expected, **COMMON)
    feedback = exercise.check(expected.assign(members=[11111, 22222]))
    assert "members" in feedback.message and "11111" in feedback.message
    assert "27123" not in feedback.message and "38456" not in feedback.message
    series = CodeExercise(
        id="01.s", title="t", prompt="p", expected=lambda: pd.Series([7.25, 9.5]), **COMMON
    )
    assert "7.25" not in series.check(pd.Series([7.5, 9.5])).message


def test_wrong_option_feedback_keeps_the_right_options_reason_hidden() -> None:
    exercise = MultipleChoice(
        id="01.m",
        title="t",
        prompt="p",
        options={"a": Option("x", why="No: reason A."), "b": Option("y", why="Yes: reason B.")},
        key=digest("01.m", "b"),
        **COMMON,
    )
    feedback = exercise.check("a")
    assert "reason A" in feedback.message and "reason B" not in feedback.message
    assert '"b"' not in feedback.message
