"""The store against hostile files: deep nesting, huge integers, FIFOs, links, stuck locks, debris.

Every test uses the real thing (a real FIFO, a real symbolic link, a lock held
by another process), never a mock of the file system.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest

from ctcoop.paths import PROGRESS_ENV
from ctcoop.record import progress


@pytest.fixture(autouse=True)
def fresh_warnings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test sees the store's first warning (they are given once per file)."""
    monkeypatch.setattr(progress, "_warned", set())
    monkeypatch.setattr(progress, "_pending", {})


@pytest.mark.parametrize(
    "content",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"format": 1, "exercises": {"01.mc": ' * 50_000 + b"{}" + b"}}" * 50_000,
        b'{"format": 1, "exercises": {}, "n": ' + b"7" * 5_000 + b"}",
        b'{"format": 1, "exercises": {"01.mc": {"attempts": 1' + b"0" * 5_000 + b"}}}",
        b"\x00\x01\x02binary\xff" * 100,
        b"",
    ],
    ids=["nested-arrays", "nested-objects", "5000-digits", "5000-digit-count", "binary", "empty"],
)
def test_json_the_parser_chokes_on_is_moved_aside(progress_path: Path, content: bytes) -> None:
    progress_path.parent.mkdir(parents=True)
    progress_path.write_bytes(content)
    with pytest.warns(UserWarning, match="moved it to"):
        assert progress.load_progress() == {"format": 1, "exercises": {}}
    assert progress_path.with_name("progress.json.corrupt-1").read_bytes() == content
    progress.record_attempt("01.mc", solved=True)
    assert progress.status("01.mc") == "done"


def test_a_file_too_large_to_be_progress_is_moved_aside(progress_path: Path) -> None:
    progress_path.parent.mkdir(parents=True)
    progress_path.write_bytes(b" " * (progress.MAX_BYTES + 1))
    with pytest.warns(UserWarning, match="larger than"):
        progress.load_progress()
    assert not progress_path.exists()


def test_a_symlinked_file_is_written_through_the_link(progress_path: Path, tmp_path: Path) -> None:
    persistent = tmp_path / "persistent" / "ctcoop-progress.json"
    persistent.parent.mkdir()
    progress_path.parent.mkdir(parents=True)
    progress_path.symlink_to(persistent)  # dangling until the first save
    progress.record_attempt("01.mc", solved=False)
    progress.record_attempt("01.mc", solved=True)
    assert progress_path.is_symlink() and progress_path.resolve() == persistent
    assert json.loads(persistent.read_text())["exercises"]["01.mc"]["attempts"] == 2
    assert progress.status("01.mc") == "done"
    assert [p.name for p in progress_path.parent.iterdir()] == ["progress.json"]


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_fifo_or_folder_at_the_path_is_refused_at_once(progress_path: Path, kind: str) -> None:
    progress_path.parent.mkdir(parents=True)
    os.mkfifo(progress_path) if kind == "fifo" else progress_path.mkdir()
    started = time.monotonic()
    with pytest.warns(UserWarning, match="kept in memory") as caught:
        progress.record_attempt("01.mc", solved=True)
        assert progress.status("01.mc") == "done"
        assert progress.load_progress()["exercises"]["01.mc"]["attempts"] == 1
    assert time.monotonic() - started < 5
    assert len(caught) == 1
    assert progress_path.is_fifo() if kind == "fifo" else progress_path.is_dir()


HOLD_LOCK = """
import sys, time
from filelock import FileLock
with FileLock(sys.argv[1]):
    print("held", flush=True)
    time.sleep(60)
"""


def test_a_lock_held_by_a_stuck_process_costs_little_and_nothing_is_lost(
    progress_path: Path,
) -> None:
    progress_path.parent.mkdir(parents=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, f"{progress_path}.lock"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.warns(UserWarning, match="lock") as caught:
            progress.record_attempt("01.mc", solved=False)
            progress.record_attempt("01.mc", solved=True)
        took = time.monotonic() - started
        assert len(caught) == 1  # warned once
        assert took < 2 * progress.LOCK_TIMEOUT_S + 2
        assert progress.status("01.mc") == "done"  # kept in memory
        assert not progress_path.exists()
    finally:
        holder.kill()
        holder.wait()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        progress.record_attempt("01.number", solved=False)  # the next save writes everything
    saved = json.loads(progress_path.read_text())["exercises"]
    assert saved["01.mc"]["attempts"] == 2 and saved["01.mc"]["solved"] is True
    assert saved["01.number"]["attempts"] == 1


def test_attempts_kept_in_memory_are_saved_when_the_kernel_exits(progress_path: Path) -> None:
    progress_path.parent.mkdir(parents=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK.replace("60", "4"), f"{progress_path}.lock"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    kernel = (
        "import warnings; warnings.simplefilter('ignore')\n"
        "from ctcoop.record.progress import record_attempt\n"
        "record_attempt('01.mc', solved=True)\n"
    )
    env = {**os.environ, PROGRESS_ENV: str(progress_path)}
    subprocess.run([sys.executable, "-c", kernel], env=env, check=True, timeout=60)
    holder.wait()
    assert json.loads(progress_path.read_text())["exercises"]["01.mc"]["solved"] is True


def test_stale_temporary_files_are_removed_by_the_next_write(progress_path: Path) -> None:
    progress_path.parent.mkdir(parents=True)
    stale = progress_path.with_name(".progress.json.abc123.tmp")
    fresh = progress_path.with_name(".progress.json.def456.tmp")  # another kernel's, mid-write
    other = progress_path.with_name(".notes.txt.aaa.tmp")
    for leftover in (stale, fresh, other):
        leftover.write_text('{"format": 1, "exer')
    old = time.time() - 2 * progress.STALE_TEMPORARY_S
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    progress.record_attempt("01.mc", solved=False)
    assert not stale.exists() and fresh.exists() and other.exists()


def test_a_kill_during_a_write_leaves_the_store_valid(progress_path: Path) -> None:
    progress.record_attempt("01.mc", solved=True)
    writer = (
        "import os, signal, json\n"
        "from ctcoop.record import progress\n"
        "real = json.dump\n"
        "def dump(*args, **kwargs):\n"
        "    real(*args, **kwargs)\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "progress.json.dump = dump\n"
        "progress.record_attempt('01.number', solved=False)\n"
    )
    env = {**os.environ, PROGRESS_ENV: str(progress_path)}
    run = subprocess.run([sys.executable, "-c", writer], env=env, timeout=60)
    assert run.returncode == -9
    (leftover,) = progress_path.parent.glob(".progress.json.*.tmp")
    assert progress.status("01.mc") == "done"  # the old file is intact
    old = time.time() - 2 * progress.STALE_TEMPORARY_S
    os.utime(leftover, (old, old))
    progress.record_attempt("01.mc", solved=False)
    assert not leftover.exists()


def test_after_a_successful_save_a_new_problem_is_warned_again(progress_path: Path) -> None:
    progress_path.parent.mkdir(parents=True)
    os.mkfifo(progress_path)
    with pytest.warns(UserWarning, match="kept in memory"):
        progress.record_attempt("01.mc", solved=False)
    progress_path.unlink()
    progress.record_attempt("01.mc", solved=True)  # saved, with the attempt kept before
    assert json.loads(progress_path.read_text())["exercises"]["01.mc"]["attempts"] == 2
    progress_path.unlink()
    os.mkfifo(progress_path)
    with pytest.warns(UserWarning, match="kept in memory"):
        progress.record_attempt("01.mc", solved=False)
