"""The package and its lesson modules load ``matplotlib.pyplot`` only when a figure is drawn.

Every notebook imports ``ctcoop`` first; pyplot costs most of a second on a small
machine, so a notebook that loads data or answers exercises must not pay it.
The import check runs in one fresh interpreter, because this test process has
long imported matplotlib.
"""

from __future__ import annotations

import subprocess
import sys

from ctcoop import plots
from ctcoop.palette import PALETTE
from ctcoop.paths import repo_root

LESSONS = sorted(p.parent.name for p in (repo_root() / "src/ctcoop/lessons").glob("*/figures.py"))

# Prints what loaded too much: the helpers (no matplotlib at all), then each lesson's
# figures module in turn (no pyplot), each checked right after its import.
PROBE = f"""
import sys, ctcoop
for name in ctcoop.__all__:
    getattr(ctcoop, name)
if "matplotlib" in sys.modules:
    print("ctcoop helpers")
for lesson in {LESSONS!r}:
    __import__(f"ctcoop.lessons.{{lesson}}.figures")
    if "matplotlib.pyplot" in sys.modules:
        print(lesson)
        break
"""


def test_helpers_and_lesson_figures_load_without_pyplot() -> None:
    assert len(LESSONS) >= 13
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert done.stdout.split() == []


def test_figures_get_the_course_style() -> None:
    cycle = plots.plt.rcParams["axes.prop_cycle"].by_key()["color"]
    assert [c.lower() for c in cycle] == [c.lower() for c in PALETTE]
