"""Binder, checked as far as this machine allows: repo2docker's detection and a Binder-like session.

``jupyter-repo2docker --no-build --debug`` runs the same detection Binder
runs and prints the Dockerfile it would build, without Docker. It runs on a
clean copy of the repository (the files git knows, as Binder clones them), so
that nothing local (``.venv``, build output) can change what it picks.

The Binder-like session builds a fresh venv from ``binder/requirements.txt``
and ``binder/postBuild`` only, starts JupyterLab in the repository root, opens
the README badge's ``urlpath`` in Chromium and runs the notebook to the end.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import nbformat
import pytest
from browser_support import (
    CHROMIUM,
    KERNEL_TIMEOUT_MS,
    UI_TIMEOUT_MS,
    LabServer,
    broken_widget_texts,
    launch_chromium,
    record_outside_requests,
    run_all_cells,
    screenshot_on_failure,
    wait_kernel_idle,
)
from support.settings import need
from test_hub import port_in_range

from ctcoop import bank
from ctcoop.paths import repo_root

ROOT = repo_root()
README = ROOT / "README.md"
UV = Path(sys.executable).with_name("uv")  # from the dev lock; ./course installs with it
REPO2DOCKER = Path(sys.executable).with_name("jupyter-repo2docker")


@pytest.fixture(scope="module")
def clean_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's tracked and new (not ignored) files, as a fresh clone would have them."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    copy = tmp_path_factory.mktemp("binder") / "repo"
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    return copy


@pytest.fixture(scope="module")
def detection(clean_copy: Path) -> str:
    """What repo2docker prints for the copy: its choices, then the Dockerfile."""
    if not REPO2DOCKER.exists():
        pytest.skip("jupyter-repo2docker is not installed (requirements/dev.txt has it)")
    done = subprocess.run(
        [str(REPO2DOCKER), "--no-build", "--debug", str(clean_copy)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout + done.stderr


def test_repo2docker_reads_the_binder_folder(detection: str, clean_copy: Path) -> None:
    runtime = (clean_copy / "binder" / "runtime.txt").read_text().strip()
    assert runtime.startswith("python-")
    # Python from binder/runtime.txt ...
    assert f"python={runtime.removeprefix('python-')}" in detection
    # ... pip from binder/requirements.txt, then binder/postBuild, in that order ...
    install = detection.index('pip install --no-cache-dir -r "binder/requirements.txt"')
    assert install < detection.index("./binder/postBuild")
    # ... and nothing from the files at the top that Binder would use without binder/.
    assert "environment.yml" not in detection
    assert "COPY --chown=0:0 src/ ${REPO_DIR}/" in detection  # the whole repository is there


def test_the_binder_requirements_are_the_runtime_lock(clean_copy: Path) -> None:
    """binder/requirements.txt installs requirements/runtime.txt, pinned with hashes."""
    lines = [
        line.strip()
        for line in (clean_copy / "binder" / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert lines == ["-r ../requirements/runtime.txt"]
    lock = (clean_copy / "requirements" / "runtime.txt").read_text()
    pins = [line for line in lock.splitlines() if "==" in line and not line.startswith("#")]
    assert pins and lock.count("--hash=sha256:") >= len(pins)
    post_build = (clean_copy / "binder" / "postBuild").read_text()
    assert "pip install --no-deps -e ." in post_build  # the course itself, nothing unpinned


def _dev_pin(name: str) -> str:
    """``name==version`` as the dev lock pins it."""
    lock = (ROOT / "requirements" / "dev.txt").read_text()
    found = re.search(rf"^{re.escape(name)}==\S+", lock, re.M)
    assert found, f"requirements/dev.txt does not pin {name}"
    return found.group(0)


@pytest.fixture(scope="module")
def binder_env(clean_copy: Path) -> Path:
    """A fresh venv built from what Binder reads: binder/requirements.txt, then postBuild.

    Binder's pip installs the requirements from the package index; here uv installs the
    same file, hashes checked, from its cache (which ``./course test``'s own install
    filled), offline and in seconds. Then ``binder/postBuild`` runs unchanged, with pip; the
    build backend that pip would fetch for its editable install (setuptools, at the dev
    lock's version) is put in the venv first, and pip is told to use it
    (``PIP_NO_BUILD_ISOLATION=0``) and to stay off the index.
    """
    runtime = (clean_copy / "binder" / "runtime.txt").read_text().strip()
    wanted = runtime.removeprefix("python-")
    if f"{sys.version_info.major}.{sys.version_info.minor}" != wanted:
        pytest.skip(f"binder/runtime.txt asks for Python {wanted}")
    venv = clean_copy.parent / "binder-venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    env = {**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    env.pop("PYTHONPATH", None)
    env.update(UV_OFFLINE="1", PIP_NO_INDEX="1", PIP_NO_BUILD_ISOLATION="0")
    uv = [str(UV), "pip", "install", "--quiet", "--python", str(venv / "bin" / "python")]
    for step in (
        [*uv, "--require-hashes", "-r", "binder/requirements.txt"],  # as pip does with hashes
        [*uv, _dev_pin("setuptools")],
        ["./binder/postBuild"],  # run from the repository root, as repo2docker does
    ):
        done = subprocess.run(step, cwd=clean_copy, env=env, capture_output=True, text=True)
        assert done.returncode == 0, f"{step}: {done.stderr[-3000:]}"
    return venv / "bin" / "python"


@dataclass
class BinderLab(LabServer):
    """JupyterLab from the Binder-like venv, in the repository root as Binder serves it."""

    python: Path = Path(sys.executable)

    def command(self) -> list[str]:
        return [str(self.python), *super().command()[1:]]


@pytest.mark.newcomer
@pytest.mark.browser
def test_the_badge_opens_the_start_notebook_in_a_binder_like_session(
    binder_env: Path, clean_copy: Path, tmp_path: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    need(CHROMIUM.exists(), f"Chromium ({CHROMIUM})")
    badge = re.search(r"mybinder\.org/v2/gh/[^)\s]+\?urlpath=([^)\s&]+)", README.read_text())
    assert badge, "README.md has no Binder badge with a urlpath"
    urlpath = unquote(badge.group(1))
    home = tmp_path / "lab-home"
    env = {
        "CTCOOP_PROGRESS": str(home / "progress.json"),
        "PATH": f"{binder_env.parent}:/usr/bin:/bin",
    }
    port = port_in_range(set())
    server = BinderLab(root_dir=clean_copy, home=home, env=env, port=port, python=binder_env)
    try:
        server.start()
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(UI_TIMEOUT_MS)
            outside = record_outside_requests(page.context)
            with screenshot_on_failure(page, tmp_path, "binder-start"):
                page.goto(server.url(urlpath), timeout=KERNEL_TIMEOUT_MS)
                page.locator(".jp-NotebookPanel .jp-Notebook").first.wait_for(
                    timeout=KERNEL_TIMEOUT_MS
                )
                wait_kernel_idle(page)
                run_all_cells(page)
                wait_kernel_idle(page)
                # Run to the end: every code cell has run, and every exercise widget shows.
                notebook = nbformat.read(clean_copy / urlpath.removeprefix("lab/tree/"), 4)
                code_cells = sum(cell.cell_type == "code" for cell in notebook.cells)
                last = page.locator(".jp-CodeCell .jp-InputPrompt").nth(code_cells - 1)
                last.scroll_into_view_if_needed()
                expect(last).to_have_text(
                    re.compile(r"^\s*\[\d+\]:\s*$"), timeout=KERNEL_TIMEOUT_MS
                )
                lesson = int(Path(urlpath).name[:2])
                for exercise in [e for e in bank.all_exercises() if e.lesson == lesson]:
                    widget = page.locator(".ctc-exercise", has_text=f"Exercise {exercise.id}:")
                    widget.scroll_into_view_if_needed(timeout=KERNEL_TIMEOUT_MS)
                    assert widget.locator(".ctc-check").count() == 1, exercise.id
                assert broken_widget_texts(page) == []
            browser.close()
        assert outside == [], outside[:5]
    finally:
        server.stop()
