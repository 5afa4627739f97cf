"""The exercise widgets render and respond in a real JupyterLab 4, in headless Chromium.

Headless execution (nbval) proves the Python side works; only a browser shows
that the widgets' front end loads, that clicks reach the kernel and that the
feedback comes back. For each case the test opens a notebook in JupyterLab,
runs all cells from the Run menu, answers one exercise wrongly, asks for a
hint, answers rightly, and checks that no widget failed to render.

The keys in the exercise bank are hashed, so ``CASES`` names a wrong and the
right option of each exercise; the labels and feedback texts to expect come
from the bank itself, so rewording an exercise never breaks this test.

Needs Debian's Chromium at /usr/bin/chromium; skips without it unless
``CTCOOP_REQUIRE_BROWSER=1`` (as in CI), which turns the skip into a failure.
Set ``CTCOOP_SCREENSHOTS=<folder>`` to keep a PNG of every final page; on
failure one is always saved and named in the error.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from browser_support import (
    CHROMIUM,
    KERNEL_TIMEOUT_MS,
    UI_TIMEOUT_MS,
    LabServer,
    broken_widget_texts,
    chromium_browser,
    copy_course,
    delete_sessions,
    open_notebook,
    radio_option,
    record_outside_requests,
    run_all_cells,
    save_screenshot,
    screenshot_on_failure,
)
from playwright.sync_api import Browser, Locator, expect
from support.settings import SCREENSHOTS_ENV, need

from ctcoop.paths import PROGRESS_ENV
from ctcoop.record import progress

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Case:
    """A multiple-choice exercise to drive: answer ``wrong`` first, then ``right`` (option keys)."""

    notebook: str  # path below the course root
    exercise_id: str
    wrong: str
    right: str

    def __str__(self) -> str:
        return f"{Path(self.notebook).stem}:{self.exercise_id}"


@dataclass(frozen=True)
class Expected:
    """What the learner must see, as labels and texts (whitespace is ignored when comparing)."""

    wrong_label: str
    wrong_feedback: str
    first_hint: str
    right_label: str
    right_feedback: str


CASES = [
    Case("notebooks/00_start_here.ipynb", "00.hint-cost", wrong="a", right="c"),
    Case("notebooks/02_key_organisations.ipynb", "02.interpol-powers", wrong="a", right="b"),
    Case("notebooks/04_interests_and_laws.ipynb", "04.pakistan-dates", wrong="a", right="b"),
    Case("notebooks/08_legal_frameworks.ipynb", "08.compliance-claim", wrong="a", right="b"),
]


def expected_from_bank(case: Case) -> Expected:
    """Labels and feedback as the course's own code words them, so the test never drifts.

    The radio labels follow ``controls.build_controls`` (``"b) text"``); the
    feedback is the checker's own HTML, reduced to text.
    """
    from ctcoop.bank import get
    from ctcoop.exercises.text import render_inline

    definition = get(case.exercise_id)
    wrong, right = definition.check(case.wrong), definition.check(case.right)
    assert wrong.status == "incorrect" and right.solved, (
        f"CASES is out of step with the bank: for {case.exercise_id}, option {case.wrong!r} "
        f"gives {wrong.status!r} and option {case.right!r} gives {right.status!r}"
    )
    options = definition.options
    hint = html_text(render_inline(definition.hints[0]))
    return Expected(
        wrong_label=f"{case.wrong}) {options[case.wrong].text}",
        wrong_feedback=html_text(wrong.html),
        first_hint=f"Hint 1 of {len(definition.hints)}: {hint}",
        right_label=f"{case.right}) {options[case.right].text}",
        right_feedback=html_text(right.html),
    )


def html_text(markup: str) -> str:
    """The text a browser shows for ``markup`` (tags dropped, entities decoded)."""
    parser = _TextCollector()
    parser.feed(markup)
    parser.close()
    return "".join(parser.chunks)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)


HARNESS_CODE = """\
import ipywidgets as w
from IPython.display import display

header = w.HTML("<h4>Exercise harness.mc: which letter comes first?</h4>")
choice = w.RadioButtons(options=["a) Zeta", "b) Alpha"], value=None, description="Answer")
check = w.Button(description="Check")
check.add_class("ctc-check")
hint = w.Button(description="Hint")
hint.add_class("ctc-hint")
hints = w.HTML()
feedback = w.HTML()
feedback.add_class("ctc-feedback")
box = w.VBox([header, choice, w.HBox([check, hint]), hints, feedback])
box.add_class("ctc-exercise")

def on_check(_):
    feedback.value = ("Correct! A comes first." if choice.value == "b) Alpha"
                      else "Not quite. Z is the last letter.")

def on_hint(_):
    hints.value = "<p>Hint 1 of 1: think of the alphabet.</p>"

check.on_click(on_check)
hint.on_click(on_hint)
display(box)
"""

HARNESS_CASE = Case("harness/plain_widgets.ipynb", "harness.mc", wrong="a", right="b")
HARNESS_EXPECTED = Expected(
    wrong_label="a) Zeta",
    wrong_feedback="Not quite. Z is the last letter.",
    first_hint="Hint 1 of 1: think of the alphabet.",
    right_label="b) Alpha",
    right_feedback="Correct! A comes first.",
)
"""A plain-ipywidgets stand-in, laid out like the course's exercise widget.

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


KEYBOARD_NOTEBOOK = "harness/keyboard.ipynb"
KEYBOARD_CODE = f"""\
import sys
sys.path.insert(0, {str(REPO / "tests")!r})
from support.samples import sample_exercises
from ctcoop.exercises.widget import ExerciseWidget
samples = {{definition.id: ExerciseWidget(definition) for definition in sample_exercises()}}
"""


def _write_keyboard_notebook(root: Path) -> None:
    """The engine's own widgets, built from the test samples (no bank, no progress store)."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    notebook.cells = [
        nbformat.v4.new_code_cell(KEYBOARD_CODE),
        nbformat.v4.new_code_cell('samples["01.mc"]'),
        nbformat.v4.new_code_cell('samples["01.order"]'),
    ]
    path = root / KEYBOARD_NOTEBOOK
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, path)


ACTIVE_CELL = """() => [...document.querySelectorAll('.jp-NotebookPanel .jp-Cell')]
    .findIndex(cell => cell.classList.contains('jp-mod-active'))"""


@pytest.fixture(scope="module")
def chromium() -> Path:
    need(
        CHROMIUM.exists(),
        f"{CHROMIUM} (install Debian's chromium package: apt-get install chromium)",
    )
    return CHROMIUM


@pytest.fixture(scope="module")
def lab(chromium: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    """One JupyterLab for the module, serving a throwaway copy of the course.

    The copy keeps autosave away from the committed notebooks; the progress
    file is a temporary one, so the learner's own progress is never touched.
    """
    base = tmp_path_factory.mktemp("browser")
    root = copy_course(REPO, base / "course")
    _write_harness_notebook(root)
    _write_keyboard_notebook(root)
    server = LabServer(
        root_dir=root,
        home=base / "jupyter-home",
        env={PROGRESS_ENV: str(base / "progress.json")},
    )
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def browser(chromium: Path) -> Iterator[Browser]:
    with chromium_browser() as browser:
        yield browser


@pytest.fixture(scope="module")
def screenshot_dir() -> Path:
    """``$CTCOOP_SCREENSHOTS``, or a fixed folder in the system's temp directory.

    Not pytest's tmp_path: pytest prunes old temp folders, also during other
    concurrent runs, and a failure's screenshot must still be there to look at.
    """
    folder = os.environ.get(SCREENSHOTS_ENV)
    return Path(folder) if folder else Path(tempfile.gettempdir()) / "ctcoop-browser-screenshots"


def drive_exercise(
    case: Case, expected: Expected, lab: LabServer, browser: Browser, screenshot_dir: Path
) -> None:
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
            # The widget's heading reads "Exercise <id>: <title>".
            widget = page.locator(".ctc-exercise", has_text=f"Exercise {case.exercise_id}:")
            assert widget.count() == 1, (
                f"expected one exercise widget headed 'Exercise {case.exercise_id}:', "
                f"found {widget.count()}"
            )
            widget.scroll_into_view_if_needed()
            feedback = widget.locator(".ctc-feedback")

            radio_option(widget, expected.wrong_label).check()
            widget.locator(".ctc-check").click()
            expect_text(feedback, expected.wrong_feedback)
            assert "Correct" not in feedback.inner_text()

            widget.locator(".ctc-hint").click()
            expect_text(widget, "Hint 1")
            expect_text(widget, expected.first_hint)

            radio_option(widget, expected.right_label).check()
            widget.locator(".ctc-check").click()
            expect_text(feedback, "Correct")
            expect_text(feedback, expected.right_feedback)

            assert broken_widget_texts(page) == [], "a widget failed to render"
            assert outside == [], "the page fetched from outside this machine"
            if os.environ.get(SCREENSHOTS_ENV):
                save_screenshot(page, screenshot_dir, str(case))
    finally:
        context.close()
        delete_sessions(lab)


def expect_text(locator: Locator, text: str) -> None:
    """Wait until ``locator`` shows ``text``, ignoring whitespace and line breaks.

    Waiting matters: a click's answer is a round trip through the kernel.
    """
    squeezed = "".join(text.split())
    pattern = r"\s*".join(re.escape(char) for char in squeezed)
    expect(locator).to_contain_text(re.compile(pattern), timeout=UI_TIMEOUT_MS)


def test_harness_plain_widgets(lab: LabServer, browser: Browser, screenshot_dir: Path) -> None:
    drive_exercise(HARNESS_CASE, HARNESS_EXPECTED, lab, browser, screenshot_dir)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_exercise_in_browser(
    case: Case,
    lab: LabServer,
    browser: Browser,
    screenshot_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drive_exercise(case, expected_from_bank(case), lab, browser, screenshot_dir)

    # The clicks reached the progress store: the kernel wrote the server's
    # temporary progress file (the write follows the feedback, so allow a moment).
    monkeypatch.setenv(PROGRESS_ENV, lab.env[PROGRESS_ENV])
    deadline = time.monotonic() + 10
    while progress.status(case.exercise_id) != "done" and time.monotonic() < deadline:
        time.sleep(0.2)
    assert progress.status(case.exercise_id) == "done", f"progress: {progress.load_progress()}"


def test_keyboard_stays_inside_the_exercise(
    lab: LabServer, browser: Browser, screenshot_dir: Path
) -> None:
    """Arrow keys move within a radio group or a drop-down, never to another cell.

    In JupyterLab's command mode the arrow keys select the next cell; a focused
    radio button or drop-down would lose them. Also checks that the radios form
    one group labelled by the exercise heading and that the focus ring shows.
    """
    context = browser.new_context(viewport={"width": 1200, "height": 1000})
    context.set_default_timeout(UI_TIMEOUT_MS)
    page = context.new_page()
    try:
        with screenshot_on_failure(page, screenshot_dir, "FAILED-keyboard"):
            open_notebook(page, lab, KEYBOARD_NOTEBOOK)
            run_all_cells(page)
            choice = page.locator(".ctc-exercise", has_text="Exercise 01.mc:")
            choice.wait_for(timeout=KERNEL_TIMEOUT_MS)
            radios = choice.locator("input[type=radio]")
            expect(radios).to_have_count(3)
            radios.nth(0).click()
            cell = page.evaluate(ACTIVE_CELL)
            page.keyboard.press("ArrowDown")
            expect(radios.nth(1)).to_be_checked()
            expect(radios.nth(1)).to_be_focused()
            assert page.evaluate(ACTIVE_CELL) == cell, "the arrow key moved to another cell"

            group = choice.locator("[role=radiogroup]")
            expect(group).to_have_count(1)
            heading = group.get_attribute("aria-labelledby")
            expect(page.locator(f"#{heading}")).to_contain_text("Exercise 01.mc: Powers")
            names = {radios.nth(i).get_attribute("name") for i in range(3)}
            assert len(names) == 1 and None not in names, names
            ring = page.evaluate(
                "() => { const s = getComputedStyle(document.activeElement);"
                " return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"
            )
            assert ring[0] == "solid" and ring[1] >= 2, f"focus ring: {ring}"

            choice.locator(".ctc-check").click()  # the arrow key's choice reached the kernel
            expect_text(choice.locator(".ctc-feedback"), "Correct")

            ordering = page.locator(".ctc-exercise", has_text="Exercise 01.order:")
            menu = ordering.locator("select").first
            menu.focus()
            cell = page.evaluate(ACTIVE_CELL)
            before = menu.evaluate("select => select.selectedIndex")  # -1 while nothing is set
            page.keyboard.press("ArrowDown")
            page.keyboard.press("ArrowDown")
            assert menu.evaluate("select => select.selectedIndex") == before + 2
            assert page.evaluate(ACTIVE_CELL) == cell, "the arrow key moved to another cell"
            page.keyboard.press("Escape")  # Escape still reaches JupyterLab
            assert broken_widget_texts(page) == [], "a widget failed to render"
            if os.environ.get(SCREENSHOTS_ENV):
                save_screenshot(page, screenshot_dir, "keyboard")
    finally:
        context.close()
        delete_sessions(lab)


EXPLORER_NOTEBOOK = "notebooks/10_ai_automation.ipynb"


def type_into_slider(container: Locator, label: str, value: str) -> None:
    """Type ``value`` into the editable readout of the slider labelled ``label``, then Enter."""
    readout = container.locator(".widget-slider", has_text=label).locator(".widget-readout")
    readout.click()
    readout.fill(value)
    readout.press("Enter")


def test_screening_explorer_in_browser(
    lab: LabServer, browser: Browser, screenshot_dir: Path
) -> None:
    """Lesson 10's slider control renders, and typing a new specificity recomputes the table.

    The texts to expect come from the control itself, built here in Python with the
    same values, so that rewording it never breaks this test.
    """
    from ctcoop.lessons.l10_ai_automation.figures import EXPLORER_CLASS, screening_explorer

    reference = screening_explorer(population=1_000_000)
    before = html_text(reference.children[-1].value)
    next(c for c in reference.children if c.description.startswith("specificity")).value = 0.9999
    after = html_text(reference.children[-1].value)
    assert before != after

    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(UI_TIMEOUT_MS)
    outside = record_outside_requests(context)
    page = context.new_page()
    try:
        with screenshot_on_failure(page, screenshot_dir, "FAILED-10-screening-explorer"):
            open_notebook(page, lab, EXPLORER_NOTEBOOK)
            run_all_cells(page)
            explorer = page.locator(f".{EXPLORER_CLASS}")
            explorer.first.wait_for(timeout=KERNEL_TIMEOUT_MS)
            assert explorer.count() == 1
            explorer.scroll_into_view_if_needed()
            result = explorer.locator(".ctc-screening-result")
            expect_text(result, before)

            type_into_slider(explorer, "specificity", "0.9999")
            expect_text(result, after)

            assert broken_widget_texts(page) == [], "a widget failed to render"
            assert outside == [], "the page fetched from outside this machine"
            if os.environ.get(SCREENSHOTS_ENV):
                save_screenshot(page, screenshot_dir, "10-screening-explorer")
    finally:
        context.close()
        delete_sessions(lab)
