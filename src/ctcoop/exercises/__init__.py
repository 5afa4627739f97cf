"""Exercises with instant, specific feedback, graduated hints and hidden keys.

Authoring (in a bank module ``ctcoop/bank/lNN_slug.py``)::

    from ctcoop.data import load        # the course's data loader
    from ctcoop.exercises import MultipleChoice, Numeric, Option

    TITLE = "INTERPOL"
    EXERCISES = [
        MultipleChoice(
            id="02.interpol-powers", title="What can INTERPOL do?",
            prompt="Which statement about INTERPOL is **true**?",
            options={
                "a": Option("Its officers arrest suspects abroad",
                            why="No: only national police arrest people."),
                "b": Option("It circulates notices between police forces",
                            why="Yes: Red Notices and databases are its core work."),
            },
            key="<python -m ctcoop.exercises.digest 02.interpol-powers '\"b\"'>",
            hints=["Think about who holds police powers.", "INTERPOL has no agents of its own."],
            explanation="INTERPOL is a network for sharing information ...",
        ),
        Numeric(id="02.members", title=..., prompt=..., unit="states",
                expected=lambda: len(load("interpol_members")), tolerance=0,
                hints=[...], explanation=...),
    ]

Kinds and their keys (``key`` is always ``digest(id, answer)``, from the
command ``python -m ctcoop.exercises.digest ID 'JSON'``):

- ``MultipleChoice(options={k: Option(text, why=...)}, key=digest(id, "b"))``
- ``MultiSelect(options=..., key=digest(id, {"a", "c"}))`` (JSON: sorted list)
- ``Ordering(items={k: text}, key=digest(id, ["c", "a", "b"]))``, at most 8 items;
  learners see them in a fixed shuffle that is never the answer (``shown_order``)
- ``Matching(left={k: text}, right={k: text}, key=digest(id, {"a": "1", ...}))``
- ``Numeric(expected=callable, tolerance=0.0, rel_tolerance=None, unit="")``
- ``CodeExercise(expected=callable, check_order=False, check_dtype=False, rtol=1e-9)``

Every kind also takes ``id`` (``NN.slug``), ``title``, ``prompt`` (plain text
with a little markdown: `code`, **bold**, *emphasis*, [text](https://...)),
``hints`` (a non-empty list, gentle first) and ``explanation`` (shown after
success). Definitions are validated when constructed
(``ExerciseDefinitionError``).

In a notebook (``exercise`` is the course layer's, ``ctcoop.course``: it builds
the widget from the bank and records attempts)::

    from ctcoop import exercise
    ex = exercise("02.interpol-powers")   # an ipywidgets widget; display it
    ex.submit(answer)                      # any kind: returns a Feedback
    ex.check(result)                       # the same, named for code exercises

The engine itself knows nothing of the bank or the progress store: a widget is
``ExerciseWidget(definition, on_attempt=callback, saved="Tried, 2 attempts")``
(``ctcoop.exercises.widget``).

``Feedback`` has ``status`` ("not_answered", "invalid", "incorrect",
"correct"), ``message`` (plain text) and ``html``. Checking never raises.
"""

from __future__ import annotations

from ctcoop.exercises.arrangement import Matching, Ordering
from ctcoop.exercises.base import Exercise, ExerciseDefinitionError
from ctcoop.exercises.choice import MultipleChoice, MultiSelect, Option
from ctcoop.exercises.code import CodeExercise
from ctcoop.exercises.feedback import Feedback
from ctcoop.exercises.keys import digest
from ctcoop.exercises.numeric import Numeric

__all__ = [
    "CodeExercise",
    "Exercise",
    "ExerciseDefinitionError",
    "Feedback",
    "Matching",
    "MultiSelect",
    "MultipleChoice",
    "Numeric",
    "Option",
    "Ordering",
    "digest",
]
