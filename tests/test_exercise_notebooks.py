"""What learners see: untouched exercises show the exercise and "not answered yet", solutions pass.

nbval runs every notebook and compares the stored outputs of lessons, exercises
and solutions with what the code makes now (each notebook with a fresh progress
file, see the root conftest.py); these tests add what nbval cannot say by
itself: that lessons and solutions are stored executed, that a fresh exercise
notebook shows no verdict at all, that every recorded check in a solutions
notebook is a success, and that every exercise in the bank is in a notebook.
They read the stored outputs and never execute a notebook: nbval's run proves
that executing gives the same outputs, so a second run here would prove nothing new.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

from ctcoop import bank
from ctcoop.exercises.static import RUN_TO_SHOW
from ctcoop.paths import repo_root
from ctcoop.tools.authoring import CHECK_TAG, WIDGET_VIEW

ROOT = repo_root()
EXERCISES = sorted((ROOT / "exercises").glob("[0-9][0-9]_*.ipynb"))
SOLUTIONS = sorted((ROOT / "solutions").glob("[0-9][0-9]_*.ipynb"))
USED = re.compile(r"""exercise\(\s*["']([0-9]{2}\.[a-z0-9-]+)["']\s*\)""")


def _source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _texts(cell: dict) -> list[str]:
    texts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            texts.append("".join(output["text"]))
        plain = output.get("data", {}).get("text/plain")
        if plain is not None:
            texts.append("".join(plain))
    return texts


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.name)
def test_untouched_exercise_notebook_shows_only_not_answered_yet(path: Path):
    notebook = nbformat.read(path, as_version=4)
    verdicts = [
        text
        for cell in notebook.cells
        for text in _texts(cell)
        if text.startswith(("Exercise ", "Not answered yet", "Correct", "Not quite"))
    ]
    assert verdicts, f"{path.name} shows no exercise"
    for text in verdicts:
        if text.startswith("Exercise "):  # the widget's text: id and title, then how to start
            assert re.fullmatch(rf"Exercise \S+: [^\n]+\n{re.escape(RUN_TO_SHOW)}", text), text
        else:
            assert text.startswith("Not answered yet"), text


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_every_recorded_check_in_a_solution_is_a_success(path: Path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    checks = [c for c in notebook["cells"] if CHECK_TAG in c.get("metadata", {}).get("tags", [])]
    assert checks, f"{path.name} records no check"
    for cell in checks:
        shown = "\n".join(_texts(cell))
        assert shown.startswith("Correct!") or "\nCorrect!" in shown, shown[:200]


def test_every_exercise_of_the_bank_is_in_a_notebook_and_none_is_unknown():
    used: dict[str, set[str]] = {}
    for folder in ("notebooks", "solutions"):
        for path in (ROOT / folder).glob("[0-9][0-9]_*.ipynb"):
            source = "\n".join(_source(c) for c in nbformat.read(path, as_version=4).cells)
            for exercise_id in USED.findall(source):
                used.setdefault(exercise_id, set()).add(path.name)
    known = {definition.id for definition in bank.all_exercises()}
    assert set(used) - known == set(), "notebooks use exercises the bank does not have"
    assert known - set(used) == set(), "bank exercises that no notebook shows"
    for exercise_id, names in used.items():
        assert all(name.startswith(exercise_id[:2]) for name in names), (exercise_id, names)


LESSONS_AND_SOLUTIONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")) + SOLUTIONS


@pytest.mark.parametrize("path", LESSONS_AND_SOLUTIONS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_lessons_and_solutions_are_stored_run_top_to_bottom(path: Path):
    """``ctcoop-author record`` ran the whole notebook once, in order, and stored it clean."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    counts = [cell["execution_count"] for cell in cells if cell["cell_type"] == "code"]
    assert counts == list(range(1, len(counts) + 1)), f"{path.name}: not one run, top to bottom"
    for cell in cells:
        assert "execution" not in cell.get("metadata", {}), f"{path.name}: timing metadata"
        for output in cell.get("outputs", []):
            assert WIDGET_VIEW not in output.get("data", {}), f"{path.name}: a dead widget view"
