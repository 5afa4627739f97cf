"""A small bank of one exercise per kind, so exercise tests need no lesson bank and no data.

Test modules import ``sample_exercises``, ``SAMPLE_ANSWERS``, ``COMMON`` and
``sample_bank_module`` from here.
"""

from __future__ import annotations

from types import ModuleType

import pandas as pd

from ctcoop.exercises import (
    CodeExercise,
    Exercise,
    Matching,
    MultipleChoice,
    MultiSelect,
    Numeric,
    Option,
    Ordering,
    digest,
)

__all__ = ["COMMON", "SAMPLE_ANSWERS", "sample_bank_module", "sample_exercises"]

COMMON = {
    "hints": ["First, gentle.", "Second, stronger."],
    "explanation": "Because the data say so.",
}

# The right answer of each sample, by id.
SAMPLE_ANSWERS = {
    "01.mc": "b",
    "01.multi": ["a", "c"],
    "01.number": 193,
    "01.order": ["c", "a", "b", "d"],
    "01.match": {"a": "2", "b": "1", "c": "3"},
    "01.code": pd.DataFrame({"body": ["EU", "FATF", "SCO"], "members": [27, 38, 10]}),
}


def sample_exercises() -> list[Exercise]:
    """One fresh definition per kind (fresh, so cached answers never leak between tests)."""
    options = {
        "a": Option("INTERPOL officers arrest suspects abroad", why="No: national police arrest."),
        "b": Option("INTERPOL circulates notices", why="Yes: notices are its core tool."),
        "c": Option("INTERPOL prosecutes", why="No: courts and prosecutors do that."),
    }
    return [
        MultipleChoice(
            id="01.mc",
            title="Powers",
            prompt="Which is **true**?",
            options=options,
            key=digest("01.mc", "b"),
            **COMMON,
        ),
        MultiSelect(
            id="01.multi",
            title="Several",
            prompt="Tick all that apply.",
            options={**options, "d": Option("Something else", why="No: made up.")},
            key=digest("01.multi", {"a", "c"}),
            **COMMON,
        ),
        Numeric(
            id="01.number",
            title="Count",
            prompt="How many?",
            expected=lambda: 193.0,
            unit="states",
            **COMMON,
        ),
        Ordering(
            id="01.order",
            title="Timeline",
            prompt="Oldest first.",
            items={"a": "1945", "b": "1989", "c": "1923", "d": "2001"},
            key=digest("01.order", ["c", "a", "b", "d"]),
            **COMMON,
        ),
        Matching(
            id="01.match",
            title="Roles",
            prompt="Match.",
            left={"a": "FATF", "b": "INTERPOL", "c": "UNOCT"},
            right={"1": "police cooperation", "2": "AML/CFT standards", "3": "UN office"},
            key=digest("01.match", {"a": "2", "b": "1", "c": "3"}),
            **COMMON,
        ),
        CodeExercise(
            id="01.code",
            title="Table",
            prompt="Members per body.",
            expected=lambda: SAMPLE_ANSWERS["01.code"].copy(),
            **COMMON,
        ),
    ]


def sample_bank_module(name: str = "ctcoop.bank.l01_sample") -> ModuleType:
    """A bank module object holding the samples, for registry and dashboard tests."""
    module = ModuleType(name)
    module.TITLE = "Sample lesson"
    module.EXERCISES = sample_exercises()
    return module
