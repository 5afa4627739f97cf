"""The authoring pipelines, each an ordered list of the named steps in ``steps.py``.

* ``generate``: every ``solutions/NN_name.ipynb`` yields ``exercises/NN_name.ipynb``
  through ``GENERATE``, after its keys are checked against the bank.
* ``record``: every lesson and solutions notebook is run top to bottom, then
  passed through ``AFTER_RUN`` and stored with its outputs, so that outputs
  read without running anything and nbval can check they are still what the
  code makes.
* ``format_notebooks``: re-save notebooks in JupyterLab's form without running them.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from unittest import mock

from nbformat import NotebookNode

from ctcoop.paths import scratch_progress
from ctcoop.plots import CHECK_FIGURES_ENV
from ctcoop.tools.authoring import notebook_io
from ctcoop.tools.authoring.keys import KeyCheck, check_keys
from ctcoop.tools.authoring.markers import AuthoringError
from ctcoop.tools.authoring.steps import (
    Step,
    add_learner_note,
    clear_outputs,
    drop_execution_timing,
    drop_nbval_tags,
    drop_widget_state,
    drop_widget_views,
    keep_kernel_metadata,
    merge_streams,
    note_origin,
    reject_leftover_markers,
    retitle_as_exercises,
    store_exercise_forms,
    strip_code_solutions,
    strip_markdown_solutions,
)

__all__ = [
    "AFTER_RUN",
    "GENERATE",
    "apply",
    "bank_definitions",
    "exercise_notebook",
    "expected_exercises",
    "format_notebooks",
    "generate",
    "key_checks",
    "record",
    "stale_exercises",
    "unchecked_keys",
]

GENERATE: tuple[Step, ...] = (
    strip_code_solutions,
    strip_markdown_solutions,
    reject_leftover_markers,
    clear_outputs,
    store_exercise_forms,
    drop_nbval_tags,
    retitle_as_exercises,
    add_learner_note,
    keep_kernel_metadata,
    note_origin,
)
"""Solutions notebook -> exercises notebook, in this order."""

AFTER_RUN: tuple[Step, ...] = (
    drop_execution_timing,
    drop_widget_views,
    merge_streams,
    drop_widget_state,
)
"""What ``record`` does to a notebook it has just executed, before storing it."""


def apply(steps: Sequence[Step], notebook: NotebookNode, name: str) -> NotebookNode:
    """Pass ``notebook`` through each step in turn (the input is left untouched)."""
    for step in steps:
        notebook = step(notebook, name)
    return notebook


def exercise_notebook(solution: NotebookNode, name: str) -> NotebookNode:
    """The exercise version of a solutions notebook."""
    return apply(GENERATE, solution, name)


# --- generate -----------------------------------------------------------------------------------


def _solutions(root: Path, only: Sequence[Path] | None = None) -> list[Path]:
    """The solutions notebooks, or just ``only`` (paths of solutions notebooks)."""
    if only:
        return [path.resolve() for path in only]
    return sorted((root / "solutions").glob("[0-9][0-9]_*.ipynb"))


def bank_definitions() -> dict[str, object]:
    """Every exercise definition in the bank, by id."""
    from ctcoop import bank

    return {definition.id: definition for definition in bank.all_exercises()}


def key_checks(root: Path, only: Sequence[Path] | None = None) -> list[KeyCheck]:
    """Every literal answer in the solutions notebooks checked against the bank's key."""
    definitions = bank_definitions()
    return [
        check
        for path in _solutions(root, only)
        for check in check_keys(notebook_io.read(path), path.name, definitions)
    ]


def unchecked_keys(checks: list[KeyCheck]) -> list[str]:
    """Ids of the bank's keyed exercises that no check covers (in-lesson exercises, say)."""
    checked = {check.answer.exercise_id for check in checks}
    return [
        exercise_id
        for exercise_id, definition in bank_definitions().items()
        if hasattr(definition, "key") and exercise_id not in checked
    ]


def _require_agreeing_keys(checks: list[KeyCheck]) -> None:
    wrong = [check.describe() for check in checks if check.bank_key and not check.agrees]
    if wrong:
        raise AuthoringError(
            "a key in the bank disagrees with its solution (run `ctcoop-author keys`):\n"
            + "\n".join(wrong)
        )


def expected_exercises(root: Path, only: Sequence[Path] | None = None) -> dict[Path, str]:
    """Map each exercise file path to the text it should have."""
    definitions = bank_definitions()
    result = {}
    for path in _solutions(root, only):
        solution = notebook_io.read(path)
        _require_agreeing_keys(check_keys(solution, path.name, definitions))
        exercise = exercise_notebook(solution, path.name)
        result[root / "exercises" / path.name] = notebook_io.render(exercise)
    return result


def stale_exercises(root: Path) -> list[str]:
    """Describe every way ``exercises/`` differs from what the solutions generate."""
    expected = expected_exercises(root)
    problems = [
        f"{path.relative_to(root)} is out of date"
        for path, text in expected.items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
    problems += [
        f"{path.relative_to(root)} has no solutions notebook"
        for path in sorted((root / "exercises").glob("*.ipynb"))
        if path not in expected
    ]
    return problems


def generate(root: Path, only: Sequence[Path] | None = None) -> list[Path]:
    """Write the exercise notebooks (all, or those of ``only``); return the paths written."""
    (root / "exercises").mkdir(exist_ok=True)
    written = []
    for path, text in expected_exercises(root, only).items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


# --- record -------------------------------------------------------------------------------------


def _executed(root: Path, only: Sequence[Path] | None = None) -> list[Path]:
    """The notebooks stored with outputs: the lessons and the solutions (or ``only``)."""
    if only:
        return [path.resolve() for path in only]
    return [
        path
        for folder in ("notebooks", "solutions")
        for path in sorted((root / folder).glob("[0-9][0-9]_*.ipynb"))
    ]


def _run(notebook: NotebookNode, folder: Path, timeout: int) -> NotebookNode:
    """The notebook executed top to bottom in a fresh kernel started in ``folder``."""
    from nbclient import NotebookClient

    NotebookClient(
        notebook, timeout=timeout, record_timing=False, resources={"metadata": {"path": folder}}
    ).execute()
    return notebook


def record(root: Path, only: Sequence[Path] | None = None, timeout: int = 600) -> list[Path]:
    """Run each lesson and solutions notebook and store it with its outputs.

    The kernels measure every figure they show (``CHECK_FIGURES_ENV``), so a
    figure whose labels reach past its edge fails here rather than being stored.
    """
    written = []
    with scratch_progress(), mock.patch.dict(os.environ, {CHECK_FIGURES_ENV: "1"}):
        for path in _executed(root, only):
            ran = _run(notebook_io.read(path), path.parent, timeout)
            notebook_io.write(apply(AFTER_RUN, ran, path.name), path)
            written.append(path)
    return written


# --- format -------------------------------------------------------------------------------------


def _course_notebooks(root: Path) -> list[Path]:
    return [
        path
        for folder in ("notebooks", "exercises", "solutions", "benchmarks")
        for path in sorted((root / folder).glob("*.ipynb"))
    ]


def format_notebooks(root: Path, only: Sequence[Path] | None = None) -> list[Path]:
    """Re-save notebooks in JupyterLab's form, unrun; return those that changed."""
    paths = [path.resolve() for path in only] if only else _course_notebooks(root)
    return [path for path in paths if notebook_io.write(notebook_io.read(path), path)]
