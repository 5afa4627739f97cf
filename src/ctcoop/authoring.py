"""Generate the learners' exercise notebooks from the solutions notebooks.

The solutions notebooks in ``solutions/`` are the single source. Each
``solutions/NN_name.ipynb`` yields ``exercises/NN_name.ipynb`` by three rules:

* In a code cell, the lines from ``# BEGIN SOLUTION`` to ``# END SOLUTION``
  are replaced by a stub. The stub is the text after ``stub:`` on the BEGIN
  line, e.g. ``# BEGIN SOLUTION stub: result = ...``; without it, a comment
  asking the learner to answer in the widget above.
* In a markdown cell, the text from ``<!-- BEGIN SOLUTION -->`` to
  ``<!-- END SOLUTION -->`` is removed (answer-key discussion).
* Every output and execution count is cleared, and the title's word
  "Solutions" becomes "Exercises", with a note saying where the file comes from.

Lessons and solutions are stored executed, with their outputs: ``record``
runs them top to bottom, and ``pytest --nbval`` then checks that every stored
text output is still what the code makes (in solutions, that every check
passes). Exercises are stored unrun, so nbval only runs them.

Usage::

    ctcoop-author record     # run notebooks/ and solutions/, store their outputs
    ctcoop-author generate   # rewrite exercises/ from solutions/
    ctcoop-author check      # exit 1 if exercises/ is out of date
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from ctcoop.paths import repo_root

BEGIN = re.compile(r"^(?P<indent>\s*)# BEGIN SOLUTION(?:\s+stub:\s*(?P<stub>.*))?\s*$")
END = re.compile(r"^\s*# END SOLUTION\s*$")
MD_BLOCK = re.compile(r"<!-- BEGIN SOLUTION -->.*?<!-- END SOLUTION -->\n?", re.DOTALL)
DEFAULT_STUB = "# Answer in the widget below this cell."
GENERATED_NOTE = (
    "> *This notebook is generated from `solutions/{name}`; edit that file and run "
    "`ctcoop-author generate` instead of editing this one.*"
)


class AuthoringError(ValueError):
    """A solutions notebook breaks the authoring rules (e.g. an unclosed block)."""


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def strip_code(source: str, where: str = "") -> str:
    """Replace each solution block in a code cell's source by its stub."""
    out: list[str] = []
    inside = False
    for line in source.split("\n"):
        begin = BEGIN.match(line)
        if begin:
            if inside:
                raise AuthoringError(f"{where}: nested '# BEGIN SOLUTION'")
            inside = True
            out.append(begin["indent"] + (begin["stub"] or DEFAULT_STUB).rstrip())
        elif END.match(line):
            if not inside:
                raise AuthoringError(f"{where}: '# END SOLUTION' without BEGIN")
            inside = False
        elif not inside:
            out.append(line)
    if inside:
        raise AuthoringError(f"{where}: '# BEGIN SOLUTION' is never closed")
    return "\n".join(out)


def strip_markdown(source: str) -> str:
    """Remove answer-key passages from a markdown cell."""
    return MD_BLOCK.sub("", source)


def exercise_notebook(solution: dict, name: str) -> dict:
    """The exercise version of a solutions notebook (a new dict; input untouched)."""
    cells = []
    for index, cell in enumerate(solution["cells"]):
        where = f"{name} cell {index}"
        new = {key: cell[key] for key in ("cell_type", "id", "source") if key in cell}
        tags = [t for t in cell.get("metadata", {}).get("tags", []) if not t.startswith("nbval")]
        new["metadata"] = {"tags": tags} if tags else {}
        source = _source(cell)
        if cell["cell_type"] == "code":
            new["source"] = strip_code(source, where)
            new["outputs"] = []
            new["execution_count"] = None
        elif cell["cell_type"] == "markdown":
            new["source"] = strip_markdown(source)
        if index == 0 and cell["cell_type"] == "markdown":
            new["source"] = (
                new["source"].replace("Solutions", "Exercises", 1)
                + "\n\n"
                + GENERATED_NOTE.format(name=name)
            )
        cells.append(new)
    return {
        "cells": cells,
        "metadata": {
            key: solution.get("metadata", {})[key]
            for key in ("kernelspec", "language_info")
            if key in solution.get("metadata", {})
        },
        "nbformat": solution.get("nbformat", 4),
        "nbformat_minor": solution.get("nbformat_minor", 5),
    }


def render(notebook: dict) -> str:
    """Serialise a notebook the way Jupyter does (stable, diff-friendly)."""
    return json.dumps(notebook, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def _solutions(root: Path, only: list[Path] | None = None) -> list[Path]:
    """The solutions notebooks, or just ``only`` (paths of solutions notebooks)."""
    if only:
        return [path.resolve() for path in only]
    return sorted((root / "solutions").glob("[0-9][0-9]_*.ipynb"))


def expected_exercises(root: Path, only: list[Path] | None = None) -> dict[Path, str]:
    """Map each exercise file path to the text it should have."""
    result = {}
    for path in _solutions(root, only):
        solution = json.loads(path.read_text(encoding="utf-8"))
        result[root / "exercises" / path.name] = render(exercise_notebook(solution, path.name))
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


def generate(root: Path, only: list[Path] | None = None) -> list[Path]:
    """Write the exercise notebooks (all, or those of ``only``); return the paths written."""
    (root / "exercises").mkdir(exist_ok=True)
    written = []
    for path, text in expected_exercises(root, only).items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


CHECK_TAG = "nbval-check-output"
"""Marks the cells of a solutions notebook that show an exercise's verdict."""

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def _without_widget_view(output: dict) -> dict | None:
    """Drop a widget's live view, keep its text form.

    The view points at a kernel-side model that is gone once the notebook is
    saved: JupyterLab would show "Error displaying widget" instead of the
    exercise's text summary until the learner runs the cell.
    """
    data = output.get("data")
    if data is None or WIDGET_VIEW not in data:
        return output
    kept = {key: value for key, value in data.items() if key != WIDGET_VIEW}
    return {**output, "data": kept} if kept else None


def _merged_streams(outputs: list[dict]) -> list[dict]:
    """Join consecutive stdout (or stderr) chunks: how a print is split varies by run."""
    merged: list[dict] = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (
            output.get("output_type") == "stream"
            and previous is not None
            and previous.get("output_type") == "stream"
            and previous["name"] == output["name"]
        ):
            merged[-1] = {**previous, "text": previous["text"] + output["text"]}
        else:
            merged.append(output)
    return merged


def _executed(root: Path, only: list[Path] | None = None) -> list[Path]:
    """The notebooks stored with outputs: the lessons and the solutions (or ``only``)."""
    if only:
        return [path.resolve() for path in only]
    return [
        path
        for folder in ("notebooks", "solutions")
        for path in sorted((root / folder).glob("[0-9][0-9]_*.ipynb"))
    ]


def record(root: Path, only: list[Path] | None = None, timeout: int = 600) -> list[Path]:
    """Run each lesson and solutions notebook top to bottom and store its outputs.

    Outputs stay readable without running anything (on GitHub, in a fresh
    JupyterLab), and nbval checks that they are still what the code makes.
    Timing metadata is not stored, so that re-recording unchanged notebooks
    changes nothing. The kernels write progress to a throw-away file.
    """
    import os
    import tempfile

    import nbformat
    from nbclient import NotebookClient

    os.environ["CTCOOP_PROGRESS"] = str(Path(tempfile.mkdtemp()) / "progress.json")
    written = []
    for path in _executed(root, only):
        notebook = nbformat.read(path, as_version=4)
        NotebookClient(
            notebook,
            timeout=timeout,
            record_timing=False,
            resources={"metadata": {"path": path.parent}},
        ).execute()
        for cell in notebook.cells:
            cell.metadata.pop("execution", None)
            if cell.cell_type == "code":
                kept = [o for o in map(_without_widget_view, cell.outputs) if o]
                cell.outputs = _merged_streams(kept)
        notebook.metadata.pop("widgets", None)
        path.write_text(render(notebook), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ctcoop-author", description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["record", "generate", "check"])
    parser.add_argument("--root", type=Path, default=repo_root(), help="course checkout")
    parser.add_argument(
        "notebooks",
        nargs="*",
        type=Path,
        help="only these notebooks (record: lessons or solutions; generate: solutions)",
    )
    args = parser.parse_args(argv)
    try:
        if args.command == "record":
            for path in record(args.root, args.notebooks):
                print(f"recorded {path.relative_to(args.root)}")
            return 0
        if args.command == "generate":
            for path in generate(args.root, args.notebooks):
                print(f"wrote {path.relative_to(args.root)}")
            return 0
        problems = stale_exercises(args.root)
    except AuthoringError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print("run `ctcoop-author generate` to update exercises/", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
