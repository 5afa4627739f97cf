"""Ordering (put events on a timeline) and matching (organisation to role).

The key is one digest of the whole answer; the exercise recovers the answer by
trying every arrangement (bounded by the size limits below), which is what lets
it say *which* positions or pairs are right.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, permutations, product
from math import perm
from typing import Any, ClassVar

from ctcoop.exercises.answers import (
    AnswerError,
    bounded_items,
    key_list,
    match_key,
    unused_keys,
)
from ctcoop.exercises.base import CourseProblem, Exercise, ExerciseDefinitionError
from ctcoop.exercises.feedback import Feedback
from ctcoop.exercises.keys import find_answer
from ctcoop.exercises.text import safe_repr

__all__ = ["MAX_ARRANGEMENTS", "MAX_ORDERING_ITEMS", "Matching", "Ordering"]

MAX_ORDERING_ITEMS = 8  # 8! = 40,320 orders
MAX_ARRANGEMENTS = 50_000


def _require_texts(exercise_id: str, name: str, texts: object, minimum: int = 2) -> None:
    if not isinstance(texts, Mapping) or len(texts) < minimum:
        raise ExerciseDefinitionError(f"{exercise_id}: {name} needs at least {minimum} entries")
    for key, text in texts.items():
        if not (isinstance(key, str) and key.strip() == key and key):
            raise ExerciseDefinitionError(f"{exercise_id}: {name} key {key!r} must be text")
        if not (isinstance(text, str) and text.strip()):
            raise ExerciseDefinitionError(f"{exercise_id}: {name}[{key!r}] must be text")


def _quoted(texts: list[str]) -> str:
    return "; ".join(f"'{text}'" for text in texts)


@dataclass(kw_only=True, eq=False)
class Ordering(Exercise):
    """Put items in order; ``key = digest(id, ["c", "a", "b"])``."""

    items: Mapping[str, str]
    key: str

    kind: ClassVar[str] = "ordering"

    @property
    def how_to_answer(self) -> str:
        x, y, z = unused_keys(self.items, count=3)
        return (
            "Give every item a position and press Check (in code, pass the items' keys in "
            f'order: three items {x}, {y} and {z} would be .submit(["{x}", "{y}", "{z}"])).'
        )

    def validate(self) -> None:
        super().validate()
        _require_texts(self.id, "items", self.items)
        if len(self.items) > MAX_ORDERING_ITEMS:
            raise ExerciseDefinitionError(f"{self.id}: at most {MAX_ORDERING_ITEMS} items")
        self._require_key(self.key)

    @cached_property
    def _solution(self) -> list[str]:
        found = find_answer(self.id, self.key, (list(p) for p in permutations(self.items)))
        if found is None:
            raise CourseProblem("its key matches no order of the items")
        return found

    @cached_property
    def shown_order(self) -> list[str]:
        """The items' keys in the order the controls and the static form show them.

        Authors write items in the right order (it keeps the key easy to check),
        so showing them as written would let "submit as shown" pass. The order is
        shuffled by a hash of the id and each key: the same in every run, widget
        and rendering, independent of Python's ``random``; if it happens to be
        the answer, it is rotated by one place, which for two or more distinct
        items always gives a different order.
        """
        order = sorted(
            self.items,
            key=lambda item: hashlib.sha256(f"{self.id}\0{item}".encode()).hexdigest(),
        )
        return order[1:] + order[:1] if order == self._solution else order

    def _read(self, answer: Any) -> list[str]:
        order = key_list(answer, self.items)
        counts = Counter(order)  # linear, however long the list
        repeated = [text for key, text in self.items.items() if counts[key] > 1]
        missing = [text for key, text in self.items.items() if key not in counts]
        if repeated or missing:
            problems = []
            if repeated:
                problems.append(f"used more than once: {_quoted(repeated)}")
            if missing:
                problems.append(f"missing: {_quoted(missing)}")
            raise AnswerError(f"Use every item exactly once ({'; '.join(problems)}).")
        return order

    def _judge(self, order: list[str]) -> Feedback:
        if order == self._solution:
            return self._correct()
        # Name the items by their text: "position 3" means little to a learner.
        placed = [a == b for a, b in zip(order, self._solution, strict=True)]
        right = [self.items[key] for key, ok in zip(order, placed, strict=True) if ok]
        wrong = [self.items[key] for key, ok in zip(order, placed, strict=True) if not ok]
        if right:
            summary = f"Not quite: {len(right)} of {len(order)} items are in the right place."
            details = (f"In the right place: {_quoted(right)}.", f"Not yet: {_quoted(wrong)}.")
        else:
            summary = "Not quite: none of the items is in the right place yet."
            details = ()
        return Feedback("incorrect", summary, details)


@dataclass(kw_only=True, eq=False)
class Matching(Exercise):
    """Match each left item to a right item; ``key = digest(id, {"a": "1", ...})``.

    Right items may be used more than once or not at all.
    """

    left: Mapping[str, str]
    right: Mapping[str, str]
    key: str

    kind: ClassVar[str] = "matching"

    @property
    def how_to_answer(self) -> str:
        x, y = unused_keys(self.left, self.right, count=2)
        return (
            "Choose a match for every item and press Check (in code, pass a dict of keys: "
            f'item {x} matched with choice {y} would be .submit({{"{x}": "{y}", ...}})).'
        )

    def validate(self) -> None:
        super().validate()
        _require_texts(self.id, "left", self.left)
        _require_texts(self.id, "right", self.right)
        lefts, rights = len(self.left), len(self.right)
        if not (0 < perm(rights, lefts) <= MAX_ARRANGEMENTS or rights**lefts <= MAX_ARRANGEMENTS):
            raise ExerciseDefinitionError(f"{self.id}: too many pairs; split the exercise")
        self._require_key(self.key)

    def _arrangements(self) -> Iterator[dict[str, str]]:
        """One-to-one matchings first (the usual case), then all, if few enough."""
        lefts, rights = list(self.left), list(self.right)
        one_to_one = permutations(rights, len(lefts))
        everything = product(rights, repeat=len(lefts))
        small = len(rights) ** len(lefts) <= MAX_ARRANGEMENTS
        for choice in chain(one_to_one, everything if small else ()):
            yield dict(zip(lefts, choice, strict=True))

    @cached_property
    def _solution(self) -> dict[str, str]:
        found = find_answer(self.id, self.key, self._arrangements())
        if found is None:
            raise CourseProblem("its key matches no matching of the items")
        return found

    def _read(self, answer: Any) -> dict[str, str]:
        mapping = self._pairs(answer)
        missing = [self.left[k] for k in self.left if k not in mapping]
        if missing:
            raise AnswerError(f"Choose a match for: {'; '.join(missing)}.")
        return mapping

    def _pairs(self, answer: Any) -> dict[str, str]:
        """``{left: right}`` from a dict or a list of pairs, read a bounded number of items."""
        unreadable = AnswerError(f"Expected pairs (a dict), got {safe_repr(answer, 40)}.")
        if isinstance(answer, Mapping):
            pairs = bounded_items(answer.items())
        elif isinstance(answer, list | tuple):
            pairs = bounded_items(answer)
            if not all(isinstance(pair, list | tuple) for pair in pairs):
                raise unreadable
            pairs = [bounded_items(pair, 3) for pair in pairs]
            if not all(len(pair) == 2 for pair in pairs):
                raise unreadable
        else:
            raise unreadable
        return {match_key(a, self.left): match_key(b, self.right) for a, b in pairs}

    def _judge(self, mapping: dict[str, str]) -> Feedback:
        if mapping == self._solution:
            return self._correct()
        wrong = [k for k in self.left if mapping[k] != self._solution[k]]
        right = len(self.left) - len(wrong)
        details = [f"'{self.left[k]}' does not match '{self.right[mapping[k]]}'." for k in wrong]
        return Feedback(
            "incorrect",
            f"Not quite: {right} of {len(self.left)} pairs are right.",
            (*details, *self._reuse_warnings(mapping)),
        )

    def _reuse_warnings(self, mapping: dict[str, str]) -> list[str]:
        """Say when one choice is used twice, if the answer uses each choice once at most."""
        if len(set(self._solution.values())) < len(self._solution):
            return []  # this exercise's own answer reuses a choice: reuse is no mistake
        users: dict[str, list[str]] = {}
        for left, right in mapping.items():
            users.setdefault(right, []).append(self.left[left])
        return [
            f"'{self.right[right]}' is used {len(lefts)} times ({_quoted(lefts)}); "
            "each choice fits one item at most."
            for right, lefts in users.items()
            if len(lefts) > 1
        ]
