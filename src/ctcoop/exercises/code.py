"""Code exercises: the learner writes pandas code and hands its result to ``.check``.

The expected result is computed by a callable from the course data, so the
solution lives in one place and follows data refreshes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, ClassVar

from ctcoop.exercises.base import CourseProblem, Exercise, ExerciseDefinitionError, describe_error
from ctcoop.exercises.feedback import Feedback

__all__ = ["CodeExercise"]


@dataclass(kw_only=True, eq=False)
class CodeExercise(Exercise):
    """Compare a DataFrame, Series, list or single value with ``expected()``.

    ``check_order=False`` sorts rows of both sides first; ``rtol`` is the
    relative tolerance for numbers; ``check_dtype`` also compares column types.
    """

    expected: Callable[[], Any]
    check_order: bool = False
    check_dtype: bool = False
    rtol: float = 1e-9

    kind: ClassVar[str] = "code"

    @property
    def how_to_answer(self) -> str:
        return "Replace ... with your code, then run the cell that calls .check(result)."

    def validate(self) -> None:
        super().validate()
        if not callable(self.expected):
            raise ExerciseDefinitionError(f"{self.id}: expected must be a callable (a lambda)")
        if not isinstance(self.rtol, int | float) or not 0 <= self.rtol < 1:
            raise ExerciseDefinitionError(f"{self.id}: rtol must be a number in [0, 1)")

    @cached_property
    def _expected_value(self) -> Any:
        try:
            return self.expected()
        except Exception as error:
            raise CourseProblem(f"computing the answer failed: {describe_error(error)}") from error

    def _unanswered(self, answer: Any) -> bool:
        return answer is None or answer is Ellipsis

    def _not_answered(self, answer: Any) -> Feedback:
        if answer is None:
            return Feedback(
                "not_answered",
                "Not answered yet: your result is None. Did a function forget to return, "
                f"or did inplace=True replace the result? {self.how_to_answer}",
            )
        return super()._not_answered(answer)

    def _read(self, answer: Any) -> Any:
        from ctcoop.exercises.plain import plain_result

        return plain_result(answer)

    def canonical_text(self, canonical: Any) -> str:
        from ctcoop.exercises.compare import canonical_text

        return canonical_text(canonical)

    def _judge(self, answer: Any) -> Feedback:
        from ctcoop.exercises.compare import Rules, compare

        rules = Rules(check_order=self.check_order, check_dtype=self.check_dtype, rtol=self.rtol)
        difference = compare(self._expected_value, answer, rules)
        if difference is None:
            return self._correct()
        return Feedback("incorrect", difference.summary, difference.details)
