"""The package and its lesson modules load ``matplotlib.pyplot`` only when a figure is drawn.

Every notebook imports ``ctcoop`` first; pyplot costs most of a second on a small
machine, so a notebook that loads data or answers exercises must not pay it.
Each check runs in a fresh interpreter, because this test process has long
imported matplotlib.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

LESSONS = sorted(
    p.parent.name
    for p in (Path(__file__).resolve().parents[1] / "src/ctcoop/lessons").glob("*/figures.py")
)


def _fresh(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_all_helpers_load_without_pyplot() -> None:
    code = (
        "import sys, ctcoop\n"
        "for name in ctcoop.__all__:\n"
        "    getattr(ctcoop, name)\n"
        "print('matplotlib' in sys.modules)"
    )
    assert _fresh(code) == "False"


@pytest.mark.parametrize("lesson", LESSONS)
def test_lesson_figures_load_without_pyplot(lesson: str) -> None:
    code = f"import sys, ctcoop.lessons.{lesson}.figures\nprint('matplotlib.pyplot' in sys.modules)"
    assert _fresh(code) == "False"


def test_first_figure_gets_the_course_style() -> None:
    code = (
        "import matplotlib\n"
        "matplotlib.use('Agg')\n"
        "from ctcoop.palette import PALETTE\n"
        "from ctcoop.plots import plt\n"
        "fig, ax = plt.subplots()\n"
        "line, = ax.plot([0, 1])\n"
        "print(matplotlib.colors.to_hex(line.get_color()) == PALETTE[0].lower())"
    )
    assert _fresh(code) == "True"
