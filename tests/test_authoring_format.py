"""Notebooks are written in the form JupyterLab saves, so a save in JupyterLab changes nothing."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import nbformat
import pytest
from jupyter_server.services.contents.filemanager import FileContentsManager
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from ctcoop.paths import repo_root
from ctcoop.tools.authoring import format_notebooks, notebook_io
from ctcoop.tools.authoring.cli import main

ROOT = repo_root()
COURSE_NOTEBOOKS = sorted(
    path
    for folder in ("notebooks", "exercises", "solutions", "benchmarks")
    for path in (ROOT / folder).glob("*.ipynb")
)


@pytest.fixture
def contents_manager(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FileContentsManager:
    """What JupyterLab calls on save: jupyter_server's file contents manager, in a temp folder."""
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "jupyter-data"))  # notebook signatures
    (tmp_path / "root").mkdir()
    return FileContentsManager(root_dir=str(tmp_path / "root"))


def save_as_jupyterlab_does(manager: FileContentsManager, name: str) -> None:
    model = manager.get(name, content=True, type="notebook")
    manager.save({"type": "notebook", "format": "json", "content": model["content"]}, name)


@pytest.mark.parametrize("path", COURSE_NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_jupyterlab_save_of_a_rendered_notebook_changes_nothing(path: Path, contents_manager):
    target = Path(contents_manager.root_dir) / path.name
    target.write_text(notebook_io.render(notebook_io.read(path)), encoding="utf-8")
    before = target.read_bytes()
    save_as_jupyterlab_does(contents_manager, path.name)
    assert target.read_bytes() == before


def test_sources_are_lists_of_lines_so_a_one_word_edit_is_a_one_line_diff():
    notebook = new_notebook(cells=[new_markdown_cell("# Title\n\nOne.\nTwo words here.\nThree.")])
    before = notebook_io.render(notebook)
    assert '"One.\\n",' in before and before.endswith("}\n")
    notebook.cells[0].source = notebook.cells[0].source.replace("words", "terms")
    after = notebook_io.render(notebook)
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    changed = [line for line in list(diff)[2:] if not line.startswith("@@")]
    assert changed == ['-    "Two words here.\\n",', '+    "Two terms here.\\n",']


def test_invalid_notebooks_are_refused():
    broken = new_notebook(cells=[new_code_cell("x = 1")])
    broken.cells[0]["cell_type"] = "cod"
    with pytest.raises(nbformat.ValidationError):
        notebook_io.render(broken)


def test_format_rerenders_without_running_and_changes_no_content(tmp_path: Path):
    shutil.copytree(ROOT / "solutions", tmp_path / "solutions")
    (tmp_path / "notebooks").mkdir()
    old_style = notebook_io.read(ROOT / "solutions" / "01_why_cooperate.ipynb")
    single_strings = nbformat.writes(old_style, split_lines=False)
    (tmp_path / "notebooks" / "01_x.ipynb").write_text(single_strings, encoding="utf-8")
    assert main(["format", "--root", str(tmp_path)]) == 0
    formatted = tmp_path / "notebooks" / "01_x.ipynb"
    assert notebook_io.read(formatted) == old_style, "content changed"
    assert formatted.read_text(encoding="utf-8") == notebook_io.render(old_style)
    assert format_notebooks(tmp_path) == [], "formatting twice must change nothing"


@pytest.mark.parametrize("path", COURSE_NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_course_notebook_is_stored_as_jupyterlab_saves_it(path: Path):
    text = path.read_text(encoding="utf-8")
    assert text == notebook_io.render(notebook_io.read(path)), "run `ctcoop-author format`"
