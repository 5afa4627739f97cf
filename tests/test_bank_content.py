"""Content rules that keep answers hidden until a learner has tried (issue 6 §3).

Checked over every lesson in the bank, from the definitions themselves:

- in each lesson, the correct option of the single-answer multiple-choice
  exercises is not the longest option every time (a learner who always picks
  the longest must not score full marks); a tie for longest counts as longest;
- every "Check the source" exercise offers exactly the four verdicts that
  lesson 00 teaches, and nothing else;
- a first hint never contains the text of a correct option;
- INSTRUCTORS.md solves every "Check the source" exercise with its right verdict;
- no prompt or hint assumes a later lesson is done (learners work in order).

The correct options are recovered from the stored keys with
``ctcoop.exercises.keys.find_answer``, as the exercises themselves do.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from ctcoop import bank
from ctcoop.exercises import MultipleChoice, MultiSelect
from ctcoop.exercises.keys import find_answer

VERDICTS = ("accurate", "misleading", "inaccurate", "unverifiable")
VERDICT_TITLE = "Check the source"
GUIDE = Path(__file__).resolve().parents[1] / "INSTRUCTORS.md"


def correct_options(exercise: MultipleChoice | MultiSelect) -> set[str]:
    """The option keys the stored key stands for (one for multiple choice)."""
    names = list(exercise.options)
    if isinstance(exercise, MultipleChoice):
        found = find_answer(exercise.id, exercise.key, names)
        return set() if found is None else {found}
    subsets = (set(c) for size in range(1, len(names) + 1) for c in combinations(names, size))
    found = find_answer(exercise.id, exercise.key, subsets)
    return set() if found is None else found


def correct_is_longest(exercise: MultipleChoice) -> bool:
    """True when no other option is longer than the correct one."""
    (answer,) = correct_options(exercise)
    length = len(exercise.options[answer].text)
    return all(len(option.text) <= length for option in exercise.options.values())


def contains_phrase(text: str, phrase: str) -> bool:
    """``phrase`` in ``text`` as whole words, ignoring case, spacing and Markdown marks."""

    def words(value: str) -> str:
        return " ".join(re.findall(r"[\w'-]+", value.lower()))

    return re.search(rf"(?<![\w'-]){re.escape(words(phrase))}(?![\w'-])", words(text)) is not None


def single_choice_by_lesson() -> dict[int, list[MultipleChoice]]:
    """Single-answer questions by lesson, verdicts left out.

    A verdict offers lesson 00's four fixed words, so its option lengths are no
    design choice ("unverifiable" is simply the longest word); the test below
    checks instead that the right verdict is not always the same word.
    """
    by_lesson: dict[int, list[MultipleChoice]] = {}
    for exercise in bank.all_exercises():
        if isinstance(exercise, MultipleChoice) and not exercise.title.startswith(VERDICT_TITLE):
            by_lesson.setdefault(exercise.lesson, []).append(exercise)
    return by_lesson


CHOICES = [e for e in bank.all_exercises() if isinstance(e, MultipleChoice | MultiSelect)]
VERDICT_EXERCISES = [e for e in bank.all_exercises() if e.title.startswith(VERDICT_TITLE)]


def test_the_rules_have_exercises_to_check() -> None:
    """Guard against a bank change that would make the tests below pass vacuously."""
    assert len(single_choice_by_lesson()) >= 3
    assert VERDICT_EXERCISES


@pytest.mark.parametrize("lesson", sorted(single_choice_by_lesson()), ids=lambda n: f"{n:02d}")
def test_correct_option_is_not_always_the_longest(lesson: int) -> None:
    exercises = single_choice_by_lesson()[lesson]
    longest = [exercise.id for exercise in exercises if correct_is_longest(exercise)]
    assert len(longest) < len(exercises), (
        f"lesson {lesson:02d}: the correct option is the longest in every multiple-choice "
        f"exercise ({', '.join(longest)}); shorten it or lengthen a wrong one somewhere"
    )


def test_the_right_verdict_is_not_always_the_same_word() -> None:
    right = Counter(
        exercise.options[answer].text.strip().lower()
        for exercise in VERDICT_EXERCISES
        for answer in correct_options(exercise)
    )
    assert len(right) >= 3, f"right verdicts across the course: {dict(right)}"
    assert max(right.values()) < len(VERDICT_EXERCISES) * 0.6, dict(right)


@pytest.mark.parametrize("exercise", VERDICT_EXERCISES, ids=lambda e: e.id)
def test_check_the_source_offers_exactly_the_four_verdicts(exercise) -> None:
    assert isinstance(exercise, MultipleChoice), "a verdict is one answer: use MultipleChoice"
    offered = sorted(option.text.strip().lower() for option in exercise.options.values())
    assert offered == sorted(VERDICTS), f"{exercise.id} offers {offered}"


@pytest.mark.parametrize("exercise", CHOICES, ids=lambda e: e.id)
def test_first_hint_does_not_give_the_answer(exercise) -> None:
    answers = correct_options(exercise)
    assert answers, f"{exercise.id}: its key matches no option"
    first = exercise.hints[0]
    leaked = [name for name in answers if contains_phrase(first, exercise.options[name].text)]
    assert not leaked, f"{exercise.id}: the first hint contains the answer {leaked}"


@pytest.mark.parametrize("exercise", VERDICT_EXERCISES, ids=lambda e: e.id)
def test_instructors_guide_gives_the_right_verdict(exercise) -> None:
    """The first bold word after the exercise's id in the guide is its verdict.

    Either form counts: ``**accurate** (a)`` or ``**a, accurate.**``.
    """
    found = re.search(
        rf"`{re.escape(exercise.id)}`\**[^*]*\*\*(?:[a-f], )?(\w+)", GUIDE.read_text()
    )
    assert found, f"INSTRUCTORS.md does not solve {exercise.id}"
    (answer,) = correct_options(exercise)
    assert found.group(1).lower() == exercise.options[answer].text.strip().lower()


@pytest.mark.parametrize("exercise", bank.all_exercises(), ids=lambda e: e.id)
def test_no_prompt_or_hint_assumes_a_later_lesson(exercise) -> None:
    later = [
        text
        for text in (exercise.prompt, *exercise.hints)
        for number in re.findall(r"\blesson (\d{1,2})\b", text, flags=re.IGNORECASE)
        if int(number) > exercise.lesson
    ]
    assert not later, f"{exercise.id} refers to a later lesson: {later}"


def test_the_helpers_can_fail() -> None:
    """The checks above would catch a leak, a longest answer and a missing verdict."""
    from ctcoop.exercises import Option
    from ctcoop.exercises.keys import digest

    leaky = MultipleChoice(
        id="99.leaky",
        title=f"{VERDICT_TITLE}: an example",
        prompt="p",
        options={"a": Option("Misleading", why="w"), "b": Option("accurate", why="w")},
        key=digest("99.leaky", "a"),
        hints=["It is *misleading*."],
        explanation="e",
    )
    assert correct_is_longest(leaky)
    assert contains_phrase(leaky.hints[0], leaky.options["a"].text)
    assert not contains_phrase("It is inaccurate.", "accurate")
    assert sorted(o.text.lower() for o in leaky.options.values()) != sorted(VERDICTS)
