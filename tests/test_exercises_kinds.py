"""Each kind of exercise: right, wrong and partly right answers, and the words of its feedback."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from support.samples import COMMON, SAMPLE_ANSWERS, sample_exercises

from ctcoop.exercises import (
    CodeExercise,
    ExerciseDefinitionError,
    MultipleChoice,
    Numeric,
    Option,
    Ordering,
    digest,
)


@pytest.fixture
def bank() -> dict:
    return {definition.id: definition for definition in sample_exercises()}


def test_digest_is_salted_with_the_id_and_ignores_set_order() -> None:
    assert digest("01.a", "b") != digest("01.b", "b")
    assert digest("01.a", {"c", "a"}) == digest("01.a", ["a", "c"])
    assert digest("01.a", {"x": "1", "y": "2"}) == digest("01.a", {"y": "2", "x": "1"})
    assert len(digest("01.a", "b")) == 64


def test_multiple_choice_explains_the_wrong_option(bank) -> None:
    feedback = bank["01.mc"].check("a")
    assert feedback.status == "incorrect"
    assert "No: national police arrest." in feedback.message
    assert "Yes" not in feedback.message  # the right option's why stays hidden


@pytest.mark.parametrize("spelling", ["b", "B", " b ", "b)", ["b"]])
def test_multiple_choice_accepts_spellings_of_a_key(bank, spelling) -> None:
    feedback = bank["01.mc"].check(spelling)
    assert feedback.status == "correct"
    assert feedback.message.startswith("Correct! Because the data say so.")


def test_multiple_choice_names_the_valid_keys(bank) -> None:
    feedback = bank["01.mc"].check("z")
    assert feedback.status == "invalid"
    assert "a, b, c" in feedback.message


def test_multi_select_partly_right(bank) -> None:
    feedback = bank["01.multi"].check(["a", "b"])
    assert feedback.status == "incorrect"
    assert "1 of your choices is wrong" in feedback.message
    assert "Yes: notices are its core tool." in feedback.message
    assert "1 correct option is missing" in feedback.message


def test_multi_select_subset_is_incomplete(bank) -> None:
    feedback = bank["01.multi"].check({"a"})
    assert feedback.message.startswith("Everything you chose is right")
    assert bank["01.multi"].check("c, a").status == "correct"


def test_numeric_too_high_and_tolerance(bank) -> None:
    feedback = bank["01.number"].check(200)
    assert feedback.status == "incorrect"
    assert feedback.message.startswith("200 is too high.\n")
    assert "exact value is needed" in feedback.message
    assert "too low" in bank["01.number"].check("150").message


def test_numeric_correct_exact_answer_does_not_repeat_the_rule(bank) -> None:
    expected = bank["01.number"].expected()
    feedback = bank["01.number"].check(expected)
    assert feedback.status == "correct"
    assert "exact value is needed" not in feedback.message


@pytest.mark.parametrize("text", ["193", " 193 ", "193 states", "193.0", "1.93e2", Decimal("193")])
def test_numeric_reads_common_spellings(bank, text) -> None:
    assert bank["01.number"].check(text).status == "correct"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("1,5", "use a dot"),
        ("abc", "Cannot read"),
        (math.nan, "NaN"),
        (math.inf, "Infinity"),
        (True, "True/False"),
        ([193], "Expected a number"),
    ],
)
def test_numeric_explains_unreadable_input(bank, text, words) -> None:
    feedback = bank["01.number"].check(text)
    assert feedback.status == "invalid"
    assert words in feedback.message


def test_numeric_tolerances_are_stated_and_applied() -> None:
    relative = Numeric(
        id="01.rel", title="t", prompt="p", expected=lambda: 1000, rel_tolerance=0.05, **COMMON
    )
    assert relative.check("1,049").status == "correct"
    assert relative.check("1,051").status == "incorrect"
    assert "±5%" in relative.check(2000).message
    absolute = Numeric(
        id="01.abs", title="t", prompt="p", expected=lambda: 12.5, tolerance=0.5, unit="%", **COMMON
    )
    assert absolute.check("12 %").status == "correct"
    assert "±0.5 %" in absolute.check(20).message


def test_numeric_with_failing_data_blames_the_course() -> None:
    broken = Numeric(id="01.broken", title="t", prompt="p", expected=lambda: 1 / 0, **COMMON)
    feedback = broken.check(3)
    assert feedback.status == "invalid"
    assert "ZeroDivisionError" in feedback.message and "not in your answer" in feedback.message


def test_ordering_names_the_misplaced_items_by_their_text(bank) -> None:
    feedback = bank["01.order"].check(["c", "b", "a", "d"])
    assert feedback.status == "incorrect"
    assert "2 of 4 items are in the right place" in feedback.message
    assert "In the right place: '1923'; '2001'." in feedback.message
    assert "Not yet: '1989'; '1945'." in feedback.message
    assert "position" not in feedback.message


def test_ordering_needs_every_item_once(bank) -> None:
    feedback = bank["01.order"].check(["c", "c", "a"])
    assert feedback.status == "invalid"
    assert "used more than once: '1923'" in feedback.message
    assert "missing: '1989'; '2001'" in feedback.message
    assert bank["01.order"].check("cabd").status == "correct"


def test_matching_counts_pairs_and_names_wrong_items(bank) -> None:
    feedback = bank["01.match"].check({"a": "2", "b": "3", "c": "1"})
    assert feedback.status == "incorrect"
    assert "1 of 3 pairs are right" in feedback.message
    assert "'INTERPOL' does not match 'UN office'." in feedback.message
    assert "'UNOCT' does not match 'police cooperation'." in feedback.message
    assert "FATF" not in feedback.message
    assert "used 2 times" not in feedback.message


def test_matching_warns_when_one_choice_is_used_twice(bank) -> None:
    feedback = bank["01.match"].check({"a": "2", "b": "2", "c": "3"})
    assert "'AML/CFT standards' is used 2 times ('FATF'; 'INTERPOL')" in feedback.message


def test_matching_accepts_pairs_and_reports_missing_items(bank) -> None:
    assert bank["01.match"].check([("a", "2"), ("b", "1"), ("c", "3")]).status == "correct"
    feedback = bank["01.match"].check({"a": "2"})
    assert feedback.status == "invalid" and "INTERPOL; UNOCT" in feedback.message


@pytest.mark.parametrize("placeholder", [None, ..., "", "   ", [], {}])
def test_placeholders_are_not_answered_yet(bank, placeholder) -> None:
    for definition in bank.values():
        if definition.id == "01.code" and placeholder not in (None, ...):
            continue
        feedback = definition.check(placeholder)
        assert feedback.status == "not_answered", definition.id
        assert feedback.message.startswith("Not answered yet")


def test_every_sample_is_solved_by_its_answer(bank) -> None:
    for exercise_id, answer in SAMPLE_ANSWERS.items():
        assert bank[exercise_id].check(answer).solved


def test_a_wrong_key_is_reported_as_a_course_problem() -> None:
    broken = MultipleChoice(
        id="01.badkey",
        title="t",
        prompt="p",
        key=digest("01.other", "a"),
        options={"a": Option("x", why="w"), "b": Option("y", why="w")},
        **COMMON,
    )
    feedback = broken.check("a")
    assert feedback.status == "invalid" and "report exercise 01.badkey" in feedback.message


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"id": "2.bad"}, "must look like"),
        ({"id": "02.Bad_Slug"}, "must look like"),
        ({"hints": []}, "at least one hint"),
        ({"hints": ["ok", " "]}, "every hint"),
        ({"explanation": ""}, "explanation"),
        ({"key": "b"}, "key must be a digest"),
        ({"options": {"a": Option("x", why="w"), "b": Option("y")}}, "needs a why"),
        ({"options": {"a": Option("x", why="w")}}, "at least two options"),
    ],
)
def test_definitions_are_validated(changes, words) -> None:
    fields = {
        "id": "01.valid",
        "title": "t",
        "prompt": "p",
        "key": digest("01.valid", "a"),
        "options": {"a": Option("x", why="w"), "b": Option("y", why="w")},
        **COMMON,
    }
    with pytest.raises(ExerciseDefinitionError, match=words):
        MultipleChoice(**{**fields, **changes})


def test_size_limits_keep_answer_recovery_fast() -> None:
    with pytest.raises(ExerciseDefinitionError, match="at most 8 items"):
        Ordering(
            id="01.long",
            title="t",
            prompt="p",
            items={str(i): str(i) for i in range(9)},
            key=digest("01.long", []),
            **COMMON,
        )
    with pytest.raises(ExerciseDefinitionError, match="callable"):
        CodeExercise(id="01.code", title="t", prompt="p", expected=42, **COMMON)
