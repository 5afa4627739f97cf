"""Reading a learner's discrete answer: option keys typed or picked in many spellings.

Learners type ``"B"``, ``"b)"``, ``" b "``, ``2`` or ``"a, c"``; all of these
should mean what they obviously mean, and anything else should say which keys
exist.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from ctcoop.exercises.text import safe_repr

__all__ = ["MAX_TEXT", "AnswerError", "key_list", "match_key", "unused_keys"]

MAX_TEXT = 10_000


class AnswerError(ValueError):
    """The answer cannot be read; the message says why, in learner's words."""


def match_key(value: Any, valid: Mapping[str, Any]) -> str:
    """The key in ``valid`` that ``value`` names (case and ``b)`` tolerant)."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise AnswerError(f"Not an option key: {safe_repr(value, 40)}.")
    text = str(value).strip()
    if len(text) > MAX_TEXT:
        raise AnswerError("That text is far too long to be an option key.")
    text = text.rstrip(").:").strip()
    if text in valid:
        return text
    folded = {key.casefold(): key for key in valid}
    if text.casefold() in folded:
        return folded[text.casefold()]
    choices = ", ".join(valid)
    raise AnswerError(f"{safe_repr(text, 40)} is not one of the keys ({choices}).")


def key_list(answer: Any, valid: Mapping[str, Any]) -> list[str]:
    """A list of keys from a list/tuple/set or a ``"a, c"`` string, in the given order."""
    if isinstance(answer, str):
        if len(answer) > MAX_TEXT:
            raise AnswerError("That text is far too long to be a list of keys.")
        parts = [p for p in re.split(r"[\s,;]+", answer.strip()) if p]
        if len(parts) == 1 and parts[0] not in valid and all(len(k) == 1 for k in valid):
            parts = list(parts[0])  # "cab" for single-letter keys
        return [match_key(part, valid) for part in parts]
    if isinstance(answer, list | tuple | set | frozenset):
        items: Iterable[Any] = (
            sorted(answer, key=str) if isinstance(answer, set | frozenset) else answer
        )
        return [match_key(item, valid) for item in items]
    raise AnswerError(f"Expected a list of keys, got {safe_repr(answer, 40)}.")


def unused_keys(*taken: Iterable[str], count: int) -> list[str]:
    """``count`` short keys that are none of ``taken`` (in any case), for examples.

    "How to answer" texts show the form of an answer with these, so an example
    can never be (or look like) the answer of the exercise it explains.
    """
    used = {key.casefold() for keys in taken for key in keys}
    letters = [c for c in "xyzwvutsrqp" if c not in used]
    spares = (f"x{n}" for n in range(1, 10**6) if f"x{n}" not in used)
    return (letters + [next(spares) for _ in range(max(0, count - len(letters)))])[:count]
