"""A real JupyterHub class, end to end: two learners, the instructor's nbgitpuller link, an update.

The hub runs ``hub/jupyterhub_config.py`` (the file INSTRUCTORS.md gives) with
Node's configurable-http-proxy, the dummy authenticator and the local-process
spawner, on free loopback ports; Playwright drives Debian's Chromium. What a
class relies on is checked as a learner meets it: the link clones the course
into each learner's own home and opens the start notebook; each learner's
answers go to their own progress file; the instructor's next commit reaches
them with the next click, and a learner's own edits survive, even in a
notebook the instructor changed too.

Run alone with ``-m hub``. Skips where Node's proxy is missing, except under
``CTCOOP_REQUIRE_BROWSER=1`` (CI), where it fails.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import nbformat
import pytest
from browser_support import (
    CHROMIUM,
    KERNEL_TIMEOUT_MS,
    QUIET_LAB_SETTINGS,
    UI_TIMEOUT_MS,
    broken_widget_texts,
    free_port,
    launch_chromium,
    record_outside_requests,
    run_all_cells,
    screenshot_on_failure,
    wait_kernel_idle,
)
from support.settings import need

from ctcoop.paths import repo_root

ROOT = repo_root()
PASSWORD = "class-trial"  # the dummy authenticator's shared password, for this test only
COURSE = "ctcoop-course"  # the upstream repository's name, hence the folder nbgitpuller makes
START = "notebooks/00_start_here.ipynb"
EXERCISE, WRONG, RIGHT = "00.hint-cost", "a", "c"
pytestmark = [pytest.mark.hub, pytest.mark.browser]


def _proxy() -> Path | None:
    local = ROOT / ".venv" / "hub" / "node_modules" / ".bin" / "configurable-http-proxy"
    found = shutil.which("configurable-http-proxy")
    return local if local.exists() else Path(found) if found else None


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=instructor", "-c", "user.email=i@example.org", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _edit_first_markdown(path: Path, text: str) -> None:
    """Append ``text`` to the first markdown cell of a notebook, as an editor would."""
    notebook = nbformat.read(path, as_version=4)
    cell = next(c for c in notebook.cells if c.cell_type == "markdown")
    cell.source += text
    nbformat.write(notebook, path)


@pytest.fixture(scope="module")
def upstream(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The instructor's repository: the course as it is, on branch main."""
    origin = tmp_path_factory.mktemp("instructor") / COURSE
    origin.mkdir()
    git(origin, "init", "-q", "-b", "main")
    for folder in ("notebooks", "exercises", "data"):
        shutil.copytree(
            ROOT / folder, origin / folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints")
        )
    git(origin, "add", "-A")
    git(origin, "commit", "-qm", "The course")
    return origin


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A running JupyterHub; yields its URL and the folder holding every learner's home."""
    need(CHROMIUM.exists(), f"Chromium ({CHROMIUM})")
    proxy = _proxy()
    need(proxy is not None, "configurable-http-proxy (npm; ./course test installs it with Node)")
    state = tmp_path_factory.mktemp("hub")
    port = free_port()
    for user in ("alice", "bob"):  # each learner's JupyterLab starts without the news prompt
        settings = state / "home" / user / ".jupyter" / "lab" / "user-settings"
        for plugin, values in QUIET_LAB_SETTINGS.items():
            path = settings / f"{plugin.replace('/', os.sep)}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "CTCOOP_HUB_DIR": str(state),
        "CTCOOP_HUB_PORT": str(port),
        "CTCOOP_HUB_API_PORT": str(free_port()),
        "CTCOOP_PROXY_API_PORT": str(free_port()),
        "CTCOOP_HUB_PASSWORD": PASSWORD,
        "CTCOOP_PROXY": str(proxy),
    }
    log = (state / "hub.log").open("w")
    process = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("jupyterhub")),
            "-f",
            str(ROOT / "hub" / "jupyterhub_config.py"),
        ],
        cwd=state,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"{url}/hub/api", timeout=2)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError((state / "hub.log").read_text()[-3000:]) from None
                time.sleep(0.5)
        yield url, state / "home"
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
        _stop_learner_servers(state)


def _stop_learner_servers(state: Path) -> None:
    """End every process still running in a learner's home: the hub does not always stop them.

    A learner's server (and its kernels) runs with its working folder inside
    ``state``; left alone, each would outlive the test.
    """
    import psutil

    leftovers = []
    for process in psutil.process_iter(["cwd"]):
        if (process.info["cwd"] or "").startswith(str(state)):
            leftovers.append(process)
            process.terminate()
    _, alive = psutil.wait_procs(leftovers, timeout=10)
    for process in alive:
        process.kill()


def _link(url: str, origin: Path) -> str:
    """The instructor's nbgitpuller link, as INSTRUCTORS.md builds it."""
    return (
        f"{url}/hub/user-redirect/git-pull?repo={quote(str(origin), safe='')}"
        f"&branch=main&urlpath={quote(f'lab/tree/{COURSE}/{START}', safe='/')}"
    )


def _log_in(page, url: str, user: str) -> None:
    page.goto(f"{url}/hub/login")
    page.locator("#username_input").fill(user)
    page.locator("#password_input").fill(PASSWORD)
    page.locator("#login_submit").click()
    page.wait_for_url(re.compile(r"/(hub/spawn-pending|user|hub/home)"), timeout=UI_TIMEOUT_MS)


def _open_link(page, link: str) -> None:
    """Click the link; wait for nbgitpuller to finish and JupyterLab to open the notebook."""
    page.goto(link, timeout=KERNEL_TIMEOUT_MS)
    page.wait_for_url(re.compile(rf"/lab/tree/{COURSE}/"), timeout=KERNEL_TIMEOUT_MS)
    page.locator(".jp-NotebookPanel .jp-Notebook").first.wait_for(timeout=KERNEL_TIMEOUT_MS)
    wait_kernel_idle(page)


def _exercise(page):
    return page.locator(".ctc-exercise", has_text=f"Exercise {EXERCISE}:")


def _run_until_exercise_shows(page, attempts: int = 2) -> None:
    """Run All, as a learner would; once more if the kernel was still connecting the first time.

    A kernel that reports idle before its channels are up can drop the first
    execute requests; a learner would press Run All again, and so does the test.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    for attempt in range(1, attempts + 1):
        run_all_cells(page)
        try:
            _exercise(page).wait_for(timeout=KERNEL_TIMEOUT_MS // attempts)
            return
        except PlaywrightTimeoutError:
            if attempt == attempts:
                raise


def _answer(page, option: str) -> None:
    """Pick ``option`` in the start notebook's hint exercise and press Check."""
    from playwright.sync_api import expect

    widget = _exercise(page)
    widget.scroll_into_view_if_needed()
    widget.get_by_label(re.compile(rf"^{option}\)")).check()
    widget.locator(".ctc-check").click()
    feedback = widget.locator(".ctc-feedback")
    if option == RIGHT:
        expect(feedback).to_contain_text("Correct", timeout=UI_TIMEOUT_MS)
    else:
        expect(feedback).to_contain_text(re.compile(r"\S"), timeout=UI_TIMEOUT_MS)
        expect(feedback).not_to_contain_text("Correct")


def _progress(home: Path, user: str) -> dict:
    path = home / user / ".ctcoop" / "progress.json"
    deadline = time.monotonic() + 15
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.3)
    return json.loads(path.read_text())["exercises"] if path.exists() else {}


def test_a_class_on_a_real_hub(hub: tuple[str, Path], upstream: Path, tmp_path: Path):
    from playwright.sync_api import expect, sync_playwright

    url, home = hub
    link = _link(url, upstream)
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        pages = {}
        outside: list[str] = []
        for user in ("alice", "bob"):
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            context.set_default_timeout(UI_TIMEOUT_MS)
            outside += record_outside_requests(context)
            pages[user] = page = context.new_page()
            with screenshot_on_failure(page, tmp_path, f"hub-{user}"):
                _log_in(page, url, user)
                _open_link(page, link)
                # The course is in the learner's own home, opened on the start notebook.
                assert (home / user / COURSE / START).is_file()
                assert page.url.split("?")[0].endswith(f"lab/tree/{COURSE}/{START}")
                _run_until_exercise_shows(page)
                _answer(page, RIGHT if user == "alice" else WRONG)
                assert broken_widget_texts(page) == []

        # Separate progress files: alice solved it, bob only tried.
        alice, bob = _progress(home, "alice"), _progress(home, "bob")
        assert alice[EXERCISE]["solved"] is True
        assert bob[EXERCISE]["solved"] is False

        # Each exports from the dashboard; the export carries the hub user name, not "jovyan".
        for user, page in pages.items():
            dashboard = page.locator(".ctc-dashboard")
            dashboard.scroll_into_view_if_needed()
            assert dashboard.locator(".ctc-learner-name").count() == 0  # the hub names them
            dashboard.locator(".ctc-export").click()
            expect(dashboard.locator(".ctc-dashboard-message")).to_contain_text(
                f"ctcoop-progress-{user}", timeout=UI_TIMEOUT_MS
            )
            export = home / user / COURSE / "notebooks" / f"ctcoop-progress-{user}.csv"
            assert export.is_file(), sorted(export.parent.glob("ctcoop-progress-*"))
            rows = list(csv.DictReader(export.open(encoding="utf-8")))
            assert {row["user"] for row in rows} == {user}
            solved = {row["id"]: row["status"] for row in rows}[EXERCISE]
            assert solved == ("done" if user == "alice" else "tried")

        # The instructor changes lesson 01 and adds a note; alice edits the same lesson and
        # an exercise notebook of her own.
        lesson = "notebooks/01_why_cooperate.ipynb"
        _edit_first_markdown(upstream / lesson, "\n\nUpdated by the instructor.")
        (upstream / "notebooks" / "CHANGES.md").write_text("What changed this week.\n")
        git(upstream, "add", "-A")
        git(upstream, "commit", "-qm", "Week 2")
        mine = home / "alice" / COURSE
        _edit_first_markdown(mine / lesson, "\n\nMy own note.")
        exercise = mine / "exercises" / "01_why_cooperate.ipynb"
        _edit_first_markdown(exercise, "\n\nMy answer draft.")

        for user, page in pages.items():
            with screenshot_on_failure(page, tmp_path, f"hub-update-{user}"):
                _open_link(page, link)
            assert (home / user / COURSE / "notebooks" / "CHANGES.md").is_file(), user
        for path in (mine / lesson, exercise):
            notebook = nbformat.read(path, as_version=4)
            nbformat.validate(notebook)
            text = "".join(c.source for c in notebook.cells)
            assert "My own note." in text or "My answer draft." in text, f"{path.name}: edit lost"
        bob_lesson = nbformat.read(home / "bob" / COURSE / lesson, as_version=4)
        assert "Updated by the instructor." in bob_lesson.cells[0].source + "".join(
            c.source for c in bob_lesson.cells if c.cell_type == "markdown"
        )
        browser.close()
    assert outside == [], outside[:5]
