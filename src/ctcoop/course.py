"""The course layer: ``exercise(id)`` joins a bank definition, the widget and the progress store.

The engine's widget knows nothing of the store; it reports each judged answer
to the callback it is given. The callback made here records it, and the saved
status ("Done ✓, 1 Dec") shown when the cell is run again is computed here.

Answers given in a **solutions** notebook are the course's, not the
learner's: they are recorded as "solution viewed", never as done. Which
notebook is running is read from what Jupyter tells the kernel, so nothing
about it appears in the notebooks themselves:

1. the notebook's path, from IPython's ``__session__`` or the
   ``JPY_SESSION_NAME`` variable (JupyterLab and Jupyter Server 2 set both);
2. where no path is known (nbval and nbclient run a notebook in its own
   folder), the kernel's working directory being the course's ``solutions/``
   folder (a folder of that name beside an ``exercises/`` folder).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from ctcoop.exercises.feedback import Feedback
from ctcoop.exercises.widget import ExerciseWidget
from ctcoop.record.progress import Entry, load_progress, record_attempt, status_of

__all__ = ["SOLUTIONS_FOLDER", "exercise", "in_solutions_notebook", "recorder", "saved_text"]

SOLUTIONS_FOLDER = "solutions"
SESSION_ENV = "JPY_SESSION_NAME"


def _notebook_path() -> str | None:
    """The running notebook's path, when Jupyter gives the kernel one."""
    if "IPython" in sys.modules:  # never import IPython just to ask
        shell = sys.modules["IPython"].get_ipython()
        session = getattr(shell, "user_ns", {}).get("__session__") if shell else None
        if isinstance(session, str) and session:
            return session
    return os.environ.get(SESSION_ENV) or None


def _is_solutions_folder(folder: Path) -> bool:
    return folder.name == SOLUTIONS_FOLDER and (folder.parent / "exercises").is_dir()


def in_solutions_notebook() -> bool:
    """True when the code runs in one of the course's solutions notebooks."""
    notebook = _notebook_path()
    if notebook is not None:
        # Jupyter Server joins the kernel's folder and the notebook's name; a client
        # that gives no name leaves just the folder ("…/solutions/").
        path = Path(notebook)
        folder = path if notebook.endswith(("/", os.sep)) or path.is_dir() else path.parent
        return folder.name == SOLUTIONS_FOLDER
    try:
        return _is_solutions_folder(Path.cwd())
    except OSError:  # the working folder was deleted
        return False


def recorder(solution: bool) -> Callable[[str, Feedback, str], None]:
    """The widget's ``on_attempt``: record each judged answer, once per distinct answer."""

    def on_attempt(exercise_id: str, feedback: Feedback, fingerprint: str) -> None:
        record_attempt(
            exercise_id,
            solved=feedback.status == "correct",
            fingerprint=fingerprint,
            solution=solution,
        )

    return on_attempt


def saved_text(entry: Entry | None) -> str | None:
    """What the widget says about earlier work: "Done ✓, 1 Dec", "Tried, 2 attempts"..."""
    progress = status_of(entry)
    if entry is None or progress == "not_yet":
        return None
    if progress == "done":
        try:
            day = datetime.fromisoformat(entry.get("first_solved")).astimezone()
        except (TypeError, ValueError):
            return "Done ✓"
        return f"Done ✓, {day.day} {day:%b}"
    if progress == "solution_viewed":
        return "Solution viewed"
    attempts = entry["attempts"]
    return f"Tried, {attempts} attempt{'s' if attempts != 1 else ''}"


def exercise(exercise_id: str) -> ExerciseWidget:
    """The widget for a registered exercise, recording to this learner's progress."""
    from ctcoop.bank import get

    definition = get(exercise_id)
    entry = load_progress()["exercises"].get(definition.id)
    return ExerciseWidget(
        definition, on_attempt=recorder(in_solutions_notebook()), saved=saved_text(entry)
    )
