"""Each authoring step, alone, on a tiny in-memory notebook; and the record contract."""

from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from ctcoop.paths import PROGRESS_ENV, scratch_progress
from ctcoop.tools.authoring import notebook_io, pipelines, steps
from ctcoop.tools.authoring.markers import AuthoringError

NAME = "09_topic.ipynb"


def notebook(*cells, **metadata):
    made = new_notebook(cells=list(cells))
    made.metadata.update(metadata)
    return made


def stream(text: str, name: str = "stdout"):
    return new_output("stream", name=name, text=text)


ALL_STEPS = [*pipelines.GENERATE, *pipelines.AFTER_RUN]


@pytest.mark.parametrize("step", ALL_STEPS, ids=lambda s: s.__name__)
def test_every_step_leaves_its_input_untouched(step):
    code = new_code_cell("x = 1", execution_count=1, metadata={"tags": ["nbval-check-output"]})
    code.outputs = [stream("a"), stream("b")]
    given = notebook(new_markdown_cell("# 09 — Solutions"), code, widgets={"state": {}})
    before = copy.deepcopy(given)
    step(given, NAME)
    assert given == before


def test_strip_code_solutions_names_notebook_and_cell():
    given = notebook(new_code_cell("x = 1"), new_code_cell("# BEGIN SOLUTION\nx = 2"))
    with pytest.raises(AuthoringError, match=rf"solutions/{NAME} cell 1"):
        steps.strip_code_solutions(given, NAME)


def test_strip_markdown_solutions():
    given = notebook(new_markdown_cell("Q\n<!-- BEGIN SOLUTION -->\nA\n<!-- END SOLUTION -->\n"))
    assert steps.strip_markdown_solutions(given, NAME).cells[0].source == "Q\n"


@pytest.mark.parametrize(
    "cell",
    [
        new_code_cell("### BEGIN SOLUTION\nanswer = 3\n### END SOLUTION"),
        new_code_cell("# BEGIN SOLUTON\nanswer = 3\n# END SOLUTION"),
        new_code_cell("#BEGIN SOLUTION\nanswer = 3"),
        new_code_cell("    # begin solution\nanswer = 3"),
        new_markdown_cell("Q\n<!-- BEGIN SOLUTION\nThe answer is B."),
        new_markdown_cell("Q\n<!-- BEGIN SOLUTION -->\nB.\n<!-- END SOLUTON -->"),
    ],
    ids=["nbgrader", "typo", "no-space", "lower-case", "unclosed-html", "typo-in-end"],
)
def test_generate_rejects_markers_it_does_not_strip(cell):
    given = notebook(new_markdown_cell("# 09 — Solutions"), new_code_cell("x = 1"), cell)
    with pytest.raises(AuthoringError, match=rf"solutions/{NAME} cell 2: "):
        pipelines.exercise_notebook(given, NAME)


def test_words_that_only_mention_solutions_pass():
    text = "The solutions notebook shows how to begin. A solution ends the exercise."
    given = notebook(new_markdown_cell(text), new_code_cell("solution = 'begin'"))
    assert steps.reject_leftover_markers(given, NAME) == given


def test_store_exercise_forms_gives_each_shown_exercise_its_static_form():
    from ctcoop import bank
    from ctcoop.exercises.static import static_html

    cells = [
        new_code_cell('ex = exercise("00.hint-cost")\n# Answer in the widget below this cell.\nex'),
        new_code_cell('exercise("00.what-is-recorded")'),
        new_code_cell('ex = exercise("00.hint-cost")'),  # shows nothing: no form
        new_code_cell("result = ...\nex.check(result)"),
    ]
    first, second, third, fourth = steps.store_exercise_forms(notebook(*cells), NAME).cells
    definition = bank.get("00.hint-cost")
    assert first.execution_count == 1 and second.execution_count == 2
    assert first.outputs[0].data == {
        "text/html": static_html(definition),
        "text/plain": f"Exercise 00.hint-cost: {definition.title}\n"
        "Run this cell to show the exercise.",
    }
    assert third.outputs == [] and third.execution_count is None
    assert fourth.outputs == [] and fourth.execution_count is None


def test_store_exercise_forms_names_an_unknown_exercise():
    with pytest.raises(AuthoringError, match="cell 0"):
        steps.store_exercise_forms(notebook(new_code_cell('exercise("99.nowhere")')), NAME)


def test_clear_outputs():
    code = new_code_cell("x", execution_count=4, metadata={"execution": {"a": "1"}, "tags": ["t"]})
    code.outputs = [stream("1")]
    cleared = steps.clear_outputs(notebook(code), NAME).cells[0]
    assert cleared.outputs == [] and cleared.execution_count is None
    assert cleared.metadata == {"tags": ["t"]}


def test_drop_nbval_tags_keeps_other_tags():
    tagged = new_code_cell("x", metadata={"tags": ["nbval-check-output", "hide-input"]})
    only_nbval = new_code_cell("y", metadata={"tags": ["nbval-ignore-output"]})
    result = steps.drop_nbval_tags(notebook(tagged, only_nbval), NAME)
    assert result.cells[0].metadata == {"tags": ["hide-input"]}
    assert result.cells[1].metadata == {}


def test_retitle_as_exercises_needs_a_solutions_title():
    titled = notebook(new_markdown_cell("# 09 · Topic — Solutions\n\nSolutions follow."))
    assert steps.retitle_as_exercises(titled, NAME).cells[0].source == (
        "# 09 · Topic — Exercises\n\nSolutions follow."
    )
    with pytest.raises(AuthoringError, match="cell 0"):
        steps.retitle_as_exercises(notebook(new_markdown_cell("# 09 · Topic")), NAME)


def test_learner_note_comes_first_and_authoring_note_is_out_of_sight():
    made = pipelines.exercise_notebook(notebook(new_markdown_cell("# 09 — Solutions")), NAME)
    first = made.cells[0].source
    assert "Run ▸ Run All Cells" in first and f"`solutions/{NAME}`" in first
    assert "ctcoop-author" not in first and "edit" not in first.lower()
    assert all("ctcoop-author" not in cell.source for cell in made.cells)
    assert made.metadata["ctcoop"]["generated_from"] == f"solutions/{NAME}"
    assert "ctcoop-author generate" in made.metadata["ctcoop"]["note"]


def test_keep_kernel_metadata():
    given = notebook(kernelspec={"name": "python3"}, language_info={"name": "python"}, other=1)
    assert set(steps.keep_kernel_metadata(given, NAME).metadata) == {"kernelspec", "language_info"}


def test_drop_execution_timing():
    code = new_code_cell("x", metadata={"execution": {"iopub.execute_input": "2026"}})
    assert steps.drop_execution_timing(notebook(code), NAME).cells[0].metadata == {}


def test_drop_widget_views_keeps_the_text_form():
    code = new_code_cell("ex")
    view = {steps.WIDGET_VIEW: {"model_id": "abc"}}
    code.outputs = [
        new_output("display_data", data={**view, "text/plain": "Exercise 09.x"}),
        new_output("display_data", data=view),
    ]
    outputs = steps.drop_widget_views(notebook(code), NAME).cells[0].outputs
    assert [dict(o.data) for o in outputs] == [{"text/plain": "Exercise 09.x"}]


def test_merge_streams_joins_only_neighbours_of_one_stream():
    code = new_code_cell("print()")
    code.outputs = [stream("a"), stream("b"), stream("!", "stderr"), stream("c")]
    outputs = steps.merge_streams(notebook(code), NAME).cells[0].outputs
    assert [(o.name, o.text) for o in outputs] == [
        ("stdout", "ab"),
        ("stderr", "!"),
        ("stdout", "c"),
    ]


def test_drop_widget_state():
    given = notebook(widgets={"application/vnd.jupyter.widget-state+json": {}}, kernelspec={})
    assert "widgets" not in steps.drop_widget_state(given, NAME).metadata


def test_scratch_progress_restores_the_environment(monkeypatch):
    monkeypatch.setenv(PROGRESS_ENV, "/mine/progress.json")
    with scratch_progress() as path:
        assert os.environ[PROGRESS_ENV] == str(path) != "/mine/progress.json"
    assert os.environ[PROGRESS_ENV] == "/mine/progress.json"
    monkeypatch.delenv(PROGRESS_ENV)
    with pytest.raises(RuntimeError), scratch_progress():
        raise RuntimeError("a notebook failed")
    assert PROGRESS_ENV not in os.environ


def test_record_runs_in_a_scratch_progress_file_and_stores_clean_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv(PROGRESS_ENV, str(tmp_path / "mine.json"))
    path = tmp_path / "notebooks" / "09_topic.ipynb"
    path.parent.mkdir()
    source = "import os, sys\nprint(os.environ['CTCOOP_PROGRESS'])\nsys.stdout.flush()\nprint(2)"
    notebook_io.write(
        notebook(
            new_code_cell(source),
            kernelspec={"name": "python3", "display_name": "Python 3", "language": "python"},
        ),
        path,
    )
    assert pipelines.record(tmp_path, timeout=60) == [path]
    assert os.environ[PROGRESS_ENV] == str(tmp_path / "mine.json")
    cell = notebook_io.read(path).cells[0]
    assert "execution" not in cell.metadata
    [output] = cell.outputs
    kernel_progress, two = output.text.splitlines()
    assert kernel_progress != str(tmp_path / "mine.json") and two == "2"
    assert path.read_text(encoding="utf-8") == notebook_io.render(notebook_io.read(path))
