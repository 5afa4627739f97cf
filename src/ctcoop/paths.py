"""Where the course finds its data and keeps each learner's progress.

Both locations can be overridden with environment variables, so that tests,
JupyterHub deployments and Binder can point them elsewhere without code changes.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["DATA_ENV", "PROGRESS_ENV", "data_dir", "progress_file", "repo_root", "scratch_progress"]

DATA_ENV = "CTCOOP_DATA"
PROGRESS_ENV = "CTCOOP_PROGRESS"


def repo_root() -> Path:
    """The checkout this package was installed from (editable install)."""
    return Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    """Folder holding the course tables and ``datapackage.json``.

    Order: ``$CTCOOP_DATA``; the ``data/`` folder of the checkout; the first
    ``data/`` with a ``datapackage.json`` above the current directory (a
    notebook runs from ``notebooks/``, so its parent holds ``data/``).
    """
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV])
    candidate = repo_root() / "data"
    if (candidate / "datapackage.json").exists():
        return candidate
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "data" / "datapackage.json").exists():
            return folder / "data"
    return candidate


def progress_file() -> Path:
    """The learner's progress file: ``$CTCOOP_PROGRESS`` or ``~/.ctcoop/progress.json``.

    It lives in the home folder, not in the course folder, so that pulling a
    new version of the course (nbgitpuller, git) never touches it.
    """
    if os.environ.get(PROGRESS_ENV):
        return Path(os.environ[PROGRESS_ENV])
    return Path.home() / ".ctcoop" / "progress.json"


@contextmanager
def scratch_progress() -> Iterator[Path]:
    """Point ``$CTCOOP_PROGRESS`` at a throw-away file for a while, then put it back.

    For tools that run course notebooks (recording, benchmarks): kernels
    inherit the environment, so the notebooks never touch the author's own
    progress, and the rest of the process sees the variable as it was.
    """
    before = os.environ.get(PROGRESS_ENV)
    with tempfile.TemporaryDirectory(prefix="ctcoop-scratch-") as folder:
        os.environ[PROGRESS_ENV] = str(Path(folder) / "progress.json")
        try:
            yield Path(os.environ[PROGRESS_ENV])
        finally:
            if before is None:
                os.environ.pop(PROGRESS_ENV, None)
            else:
                os.environ[PROGRESS_ENV] = before
