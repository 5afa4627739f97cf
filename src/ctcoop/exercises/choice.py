"""Multiple choice (one answer) and multi-select (several answers).

Every option carries a ``why``: shown when a learner picks a wrong option, and
for the chosen options after success, so each choice teaches something.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from itertools import combinations
from typing import Any, ClassVar

from ctcoop.exercises.answers import bounded_items, key_list, match_key, unused_keys
from ctcoop.exercises.base import CourseProblem, Exercise, ExerciseDefinitionError
from ctcoop.exercises.feedback import Feedback
from ctcoop.exercises.keys import find_answer

__all__ = ["MAX_MULTI_OPTIONS", "MultiSelect", "MultipleChoice", "Option"]

MAX_MULTI_OPTIONS = 12  # 2**12 subsets keeps recovering the answer instant


@dataclass(frozen=True)
class Option:
    """One choice: its text and why it is right or wrong."""

    text: str
    why: str = ""


@dataclass(kw_only=True, eq=False)
class _Choice(Exercise):
    options: Mapping[str, Option]
    key: str

    def validate(self) -> None:
        super().validate()
        if not isinstance(self.options, Mapping) or len(self.options) < 2:
            raise ExerciseDefinitionError(f"{self.id}: give at least two options")
        for name, option in self.options.items():
            if not isinstance(name, str) or not name.strip() or name != name.strip():
                raise ExerciseDefinitionError(f"{self.id}: option key {name!r} must be text")
            if not isinstance(option, Option) or not option.text.strip():
                raise ExerciseDefinitionError(f"{self.id}: option {name!r} must be an Option")
            if not option.why.strip():
                raise ExerciseDefinitionError(
                    f"{self.id}: option {name!r} needs a why= (why it is right or wrong)"
                )
        self._require_key(self.key)

    def _label(self, name: str) -> str:
        return f"{name}) {self.options[name].text}"

    def _explained(self, name: str) -> str:
        return f"{self._label(name)} — {self.options[name].why}"


@dataclass(kw_only=True, eq=False)
class MultipleChoice(_Choice):
    """Pick one option; ``key = digest(id, "b")``."""

    kind: ClassVar[str] = "multiple choice"

    @property
    def how_to_answer(self) -> str:
        (x,) = unused_keys(self.options, count=1)
        return (
            "Choose one option and press Check (in code, pass the key shown before the "
            f'option: an option "{x}) …" would be .submit("{x}")).'
        )

    @cached_property
    def _solution(self) -> str:
        found = find_answer(self.id, self.key, self.options)
        if found is None:
            raise CourseProblem("its key matches no option")
        return found

    def _read(self, answer: Any) -> str:
        if isinstance(answer, list | tuple) and len(answer) == 1:  # ["b"] means "b"
            (answer,) = bounded_items(answer, 1)
        return match_key(answer, self.options)

    def _judge(self, choice: str) -> Feedback:
        if choice == self._solution:
            return self._correct([self._explained(choice)])
        return Feedback("incorrect", "Not quite.", (self._explained(choice),))


@dataclass(kw_only=True, eq=False)
class MultiSelect(_Choice):
    """Pick every right option; ``key = digest(id, {"a", "c"})`` (a set)."""

    kind: ClassVar[str] = "multi-select"

    @property
    def how_to_answer(self) -> str:
        x, y = unused_keys(self.options, count=2)
        return (
            "Tick every option that applies and press Check (in code, pass a list of the "
            f'keys shown before the options: options "{x}) …" and "{y}) …" would be '
            f'.submit(["{x}", "{y}"])).'
        )

    def validate(self) -> None:
        super().validate()
        if len(self.options) > MAX_MULTI_OPTIONS:
            raise ExerciseDefinitionError(f"{self.id}: at most {MAX_MULTI_OPTIONS} options")

    @cached_property
    def _solution(self) -> set[str]:
        names = list(self.options)
        subsets = (set(c) for size in range(1, len(names) + 1) for c in combinations(names, size))
        found = find_answer(self.id, self.key, subsets)
        if found is None:
            raise CourseProblem("its key matches no set of options")
        return found

    def _read(self, answer: Any) -> frozenset[str]:
        return frozenset(key_list(answer, self.options))

    def _judge(self, chosen: frozenset[str]) -> Feedback:
        if chosen == self._solution:
            return self._correct([self._explained(name) for name in self.options if name in chosen])
        wrong = [name for name in self.options if name in chosen - self._solution]
        missing = len(self._solution - chosen)
        details = [self._explained(name) for name in wrong]
        if missing:
            details.append(f"{missing} correct option{'s are' if missing > 1 else ' is'} missing.")
        if wrong:
            verb = "are" if len(wrong) > 1 else "is"
            summary = f"Not quite: {len(wrong)} of your choices {verb} wrong."
        else:
            summary = "Everything you chose is right, but the list is not complete."
        return Feedback("incorrect", summary, tuple(details))
