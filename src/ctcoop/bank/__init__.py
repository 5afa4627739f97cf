"""The registry of every exercise in the series, collected from the lesson banks.

Each lesson has a module ``ctcoop/bank/lNN_slug.py`` (``NN`` = lesson number)
that defines ``TITLE`` (the lesson's title) and ``EXERCISES`` (a list of
definitions from ``ctcoop.exercises``, ids ``NN.slug``). Modules are found with
``pkgutil``, so adding a lesson needs no edit here; the registry is built on
first use and refuses duplicate ids, ids filed under the wrong lesson, and
missing ``TITLE``/``EXERCISES``.

API: ``get(exercise_id)``, ``all_exercises()`` (lesson order, then the order in
the module), ``lessons()`` (lesson number -> title), and ``registry()``, the
whole collection (named so as not to be confused with ``ctcoop.catalogue``,
the list of data tables).
"""

from __future__ import annotations

import difflib
import pkgutil
import re
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from types import ModuleType

from ctcoop.exercises import Exercise, ExerciseDefinitionError

__all__ = ["Catalogue", "all_exercises", "get", "lessons", "registry"]

_MODULE_NAME = re.compile(r"^l(\d{2})_\w+$")


@dataclass(frozen=True)
class Catalogue:
    """Every exercise by id (in series order) and every lesson title by number."""

    exercises: dict[str, Exercise]
    lessons: dict[int, str]

    @classmethod
    def from_modules(cls, modules: list[ModuleType]) -> Catalogue:
        """Collect ``TITLE`` and ``EXERCISES`` from bank modules, checking them."""
        exercises: dict[str, Exercise] = {}
        lessons: dict[int, str] = {}
        for module in modules:
            name = module.__name__.rpartition(".")[2]
            match = _MODULE_NAME.match(name)
            if not match:
                raise ExerciseDefinitionError(f"bank module {name!r} must be named lNN_slug")
            lesson = int(match.group(1))
            title = getattr(module, "TITLE", None)
            items = getattr(module, "EXERCISES", None)
            if not isinstance(title, str) or not title.strip() or not isinstance(items, list):
                raise ExerciseDefinitionError(
                    f"{name} must define TITLE (text) and EXERCISES (list)"
                )
            if lesson in lessons:
                raise ExerciseDefinitionError(f"two bank modules for lesson {lesson:02d}")
            lessons[lesson] = title
            for item in items:
                if not isinstance(item, Exercise):
                    raise ExerciseDefinitionError(f"{name}: {item!r} is not an exercise")
                if item.lesson != lesson:
                    raise ExerciseDefinitionError(f"{name}: id {item.id} belongs to another lesson")
                if item.id in exercises:
                    raise ExerciseDefinitionError(f"exercise id {item.id} is used twice")
                exercises[item.id] = item
        return cls(exercises, dict(sorted(lessons.items())))


def _bank_modules() -> list[ModuleType]:
    names = sorted(
        info.name for info in pkgutil.iter_modules(__path__) if _MODULE_NAME.match(info.name)
    )
    return [import_module(f"{__name__}.{name}") for name in names]


@cache
def registry() -> Catalogue:
    """The registry, built once per kernel."""
    return Catalogue.from_modules(_bank_modules())


def get(exercise_id: str) -> Exercise:
    """The exercise with this id; a KeyError suggests close ids for a typo."""
    exercises = registry().exercises
    if exercise_id in exercises:
        return exercises[exercise_id]
    close = difflib.get_close_matches(str(exercise_id), list(exercises), n=3)
    suggestion = f"; did you mean {', '.join(close)}?" if close else ""
    raise KeyError(f"no exercise {exercise_id!r}{suggestion}")


def all_exercises() -> list[Exercise]:
    """Every exercise of the series, in lesson order."""
    return list(registry().exercises.values())


def lessons() -> dict[int, str]:
    """Lesson number -> lesson title, for every lesson with exercises."""
    return dict(registry().lessons)
