"""Answer keys that a learner cannot read off the notebook or the bank module.

A discrete answer (an option key, a set of keys, an order, a mapping) is stored
as a salted SHA-256 of its canonical JSON. The salt is the exercise id, so the
same answer gives a different digest in every exercise and digests cannot be
compared across exercises. This keeps answers from being *legible*; it is not
encryption: the answer space of a quiz is small, which is also what lets an
exercise recover its own answer (``find_answer``) to give position-by-position
feedback.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from typing import Any

__all__ = ["DIGEST_PATTERN", "canonical_json", "digest", "find_answer", "fingerprint"]

DIGEST_PATTERN = re.compile(r"^[0-9a-f]{64}$")


def canonical_json(answer: Any) -> str:
    """One spelling per answer: sets become sorted lists, dict keys are sorted."""
    if isinstance(answer, set | frozenset):
        answer = sorted(answer)
    return json.dumps(answer, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def digest(exercise_id: str, answer: Any) -> str:
    """The key an author stores for ``answer`` in exercise ``exercise_id``.

    ``answer`` is an option key (``"b"``), a set or sorted list of keys
    (``["a", "c"]``), a list of keys in order, or a ``{left: right}`` dict.
    """
    payload = f"ctcoop:{exercise_id}:{canonical_json(answer)}"
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def find_answer(exercise_id: str, key: str, candidates: Iterable[Any]) -> Any | None:
    """The first candidate whose digest is ``key``, or None if none matches."""
    for candidate in candidates:
        if digest(exercise_id, candidate) == key:
            return candidate
    return None


def fingerprint(exercise_id: str, canonical_text: str) -> str:
    """A short, stable name for one canonical answer, so the store can spot a repeat.

    Salted differently from ``digest``, so a fingerprint is never an answer key.
    """
    payload = f"ctcoop-attempt:{exercise_id}:{canonical_text}"
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]
