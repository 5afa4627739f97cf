"""A newcomer's first ``./course start``: fresh clone, no ``.venv``, the whole course reachable.

This test installs the course into a new virtual environment, as a newcomer's
first start does, with two differences that keep it offline and quick: the
clone uses this checkout's uv (``CTCOOP_UV``) instead of installing uv with pip,
and uv takes the locked files, hashes checked, from its cache (``UV_OFFLINE``),
which ``./course test``'s own install filled; so it runs beside the other tests
in seconds. (A fresh clone's pip install of uv is what CI's first install
does.) Run it alone with::

    .venv/bin/python -m pytest -m newcomer tests/test_course_start.py
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from ctcoop.paths import repo_root

ROOT = repo_root()
START_TIMEOUT_S = 900  # creating the venv and installing JupyterLab, on a busy machine
PATHS = ["exercises", "solutions", "notebooks/00_start_here.ipynb"]
UV = Path(sys.executable).with_name("uv")  # from the dev lock

pytestmark = pytest.mark.newcomer


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fresh_clone(target: Path) -> Path:
    """A clone of this checkout's current commit, as a newcomer would have it."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.fail("the newcomer test needs git and a git checkout")
    subprocess.run(
        ["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(target)], check=True
    )
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "HEAD"], check=True, capture_output=True, text=True
    ).stdout.strip()
    subprocess.run(["git", "-C", str(target), "checkout", "--quiet", head], check=True)
    assert not (target / ".venv").exists()
    return target


def _get(url: str, token: str) -> dict:
    request = urllib.request.Request(url, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def _wait_for_server(process: subprocess.Popen, url: str, token: str, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"./course start exited ({process.returncode}):\n{log.read_text()[-3000:]}")
        try:
            _get(f"{url}/api/status", token)
            return
        except OSError:
            time.sleep(2)
    pytest.fail(f"JupyterLab did not answer within {START_TIMEOUT_S} s:\n{log.read_text()[-3000:]}")


def test_course_start_from_a_fresh_clone_serves_the_whole_course(tmp_path: Path) -> None:
    clone = _fresh_clone(tmp_path / "course")
    port, token = _free_port(), secrets.token_hex(16)
    home = tmp_path / "home"  # Jupyter's config and runtime files, away from the real ones
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_DATA_DIR": str(home / "data"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "CTCOOP_UV": str(UV),
        "UV_OFFLINE": "1",
    }
    log = tmp_path / "start.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [
                "./course",
                "start",
                "--no-browser",
                f"--port={port}",
                "--ServerApp.ip=127.0.0.1",
                "--ServerApp.port_retries=0",
                f"--IdentityProvider.token={token}",
            ],
            cwd=clone,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for_server(process, url, token, log)
        for path in PATHS:
            model = _get(f"{url}/api/contents/{path}?content=0", token)
            assert model["path"] == path, model
        listing = _get(f"{url}/api/contents/exercises", token)
        assert any(item["name"] == "01_why_cooperate.ipynb" for item in listing["content"])
        overrides = clone / ".venv/share/jupyter/lab/settings/overrides.json"
        settings = json.loads(overrides.read_text())
        assert settings["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
        # The notebook's own kernel starts without a "Select Kernel" dialog.
        assert settings["@jupyterlab/notebook-extension:tracker"]["autoStartDefaultKernel"] is True
        # What a browser would open: Jupyter writes it to its runtime folder.
        [opener] = (home / "runtime").glob("jpserver-file-to-run-*-open.html")
        assert "lab/tree/notebooks/00_start_here.ipynb" in opener.read_text()
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
