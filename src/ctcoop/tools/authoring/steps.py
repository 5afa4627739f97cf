"""The named steps the authoring pipelines are made of, one transformation each.

Like nbgrader's preprocessors, each step takes a notebook and gives a new one
(the input is never modified), so each can be read and tested alone with a
tiny in-memory notebook. Every step has the same signature, ``step(notebook,
name)``, where ``name`` is the notebook's file name (``01_why_cooperate.ipynb``),
used in error messages and in the notes a step writes.

``pipelines.py`` lists them in order: ``GENERATE`` (solutions -> exercises)
and ``AFTER_RUN`` (what ``record`` does to a notebook it has just executed).
"""

from __future__ import annotations

import ast
import copy
from collections.abc import Callable

from nbformat import NotebookNode
from nbformat.v4 import new_markdown_cell, new_output

from ctcoop import bank
from ctcoop.exercises.static import RUN_TO_SHOW, static_html
from ctcoop.tools.authoring.markers import (
    AuthoringError,
    leftover_markers,
    strip_code,
    strip_markdown,
)

__all__ = [
    "CHECK_TAG",
    "LEARNER_NOTE",
    "ORIGIN_NOTE",
    "WIDGET_VIEW",
    "Step",
    "add_learner_note",
    "clear_outputs",
    "store_exercise_forms",
    "drop_execution_timing",
    "drop_nbval_tags",
    "drop_widget_state",
    "drop_widget_views",
    "keep_kernel_metadata",
    "merge_streams",
    "note_origin",
    "reject_leftover_markers",
    "retitle_as_exercises",
    "strip_code_solutions",
    "strip_markdown_solutions",
]

Step = Callable[[NotebookNode, str], NotebookNode]

CHECK_TAG = "nbval-check-output"
"""Marks the cells of a solutions notebook that show an exercise's verdict."""

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

LEARNER_NOTE_ID = "run-all-first"
LEARNER_NOTE = (
    "**Before you start:** run every cell once (menu **Run ▸ Run All Cells**), so that each "
    "exercise shows its widget. Worked answers are in the solutions notebook, "
    "`solutions/{name}` in the course folder; try each exercise first."
)
ORIGIN_NOTE = (
    "Generated from solutions/{name} by `ctcoop-author generate`: edit that file and "
    "generate again instead of editing this one."
)


def _cells_of(notebook: NotebookNode, kind: str) -> list[tuple[int, NotebookNode]]:
    return [(i, cell) for i, cell in enumerate(notebook.cells) if cell.cell_type == kind]


# --- generate: solutions -> exercises -----------------------------------------------------------


def strip_code_solutions(notebook: NotebookNode, name: str) -> NotebookNode:
    """Replace each ``# BEGIN SOLUTION`` ... ``# END SOLUTION`` block by its stub."""
    result = copy.deepcopy(notebook)
    for index, cell in _cells_of(result, "code"):
        cell.source = strip_code(cell.source, f"solutions/{name} cell {index}")
    return result


def strip_markdown_solutions(notebook: NotebookNode, name: str) -> NotebookNode:
    """Remove each ``<!-- BEGIN SOLUTION -->`` ... ``<!-- END SOLUTION -->`` passage."""
    result = copy.deepcopy(notebook)
    for _, cell in _cells_of(result, "markdown"):
        cell.source = strip_markdown(cell.source)
    return result


def reject_leftover_markers(notebook: NotebookNode, name: str) -> NotebookNode:
    """Refuse a notebook in which anything still looks like a solution marker."""
    for index, cell in enumerate(notebook.cells):
        left = leftover_markers(cell.source)
        if left:
            raise AuthoringError(
                f"solutions/{name} cell {index}: {left[0]!r} looks like a solution marker but "
                "is not one generate removes; write '# BEGIN SOLUTION' / '# END SOLUTION' "
                "(code) or '<!-- BEGIN SOLUTION -->' / '<!-- END SOLUTION -->' (markdown)"
            )
    return copy.deepcopy(notebook)


def clear_outputs(notebook: NotebookNode, name: str) -> NotebookNode:
    """Exercises are stored unrun: no outputs, no execution counts, no run metadata."""
    result = copy.deepcopy(notebook)
    for _, cell in _cells_of(result, "code"):
        cell.outputs = []
        cell.execution_count = None
        cell.metadata.pop("execution", None)
    return result


def _exercise_call(node: ast.expr) -> str | None:
    """The id in ``exercise("NN.slug")``, or None for any other expression."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "exercise"
        and len(node.args) == 1
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ):
        return node.args[0].value
    return None


def _shown_exercise(source: str) -> str | None:
    """The id of the exercise a cell displays as its result, if it does.

    That is a cell whose last line is ``exercise("NN.slug")`` or a name the cell
    assigned from ``exercise("NN.slug")``; other cells show no widget.
    """
    try:
        statements = ast.parse(source).body
    except SyntaxError:
        return None
    if not statements or not isinstance(statements[-1], ast.Expr):
        return None
    last = statements[-1].value
    if isinstance(last, ast.Name):
        assigned = [
            statement.value
            for statement in statements[:-1]
            if isinstance(statement, ast.Assign)
            and [getattr(target, "id", None) for target in statement.targets] == [last.id]
        ]
        return _exercise_call(assigned[-1]) if assigned else None
    return _exercise_call(last)


def store_exercise_forms(notebook: NotebookNode, name: str) -> NotebookNode:
    """Give each cell that shows an exercise the widget's stored form, as if just run.

    A reader without a kernel (GitHub, nbviewer, the course website, or a learner
    before pressing Run) then sees the question, its options and a first hint,
    never an answer. The form is the widget's own (``ctcoop.exercises.static``),
    so nbval, which compares stored and fresh outputs of a numbered cell, checks it;
    the cells showing a form are numbered 1, 2, ... and all others stay unrun.
    """
    result = copy.deepcopy(notebook)
    shown = 0
    for index, cell in _cells_of(result, "code"):
        exercise_id = _shown_exercise(cell.source)
        if exercise_id is None:
            continue
        try:
            definition = bank.get(exercise_id)
        except KeyError as missing:
            raise AuthoringError(f"solutions/{name} cell {index}: {missing}") from None
        shown += 1
        text = f"Exercise {definition.id}: {definition.title}\n{RUN_TO_SHOW}"
        cell.execution_count = shown
        cell.outputs = [
            new_output(
                "execute_result",
                data={"text/html": static_html(definition), "text/plain": text},
                execution_count=shown,
            )
        ]
    return result


def drop_nbval_tags(notebook: NotebookNode, name: str) -> NotebookNode:
    """Remove the test tags (``nbval-*``): exercises are only run, never compared."""
    result = copy.deepcopy(notebook)
    for cell in result.cells:
        tags = [tag for tag in cell.metadata.get("tags", []) if not tag.startswith("nbval")]
        if tags:
            cell.metadata["tags"] = tags
        else:
            cell.metadata.pop("tags", None)
    return result


def retitle_as_exercises(notebook: NotebookNode, name: str) -> NotebookNode:
    """The title's word "Solutions" becomes "Exercises"."""
    result = copy.deepcopy(notebook)
    first = result.cells[0] if result.cells else None
    if first is None or first.cell_type != "markdown" or "Solutions" not in first.source:
        raise AuthoringError(f"solutions/{name} cell 0: the title must say 'Solutions'")
    first.source = first.source.replace("Solutions", "Exercises", 1)
    return result


def add_learner_note(notebook: NotebookNode, name: str) -> NotebookNode:
    """A short first cell: run every cell first, and where the worked answers are."""
    result = copy.deepcopy(notebook)
    note = new_markdown_cell(LEARNER_NOTE.format(name=name))
    note.id = LEARNER_NOTE_ID
    result.cells.insert(0, note)
    return result


def keep_kernel_metadata(notebook: NotebookNode, name: str) -> NotebookNode:
    """Keep only the kernel's description in the notebook's metadata."""
    result = copy.deepcopy(notebook)
    kept = {k: v for k, v in result.metadata.items() if k in ("kernelspec", "language_info")}
    result.metadata = NotebookNode(kept)
    return result


def note_origin(notebook: NotebookNode, name: str) -> NotebookNode:
    """Tell authors, out of learners' sight (notebook metadata), where the file comes from."""
    result = copy.deepcopy(notebook)
    result.metadata["ctcoop"] = {
        "generated_from": f"solutions/{name}",
        "note": ORIGIN_NOTE.format(name=name),
    }
    return result


# --- record: what an executed notebook keeps ----------------------------------------------------


def drop_execution_timing(notebook: NotebookNode, name: str) -> NotebookNode:
    """No timing metadata: re-recording an unchanged notebook must change nothing."""
    result = copy.deepcopy(notebook)
    for cell in result.cells:
        cell.metadata.pop("execution", None)
    return result


def drop_widget_views(notebook: NotebookNode, name: str) -> NotebookNode:
    """Drop each widget's live view and keep its text form.

    The view points at a kernel-side model that is gone once the notebook is
    saved: JupyterLab would show "Error displaying widget" instead of the
    exercise's text summary until the learner runs the cell.
    """
    result = copy.deepcopy(notebook)
    for _, cell in _cells_of(result, "code"):
        kept = []
        for output in cell.outputs:
            data = output.get("data")
            if data is not None and WIDGET_VIEW in data:
                data.pop(WIDGET_VIEW)
                if not data:
                    continue
            kept.append(output)
        cell.outputs = kept
    return result


def merge_streams(notebook: NotebookNode, name: str) -> NotebookNode:
    """Join consecutive stdout (or stderr) chunks: how a print is split varies by run."""
    result = copy.deepcopy(notebook)
    for _, cell in _cells_of(result, "code"):
        merged: list[NotebookNode] = []
        for output in cell.outputs:
            previous = merged[-1] if merged else None
            if (
                output.output_type == "stream"
                and previous is not None
                and previous.output_type == "stream"
                and previous.name == output.name
            ):
                previous.text += output.text
            else:
                merged.append(output)
        cell.outputs = merged
    return result


def drop_widget_state(notebook: NotebookNode, name: str) -> NotebookNode:
    """No saved widget state: it is large, changes every run and is useless without a kernel."""
    result = copy.deepcopy(notebook)
    result.metadata.pop("widgets", None)
    return result
