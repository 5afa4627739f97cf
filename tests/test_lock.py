"""The lock files pin every package, match pyproject.toml, and are what Binder installs."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from ctcoop.paths import repo_root
from ctcoop.tools.lockfile import INSTALLER, LOCKS, PYTHON, fingerprint, stale_locks

ALL_LOCKS = [*LOCKS, INSTALLER]

ROOT = repo_root()


def _pins(lock: Path) -> dict[str, str]:
    return {
        name.lower(): version
        for name, version in re.findall(r"^([A-Za-z0-9_.\-]+)==(\S+)", lock.read_text(), re.M)
    }


def test_the_locks_were_made_from_the_current_pyproject():
    assert stale_locks(ROOT) == [], "run ./course lock after editing pyproject.toml"


def test_a_changed_dependency_makes_the_locks_stale(tmp_path: Path):
    for name in ("pyproject.toml", *ALL_LOCKS):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    before = fingerprint(tmp_path / "pyproject.toml")
    text = (tmp_path / "pyproject.toml").read_text()
    (tmp_path / "pyproject.toml").write_text(text.replace('"pandas>=2.2,<3"', '"pandas>=2.1,<3"'))
    assert fingerprint(tmp_path / "pyproject.toml") != before
    assert stale_locks(tmp_path) == ALL_LOCKS


def test_every_package_is_pinned_with_hashes():
    for name in ALL_LOCKS:
        text = (ROOT / name).read_text()
        requirements = [line for line in text.splitlines() if re.match(r"^[A-Za-z0-9]", line)]
        assert requirements, name
        assert all("==" in line for line in requirements), name
        blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 3)[-1])
        assert all("--hash=sha256:" in block for block in blocks if "==" in block), name


def test_the_dev_lock_keeps_the_runtime_versions():
    runtime = _pins(ROOT / "requirements/runtime.txt")
    dev = _pins(ROOT / "requirements/dev.txt")
    assert {name: dev.get(name) for name in runtime} == runtime


def test_the_installer_lock_is_uv_alone_at_the_dev_version():
    installer = _pins(ROOT / INSTALLER)
    assert list(installer) == ["uv"]
    assert _pins(ROOT / "requirements/dev.txt")["uv"] == installer["uv"]


def test_binder_installs_the_runtime_lock_on_the_locked_python():
    assert "-r ../requirements/runtime.txt" in (ROOT / "binder/requirements.txt").read_text()
    assert (ROOT / "binder/runtime.txt").read_text().strip() == f"python-{PYTHON}"
    assert "pip install --no-deps -e ." in (ROOT / "binder/postBuild").read_text()
    conda = (ROOT / "environment.yml").read_text()
    assert re.search(rf"^  - python={re.escape(PYTHON)}$", conda, re.M)
