"""Reading a learner's discrete answer: option keys typed or picked in many spellings.

Learners type ``"B"``, ``"b)"``, ``" b "``, ``2`` or ``"a, c"``; all of these
should mean what they obviously mean, and anything else should say which keys
exist.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from itertools import islice
from typing import Any

from ctcoop.exercises.text import safe_repr

__all__ = [
    "MAX_ITEMS",
    "MAX_TEXT",
    "AnswerError",
    "bounded_items",
    "key_list",
    "match_key",
    "plain_text",
    "unused_keys",
]

MAX_TEXT = 10_000
MAX_ITEMS = 100
"""No exercise has this many options or items; a longer answer is refused unread."""


class AnswerError(ValueError):
    """The answer cannot be read; the message says why, in learner's words."""


def plain_text(value: str) -> str:
    """The characters of ``value`` as an exact ``str``, whatever a subclass overrides."""
    return str.__str__(value)


def bounded_items(answer: Any, limit: int = MAX_ITEMS) -> list[Any]:
    """At most ``limit`` items of any iterable, refusing a longer one before reading it all.

    ``range(10**18)`` is refused by its length, ``itertools.repeat("a")`` after
    ``limit + 1`` items: neither is ever materialised, so checking stays instant.
    """
    try:
        size = len(answer)
    except OverflowError:  # a length too large even to count
        size = limit + 1
    except TypeError:  # no length: a generator or an endless iterator
        size = None
    if size is None or size > limit:
        items = list(islice(iter(answer), limit + 1))
        if len(items) > limit:
            raise AnswerError(f"That is far too many items for this exercise (more than {limit}).")
        return items
    return list(islice(iter(answer), limit))


def match_key(value: Any, valid: Mapping[str, Any]) -> str:
    """The key in ``valid`` that ``value`` names (case and ``b)`` tolerant).

    Returns the exercise's own key, so a learner's object never takes part in
    a later comparison.
    """
    if isinstance(value, str):
        text = plain_text(value)
    elif isinstance(value, int) and not isinstance(value, bool):
        number = int.__int__(value)
        if abs(number) > MAX_TEXT:
            raise AnswerError("That number is not one of the keys.")
        text = str(number)
    else:
        raise AnswerError(f"Not an option key: {safe_repr(value, 40)}.")
    if len(text) > MAX_TEXT:
        raise AnswerError("That text is far too long to be an option key.")
    text = text.strip().rstrip(").:").strip()
    own = {key: key for key in valid}
    if text in own:
        return own[text]
    folded = {key.casefold(): key for key in valid}
    if text.casefold() in folded:
        return folded[text.casefold()]
    choices = ", ".join(valid)
    raise AnswerError(f"{safe_repr(text, 40)} is not one of the keys ({choices}).")


def key_list(answer: Any, valid: Mapping[str, Any]) -> list[str]:
    """A list of keys from any iterable or a ``"a, c"`` string, in the given order."""
    if isinstance(answer, str):
        text = plain_text(answer)
        if len(text) > MAX_TEXT:
            raise AnswerError("That text is far too long to be a list of keys.")
        parts = [p for p in re.split(r"[\s,;]+", text.strip()) if p]
        if len(parts) == 1 and parts[0] not in valid and all(len(k) == 1 for k in valid):
            parts = list(parts[0])  # "cab" for single-letter keys
        return [match_key(part, valid) for part in bounded_items(parts)]
    if isinstance(answer, Mapping | bytes | bytearray) or not hasattr(type(answer), "__iter__"):
        raise AnswerError(f"Expected a list of keys, got {safe_repr(answer, 40)}.")
    keys = [match_key(item, valid) for item in bounded_items(answer)]
    return sorted(keys) if isinstance(answer, set | frozenset) else keys


def unused_keys(*taken: Iterable[str], count: int) -> list[str]:
    """``count`` short keys that are none of ``taken`` (in any case), for examples.

    "How to answer" texts show the form of an answer with these, so an example
    can never be (or look like) the answer of the exercise it explains.
    """
    used = {key.casefold() for keys in taken for key in keys}
    letters = [c for c in "xyzwvutsrqp" if c not in used]
    spares = (f"x{n}" for n in range(1, 10**6) if f"x{n}" not in used)
    return (letters + [next(spares) for _ in range(max(0, count - len(letters)))])[:count]
