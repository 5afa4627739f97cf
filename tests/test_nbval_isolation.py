"""Each notebook that nbval runs starts with a progress file of its own (root conftest.py).

Under ``pytest-xdist`` the notebooks run in any order, several to a worker; if a
solutions notebook's recorded answers leaked into the exercises notebook run
after it, that notebook would show "Correct" instead of its stored outputs.
"""

from __future__ import annotations

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from ctcoop.paths import PROGRESS_ENV, repo_root

pytest_plugins = ["pytester"]

# Fails if an earlier notebook already wrote to this notebook's progress file.
FIRST_TO_WRITE = (
    "import os, pathlib\n"
    f"path = pathlib.Path(os.environ[{PROGRESS_ENV!r}])\n"
    "assert not path.exists(), path\n"
    "path.parent.mkdir(parents=True, exist_ok=True)\n"
    "path.write_text('{}')"
)


def test_two_notebooks_never_share_a_progress_file(pytester: pytest.Pytester) -> None:
    pytester.makeconftest((repo_root() / "conftest.py").read_text(encoding="utf-8"))
    for name in ("a_solutions", "b_exercises"):
        nbformat.write(new_notebook(cells=[new_code_cell(FIRST_TO_WRITE)]), f"{name}.ipynb")
    result = pytester.runpytest_subprocess(
        "--nbval", "--nbval-current-env", "-p", "no:cacheprovider"
    )
    result.assert_outcomes(passed=2)
