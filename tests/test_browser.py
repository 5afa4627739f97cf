"""The exercise widgets render and respond in a real JupyterLab 4, in headless Chromium.

Headless execution (nbval) proves the Python side works; only a browser shows
that the widgets' front end loads, that clicks reach the kernel and that the
feedback comes back. For each case the test opens a notebook in JupyterLab,
runs all cells from the Run menu, answers one exercise wrongly, asks for a
hint, answers rightly, and checks that no widget failed to render.

The keys in the exercise bank are hashed, so the right and wrong answers are
spelt out here in ``CASES``.

Needs Debian's Chromium at /usr/bin/chromium; skips without it unless
``CTCOOP_REQUIRE_BROWSER=1`` (as in CI), which turns the skip into a failure.
Set ``CTCOOP_SCREENSHOTS=<folder>`` to keep a PNG of every final page; on
failure one is always saved and named in the error.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from browser_support import (
    CHROMIUM,
    KERNEL_TIMEOUT_MS,
    UI_TIMEOUT_MS,
    LabServer,
    broken_widget_texts,
    copy_course,
    delete_sessions,
    launch_chromium,
    open_notebook,
    radio_option,
    record_outside_requests,
    run_all_cells,
    save_screenshot,
    screenshot_on_failure,
)
from playwright.sync_api import Browser, Locator, expect, sync_playwright

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Case:
    """One multiple-choice exercise to drive, and what the learner should see."""

    notebook: str  # path below the course root, e.g. "notebooks/00_start_here.ipynb"
    exercise_id: str
    wrong: str  # label of a wrong option
    wrong_feedback: str  # text the feedback area must show for that option
    right: str  # label of the right option

    def __str__(self) -> str:
        return f"{Path(self.notebook).stem}:{self.exercise_id}"


CASES = [
    Case(
        notebook="notebooks/00_start_here.ipynb",
        exercise_id="00.TODO",
        wrong="TODO",
        wrong_feedback="TODO",
        right="TODO",
    ),
    Case(
        notebook="notebooks/02_key_organisations.ipynb",
        exercise_id="02.TODO",
        wrong="TODO",
        wrong_feedback="TODO",
        right="TODO",
    ),
]

HARNESS_CODE = """\
import ipywidgets as w
from IPython.display import display

choice = w.RadioButtons(options=["Geneva", "Lyon", "The Hague"], value=None,
                        description="Where is INTERPOL's General Secretariat?")
check = w.Button(description="Check")
check.add_class("ctc-check")
hint = w.Button(description="Hint")
hint.add_class("ctc-hint")
feedback = w.HTML()
feedback.add_class("ctc-feedback")
box = w.VBox([choice, w.HBox([check, hint]), feedback])
box.add_class("ctc-exercise")
box.add_class("ctc-ex-harness-mc")
hints_shown = 0

def on_check(_):
    feedback.value = ("Correct: Lyon, since 1989." if choice.value == "Lyon"
                      else f"Not {choice.value}: that is another organisation's seat.")

def on_hint(_):
    global hints_shown
    hints_shown += 1
    feedback.value = f"Hint {hints_shown}: it moved from Saint-Cloud in 1989."

check.on_click(on_check)
hint.on_click(on_hint)
display(box)
"""

HARNESS_CASE = Case(
    notebook="harness/plain_widgets.ipynb",
    exercise_id="harness.mc",
    wrong="Geneva",
    wrong_feedback="Not Geneva",
    right="Lyon",
)
"""A plain-ipywidgets stand-in with the course's CSS classes.

If it fails too, the fault is in JupyterLab, ipywidgets or the browser set-up,
not in the course's exercise code.
"""


def _write_harness_notebook(root: Path) -> None:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    notebook.cells = [nbformat.v4.new_code_cell(HARNESS_CODE)]
    path = root / HARNESS_CASE.notebook
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, path)


@pytest.fixture(scope="module")
def chromium() -> Path:
    if CHROMIUM.exists():
        return CHROMIUM
    reason = f"{CHROMIUM} not found: install Debian's chromium package (apt-get install chromium)"
    if os.environ.get("CTCOOP_REQUIRE_BROWSER") == "1":
        pytest.fail(f"CTCOOP_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def lab(chromium: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    """One JupyterLab for the module, serving a throwaway copy of the course.

    The copy keeps autosave away from the committed notebooks; the progress
    file is a temporary one, so the learner's own progress is never touched.
    """
    base = tmp_path_factory.mktemp("browser")
    root = copy_course(REPO, base / "course")
    _write_harness_notebook(root)
    server = LabServer(
        root_dir=root,
        home=base / "jupyter-home",
        env={"CTCOOP_PROGRESS": str(base / "progress.json")},
    )
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def browser(chromium: Path) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = os.environ.get("CTCOOP_SCREENSHOTS")
    return Path(folder) if folder else tmp_path_factory.mktemp("screenshots")


def drive_exercise(case: Case, lab: LabServer, browser: Browser, screenshot_dir: Path) -> None:
    """Open the notebook, run it, and answer the exercise wrongly, with a hint, then rightly."""
    if not (lab.root_dir / case.notebook).exists():
        pytest.fail(f"{case.notebook} does not exist in the course")
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(UI_TIMEOUT_MS)
    outside = record_outside_requests(context)
    page = context.new_page()
    try:
        with screenshot_on_failure(page, screenshot_dir, f"FAILED-{case}"):
            open_notebook(page, lab, case.notebook)
            run_all_cells(page)

            page.locator(".ctc-exercise").first.wait_for(timeout=KERNEL_TIMEOUT_MS)
            marker = exercise_class(case.exercise_id)
            widget = page.locator(f".ctc-exercise.{marker}, .ctc-exercise:has(.{marker})")
            assert widget.count() == 1, (
                f"expected one exercise widget for {case.exercise_id} "
                f"(CSS class {marker}), found {widget.count()}"
            )
            widget.scroll_into_view_if_needed()
            feedback = widget.locator(".ctc-feedback")

            radio_option(widget, case.wrong).check()
            widget.locator(".ctc-check").click()
            expect_text(feedback, case.wrong_feedback)
            assert "Correct" not in feedback.inner_text()

            widget.locator(".ctc-hint").click()
            expect_text(widget, "Hint 1")

            radio_option(widget, case.right).check()
            widget.locator(".ctc-check").click()
            expect_text(feedback, "Correct")

            assert broken_widget_texts(page) == [], "a widget failed to render"
            assert outside == [], "the page fetched from outside this machine"
            if os.environ.get("CTCOOP_SCREENSHOTS"):
                save_screenshot(page, screenshot_dir, str(case))
    finally:
        context.close()
        delete_sessions(lab)


def exercise_class(exercise_id: str) -> str:
    """CSS class that marks the widget of ``exercise_id``: ``ctc-ex-`` + id, dots as dashes."""
    return "ctc-ex-" + re.sub(r"[^A-Za-z0-9_-]", "-", exercise_id)


def expect_text(locator: Locator, text: str) -> None:
    """Wait until ``locator`` contains ``text`` (a click's answer is a kernel round trip)."""
    expect(locator).to_contain_text(text, timeout=UI_TIMEOUT_MS)


def test_harness_plain_widgets(lab: LabServer, browser: Browser, screenshot_dir: Path) -> None:
    drive_exercise(HARNESS_CASE, lab, browser, screenshot_dir)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_exercise_in_browser(
    case: Case, lab: LabServer, browser: Browser, screenshot_dir: Path
) -> None:
    drive_exercise(case, lab, browser, screenshot_dir)
