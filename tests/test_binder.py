"""Binder, checked offline: repo2docker's own detection reads ``binder/`` as intended.

``jupyter-repo2docker --no-build --debug`` runs the same detection Binder
runs and prints the Dockerfile it would build, without Docker. It runs on a
clean copy of the repository (the files git knows, as Binder clones them), so
that nothing local (``.venv``, build output) can change what it picks.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ctcoop.paths import repo_root

ROOT = repo_root()
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
