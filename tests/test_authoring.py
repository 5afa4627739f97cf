"""The single-source rule: exercises/ is generated from solutions/ and never drifts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ctcoop import authoring
from ctcoop.paths import repo_root

ROOT = repo_root()


def test_code_block_becomes_its_stub():
    source = (
        "x = 1\n# BEGIN SOLUTION stub: result = ...\nresult = x + 1\n# END SOLUTION\ncheck(result)"
    )
    assert authoring.strip_code(source) == "x = 1\nresult = ...\ncheck(result)"


def test_code_block_without_stub_gets_the_default_comment():
    source = (
        "ex = exercise('00.a')\n    # BEGIN SOLUTION\n    ex.submit('b')\n    # END SOLUTION\nex"
    )
    stripped = authoring.strip_code(source)
    assert "submit" not in stripped
    assert "    " + authoring.DEFAULT_STUB in stripped


@pytest.mark.parametrize(
    "source",
    ["# BEGIN SOLUTION\nx = 1", "x = 1\n# END SOLUTION", "# BEGIN SOLUTION\n# BEGIN SOLUTION"],
)
def test_broken_blocks_are_reported(source):
    with pytest.raises(authoring.AuthoringError):
        authoring.strip_code(source, "nb cell 3")


def test_markdown_answer_key_is_removed():
    text = "Question?\n<!-- BEGIN SOLUTION -->\nThe answer is B.\n<!-- END SOLUTION -->\nNext."
    assert authoring.strip_markdown(text) == "Question?\nNext."


def _notebook(*cells: dict) -> dict:
    return {"cells": list(cells), "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def test_outputs_are_cleared_and_title_renamed():
    solution = _notebook(
        {"cell_type": "markdown", "metadata": {}, "source": "# 09 · Topic — Solutions"},
        {
            "cell_type": "code",
            "metadata": {"tags": ["nbval-check-output"]},
            "execution_count": 3,
            "outputs": [{"output_type": "stream", "name": "stdout", "text": "42"}],
            "source": "print(42)",
        },
    )
    made = authoring.exercise_notebook(solution, "09_topic.ipynb")
    assert made["cells"][0]["source"].startswith("# 09 · Topic — Exercises")
    assert "solutions/09_topic.ipynb" in made["cells"][0]["source"]
    assert made["cells"][1]["outputs"] == [] and made["cells"][1]["execution_count"] is None
    assert "tags" not in made["cells"][1]["metadata"]
    assert solution["cells"][1]["outputs"], "the input notebook must not be modified"


def test_check_detects_a_hand_edited_exercise(tmp_path: Path):
    (tmp_path / "solutions").mkdir()
    solution = _notebook({"cell_type": "markdown", "metadata": {}, "source": "# 01 — Solutions"})
    (tmp_path / "solutions" / "01_x.ipynb").write_text(json.dumps(solution))
    assert authoring.stale_exercises(tmp_path) == ["exercises/01_x.ipynb is out of date"]
    authoring.generate(tmp_path)
    assert authoring.stale_exercises(tmp_path) == []
    (tmp_path / "exercises" / "01_x.ipynb").write_text("{}")
    assert authoring.stale_exercises(tmp_path) == ["exercises/01_x.ipynb is out of date"]


def test_committed_exercises_are_up_to_date():
    assert list((ROOT / "solutions").glob("[0-9][0-9]_*.ipynb")), "no solutions notebooks found"
    assert authoring.stale_exercises(ROOT) == []


def test_every_lesson_has_exercises_and_solutions():
    lessons = {p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")} - {
        "00_start_here.ipynb"
    }
    assert lessons, "no lesson notebooks found"
    assert lessons <= {p.name for p in (ROOT / "solutions").glob("*.ipynb")}


def test_exercise_notebooks_do_not_contain_answers():
    for path in (ROOT / "exercises").glob("*.ipynb"):
        assert "BEGIN SOLUTION" not in path.read_text(encoding="utf-8"), path.name
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code":
                assert ".submit(" not in authoring._source(cell), f"{path.name} submits an answer"
