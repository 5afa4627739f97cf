"""The progress store: counts, statuses, answers seen before, solutions, corrupted files, reset."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ctcoop.paths import PROGRESS_ENV
from ctcoop.record import progress


def test_attempts_and_success_are_recorded(progress_path: Path) -> None:
    assert progress.status("01.mc") == "not_yet"
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
    monkeypatch.setenv(PROGRESS_ENV, str(blocker / "progress.json"))
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


def test_reset_needs_confirmation_and_keeps_a_backup(progress_path: Path) -> None:
    progress.record_attempt("01.mc", solved=True)
    with pytest.warns(UserWarning, match="confirm=True"):
        assert progress.reset_progress() is None
    assert progress.status("01.mc") == "done"
    backup = progress.reset_progress(confirm=True)
    assert progress.status("01.mc") == "not_yet"
    assert "01.mc" in json.loads(backup.read_text())["exercises"]


def test_the_store_imports_neither_bank_nor_engine_nor_widgets_nor_pandas() -> None:
    code = (
        "import sys, ctcoop.record.progress\n"
        "print(sorted(m for m in sys.modules if m.startswith(('ctcoop.bank', 'ctcoop.exercises',"
        " 'ctcoop.course', 'ipywidgets', 'pandas'))))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_the_same_answer_again_is_not_a_new_attempt(progress_path: Path) -> None:
    progress.record_attempt("01.mc", solved=False, fingerprint="aa11")
    progress.record_attempt("01.mc", solved=False, fingerprint="aa11")  # Restart and Run All
    progress.record_attempt("01.mc", solved=False, fingerprint="bb22")
    progress.record_attempt("01.mc", solved=True, fingerprint="cc33")
    progress.record_attempt("01.mc", solved=True, fingerprint="cc33")
    entry = json.loads(progress_path.read_text())["exercises"]["01.mc"]
    assert entry["attempts"] == 3 and entry["solved"] is True
    assert entry["answers"] == ["aa11", "bb22", "cc33"]


def test_answers_kept_are_bounded(progress_path: Path) -> None:
    for n in range(progress.MAX_ANSWERS + 5):
        progress.record_attempt("01.mc", solved=False, fingerprint=f"{n:04x}")
    entry = progress.load_progress()["exercises"]["01.mc"]
    assert entry["attempts"] == progress.MAX_ANSWERS + 5
    assert len(entry["answers"]) == progress.MAX_ANSWERS


def test_an_answer_in_a_solutions_notebook_is_solution_viewed_never_done(
    progress_path: Path,
) -> None:
    progress.record_attempt("01.mc", solved=True, fingerprint="cc33", solution=True)
    assert progress.status("01.mc") == "solution_viewed"
    entry = progress.load_progress()["exercises"]["01.mc"]
    assert entry["attempts"] == 0 and entry["solved"] is False and entry["solution_viewed"]
    progress.record_attempt("01.mc", solved=True, fingerprint="cc33")  # then solved for real
    assert progress.status("01.mc") == "done"
    assert progress.load_progress()["exercises"]["01.mc"]["attempts"] == 1


def test_statuses_have_labels() -> None:
    assert set(progress.STATUS_LABELS) == set(progress.STATUSES)
    assert progress.STATUS_LABELS["not_yet"] == "not yet"
    assert progress.status_of(None) == "not_yet"


def test_a_store_written_before_fingerprints_still_loads(progress_path: Path) -> None:
    progress_path.parent.mkdir(parents=True)
    old = {"attempts": 2, "solved": False, "first_solved": None, "last_attempt": "2025-01-01"}
    progress_path.write_text(json.dumps({"format": 1, "exercises": {"01.mc": old}}))
    progress.record_attempt("01.mc", solved=False, fingerprint="aa11")
    assert progress.load_progress()["exercises"]["01.mc"]["attempts"] == 3


def test_a_minimal_record_without_times_is_valid(progress_path: Path) -> None:
    progress_path.parent.mkdir(parents=True)
    store = {"format": 1, "exercises": {"01.mc": {"attempts": 1, "solved": True}}}
    progress_path.write_text(json.dumps(store))
    progress.record_attempt("01.mc", solved=True, fingerprint="aa11")
    entry = progress.load_progress()["exercises"]["01.mc"]
    assert entry["attempts"] == 2 and entry["first_solved"] and entry["last_attempt"]


def test_no_warning_on_a_normal_save() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        progress.record_attempt("01.mc", solved=False)


ATTEMPTS = st.lists(
    st.tuples(st.sampled_from(["aa", "bb", "cc", None]), st.booleans(), st.booleans()), max_size=8
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(attempts=ATTEMPTS)
def test_counts_follow_the_rules_for_any_sequence(progress_path: Path, attempts) -> None:
    """Attempts = distinct answers (plus unfingerprinted ones); solutions never count."""
    progress.reset_progress(confirm=True)
    for fingerprint, solved, solution in attempts:
        progress.record_attempt("01.mc", solved, fingerprint=fingerprint, solution=solution)
    own = [(f, s) for f, s, solution in attempts if not solution]
    counted, seen = [], set()
    for fingerprint, solved in own:
        if fingerprint is None or fingerprint not in seen:
            counted.append(solved)
            seen.add(fingerprint)
    entry = progress.load_progress()["exercises"].get("01.mc")
    assert (entry["attempts"] if entry else 0) == len(counted)
    assert (bool(entry) and entry["solved"]) == any(counted)
    expected = (
        "done"
        if any(counted)
        else "solution_viewed"
        if len(own) < len(attempts)
        else "tried"
        if counted
        else "not_yet"
    )
    assert progress.status("01.mc") == expected
