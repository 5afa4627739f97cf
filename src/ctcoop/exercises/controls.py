"""The input controls of each kind of exercise, and reading an answer back from them.

Every control carries a ``description`` (rendered as a ``<label>``), so screen
readers announce what it is for and browser tests can find it by label.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import singledispatch
from typing import Any

import ipywidgets as widgets

from ctcoop.exercises.answers import AnswerError
from ctcoop.exercises.arrangement import Matching, Ordering
from ctcoop.exercises.base import Exercise
from ctcoop.exercises.choice import MultipleChoice, MultiSelect
from ctcoop.exercises.numeric import Numeric

__all__ = ["Controls", "build_controls"]

_WIDE = {"description_width": "initial"}
_UNSET = "—"


@dataclass
class Controls:
    """The widgets to show and a function that turns their state into an answer.

    ``read`` returns the answer (None when nothing is filled in) or raises
    AnswerError with a message for the learner. ``show`` puts an answer given
    in code (``.submit(...)``) into the controls, so a solved notebook shows
    the answer, not empty controls; it may raise on an answer of the wrong
    shape, which the caller ignores.
    """

    widgets: list[widgets.Widget]
    read: Callable[[], Any]
    show: Callable[[Any], None] = lambda answer: None


@singledispatch
def build_controls(definition: Exercise) -> Controls:
    """No controls: the learner answers in code with ``.check(result)``."""
    return Controls([], lambda: None)


@build_controls.register
def _(definition: MultipleChoice) -> Controls:
    radio = widgets.RadioButtons(
        options=[(f"{key}) {option.text}", key) for key, option in definition.options.items()],
        value=None,
        description="Answer",
        layout=widgets.Layout(width="auto"),
    )

    def show(answer: Any) -> None:
        radio.value = answer

    return Controls([radio], lambda: radio.value, show)


@build_controls.register
def _(definition: MultiSelect) -> Controls:
    boxes = {
        key: widgets.Checkbox(
            value=False,
            description=f"{key}) {option.text}",
            indent=False,
            layout=widgets.Layout(width="auto"),
        )
        for key, option in definition.options.items()
    }

    def show(answer: Any) -> None:
        chosen = set(answer)
        for key, box in boxes.items():
            box.value = key in chosen

    return Controls(
        list(boxes.values()), lambda: [key for key, box in boxes.items() if box.value], show
    )


@build_controls.register
def _(definition: Numeric) -> Controls:
    unit = f" ({definition.unit})" if definition.unit else ""
    text = widgets.Text(
        value="", description=f"Your answer{unit}", placeholder="a number", style=_WIDE
    )

    def show(answer: Any) -> None:
        text.value = f"{float(answer):g}"

    return Controls([text], lambda: text.value, show)


@build_controls.register
def _(definition: Ordering) -> Controls:
    positions = [(_UNSET, None)] + [(str(n), n) for n in range(1, len(definition.items) + 1)]
    menus = {
        key: widgets.Dropdown(
            options=positions,
            index=0,  # shows the "—" placeholder; value=None would show an empty box
            description=f"Position of: {definition.items[key]}",
            style=_WIDE,
            layout=widgets.Layout(width="auto"),
        )
        for key in definition.shown_order
    }

    def read() -> list[str] | None:
        chosen = {key: menu.value for key, menu in menus.items()}
        if all(position is None for position in chosen.values()):
            return None
        if any(position is None for position in chosen.values()):
            raise AnswerError("Give every item a position.")
        taken = sorted(chosen.values())
        repeated = sorted({p for p in taken if taken.count(p) > 1})
        if repeated:
            raise AnswerError(
                f"Each position once, please: {', '.join(map(str, repeated))} used twice."
            )
        return sorted(chosen, key=chosen.__getitem__)

    def show(answer: Any) -> None:
        for position, key in enumerate(answer, start=1):
            menus[key].value = position

    return Controls(list(menus.values()), read, show)


@build_controls.register
def _(definition: Matching) -> Controls:
    choices = [(_UNSET, None)] + [(text, key) for key, text in definition.right.items()]
    menus = {
        key: widgets.Dropdown(
            options=choices,
            index=0,
            description=text,
            style=_WIDE,
            layout=widgets.Layout(width="auto"),
        )
        for key, text in definition.left.items()
    }

    def read() -> dict[str, str] | None:
        chosen = {key: menu.value for key, menu in menus.items() if menu.value is not None}
        return chosen or None

    def show(answer: Any) -> None:
        for left, right in answer.items():
            menus[left].value = right

    return Controls(list(menus.values()), read, show)
