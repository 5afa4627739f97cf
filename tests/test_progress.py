"""The progress store: counts, statuses, a corrupted file, an unwritable folder, export, reset."""

from __future__ import annotations

import csv
import json
import os
import warnings
from pathlib import Path

import pytest
from support.samples import sample_bank_module

from ctcoop import bank, progress
from ctcoop.bank import Catalogue


def test_attempts_and_success_are_recorded(progress_path: Path) -> None:
    assert progress.status("01.mc") == "not yet"
    progress.record_attempt("01.mc", solved=False)
    assert progress.status("01.mc") == "tried"
    progress.record_attempt("01.mc", solved=True)
    progress.record_attempt("01.mc", solved=False)  # done stays done
    entry = json.loads(progress_path.read_text())["exercises"]["01.mc"]
    assert entry["attempts"] == 3 and entry["solved"] is True
    assert entry["first_solved"] and entry["last_attempt"] >= entry["first_solved"]
    assert progress.status("01.mc") == "done"
    assert progress.load_progress()["format"] == 1


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe",
        b"[]",
        b'{"format": 1, "exercises": []}',
        b'{"format": 1, "exercises": {"01.mc": {"attempts": "3", "solved": true}}}',
    ],
)
def test_a_corrupted_file_is_moved_aside_with_a_warning(progress_path: Path, content) -> None:
    progress_path.parent.mkdir(parents=True)
    progress_path.write_bytes(content)
    with pytest.warns(UserWarning) as caught:
        assert progress.load_progress() == {"format": 1, "exercises": {}}
    aside = progress_path.with_name("progress.json.corrupt-1")
    message = str(caught[0].message)
    assert str(progress_path) in message and str(aside) in message
    assert aside.read_bytes() == content
    progress.record_attempt("01.mc", solved=True)
    assert progress.status("01.mc") == "done"


def test_a_second_corruption_gets_the_next_number(progress_path: Path) -> None:
    progress_path.parent.mkdir(parents=True)
    for _ in range(2):
        progress_path.write_text("oops")
        with pytest.warns(UserWarning):
            progress.load_progress()
    assert progress_path.with_name("progress.json.corrupt-2").read_text() == "oops"


def test_an_unwritable_place_warns_once_and_keeps_progress_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the progress folder should be")
    monkeypatch.setenv("CTCOOP_PROGRESS", str(blocker / "progress.json"))
    with pytest.warns(UserWarning, match="kept in memory") as caught:
        progress.record_attempt("01.mc", solved=False)
        progress.record_attempt("01.mc", solved=True)
    assert len(caught) == 1
    assert progress.status("01.mc") == "done"
    assert progress.load_progress()["exercises"]["01.mc"]["attempts"] == 2
    blocker.unlink()  # the place becomes writable: the next save writes everything
    progress.record_attempt("01.mc", solved=False)
    saved = json.loads((blocker / "progress.json").read_text())["exercises"]["01.mc"]
    assert saved["attempts"] == 3 and saved["solved"] is True


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into read-only folders")
def test_a_read_only_folder_does_not_crash(progress_path: Path) -> None:
    progress_path.parent.mkdir(parents=True)
    progress_path.parent.chmod(0o500)
    try:
        with pytest.warns(UserWarning, match="cannot be saved"):
            progress.record_attempt("01.mc", solved=True)
        assert progress.status("01.mc") == "done"
    finally:
        progress_path.parent.chmod(0o700)


@pytest.fixture
def sample_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    catalogue = Catalogue.from_modules([sample_bank_module()])
    monkeypatch.setattr(bank, "catalogue", lambda: catalogue)


def test_export_csv_has_one_row_per_registered_exercise(
    sample_registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(progress.getpass, "getuser", lambda: "ada lovelace")
    progress.record_attempt("01.mc", solved=True)
    progress.record_attempt("01.order", solved=False)
    path = progress.export_progress()
    assert path == tmp_path / "ctcoop-progress-ada_lovelace.csv"
    with path.open(newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [row["id"] for row in rows] == [e.id for e in bank.all_exercises()]
    assert list(rows[0]) == list(progress.EXPORT_COLUMNS)
    by_id = {row["id"]: row for row in rows}
    assert by_id["01.mc"]["status"] == "done" and by_id["01.mc"]["first_solved"]
    assert by_id["01.order"]["status"] == "tried" and by_id["01.order"]["attempts"] == "1"
    assert by_id["01.code"]["status"] == "not yet" and by_id["01.code"]["lesson"] == "1"


def test_export_json(sample_registry, tmp_path: Path) -> None:
    path = progress.export_progress(tmp_path / "mine.json", fmt="json")
    document = json.loads(path.read_text())
    assert len(document["exercises"]) == 6 and document["user"]
    with pytest.raises(ValueError, match="fmt"):
        progress.export_progress(tmp_path / "x", fmt="xlsx")


def test_reset_needs_confirmation_and_keeps_a_backup(progress_path: Path) -> None:
    progress.record_attempt("01.mc", solved=True)
    with pytest.warns(UserWarning, match="confirm=True"):
        assert progress.reset_progress() is None
    assert progress.status("01.mc") == "done"
    backup = progress.reset_progress(confirm=True)
    assert progress.status("01.mc") == "not yet"
    assert "01.mc" in json.loads(backup.read_text())["exercises"]


def test_importing_progress_does_not_load_widgets_or_pandas() -> None:
    import subprocess
    import sys

    code = (
        "import sys, ctcoop.progress; print('ipywidgets' in sys.modules, 'pandas' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["False", "False"]


def test_no_warning_on_a_normal_save() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        progress.record_attempt("01.mc", solved=False)
