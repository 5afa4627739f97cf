"""What every exercise shares: identity, hints, validation and a checker that never raises.

A definition is pure data plus a ``check(answer) -> Feedback`` method; it knows
nothing about widgets or progress, so bank modules import fast and checks are
easy to test. Checking is two steps: ``_read`` turns the learner's object into
a canonical value made of plain Python, NumPy or pandas values (bounded, so a
huge or endless input is refused quickly), and ``_judge`` compares that value
with the key. The learner's object is never compared directly, so its own
``__eq__`` cannot vote on whether it is right.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from ctcoop.exercises.answers import AnswerError
from ctcoop.exercises.feedback import Feedback
from ctcoop.exercises.keys import DIGEST_PATTERN, canonical_json, fingerprint
from ctcoop.exercises.text import safe_repr

__all__ = ["CourseProblem", "Exercise", "ExerciseDefinitionError", "describe_error"]

ID_PATTERN = re.compile(r"^(\d{2})\.[a-z0-9]+(?:-[a-z0-9]+)*$")


class ExerciseDefinitionError(ValueError):
    """An exercise is authored wrongly; raised when the bank module is imported."""


class CourseProblem(Exception):
    """Checking failed because of the course (its data or its key), not the learner."""


def describe_error(error: BaseException) -> str:
    """``TypeName: message`` even when the exception's ``__str__`` misbehaves."""
    try:
        text = str(error)
    except Exception:
        text = ""
    text = " ".join(text.split())[:200]
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


@dataclass(kw_only=True, eq=False)
class Exercise:
    """Fields shared by every kind of exercise; subclasses add the answer key."""

    id: str
    title: str
    prompt: str
    hints: Sequence[str]
    explanation: str

    kind: ClassVar[str] = "exercise"

    @property
    def how_to_answer(self) -> str:
        """How to give an answer; an example in it never uses a key of this exercise."""
        return "Answer, then press Check."

    def __post_init__(self) -> None:
        self.hints = tuple(self.hints) if isinstance(self.hints, list | tuple) else self.hints
        self.validate()

    @property
    def lesson(self) -> int:
        """The lesson number: the ``NN`` of the id ``NN.slug``."""
        return int(self.id[:2])

    def validate(self) -> None:
        """Refuse definitions a learner would trip over; subclasses add their checks."""
        if not isinstance(self.id, str) or not ID_PATTERN.match(self.id):
            raise ExerciseDefinitionError(
                f"exercise id {self.id!r} must look like '02.interpol-powers' "
                "(two-digit lesson number, a dot, a lower-case slug)"
            )
        for field in ("title", "prompt", "explanation"):
            value = getattr(self, field)
            if not isinstance(value, str) or not value.strip():
                raise ExerciseDefinitionError(f"{self.id}: {field} must be non-empty text")
        if not isinstance(self.hints, tuple) or not self.hints:
            raise ExerciseDefinitionError(f"{self.id}: give at least one hint (a list of text)")
        if not all(isinstance(hint, str) and hint.strip() for hint in self.hints):
            raise ExerciseDefinitionError(f"{self.id}: every hint must be non-empty text")

    def _require_key(self, key: object) -> None:
        if not isinstance(key, str) or not DIGEST_PATTERN.match(key):
            raise ExerciseDefinitionError(
                f"{self.id}: key must be a digest; compute it with "
                f"python -m ctcoop.exercises.digest {self.id} 'JSON_ANSWER'"
            )

    def check(self, answer: Any) -> Feedback:
        """Judge ``answer``. Never raises: any failure becomes an explanatory Feedback.

        A judged Feedback carries the canonical answer (``feedback.answer``).
        """
        try:
            if self._unanswered(answer):
                return self._not_answered(answer)
            try:
                canonical = self._read(answer)
            except AnswerError as problem:
                return self._invalid(str(problem))
            return replace(self._judge(canonical), answer=canonical)
        except CourseProblem as problem:
            return Feedback(
                "invalid",
                f"The course could not check this exercise ({problem}). This is a problem "
                f"in the course, not in your answer: please report exercise {self.id}.",
            )
        except Exception as error:  # a learner's object can raise from anywhere
            return Feedback(
                "invalid",
                f"Your answer ({safe_repr(answer, 40)}) could not be checked "
                f"({describe_error(error)}). {self.how_to_answer}",
            )

    def _unanswered(self, answer: Any) -> bool:
        if answer is None or answer is Ellipsis:
            return True
        if isinstance(answer, str):
            return not str.__str__(answer).strip()
        return isinstance(answer, list | tuple | set | frozenset | dict) and len(answer) == 0

    def _not_answered(self, answer: Any) -> Feedback:
        return Feedback("not_answered", f"Not answered yet. {self.how_to_answer}")

    def _read(self, answer: Any) -> Any:
        """The canonical form of ``answer``; raises AnswerError with a reason for the learner."""
        raise NotImplementedError

    def _judge(self, canonical: Any) -> Feedback:
        """The verdict on a canonical answer (from ``_read``)."""
        raise NotImplementedError

    def canonical_text(self, canonical: Any) -> str:
        """One spelling of a canonical answer, the input of its fingerprint."""
        return canonical_json(canonical)

    def fingerprint(self, canonical: Any) -> str:
        """A short hex name of a canonical answer: the same answer gives the same name."""
        return fingerprint(self.id, self.canonical_text(canonical))

    def _correct(self, details: Sequence[str] = ()) -> Feedback:
        return Feedback("correct", f"Correct! {self.explanation}", tuple(details))

    def _invalid(self, problem: str) -> Feedback:
        return Feedback("invalid", f"{problem} {self.how_to_answer}")
