"""The single-source rule: exercises/ is generated from solutions/ and never drifts."""

from __future__ import annotations

from pathlib import Path

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from ctcoop.paths import repo_root
from ctcoop.tools import authoring
from ctcoop.tools.authoring import notebook_io
from ctcoop.tools.authoring.markers import DEFAULT_STUB, strip_code, strip_markdown

ROOT = repo_root()


def test_code_block_becomes_its_stub():
    source = (
        "x = 1\n# BEGIN SOLUTION stub: result = ...\nresult = x + 1\n# END SOLUTION\ncheck(result)"
    )
    assert strip_code(source) == "x = 1\nresult = ...\ncheck(result)"


def test_code_block_without_stub_gets_the_default_comment():
    source = (
        "ex = exercise('00.a')\n    # BEGIN SOLUTION\n    ex.submit('b')\n    # END SOLUTION\nex"
    )
    stripped = strip_code(source)
    assert "submit" not in stripped
    assert "    " + DEFAULT_STUB in stripped


@pytest.mark.parametrize(
    "source",
    ["# BEGIN SOLUTION\nx = 1", "x = 1\n# END SOLUTION", "# BEGIN SOLUTION\n# BEGIN SOLUTION"],
)
def test_broken_blocks_are_reported(source):
    with pytest.raises(authoring.AuthoringError):
        strip_code(source, "nb cell 3")


def test_markdown_answer_key_is_removed():
    text = "Question?\n<!-- BEGIN SOLUTION -->\nThe answer is B.\n<!-- END SOLUTION -->\nNext."
    assert strip_markdown(text) == "Question?\nNext."


def solution_notebook(*cells) -> object:
    """A tiny solutions notebook: a title cell, then ``cells``."""
    notebook = new_notebook(cells=[new_markdown_cell("# 09 · Topic — Solutions"), *cells])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    return notebook


def test_outputs_are_cleared_and_title_renamed():
    check = new_code_cell("print(42)", execution_count=3, metadata={"tags": ["nbval-check-output"]})
    check.outputs = [{"output_type": "stream", "name": "stdout", "text": "42"}]
    solution = solution_notebook(check)
    made = authoring.exercise_notebook(solution, "09_topic.ipynb")
    assert made.cells[1].source.startswith("# 09 · Topic — Exercises")
    assert made.cells[2].outputs == [] and made.cells[2].execution_count is None
    assert "tags" not in made.cells[2].metadata
    assert solution.cells[1].outputs, "the input notebook must not be modified"


def test_check_detects_a_hand_edited_exercise(tmp_path: Path):
    (tmp_path / "solutions").mkdir()
    notebook_io.write(solution_notebook(), tmp_path / "solutions" / "01_x.ipynb")
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
        for cell in notebook_io.read(path).cells:
            if cell.cell_type == "code":
                assert ".submit(" not in cell.source, f"{path.name} submits an answer"


def test_command_line_takes_options_before_the_notebooks(tmp_path: Path, capsys):
    (tmp_path / "solutions").mkdir()
    for name in ("01_x.ipynb", "02_y.ipynb"):
        notebook_io.write(solution_notebook(), tmp_path / "solutions" / name)
    only = str(tmp_path / "solutions" / "02_y.ipynb")
    assert authoring.main(["generate", "--root", str(tmp_path), only]) == 0
    assert capsys.readouterr().out == "wrote exercises/02_y.ipynb\n"
    assert authoring.main(["check", "--root", str(tmp_path)]) == 1
    assert "exercises/01_x.ipynb is out of date" in capsys.readouterr().err
