"""The verdict on one answer, as plain text (for nbval and screen readers) and HTML.

Colours come from the Okabe-Ito palette, which stays distinguishable with
colour-blind vision, and every status also carries a symbol and a word so
colour is never the only signal. The colour marks only the block's border: the
symbol and the words keep the page's own text colour, which has sufficient
contrast in light and dark themes alike (Okabe-Ito orange and bluish green as
text on white fall below WCAG's 4.5:1).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any, Literal

from ctcoop.exercises.text import render_inline
from ctcoop.palette import NEUTRAL, OKABE_ITO

__all__ = ["JUDGED", "STATUS_LABELS", "Feedback", "Status"]

Status = Literal["not_answered", "invalid", "incorrect", "correct"]

STATUS_LABELS: dict[str, str] = {
    "not_answered": "not answered yet",
    "invalid": "invalid answer",
    "incorrect": "incorrect",
    "correct": "correct",
}
JUDGED = frozenset({"incorrect", "correct"})
"""Statuses of an attempt that counts: the answer was read and judged."""

_LOOK: dict[str, tuple[str, str]] = {  # symbol, Okabe-Ito colour
    "not_answered": ("…", NEUTRAL),
    "invalid": ("!", OKABE_ITO["orange"]),
    "incorrect": ("✗", OKABE_ITO["vermillion"]),
    "correct": ("✓", OKABE_ITO["bluish green"]),
}


@dataclass(frozen=True)
class Feedback:
    """What the learner sees after Check: a headline and optional detail lines.

    ``message`` is the whole feedback as plain text; ``html`` is the same for
    the widget. Both are deterministic so that notebooks validate with nbval.
    ``answer`` is the learner's answer in canonical form (plain keys, a float,
    a plain pandas object), set once the answer could be read; the widget
    shows it in its controls and fingerprints it, never the learner's object.
    """

    status: Status
    summary: str
    details: tuple[str, ...] = ()
    answer: Any = field(default=None, compare=False, repr=False)

    @property
    def message(self) -> str:
        """Headline, then one ``- `` line per detail."""
        return "\n".join([self.summary, *(f"- {line}" for line in self.details)])

    @property
    def html(self) -> str:
        """The feedback as a styled block with a symbol, for the widget."""
        symbol, colour = _LOOK[self.status]
        items = "".join(f"<li>{render_inline(line)}</li>" for line in self.details)
        listing = f"<ul style='margin:0.3em 0 0 0'>{items}</ul>" if items else ""
        return (
            f"<div class='ctc-feedback-{self.status.replace('_', '-')}' role='status' "
            f"style='border-left:6px solid {colour};padding:0.3em 0.7em;margin:0.3em 0'>"
            "<span aria-hidden='true' style='font-weight:bold'>"
            f"{html.escape(symbol)}</span> "
            f"<span>{render_inline(self.summary)}</span>{listing}</div>"
        )

    @property
    def judged(self) -> bool:
        """True for an attempt that counts (incorrect or correct), not for a placeholder."""
        return self.status in JUDGED

    @property
    def solved(self) -> bool:
        """True only for a correct answer."""
        return self.status == "correct"

    def __repr__(self) -> str:
        return self.message

    def _repr_html_(self) -> str:
        return self.html
