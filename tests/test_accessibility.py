"""Accessibility, checked by axe-core in headless Chromium: the app and two notebooks.

axe-core (npm ``axe-core``, installed by ``./course test`` into ``.venv/axe``; never loaded
from a CDN) runs the rules tagged WCAG 2.1 A and AA and best practice (``browser_support.axe``).
A test fails on any critical or serious violation in what the course owns, and prints the
moderate and minor ones with a count. The website's pages are checked in ``test_site.py``,
on the one build the site tests share.

What the course owns, and what each test leaves out:

- the Voila app, once a country is chosen: what the app's notebook shows (Voila's page
  template, e.g. its loading indicator, is Voila's);
- JupyterLab: only the notebook's own rendered markdown and outputs (tables, figures and
  widgets). JupyterLab's chrome (menus, toolbars, side panels, cell prompts and the code
  editors) is JupyterLab's to fix and is excluded from the check.

The keyboard test answers one exercise of each kind, lesson 10's sliders and the app's
country picker with key presses alone: focus moves by Tab, never by a click.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.settings import need

from ctcoop.paths import PROGRESS_ENV, repo_root

pytest.importorskip("playwright")
from browser_support import (  # noqa: E402  (after the skip, as test_app does)
    CHROMIUM,
    KERNEL_TIMEOUT_MS,
    SAMPLES_CODE,
    UI_TIMEOUT_MS,
    KernelCount,
    LabServer,
    axe,
    axe_report,
    broken_widget_texts,
    chromium_browser,
    copy_course,
    delete_sessions,
    open_notebook,
    run_all_cells,
    running_lab,
    screenshot_on_failure,
)
from playwright.sync_api import Browser, Page, expect  # noqa: E402
from test_app import RENDER_TIMEOUT_MS, voila  # noqa: E402, F401  (the app's server fixture)

ROOT = repo_root()

NOTEBOOK_SCOPE = {
    "include": [[".jp-NotebookPanel .jp-MarkdownOutput"], [".jp-NotebookPanel .jp-OutputArea"]],
    "exclude": [[".jp-OutputPrompt"], [".jp-InputPrompt"]],
}
"""The notebook's own content in JupyterLab; its prompts belong to JupyterLab."""

APP_SCOPE = {"include": [[".jp-OutputArea"], [".jp-MarkdownOutput"]]}
"""The app's own content in Voila: what its notebook shows. Voila's page template (its
loading indicator, the page frame) is Voila's."""

LESSON_10 = "notebooks/10_ai_automation.ipynb"
"""One lesson: tables, figures, sliders and exercises."""
EXERCISES_01 = "exercises/01_why_cooperate.ipynb"
"""One exercises notebook, with all six kinds of exercise."""


def _run_all(page: Page, shown: Any) -> None:
    """Run All, until ``shown`` (a locator) is in the page, scrolled into view.

    Attached is enough to know the outputs exist (JupyterLab may not paint cells far below
    the window); scrolling there also has it drawn when axe looks.
    """
    run_all_cells(page)
    shown.first.wait_for(state="attached", timeout=KERNEL_TIMEOUT_MS)
    shown.first.scroll_into_view_if_needed(timeout=UI_TIMEOUT_MS)


def _outside(everything: list[dict[str, Any]], ours: list[dict[str, Any]]) -> dict[str, int]:
    """Violations on the whole page that are not in the course's part: rule -> elements."""
    mine = {(v["id"], node) for v in ours for node in v["nodes"]}
    left = Counter(
        v["id"] for v in everything for node in v["nodes"] if (v["id"], node) not in mine
    )
    return dict(left)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    need(CHROMIUM.exists(), f"{CHROMIUM} (install Debian's chromium package)")
    with chromium_browser() as browser:
        yield browser


@pytest.mark.browser
def test_the_app_passes_axe_after_a_country_is_chosen(
    voila: str,  # noqa: F811  (the fixture imported from test_app)
    browser: Browser,
    tmp_path: Path,
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(lambda url: not url.startswith(voila), lambda route: route.abort())
    page = context.new_page()
    with screenshot_on_failure(page, tmp_path, "axe-voila"):
        page.goto(voila, wait_until="commit", timeout=KERNEL_TIMEOUT_MS)
        page.locator("h2", has_text="Kenya (KEN)").wait_for(timeout=RENDER_TIMEOUT_MS)
        picker = page.get_by_label("Country")
        picker.focus()  # by keyboard: the picker is answered with arrow keys
        page.keyboard.press("ArrowDown")
        page.locator("h2").filter(has_not_text="Kenya (KEN)").first.wait_for(timeout=60_000)
        expect(page.locator("h2", has_text="Kenya (KEN)")).to_have_count(0)
        ours = axe(page, APP_SCOPE)
        blocking, _ = axe_report("Voila app", ours)
        print(f"  left to Voila (its page template): {_outside(axe(page), ours)}")
    context.close()
    assert not blocking, "\n".join(blocking)


@pytest.fixture(scope="module")
def lab(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    """JupyterLab on a throwaway copy of the course, drawing every cell (no windowing).

    JupyterLab 4 draws only the cells near the viewport by default; axe must see all.
    """
    base = tmp_path_factory.mktemp("a11y-lab")
    root = copy_course(ROOT, base / "course", ("notebooks", "exercises", "data"))
    settings = base / "home" / "lab-settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    with running_lab(root, base / "home", {PROGRESS_ENV: str(base / "progress.json")}) as server:
        yield server


def _new_page(browser: Browser) -> Page:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(UI_TIMEOUT_MS)
    return context.new_page()


def _passes_axe(page: Page, notebook: str) -> None:
    """The notebook's own content on ``page`` (already run) has no blocking violation."""
    ours = axe(page, NOTEBOOK_SCOPE)
    blocking, _ = axe_report(f"JupyterLab {notebook}", ours)
    print(f"  left to JupyterLab (its own interface): {_outside(axe(page), ours)}")
    assert not blocking, "\n".join(blocking)


@pytest.fixture(scope="module")
def lesson_10(
    lab: LabServer, browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Page]:
    """Lesson 10, opened and run once, for the three tests that follow it in this file: axe
    first, on the page as Run All leaves it, then the explorer's typed value, then its sliders
    by keyboard. They come before the other JupyterLab tests, whose ends shut every kernel."""
    from ctcoop.lessons.l10_ai_automation.figures import EXPLORER_CLASS

    page = _new_page(browser)
    try:
        with screenshot_on_failure(page, tmp_path_factory.mktemp("lesson-10"), "lesson-10"):
            open_notebook(page, lab, LESSON_10)
            _run_all(page, page.locator(".ctc-exercise"))
            page.locator(f".{EXPLORER_CLASS}").wait_for(state="attached")
        yield page
    finally:
        page.context.close()
        delete_sessions(lab)


@pytest.mark.browser
def test_lesson_10_after_run_all_passes_axe(lesson_10: Page) -> None:
    _passes_axe(lesson_10, LESSON_10)


def _type_into_slider(container: Any, label: str, value: str) -> None:
    """Type ``value`` into the editable readout of the slider labelled ``label``, then Enter."""
    readout = container.locator(".widget-slider", has_text=label).locator(".widget-readout")
    readout.click()
    readout.fill(value)
    readout.press("Enter")


@pytest.mark.browser
def test_lesson_10_explorer_recomputes_when_a_value_is_typed(
    lesson_10: Page, tmp_path: Path
) -> None:
    """Lesson 10's slider control renders, and typing a new specificity recomputes the table.

    The texts to expect come from the control itself, built here in Python with the
    same values, so that rewording it never breaks this test.
    """
    from test_browser import expect_text, html_text

    from ctcoop.lessons.l10_ai_automation.figures import EXPLORER_CLASS, screening_explorer

    reference = screening_explorer(population=1_000_000)
    before = html_text(reference.children[-1].value)
    next(c for c in reference.children if c.description.startswith("specificity")).value = 0.9999
    after = html_text(reference.children[-1].value)
    assert before != after

    page = lesson_10
    with screenshot_on_failure(page, tmp_path, "lesson-10-explorer"):
        explorer = page.locator(f".{EXPLORER_CLASS}")
        assert explorer.count() == 1
        explorer.scroll_into_view_if_needed()
        result = explorer.locator(".ctc-screening-result")
        expect_text(result, before)
        _type_into_slider(explorer, "specificity", "0.9999")
        expect_text(result, after)
        assert broken_widget_texts(page) == [], "a widget failed to render"


@pytest.mark.browser
def test_lesson_10_sliders_move_by_keyboard_alone(lesson_10: Page, tmp_path: Path) -> None:
    """Each slider's handle takes the focus by Tab and moves with the arrow keys."""
    from ctcoop.lessons.l10_ai_automation.figures import EXPLORER_CLASS

    page = lesson_10
    with screenshot_on_failure(page, tmp_path, "keyboard-sliders"):
        explorer = page.locator(f".{EXPLORER_CLASS}")
        handles = explorer.locator("[role=slider]")
        expect(handles).to_have_count(3)
        result = explorer.locator(".ctc-screening-result")
        handles.first.focus()
        for n in range(3):
            if n:
                page.keyboard.press("Tab")
                if "widget-readout" in _focused(page):  # the slider's editable number
                    page.keyboard.press("Tab")
            handle = handles.nth(n)
            expect(handle).to_be_focused()
            name = handle.evaluate(
                "h => document.getElementById(h.getAttribute('aria-labelledby'))?.textContent"
            )
            assert name, f"slider {n} has no name"
            before, shown = handle.get_attribute("aria-valuetext"), result.inner_text()
            page.keyboard.press("ArrowLeft")
            expect(handle).not_to_have_attribute("aria-valuetext", before or "")
            expect(result).not_to_have_text(shown)


@pytest.mark.browser
def test_exercises_01_after_run_all_passes_axe(
    lab: LabServer, browser: Browser, tmp_path: Path
) -> None:
    page = _new_page(browser)
    try:
        with screenshot_on_failure(page, tmp_path, "axe-exercises-01"):
            open_notebook(page, lab, EXERCISES_01)
            _run_all(page, page.locator(".ctc-exercise"))
            _passes_axe(page, EXERCISES_01)
    finally:
        page.context.close()
        delete_sessions(lab)


KEYBOARD_NOTEBOOK = "harness/every_kind.ipynb"
KINDS = ["01.mc", "01.multi", "01.number", "01.order", "01.match", "01.code"]
"""The test samples: one exercise of each of the six kinds (``tests/support/samples.py``)."""


def _write_keyboard_notebook(root: Path) -> None:
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    notebook.cells = [
        nbformat.v4.new_code_cell(SAMPLES_CODE),
        *(nbformat.v4.new_code_cell(f'samples["{name}"]') for name in KINDS),
        nbformat.v4.new_code_cell(""),  # where the code exercise is answered, typed in
    ]
    path = root / KEYBOARD_NOTEBOOK
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, path)


def _focused(page: Page) -> str:
    """The focused element, as tag.class (for messages and checks)."""
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return e.tagName.toLowerCase() + '.' + [...e.classList].join('.'); }"
    )


def _tab_to_check_and_press(page: Page, exercise: Any) -> None:
    """Tab (at most 8 times) to the exercise's Check button, then press Enter."""
    for _ in range(8):
        page.keyboard.press("Tab")
        if "ctc-check" in _focused(page):
            break
    assert "ctc-check" in _focused(page), f"Tab did not reach Check, but {_focused(page)}"
    page.keyboard.press("Enter")
    expect(exercise.locator(".ctc-feedback")).to_contain_text("Correct", timeout=UI_TIMEOUT_MS)


def _choose(keys: KernelCount, menu: Any, label: str) -> None:
    """In the focused drop-down (nothing chosen yet), press ArrowDown until ``label`` is chosen."""
    labels = menu.evaluate(  # ipywidgets writes the spaces of an option as no-break spaces
        "select => [...select.options].map(o => o.textContent.replace(/\\u00a0/g, ' ').trim())"
    )
    assert label in labels, f"{label!r} is not among {labels} of the focused drop-down"
    for _ in range(labels.index(label) - menu.evaluate("select => select.selectedIndex")):
        keys.press("ArrowDown")
    expect(menu).to_have_value(menu.evaluate(f"s => s.options[{labels.index(label)}].value"))


def _choose_in_turn(page: Page, keys: KernelCount, exercise: Any, labels: list[str]) -> None:
    """Focus the exercise's first drop-down, choose ``labels`` in turn, Tab between them."""
    menus = exercise.locator("select")
    menus.first.focus()
    for n, label in enumerate(labels):
        if n:
            page.keyboard.press("Tab")
        _choose(keys, menus.nth(n), label)


@pytest.mark.browser
def test_every_kind_of_exercise_answers_by_keyboard_alone(
    lab: LabServer, browser: Browser, tmp_path: Path
) -> None:
    """Tab, Shift-Tab, arrows, Space and Enter only: no click reaches an exercise.

    ``focus()`` puts the keyboard on the first control of each exercise, as Tab from
    the cell above would; everything after is a key press. The right answers are the
    samples' own (``SAMPLE_ANSWERS``).
    """
    from support.samples import SAMPLE_ANSWERS, sample_exercises

    definitions = {definition.id: definition for definition in sample_exercises()}
    _write_keyboard_notebook(lab.root_dir)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(UI_TIMEOUT_MS)
    page = context.new_page()
    try:
        with screenshot_on_failure(page, tmp_path, "keyboard-every-kind"):
            open_notebook(page, lab, KEYBOARD_NOTEBOOK)
            box = {
                name: page.locator(".ctc-exercise", has_text=f"Exercise {name}:") for name in KINDS
            }
            _run_all(page, box["01.code"])
            keys = KernelCount(page)
            expect(keys.readout).to_have_text("0")

            # Multiple choice: Space picks the focused option, arrows move within the group.
            radios = box["01.mc"].locator("input[type=radio]")
            radios.first.focus()
            keys.press("Space")
            for _ in range(list(definitions["01.mc"].options).index(SAMPLE_ANSWERS["01.mc"])):
                keys.press("ArrowDown")
            _tab_to_check_and_press(page, box["01.mc"])

            # Several answers: Tab from box to box, Space ticks; Shift-Tab goes back.
            ticks = box["01.multi"].locator("input[type=checkbox]")
            ticks.first.focus()
            for n, key in enumerate(definitions["01.multi"].options):
                if n:
                    page.keyboard.press("Tab")
                if key in SAMPLE_ANSWERS["01.multi"]:
                    keys.press("Space")
            page.keyboard.press("Shift+Tab")
            expect(ticks.nth(len(definitions["01.multi"].options) - 2)).to_be_focused()
            page.keyboard.press("Tab")
            _tab_to_check_and_press(page, box["01.multi"])

            # A number: typed, one digit at a time.
            box["01.number"].locator("input[type=text]").focus()
            for digit in str(SAMPLE_ANSWERS["01.number"]):
                keys.press(digit)
            _tab_to_check_and_press(page, box["01.number"])

            # Ordering: one drop-down per item, a position chosen with the arrows.
            order = SAMPLE_ANSWERS["01.order"]
            positions = [str(order.index(key) + 1) for key in definitions["01.order"].shown_order]
            _choose_in_turn(page, keys, box["01.order"], positions)
            _tab_to_check_and_press(page, box["01.order"])

            # Matching: one drop-down per left item, its partner chosen with the arrows.
            right, pairs = definitions["01.match"].right, SAMPLE_ANSWERS["01.match"]
            partners = [right[pairs[key]] for key in definitions["01.match"].left]
            _choose_in_turn(page, keys, box["01.match"], partners)
            _tab_to_check_and_press(page, box["01.match"])

            # Code: typed into the empty cell below and run with Shift+Enter.
            page.locator(".jp-NotebookPanel .jp-Cell").last.locator(".cm-content").focus()
            page.keyboard.type('samples["01.code"].check(SAMPLE_ANSWERS["01.code"])')
            page.keyboard.press("Shift+Enter")
            answer = page.locator(".jp-NotebookPanel .jp-Cell", has_text=".check(SAMPLE_ANSWERS")
            expect(answer.locator(".jp-OutputArea")).to_contain_text(
                "Correct", timeout=KERNEL_TIMEOUT_MS
            )
    finally:
        context.close()
        delete_sessions(lab)


# --- Without a browser: the fixes, held where they are made ----------------------------------


def test_a_notebook_kernel_prints_tables_without_empty_header_cells() -> None:
    from types import SimpleNamespace

    import pandas as pd
    from IPython.core.formatters import DisplayFormatter

    from ctcoop.tables import install

    frames = [
        pd.DataFrame({"members": [27, 38]}, index=["EU", "FATF"]),
        pd.DataFrame({"members": [27, 38]}, index=pd.Index(["EU", "FATF"], name="body")),
        pd.DataFrame({("x", "members"): [1], ("x", "b"): [2]}),
    ]
    shell = SimpleNamespace(display_formatter=DisplayFormatter())
    before = [shell.display_formatter.format(frame)[0]["text/html"] for frame in frames]
    assert all(re.search(r"<th[^>]*>\s*</th>", html) for html in before)  # pandas' own
    assert install(shell)
    for frame in frames:
        html = shell.display_formatter.format(frame)[0]["text/html"]
        assert not re.search(r"<th[^>]*>\s*</th>", html), html
        assert "<td></td>" in html and "<th>members</th>" in html


def test_every_figure_image_carries_the_first_sentence_of_its_caption_as_alt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import base64

    import IPython.display
    import matplotlib.pyplot as plt

    from ctcoop import plots

    shown: list[str] = []
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj.data))
    fig, ax = plt.subplots()
    ax.plot([1, 2], [3, 4])
    plots.show(fig, 'Counts per year, 1990–2023 ("best" estimates). Source: UCDP. U.N. data.')
    image, caption = shown
    alt = re.search(r'alt="([^"]*)"', image)
    assert alt and alt.group(1) == "Counts per year, 1990–2023 (&quot;best&quot; estimates)."
    svg = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', image)
    assert svg and b"<svg" in base64.b64decode(svg.group(1))
    assert "Source: UCDP." in caption


def _exercise_heading_level() -> int:
    """The heading level an exercise shows (widget and static form alike)."""
    from support.samples import sample_exercises

    from ctcoop.exercises.static import static_html
    from ctcoop.exercises.widget import ExerciseWidget

    definition = sample_exercises()[0]
    levels = {
        int(re.search(r"<h(\d)", html).group(1))
        for html in (static_html(definition), ExerciseWidget(definition).children[0].value)
    }
    assert len(levels) == 1, levels
    return levels.pop()


def _heading_levels(notebook: Path, exercise_level: int) -> list[tuple[int, str]]:
    """(level, text) of every markdown heading and exercise, in the order a reader meets them."""
    found = []
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            source = re.sub(r"^```.*?^```", "", source, flags=re.MULTILINE | re.DOTALL)
            found += [(len(m[1]), m[2]) for m in re.finditer(r"^(#{1,6}) (.*)$", source, re.M)]
        elif cell["cell_type"] == "code" and re.search(r"\bexercise\(\"", source):
            found.append((exercise_level, "exercise " + source.split("\n")[0][:50]))
    return found


@pytest.mark.parametrize(
    "notebook",
    sorted(p.relative_to(ROOT).as_posix() for p in ROOT.glob("[ens]*/[0-9][0-9]_*.ipynb")),
)
def test_no_heading_level_is_skipped_in_a_notebook(notebook: str) -> None:
    """The title is the one h1; below it each heading is at most one level deeper.

    Exercises count at the level of the heading they show (``_exercise_heading_level``).
    """
    levels = _heading_levels(ROOT / notebook, _exercise_heading_level())
    assert levels and levels[0][0] == 1, levels[:1]
    skips = [
        f"h{before} then h{level}: {text}"
        for (before, _), (level, text) in zip(levels, levels[1:], strict=False)
        if level > before + 1
    ]
    assert not skips, skips
    assert [level for level, _ in levels].count(1) == 1


def _contrast(colour: str, background: str = "#FFFFFF") -> float:
    """WCAG 2.1 contrast ratio of two sRGB colours given as #RRGGBB."""

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(colour), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_widget_feedback_text_has_sufficient_contrast() -> None:
    """Every text colour in exercise feedback and forms reaches 4.5:1 on white (WCAG AA)."""
    from support.samples import sample_exercises

    from ctcoop.exercises.feedback import STATUS_LABELS, Feedback
    from ctcoop.exercises.static import static_html

    markup = [Feedback(status, "summary", ("a detail",)).html for status in STATUS_LABELS]
    markup += [static_html(definition) for definition in sample_exercises()]
    colours = {
        c for html in markup for c in re.findall(r"(?<![-\w])color:\s*(#[0-9A-Fa-f]{6})", html)
    }
    low = {colour: round(_contrast(colour), 2) for colour in colours if _contrast(colour) < 4.5}
    assert not low, f"text colours below 4.5:1 on white: {low}"
    assert _contrast("#E69F00") < 4.5  # the check can fail: Okabe-Ito orange as text


def _controls(widget: Any) -> Iterator[Any]:
    import ipywidgets as widgets

    if isinstance(widget, widgets.Box):
        for child in widget.children:
            yield from _controls(child)
    elif isinstance(widget, widgets.ValueWidget | widgets.Button) and not isinstance(
        widget, widgets.HTML | widgets.Label
    ):
        yield widget


def test_every_control_has_a_label() -> None:
    """Option buttons, boxes, drop-downs, text fields, sliders, the picker and buttons: each
    has a non-empty description (ipywidgets shows it as the control's label)."""
    from support.samples import sample_exercises

    from ctcoop.exercises.widget import ExerciseWidget
    from ctcoop.lessons.l10_ai_automation.figures import screening_explorer
    from ctcoop.lessons.l13_lessons_learned.profile import profile_view

    views = [ExerciseWidget(definition) for definition in sample_exercises()]
    views += [screening_explorer(), profile_view()]
    controls = [control for view in views for control in _controls(view)]
    assert len(controls) > 20
    unnamed = [type(c).__name__ for c in controls if not (c.description or "").strip()]
    assert not unnamed, unnamed
    pictures = [c.value for c in views[-1].children if "<img" in getattr(c, "value", "")]
    assert pictures and all(re.search(r'alt="[^"]+"', html) for html in pictures), pictures
