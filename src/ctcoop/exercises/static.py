"""What a notebook file stores for an exercise: the form a reader sees before running it.

GitHub, nbviewer and the course website cannot run the widget, and a learner
opening a notebook sees its stored output before running anything. So the
widget's stored HTML is a static form: the title, the question, the options or
items, the first hint folded away, and a line saying that checking needs a
running notebook. It never holds a key, an option's reason, a later hint or the
explanation, all of which would give the answer away to someone who has not
tried yet.
"""

from __future__ import annotations

import html
from functools import singledispatch

from ctcoop.exercises.arrangement import Matching, Ordering
from ctcoop.exercises.base import Exercise
from ctcoop.exercises.choice import MultipleChoice, MultiSelect
from ctcoop.exercises.numeric import Numeric
from ctcoop.exercises.text import render_inline, render_text
from ctcoop.palette import NEUTRAL

__all__ = ["RUN_TO_CHECK", "RUN_TO_SHOW", "static_html"]

RUN_TO_SHOW = "Run this cell to show the exercise."
RUN_TO_CHECK = "Run this notebook to check your answer."


def _listing(lines: list[str], label: str) -> str:
    items = "".join(f"<li>{render_inline(line)}</li>" for line in lines)
    return f"<p>{html.escape(label)}</p><ul style='list-style:none'>{items}</ul>"


@singledispatch
def answer_form(definition: Exercise) -> str:
    """How the answer is given, for kinds without options (code exercises)."""
    return render_text(definition.how_to_answer)


@answer_form.register
def _(definition: MultipleChoice) -> str:
    lines = [f"{key}) {option.text}" for key, option in definition.options.items()]
    return _listing(lines, "Choose one option:")


@answer_form.register
def _(definition: MultiSelect) -> str:
    lines = [f"{key}) {option.text}" for key, option in definition.options.items()]
    return _listing(lines, "Tick every option that applies:")


@answer_form.register
def _(definition: Numeric) -> str:
    unit = f" ({definition.unit})" if definition.unit else ""
    return f"<p>Your answer: a number{html.escape(unit)}.</p>"


@answer_form.register
def _(definition: Ordering) -> str:
    return _listing(
        [definition.items[key] for key in definition.shown_order], "Put these in order:"
    )


@answer_form.register
def _(definition: Matching) -> str:
    return _listing(list(definition.left.values()), "Match each of these:") + _listing(
        list(definition.right.values()), "with one of these:"
    )


def static_html(definition: Exercise) -> str:
    """The static form of ``definition``: question, choices, first hint folded away."""
    hints = definition.hints
    return (
        f"<div class='ctc-exercise-static' style='border-left:4px solid {NEUTRAL};"
        "padding-left:0.7em'>"
        f"<h3>Exercise {html.escape(definition.id)}: {render_inline(definition.title)}</h3>"
        f"{render_text(definition.prompt)}{answer_form(definition)}"
        f"<details><summary>Hint 1 of {len(hints)}</summary>"
        f"<p>{render_inline(hints[0])}</p></details>"
        f"<p><em>{RUN_TO_CHECK}</em></p></div>"
    )
