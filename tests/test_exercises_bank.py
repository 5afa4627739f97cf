"""The registry, and every registered exercise of every lesson: valid and solvable keys."""

from __future__ import annotations

import subprocess
import sys
from types import ModuleType

import pytest
from support.samples import COMMON, sample_bank_module

from ctcoop import bank
from ctcoop.bank import Catalogue
from ctcoop.exercises import ExerciseDefinitionError, MultipleChoice, Option, digest


def test_registry_lists_lessons_in_order_with_titles() -> None:
    lessons = bank.lessons()
    assert list(lessons) == sorted(lessons)
    assert lessons[0] == "Start here"
    ids = [exercise.id for exercise in bank.all_exercises()]
    assert len(ids) == len(set(ids))
    assert [int(i[:2]) for i in ids] == sorted(int(i[:2]) for i in ids)
    assert bank.get("00.hint-cost").title == "What does a hint cost?"


@pytest.mark.parametrize("exercise", bank.all_exercises(), ids=lambda e: e.id)
def test_every_discrete_key_names_an_answer(exercise) -> None:
    """A key no answer can reach would make an exercise unsolvable; catch it here."""
    if hasattr(type(exercise), "_solution"):
        assert exercise._solution is not None


def test_start_lesson_is_answered_as_documented() -> None:
    assert bank.get("00.hint-cost").check("c").solved
    assert bank.get("00.what-is-recorded").check(["a", "c"]).solved
    assert (
        bank.get("00.dashboard-symbols")
        .check({"done": "2", "tried": "3", "not-yet": "1", "viewed": "4"})
        .solved
    )


def module(name: str, title: object = "T", exercises: object = None) -> ModuleType:
    made = ModuleType(f"ctcoop.bank.{name}")
    made.TITLE = title
    made.EXERCISES = [] if exercises is None else exercises
    return made


def choice(exercise_id: str) -> MultipleChoice:
    return MultipleChoice(
        id=exercise_id,
        title="t",
        prompt="p",
        key=digest(exercise_id, "a"),
        options={"a": Option("x", why="w"), "b": Option("y", why="w")},
        **COMMON,
    )


@pytest.mark.parametrize(
    ("modules", "words"),
    [
        ([module("lesson1")], "must be named lNN_slug"),
        ([module("l01_x", title="")], "must define TITLE"),
        ([module("l01_x", exercises=("not", "a list"))], "must define TITLE"),
        ([module("l01_x"), module("l01_y")], "two bank modules for lesson 01"),
        ([module("l01_x", exercises=["text"])], "is not an exercise"),
        ([module("l01_x", exercises=[choice("02.wrong-lesson")])], "belongs to another lesson"),
        ([module("l01_x", exercises=[choice("01.same"), choice("01.same")])], "used twice"),
    ],
)
def test_catalogue_refuses_authoring_mistakes(modules, words) -> None:
    with pytest.raises(ExerciseDefinitionError, match=words):
        Catalogue.from_modules(modules)


def test_catalogue_from_a_sample_module() -> None:
    catalogue = Catalogue.from_modules([sample_bank_module()])
    assert catalogue.lessons == {1: "Sample lesson"}
    assert list(catalogue.exercises)[0] == "01.mc"


def test_digest_command_line_matches_the_function() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "ctcoop.exercises.digest", "02.roles", '{"b": "3", "a": "1"}'],
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.strip() == digest("02.roles", {"a": "1", "b": "3"})
    bad = subprocess.run(
        [sys.executable, "-m", "ctcoop.exercises.digest", "02.x", "b"],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and "not valid JSON" in bad.stderr
