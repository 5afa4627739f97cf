"""Fixtures for the unit tests: each test gets its own progress file."""

from __future__ import annotations

from pathlib import Path

import pytest

from ctcoop.paths import PROGRESS_ENV


@pytest.fixture(autouse=True)
def progress_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point ``CTCOOP_PROGRESS`` at a fresh file in this test's temporary folder."""
    path = tmp_path / "progress" / "progress.json"
    monkeypatch.setenv(PROGRESS_ENV, str(path))
    return path
