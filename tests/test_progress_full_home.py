"""A learner whose home is full: the progress store says so once and keeps the answer in memory.

The disk filling up is simulated where it shows: the store's write of its
temporary file fails with ENOSPC ("No space left on device").
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from ctcoop.paths import PROGRESS_ENV
from ctcoop.record import progress


def test_a_full_home_gives_one_warning_and_keeps_the_attempt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / ".ctcoop" / "progress.json"
    monkeypatch.setenv(PROGRESS_ENV, str(store))
    progress.record_attempt("01.first", solved=False)  # saved while there is room

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(progress.os, "fsync", full)
    with pytest.warns(UserWarning, match="No space left on device") as caught:
        progress.record_attempt("01.second", solved=True)
        progress.record_attempt("01.third", solved=False)
    assert len(caught) == 1  # said once, not at every answer
    assert "kept in memory" in str(caught[0].message)
    assert progress.status("01.second") == "done"  # the learner's answer is not lost
    assert [p.name for p in store.parent.iterdir() if p.suffix == ".tmp"] == []

    monkeypatch.undo()  # room again: the next answer saves everything kept
    monkeypatch.setenv(PROGRESS_ENV, str(store))
    progress.record_attempt("01.fourth", solved=False)
    saved = json.loads(store.read_text(encoding="utf-8"))["exercises"]
    assert {"01.first", "01.second", "01.third", "01.fourth"} <= set(saved)
