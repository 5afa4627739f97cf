"""What learners see: untouched exercises say "not answered yet", solutions pass.

nbval runs every notebook and compares the solutions' recorded check outputs;
these tests add what nbval cannot say by itself: that a fresh exercise
notebook shows no verdict at all, that every recorded check in a solutions
notebook is a success, and that every exercise in the bank is in a notebook.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from ctcoop import bank
from ctcoop.authoring import CHECK_TAG
from ctcoop.paths import repo_root

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
    NotebookClient(notebook, timeout=600, resources={"metadata": {"path": path.parent}}).execute()
    verdicts = [
        text
        for cell in notebook.cells
        for text in _texts(cell)
        if text.startswith(("Exercise ", "Not answered yet", "Correct", "Not quite"))
    ]
    assert verdicts, f"{path.name} shows no exercise"
    for text in verdicts:
        assert "Status: not answered yet" in text or text.startswith("Not answered yet"), text


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_every_recorded_check_in_a_solution_is_a_success(path: Path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    checks = [c for c in notebook["cells"] if CHECK_TAG in c.get("metadata", {}).get("tags", [])]
    assert checks, f"{path.name} records no check"
    for cell in checks:
        shown = "\n".join(_texts(cell))
        assert "Status: correct" in shown or shown.startswith("Correct!"), shown[:200]


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


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_solutions_keep_outputs_of_check_cells_only(path: Path):
    """``ctcoop-author record`` keeps check outputs, as text, and nothing else."""
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if CHECK_TAG in cell.get("metadata", {}).get("tags", []):
            for output in cell["outputs"]:
                assert set(output.get("data", {})) <= {"text/plain", "text/html"}
        elif cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"{path.name}: an untagged cell keeps its output"
        assert "execution" not in cell.get("metadata", {}), f"{path.name}: timing metadata"
