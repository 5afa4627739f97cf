"""The exercise widgets render and respond in a real JupyterLab 4, in headless Chromium.

Headless execution (nbval) proves the Python side works, lesson by lesson; only a
browser shows that the widgets' front end loads, that clicks reach the kernel and
that the feedback comes back. So the lessons are not run here again: one notebook
of the test's own holds a plain-ipywidgets stand-in, one exercise from each of
four lessons (made by the same ``exercise(...)`` call a lesson makes) and two test
samples; it is opened in JupyterLab and run from the Run menu once, and each test
then answers its exercise on that page: wrongly, with a hint, then rightly, and
checks that no widget failed to render. (Whole lessons run in a browser in the
Binder test, lesson 00, and the accessibility tests, lesson 10 and exercises 01.)

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
    SAMPLES_CODE,
    UI_TIMEOUT_MS,
    KernelCount,
    LabServer,
    broken_widget_texts,
    chromium_browser,
    copy_course,
    delete_sessions,
    open_notebook,
    radio_option,
    record_outside_requests,
    run_all_cells,
    running_lab,
    save_screenshot,
    screenshot_on_failure,
)
from playwright.sync_api import Browser, Locator, Page, expect
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


NOTEBOOK = "harness/browser.ipynb"


def _write_notebook(root: Path) -> None:
    """The page every test here works on: the stand-in, the four cases, two samples."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    notebook.cells = [
        nbformat.v4.new_code_cell(HARNESS_CODE),
        nbformat.v4.new_code_cell("from ctcoop import exercise"),
        *(nbformat.v4.new_code_cell(f'exercise("{case.exercise_id}")') for case in CASES),
        nbformat.v4.new_code_cell(SAMPLES_CODE),
        nbformat.v4.new_code_cell('samples["01.mc"]'),
        nbformat.v4.new_code_cell('samples["01.order"]'),
    ]
    path = root / NOTEBOOK
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
    _write_notebook(root)
    progress_file = {PROGRESS_ENV: str(base / "progress.json")}
    with running_lab(root, base / "jupyter-home", progress_file) as lab:
        yield lab


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


@pytest.fixture(scope="module")
def page(lab: LabServer, browser: Browser, screenshot_dir: Path) -> Iterator[Page]:
    """The test notebook, opened and run once; every test here answers its part of it."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(UI_TIMEOUT_MS)
    outside = record_outside_requests(context)
    page = context.new_page()
    try:
        with screenshot_on_failure(page, screenshot_dir, "FAILED-open"):
            open_notebook(page, lab, NOTEBOOK)
            run_all_cells(page)
            for case in [HARNESS_CASE, *CASES]:
                exercise_box(page, case.exercise_id).wait_for(timeout=KERNEL_TIMEOUT_MS)
            exercise_box(page, "01.order").wait_for(timeout=KERNEL_TIMEOUT_MS)
        yield page
        assert outside == [], "the page fetched from outside this machine"
    finally:
        context.close()
        delete_sessions(lab)


def exercise_box(page: Page, exercise_id: str) -> Locator:
    """The one widget headed "Exercise <id>: <title>"."""
    return page.locator(".ctc-exercise", has_text=f"Exercise {exercise_id}:")


def drive_exercise(case: Case, expected: Expected, page: Page, screenshot_dir: Path) -> None:
    """Answer the exercise on ``page`` wrongly, ask for a hint, then answer rightly."""
    with screenshot_on_failure(page, screenshot_dir, f"FAILED-{case}"):
        widget = exercise_box(page, case.exercise_id)
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
        if os.environ.get(SCREENSHOTS_ENV):
            save_screenshot(page, screenshot_dir, str(case))


def expect_text(locator: Locator, text: str) -> None:
    """Wait until ``locator`` shows ``text``, ignoring whitespace and line breaks.

    Waiting matters: a click's answer is a round trip through the kernel.
    """
    squeezed = "".join(text.split())
    pattern = r"\s*".join(re.escape(char) for char in squeezed)
    expect(locator).to_contain_text(re.compile(pattern), timeout=UI_TIMEOUT_MS)


def test_harness_plain_widgets(page: Page, screenshot_dir: Path) -> None:
    drive_exercise(HARNESS_CASE, HARNESS_EXPECTED, page, screenshot_dir)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_exercise_in_browser(
    case: Case,
    lab: LabServer,
    page: Page,
    screenshot_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drive_exercise(case, expected_from_bank(case), page, screenshot_dir)

    # The clicks reached the progress store: the kernel wrote the server's
    # temporary progress file (the write follows the feedback, so allow a moment).
    monkeypatch.setenv(PROGRESS_ENV, lab.env[PROGRESS_ENV])
    deadline = time.monotonic() + 10
    while progress.status(case.exercise_id) != "done" and time.monotonic() < deadline:
        time.sleep(0.2)
    assert progress.status(case.exercise_id) == "done", f"progress: {progress.load_progress()}"


def test_keyboard_stays_inside_the_exercise(page: Page, screenshot_dir: Path) -> None:
    """Arrow keys move within a radio group or a drop-down, never to another cell.

    In JupyterLab's command mode the arrow keys select the next cell; a focused
    radio button or drop-down would lose them. Also checks that the radios form
    one group labelled by the exercise heading and that the focus ring shows.
    """
    with screenshot_on_failure(page, screenshot_dir, "FAILED-keyboard"):
        choice = exercise_box(page, "01.mc")
        choice.scroll_into_view_if_needed()
        radios = choice.locator("input[type=radio]")
        expect(radios).to_have_count(3)
        kernel = KernelCount(page)
        radios.nth(0).click()
        kernel.changed()
        cell = page.evaluate(ACTIVE_CELL)
        kernel.press("ArrowDown")
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

        ordering = exercise_box(page, "01.order")
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
