"""Numeric answers, checked against a value computed from the course data.

The expected value is a callable, so no number is hard-coded in the bank and a
data refresh updates the answer. The tolerance is stated in every feedback.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Any, ClassVar

import numpy as np

from ctcoop.exercises.answers import AnswerError, plain_text
from ctcoop.exercises.base import CourseProblem, Exercise, ExerciseDefinitionError, describe_error
from ctcoop.exercises.feedback import Feedback
from ctcoop.exercises.text import format_number, safe_repr, type_name

_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_SPACES = re.compile(r"[\s\u00a0\u202f_']")


__all__ = ["Numeric"]


class _NotANumber(AnswerError):
    """The learner's input cannot be read as a number; the message says why."""


def _plain_float(number: numbers.Real | Decimal) -> float:
    """An exact float, read with the built-in types' own methods (a subclass cannot lie)."""
    try:
        if isinstance(number, float):
            return float.__float__(number)
        if isinstance(number, int):
            return int.__float__(number)
        value = Decimal.__float__(number) if isinstance(number, Decimal) else float(number)
    except OverflowError:
        raise _NotANumber("That number is far too large to be the answer.") from None
    except ValueError:  # Decimal("sNaN")
        raise _NotANumber("NaN (not a number) is not an answer; look for missing values.") from None
    if not isinstance(value, float):
        raise _NotANumber(f"Cannot read {type_name(number)} as a number.")
    return float.__float__(value)


@dataclass(kw_only=True, eq=False)
class Numeric(Exercise):
    """A number; right within ``tolerance`` (absolute) or ``rel_tolerance`` (fraction)."""

    expected: Callable[[], float]
    tolerance: float = 0.0
    rel_tolerance: float | None = None
    unit: str = ""

    kind: ClassVar[str] = "numeric"

    @property
    def how_to_answer(self) -> str:
        return "Type a number and press Check (or pass it to .submit())."

    def validate(self) -> None:
        super().validate()
        if not callable(self.expected):
            raise ExerciseDefinitionError(f"{self.id}: expected must be a callable (a lambda)")
        for name in ("tolerance", "rel_tolerance"):
            value = getattr(self, name)
            if value is None and name == "rel_tolerance":
                continue
            if not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
                raise ExerciseDefinitionError(f"{self.id}: {name} must be a number >= 0")

    @cached_property
    def _expected_value(self) -> float:
        try:
            value = self.expected()
        except Exception as error:
            raise CourseProblem(f"computing the answer failed: {describe_error(error)}") from error
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise CourseProblem(f"the expected answer is not a number: {safe_repr(value)}")
        if not math.isfinite(value):
            raise CourseProblem(f"the expected answer is not a finite number: {safe_repr(value)}")
        return float(value)

    @property
    def tolerance_text(self) -> str:
        """The rule for "close enough", in words."""
        unit = f" {self.unit}" if self.unit else ""
        rules = []
        if self.tolerance:
            rules.append(f"±{format_number(self.tolerance)}{unit}")
        if self.rel_tolerance:
            rules.append(f"±{format_number(self.rel_tolerance * 100)}%")
        if not rules:
            return "The exact value is needed."
        return f"Answers within {' or '.join(rules)} count as correct."

    def _read(self, answer: Any) -> float:
        if isinstance(answer, bool | np.bool_):
            raise _NotANumber("True/False is not a number.")
        if isinstance(answer, numbers.Real | Decimal):
            value = _plain_float(answer)
        elif isinstance(answer, str):
            value = self._parse(plain_text(answer))
        elif hasattr(answer, "shape") and hasattr(answer, "iloc"):
            raise _NotANumber(
                f"Expected a single number, got {type_name(answer)}; "
                "take one value out of it, e.g. with len(...), .iloc[0] or .sum()."
            )
        else:
            raise _NotANumber(f"Expected a number, got {type_name(answer)}.")
        if math.isnan(value):
            raise _NotANumber("NaN (not a number) is not an answer; look for missing values.")
        if math.isinf(value):
            raise _NotANumber("Infinity is not an answer; check for a division by zero.")
        return value

    def _parse(self, text: str) -> float:
        if len(text) > 100:
            raise _NotANumber("That text is too long to be a number.")
        cleaned = text.strip().replace("\u2212", "-")
        if self.unit and cleaned.casefold().endswith(self.unit.casefold()):
            cleaned = cleaned[: -len(self.unit)]
        cleaned = _SPACES.sub("", cleaned.rstrip().removesuffix("%"))
        if "," in cleaned:
            if not _THOUSANDS.match(cleaned):
                raise _NotANumber(f"Cannot read {safe_repr(text, 40)}: use a dot for decimals.")
            cleaned = cleaned.replace(",", "")
        try:
            return float(cleaned)
        except ValueError:
            raise _NotANumber(f"Cannot read {safe_repr(text, 40)} as a number.") from None

    def _close_enough(self, value: float, expected: float) -> bool:
        gap = abs(value - expected)
        noise = 1e-9 * max(1.0, abs(expected))  # float arithmetic in the learner's sum
        if gap <= self.tolerance + noise:
            return True
        return self.rel_tolerance is not None and gap <= self.rel_tolerance * abs(expected) + noise

    def _judge(self, value: float) -> Feedback:
        expected = self._expected_value
        if self._close_enough(value, expected):
            exact = not (self.tolerance or self.rel_tolerance)
            return self._correct([] if exact else [self.tolerance_text])
        # Only the direction: a size ("by about 4%") would give the answer away.
        direction = "high" if value > expected else "low"
        return Feedback(
            "incorrect", f"{format_number(value)} is too {direction}.", (self.tolerance_text,)
        )
