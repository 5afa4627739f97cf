"""Helpers for driving JupyterLab in headless Chromium (used by ``test_browser.py``).

They live apart from the test so that an engineer can reuse them by hand, for
example to start an isolated, offline-safe JupyterLab and save a screenshot of
what a learner would see::

    # with tests/ on sys.path
    from browser_support import LabServer, launch_chromium, save_screenshot

Everything here is written for a slow, offline machine (2 cores, network
blocked): waits are explicit and generous, and JupyterLab is started with every
feature that phones home switched off (see ``OFFLINE_LAB_FLAGS``).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import sync_playwright
from support.settings import need

if TYPE_CHECKING:
    from playwright.sync_api import (
        Browser,
        BrowserContext,
        Locator,
        Page,
        Playwright,
        Request,
    )

CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium. Downloading a browser (``playwright install``) is not allowed."""

CHROMIUM_ARGS = [
    "--no-sandbox",  # we run as root in a container
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

OFFLINE_LAB_FLAGS = [
    # The announcements plugin fetches an Atom feed from jupyterlab.github.io.
    "--LabApp.news_url=None",
    # ... and asks pypi.org whether a newer JupyterLab exists.
    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    # The default ("pypi") extension manager queries pypi.org for listings.
    "--LabApp.extension_manager=readonly",
]
"""JupyterLab 4 flags that stop every outgoing request the server would make.

Without them the server still starts offline, but the news and update checks
wait on DNS and leave error notifications in the page.
"""

QUIET_LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker": {"autoStartDefaultKernel": True},
}
"""User settings for the test's own settings folder, as ``./course start`` and the hub set them.

``autoStartDefaultKernel`` starts the notebook's own kernel without asking: on a busy machine
JupyterLab otherwise may ask "Select Kernel" when a notebook opens, a dialog that covers the page.

``news_url=None`` stops the fetch but not the "Would you like to get notified
about official Jupyter news?" toast, which JupyterLab 4 shows while
``fetchNews`` is unset and which can cover the widget being clicked.
"""

KERNEL_TIMEOUT_MS = 120_000
"""Starting a kernel and importing pandas/matplotlib takes ~10 s on 2 idle cores,
far more while the rest of the suite runs; two minutes keeps the test honest."""

UI_TIMEOUT_MS = 30_000

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")

BROKEN_WIDGET_TEXTS = ("Error displaying widget", "Error rendering", "Loading widget...")
"""Texts that JupyterLab/ipywidgets show when a widget failed (or never) rendered."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody is listening on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def copy_course(repo: Path, target: Path, folders: tuple[str, ...] = ("notebooks", "data")) -> Path:
    """Copy the course folders into ``target`` and return it.

    JupyterLab autosaves open notebooks, so a browser test run against the
    checkout itself would write outputs into committed files.
    """
    target.mkdir(parents=True, exist_ok=True)
    for name in folders:
        source = repo / name
        if source.is_dir():
            shutil.copytree(
                source,
                target / name,
                dirs_exist_ok=True,
                ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
            )
    return target


@dataclass
class LabServer:
    """A JupyterLab server isolated from the user's config, workspaces and progress.

    ``home`` receives Jupyter's config, runtime and settings folders, so the
    test neither reads nor changes the engineer's own JupyterLab set-up (a
    restored workspace would open extra tabs and make selectors ambiguous).
    """

    root_dir: Path
    home: Path
    env: Mapping[str, str] = field(default_factory=dict)
    port: int = field(default_factory=free_port)
    token: str = field(default_factory=lambda: secrets.token_hex(16))
    process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.home / "jupyterlab.log"

    def url(self, path: str) -> str:
        """Browser URL for ``path`` (e.g. ``lab/tree/notebooks/x.ipynb``), token included."""
        sep = "&" if "?" in path else "?"
        return f"{self.base_url}/{path.lstrip('/')}{sep}token={self.token}"

    def command(self) -> list[str]:
        return [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={self.port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root_dir}",
            f"--LabApp.user_settings_dir={self.home / 'lab-settings'}",
            f"--LabApp.workspaces_dir={self.home / 'lab-workspaces'}",
            *OFFLINE_LAB_FLAGS,
            # Containers and CI often run as root; Jupyter refuses that unless told.
            *(["--allow-root"] if os.geteuid() == 0 else []),
        ]

    def start(self, timeout: float = 90.0) -> None:
        """Start the server and block until its REST API answers."""
        self.home.mkdir(parents=True, exist_ok=True)
        for name, values in QUIET_LAB_SETTINGS.items():
            path = self.home / "lab-settings" / f"{name}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
        env = {
            **os.environ,
            "JUPYTER_CONFIG_DIR": str(self.home / "config"),
            "JUPYTER_RUNTIME_DIR": str(self.home / "runtime"),
            "JUPYTER_DATA_DIR": str(self.home / "data"),  # notebook-signing key goes here
            "JUPYTER_PLATFORM_DIRS": "1",
            "PYTHONUNBUFFERED": "1",
            **self.env,
        }
        log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            self.command(),
            cwd=self.root_dir,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # so stop() can end the kernels it spawned too
        )
        log.close()
        deadline = time.monotonic() + timeout
        status_url = f"{self.base_url}/api/status?token={self.token}"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"JupyterLab exited with {self.process.returncode}:\n{self.log_tail()}"
                )
            try:
                with urllib.request.urlopen(status_url, timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.25)
        self.stop()
        raise TimeoutError(f"JupyterLab did not answer within {timeout:.0f} s:\n{self.log_tail()}")

    def stop(self, timeout: float = 20.0) -> None:
        """Shut the server down: SIGTERM to its process group, SIGKILL if it lingers.

        Jupyter's own shutdown also stops the kernels it started; the process
        group catches any kernel that outlives it.
        """
        if self.process is None or self.process.poll() is not None:
            return
        pgid = os.getpgid(self.process.pid)
        self.process.terminate()
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=timeout)
        try:
            os.killpg(pgid, 9)
        except ProcessLookupError:
            pass

    def log_tail(self, lines: int = 40) -> str:
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


@contextmanager
def running_lab(root_dir: Path, home: Path, env: Mapping[str, str]) -> Iterator[LabServer]:
    """``LabServer`` as a context manager that always shuts the server down."""
    server = LabServer(root_dir=root_dir, home=home, env=env)
    try:
        server.start()
        yield server
    finally:
        server.stop()


def launch_chromium(playwright: Playwright) -> Browser:
    """Debian's headless Chromium through Playwright (sync API)."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )


@contextmanager
def chromium_browser() -> Iterator[Browser]:
    """Debian's Chromium for one test module (its ``browser`` fixture), closed afterwards."""
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            yield browser
        finally:
            browser.close()


def save_screenshot(page: Page, folder: Path, name: str) -> Path:
    """Save a full-page PNG of ``page`` as ``folder/name.png`` and return its path.

    Used on failure, and handy by hand to check what a widget looks like.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', name)}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def open_notebook(page: Page, server: LabServer, path: str) -> None:
    """Open ``path`` (relative to the server root) alone and wait for its kernel to be idle.

    ``?reset`` empties the saved workspace: otherwise JupyterLab reopens, as
    background tabs, every notebook an earlier test opened, and starts their
    kernels too.
    """
    page.goto(server.url(f"lab/tree/{path}?reset"), timeout=UI_TIMEOUT_MS * 2)
    page.locator(".jp-NotebookPanel .jp-Notebook").first.wait_for(timeout=UI_TIMEOUT_MS * 2)
    panels = page.locator(".jp-NotebookPanel").count()
    if panels != 1:
        raise AssertionError(f"expected only {path} open, found {panels} notebook tabs")
    wait_kernel_idle(page)


NO_KERNEL_FOR_S = 15
"""Seconds the toolbar must read "No Kernel" before a wait gives up on the kernel coming
(it reads so for a moment while a notebook opens, longer on a busy machine)."""


def wait_kernel_idle(page: Page, timeout_ms: int = KERNEL_TIMEOUT_MS) -> None:
    """Block until the notebook's kernel is started and idle with no cell queued.

    The toolbar names the kernel once its session exists, and the status
    indicator then says "idle" (it also says so for a moment before, beside
    "No Kernel", which must not count); a running or queued cell shows ``[*]``
    in its prompt. The wait also ends when the toolbar has read "No Kernel"
    for ``NO_KERNEL_FOR_S`` seconds: no kernel is coming, and
    :func:`start_kernel_if_none` does what a learner would.
    """
    page.wait_for_function(
        """(patience) => {
            const name = document.querySelector('.jp-NotebookPanel .jp-Toolbar-kernelName');
            if (!name || !name.textContent.trim()) return false;
            if (name.textContent.trim() === 'No Kernel') {
                window.ctcNoKernelSince = window.ctcNoKernelSince || Date.now();
                return Date.now() - window.ctcNoKernelSince > patience;
            }
            window.ctcNoKernelSince = null;
            const status = document.querySelector('.jp-Notebook-ExecutionIndicator');
            if (!status || status.getAttribute('data-status') !== 'idle') return false;
            const prompts = document.querySelectorAll('.jp-NotebookPanel .jp-InputArea-prompt');
            return ![...prompts].some(p => p.textContent.includes('*'));
        }""",
        arg=NO_KERNEL_FOR_S * 1000,
        timeout=timeout_ms,
        polling=250,
    )


def start_kernel_if_none(page: Page) -> bool:
    """Pick a kernel again when the notebook has none, as a learner would; True if it did.

    On a machine whose cores all run tests, JupyterLab has been seen to shut a
    notebook's fresh session down itself, a second after starting it (the page
    sends a PATCH, then a DELETE of the session), and leave the notebook with
    "No Kernel" in its toolbar. A learner clicks that and accepts the kernel
    JupyterLab offers.
    """
    name = page.locator(".jp-NotebookPanel .jp-Toolbar-kernelName").first
    if not name.count() or name.inner_text().strip() != "No Kernel":
        return False
    name.click()
    page.locator(".jp-Dialog", has_text="Select Kernel").first.wait_for(timeout=UI_TIMEOUT_MS)
    accept_kernel_dialog(page)
    wait_kernel_idle(page)
    return True


def accept_kernel_dialog(page: Page) -> None:
    """Answer JupyterLab's "Select Kernel" dialog with its default kernel, as a learner would.

    On a busy machine (the suite runs on every core) JupyterLab sometimes loses a
    notebook's fresh session and asks which kernel to start; the dialog then
    covers the page and every click times out.
    """
    dialog = page.locator(".jp-Dialog", has_text="Select Kernel")
    if dialog.count() and dialog.first.is_visible():
        dialog.first.locator(".jp-mod-accept").click()
        dialog.first.wait_for(state="detached", timeout=UI_TIMEOUT_MS)


CODE_CELL_PROMPTS = r"""() => [...document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell')]
    .filter(cell => (cell.querySelector('.cm-content')?.textContent || '').trim())
    .map(cell => cell.querySelector('.jp-InputArea-prompt')?.textContent || '')"""
"""The prompts of the drawn code cells that hold code (an empty cell is never run: ``[ ]:``)."""


def run_all_cells(page: Page, attempts: int = 3) -> None:
    """Run every cell through the menu (Run → Run All Cells), as a learner would.

    Just after the page loads, JupyterLab may not yet count the notebook as
    the current widget; the menu item is then disabled and a click does
    nothing. So: open the menu, click the item only once it is enabled, and
    try again if no cell gets queued. On a machine whose cores all run tests,
    JupyterLab has also been seen to drop the queued cells when it replaced
    the notebook's fresh session, or to run only the first cell; then cells
    stand unexecuted (``[ ]:``) once the kernel is idle, and a learner (and
    this helper) runs them all again.
    """
    menu = page.locator(".lm-MenuBar-item", has_text=re.compile(r"^Run$"))
    item = page.locator(
        ".lm-Menu-item:not(.lm-mod-disabled)",
        has=page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")),
    )
    for attempt in range(1, attempts + 1):
        accept_kernel_dialog(page)
        start_kernel_if_none(page)
        page.locator(".jp-NotebookPanel-toolbar").first.click(position={"x": 5, "y": 5})
        menu.click()
        try:
            item.click(timeout=UI_TIMEOUT_MS // attempts)
            # Some cell shows [*] (queued/running) or [n] (already done).
            page.wait_for_function(
                r"""() => [...document.querySelectorAll('.jp-NotebookPanel .jp-InputArea-prompt')]
                         .some(p => /\[[0-9*]+\]/.test(p.textContent))""",
                timeout=UI_TIMEOUT_MS // attempts,
            )
        except PlaywrightTimeoutError:
            page.keyboard.press("Escape")
            if attempt == attempts:
                raise
            continue
        wait_kernel_idle(page)
        prompts = page.evaluate(CODE_CELL_PROMPTS)
        executed = any(re.fullmatch(r"\s*\[[0-9]+\]:?\s*", p) for p in prompts)
        unrun = any(re.fullmatch(r"\s*\[ \]:?\s*", p) for p in prompts)
        if executed and not unrun:
            return
    raise AssertionError(f"Run All Cells left cells unexecuted, {attempts} times")


def record_outside_requests(context: BrowserContext) -> list[str]:
    """Start recording requests that leave the machine; return the (live) list of URLs.

    Offline, such a request hangs or fails, so a page that makes one would
    break for a learner without network, e.g. a widget loaded from a CDN.
    """
    outside: list[str] = []

    def note(request: Request) -> None:
        url = urllib.parse.urlsplit(request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.hostname not in LOCAL_HOSTS:
            outside.append(request.url)

    context.on("request", note)
    return outside


def broken_widget_texts(page: Page) -> list[str]:
    """Those of ``BROKEN_WIDGET_TEXTS`` that appear anywhere in the page."""
    body = page.locator("body").inner_text()
    return [text for text in BROKEN_WIDGET_TEXTS if text in body]


def radio_option(exercise: Locator, label: str) -> Locator:
    """The radio input labelled exactly ``label`` inside one exercise widget.

    ipywidgets 8 renders each option as ``<label>text<input type=radio></label>``.
    """
    return exercise.get_by_label(label, exact=True)


def delete_sessions(server: LabServer) -> None:
    """Shut down every kernel session, so the next test starts from a fresh kernel."""
    base = f"{server.base_url}/api/sessions"
    with urllib.request.urlopen(f"{base}?token={server.token}", timeout=10) as response:
        sessions = json.load(response)
    for session in sessions:
        request = urllib.request.Request(
            f"{base}/{session['id']}?token={server.token}", method="DELETE"
        )
        urllib.request.urlopen(request, timeout=30).close()


@contextmanager
def screenshot_on_failure(page: Page, folder: Path, name: str) -> Iterator[None]:
    """Save a screenshot if the block raises, and name the PNG in the error."""
    try:
        yield
    except BaseException as error:
        try:
            path = save_screenshot(page, folder, name)
        except Exception as shot_error:  # a dead page must not hide the real failure
            error.add_note(f"(no screenshot: {shot_error})")
        else:
            error.add_note(f"Screenshot of the page: {path}")
        raise


SAMPLES_CODE = f"""\
import sys
sys.path.insert(0, {str(Path(__file__).resolve().parent)!r})
import ipywidgets
from support.samples import SAMPLE_ANSWERS, sample_exercises
from ctcoop.exercises.widget import ExerciseWidget
samples = {{definition.id: ExerciseWidget(definition) for definition in sample_exercises()}}
kernel_saw = ipywidgets.Label("0").add_class("ctc-kernel-saw")
def count_change(change):
    kernel_saw.value = f"{{int(kernel_saw.value.split()[0]) + 1}} {{change['new']!r}}"
for sample in samples.values():
    for control in sample._controls.widgets:
        control.observe(count_change, "value")
kernel_saw
"""
"""A harness cell: the engine's own widgets, built from the test samples (no bank, no progress
store), as ``samples[id]``, and a readout (``.ctc-kernel-saw``, the tests' own, not the
course's) that counts the changes of their controls as the kernel receives them."""


class KernelCount:
    """Waits, after each change made to a sample's control, until the kernel has it.

    ipywidgets sends a control's change to the kernel only once the kernel has finished with
    the one before (later ones wait, in the page), but a button press goes at once: a test
    that presses Check straight after an arrow key can be judged on the choice before, as a
    hurried person could. So each change waits for the readout of ``SAMPLES_CODE`` to count
    one more.
    """

    def __init__(self, page: Page) -> None:
        self.page, self.changes = page, 0
        self.readout = page.locator(".ctc-kernel-saw")

    def changed(self) -> None:
        """One change was made (a click, a key press): wait until the kernel has counted it."""
        from playwright.sync_api import expect

        self.changes += 1
        expect(self.readout).to_have_text(
            re.compile(rf"^{self.changes}\b"), timeout=KERNEL_TIMEOUT_MS
        )

    def press(self, key: str) -> None:
        """Press ``key``, which changes the focused control once; wait for the kernel."""
        self.page.keyboard.press(key)
        self.changed()


# --- axe-core, the accessibility engine (npm axe-core, installed by ./course test) -------------

AXE = Path(sys.prefix) / "axe" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
"""The rules run: WCAG 2.1 A and AA, and best practice."""
BLOCKING = ("critical", "serious")
"""The impacts that fail a test; moderate and minor ones are printed and counted."""


def axe(page: Page, context: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """axe-core's violations in ``page`` (or in ``context``: axe's include/exclude lists)."""
    need(AXE.exists(), f"axe-core ({AXE}; ./course test installs it with npm)")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async ([context, tags]) => {
            const result = await axe.run(context || document,
                {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + '  ' + n.html.slice(0, 160))}));
        }""",
        [context, AXE_TAGS],
    )


def axe_report(where: str, violations: list[dict[str, Any]]) -> tuple[list[str], int]:
    """Print the counts; return the blocking violations (as lines) and the number of others."""
    counts = Counter(v["impact"] for v in violations for _ in v["nodes"])
    rules = ", ".join(f"{v['id']} ({v['impact']}, {len(v['nodes'])})" for v in violations)
    print(f"axe-core {where}: {dict(counts) or 'no violation'}{f': {rules}' if rules else ''}")
    blocking = [
        f"{where}: {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"][:3])
        for v in violations
        if v["impact"] in BLOCKING
    ]
    return blocking, sum(n for impact, n in counts.items() if impact not in BLOCKING)
