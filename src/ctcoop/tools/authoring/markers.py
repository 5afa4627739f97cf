"""Solution markers: the blocks ``generate`` removes, and the look-alikes it refuses.

In a code cell, the lines from ``# BEGIN SOLUTION`` to ``# END SOLUTION`` are
replaced by a stub: the text after ``stub:`` on the BEGIN line (``# BEGIN
SOLUTION stub: result = ...``), or a comment asking the learner to answer in
the widget. In a markdown cell, the text from ``<!-- BEGIN SOLUTION -->`` to
``<!-- END SOLUTION -->`` is removed.

Anything that still looks like a marker afterwards (nbgrader's ``### BEGIN
SOLUTION``, a typo such as ``# BEGIN SOLUTON``, an unclosed ``<!-- BEGIN
SOLUTION``) would leak an answer to learners, so :func:`leftover_markers`
finds it and the pipeline refuses the notebook.
"""

from __future__ import annotations

import difflib
import re

__all__ = [
    "DEFAULT_STUB",
    "AuthoringError",
    "leftover_markers",
    "strip_code",
    "strip_markdown",
]

BEGIN = re.compile(r"^(?P<indent>\s*)# BEGIN SOLUTION(?:\s+stub:\s*(?P<stub>.*))?\s*$")
END = re.compile(r"^\s*# END SOLUTION\s*$")
MD_BLOCK = re.compile(r"<!-- BEGIN SOLUTION -->.*?<!-- END SOLUTION -->\n?", re.DOTALL)
DEFAULT_STUB = "# Answer in the widget below this cell."
_WORD = re.compile(r"[A-Za-z]+")


class AuthoringError(ValueError):
    """A solutions notebook breaks the authoring rules; the message names notebook and cell."""


def strip_code(source: str, where: str = "") -> str:
    """Replace each solution block in a code cell's source by its stub."""
    out: list[str] = []
    inside = False
    for line in source.split("\n"):
        begin = BEGIN.match(line)
        if begin:
            if inside:
                raise AuthoringError(f"{where}: nested '# BEGIN SOLUTION'")
            inside = True
            out.append(begin["indent"] + (begin["stub"] or DEFAULT_STUB).rstrip())
        elif END.match(line):
            if not inside:
                raise AuthoringError(f"{where}: '# END SOLUTION' without BEGIN")
            inside = False
        elif not inside:
            out.append(line)
    if inside:
        raise AuthoringError(f"{where}: '# BEGIN SOLUTION' is never closed")
    return "\n".join(out)


def strip_markdown(source: str) -> str:
    """Remove answer-key passages from a markdown cell."""
    return MD_BLOCK.sub("", source)


def _close(word: str, target: str) -> bool:
    return difflib.SequenceMatcher(None, word.upper(), target).ratio() >= 0.8


def _looks_like_marker(line: str) -> bool:
    """A BEGIN or END next to SOLUTION, in any case or spelling close to it."""
    words = _WORD.findall(line)
    return any(
        (_close(first, "BEGIN") or first.upper() == "END") and _close(second, "SOLUTION")
        for first, second in zip(words, words[1:], strict=False)
    )


def leftover_markers(source: str) -> list[str]:
    """The lines of an already stripped cell that still look like solution markers."""
    return [line.strip() for line in source.split("\n") if _looks_like_marker(line)]
