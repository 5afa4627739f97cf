"""Command line: compute the key of an answer for a bank module.

    python -m ctcoop.exercises.digest 02.interpol-powers '"b"'
    python -m ctcoop.exercises.digest 02.which-members '["a", "c"]'
    python -m ctcoop.exercises.digest 04.timeline '["c", "a", "b"]'
    python -m ctcoop.exercises.digest 02.roles '{"a": "1", "b": "3"}'

The answer is JSON. A multi-select answer lists its keys in sorted order
(``digest`` sorts a Python set itself; JSON has no sets). Run this module
with ``-m``; code imports the function: ``from ctcoop.exercises import digest``.
"""

from __future__ import annotations

import json
import sys

from ctcoop.exercises.keys import digest

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Print the digest; exit status 2 with a usage line on bad arguments."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m ctcoop.exercises.digest EXERCISE_ID 'JSON_ANSWER'", file=sys.stderr)
        return 2
    exercise_id, answer_json = args
    try:
        answer = json.loads(answer_json)
    except json.JSONDecodeError as error:
        print(f"JSON_ANSWER is not valid JSON ({error}); quote strings: '\"b\"'", file=sys.stderr)
        return 2
    print(digest(exercise_id, answer))
    return 0


if __name__ == "__main__":
    sys.exit(main())
