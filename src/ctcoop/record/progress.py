"""Each learner's progress, in one JSON file that several kernels can write at once.

This is the record layer: it knows a file, a lock and exercise ids as plain
strings, and nothing of the exercise bank or the widgets (the course layer,
``ctcoop.course``, calls it). It also holds the one status vocabulary (ids,
labels, colours) that the dashboard, the export and the class report share.
The file (``ctcoop.paths.progress_file()``)
looks like::

    {"format": 1, "exercises": {"02.interpol-powers":
        {"attempts": 3, "solved": true, "first_solved": "2025-...", "last_attempt": "2025-...",
         "answers": ["3f2a...", ...], "solution_viewed": null}}}

``answers`` holds the fingerprints of the answers judged so far, so that the
same answer given again (Restart and Run All) is not a new attempt.
``solution_viewed`` is the time an exercise was first run in a solutions
notebook: that is never the learner's own work, so it never counts as an
attempt or a success.

Why it is written this way:

- Every write takes a lock on ``<file>.lock``, re-reads the file, merges, writes
  a temporary file in the same folder, fsyncs and renames it over the old one.
  Two notebooks open side by side lose no attempt, and a reader never sees a
  half-written file. Temporary files left by a killed kernel are removed by a
  later write once they are a minute old.
- A file that is not valid progress (bad JSON, too deep or too large to parse,
  wrong shape) is moved aside to ``<file>.corrupt-<n>`` with a warning, and a
  fresh store begins: a learner's notebook must never crash because of it.
- A symbolic link at the path (persistent storage on a hub) is followed: the
  file it points to is replaced, the link stays.
- Anything else in the way (a read-only home, a full disk, a FIFO or a folder
  at the path, a lock held by a stuck kernel for more than ``LOCK_TIMEOUT_S``)
  gives one warning; attempts are kept in memory, written by the next
  successful save and tried once more when the kernel exits.
"""

from __future__ import annotations

import atexit
import json
import os
import stat
import tempfile
import time
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from filelock import FileLock, Timeout

from ctcoop.palette import NEUTRAL, OKABE_ITO
from ctcoop.paths import progress_file

__all__ = [
    "FORMAT",
    "LOCK_TIMEOUT_S",
    "STATUSES",
    "STATUS_COLOURS",
    "STATUS_LABELS",
    "Progress",
    "load_progress",
    "record_attempt",
    "reset_progress",
    "status",
    "status_of",
]

FORMAT = 1
LOCK_TIMEOUT_S = 1.5  # a stuck kernel's lock costs the learner at most this long, once
EXIT_LOCK_TIMEOUT_S = 10.0  # the last try, when the kernel exits, may wait longer
MAX_BYTES = 5_000_000  # far above any real store (about 200 bytes per exercise)
MAX_ANSWERS = 50  # fingerprints kept per exercise; older ones are forgotten
STALE_TEMPORARY_S = 60.0

Progress = Literal["done", "tried", "not_yet", "solution_viewed"]
STATUSES: tuple[Progress, ...] = ("done", "tried", "not_yet", "solution_viewed")
STATUS_LABELS: dict[str, str] = {
    "done": "done",
    "tried": "tried",
    "not_yet": "not yet",
    "solution_viewed": "solution viewed",
}
STATUS_COLOURS: dict[str, str] = {  # Okabe-Ito, for the dashboard and the class report
    "done": OKABE_ITO["bluish green"],
    "tried": OKABE_ITO["orange"],
    "not_yet": NEUTRAL,
    "solution_viewed": OKABE_ITO["blue"],
}

Entry = dict[str, Any]


@dataclass(frozen=True)
class _Attempt:
    """One judged answer not yet written to the file."""

    exercise_id: str
    solved: bool
    fingerprint: str | None
    solution: bool
    time: str


_pending: dict[Path, list[_Attempt]] = {}  # per (resolved) progress file
_warned: set[Path] = set()


class _Unreadable(ValueError):
    """The progress file exists but does not hold valid progress."""


class _NotAFile(OSError):
    """Something other than a regular file sits at the progress path."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _empty() -> dict[str, Any]:
    return {"format": FORMAT, "exercises": {}}


def _target() -> Path:
    """The progress file, with a symbolic link followed to the file it names."""
    path = progress_file()
    return path.resolve() if path.is_symlink() else path


def _valid_entry(entry: object) -> bool:
    if not isinstance(entry, dict):
        return False
    attempts = entry.get("attempts")
    answers = entry.get("answers", [])
    return (
        isinstance(attempts, int)
        and not isinstance(attempts, bool)
        and attempts >= 0
        and isinstance(entry.get("solved"), bool)
        and all(
            entry.get(k) is None or isinstance(entry.get(k), str)
            for k in ("first_solved", "last_attempt", "solution_viewed")
        )
        and isinstance(answers, list)
        and all(isinstance(a, str) for a in answers)
    )


def _parse(raw: bytes) -> dict[str, Any]:
    if len(raw) > MAX_BYTES:
        raise _Unreadable(f"larger than {MAX_BYTES:,} bytes")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        # ValueError covers bad JSON and integers too long to convert;
        # RecursionError covers arrays or objects nested too deep.
        raise _Unreadable(f"not valid JSON: {type(error).__name__}: {str(error)[:100]}") from None
    if not (
        isinstance(data, dict)
        and data.get("format") == FORMAT
        and isinstance(data.get("exercises"), dict)
    ):
        raise _Unreadable(f"not a progress file of format {FORMAT}")
    bad = [key for key, entry in data["exercises"].items() if not _valid_entry(entry)]
    if bad:
        raise _Unreadable(f"unexpected record for {str(bad[0])[:80]!r}")
    return data


def _move_aside(path: Path, reason: str) -> None:
    number = 1
    while (aside := path.with_name(f"{path.name}.corrupt-{number}")).exists():
        number += 1
    try:
        os.replace(path, aside)
    except OSError as error:
        warnings.warn(
            f"Progress file {path} is unreadable ({reason}) and could not be moved "
            f"to {aside} ({error}); starting from empty progress.",
            stacklevel=5,
        )
        return
    warnings.warn(
        f"Progress file {path} was unreadable ({reason}); moved it to {aside} and "
        "started a fresh progress store.",
        stacklevel=5,
    )


def _read_bytes(path: Path) -> bytes | None:
    """The file's bytes, None if there is none; refuses (never blocks on) a FIFO or device."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise _NotAFile("a folder is in the way") from None
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise _NotAFile("it is not a regular file")
        return stream.read(MAX_BYTES + 1)


def _check_regular(path: Path) -> None:
    """Refuse to replace anything but a regular file (a FIFO or folder someone put there)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise _NotAFile("it is not a regular file")


def _read(path: Path, locked: bool) -> dict[str, Any]:
    """The saved store; an unreadable file is moved aside (only under the lock)."""
    try:
        raw = _read_bytes(path)
    except OSError as error:
        _warn_once(path, f"cannot read it ({error})")
        return _empty()
    if raw is None:
        return _empty()
    try:
        return _parse(raw)
    except _Unreadable as problem:
        if locked:
            _move_aside(path, str(problem))
            return _empty()
    try:  # another kernel may be replacing it: look again under the lock
        return _locked(path, lambda: _read(path, locked=True))
    except OSError as error:
        _warn_once(path, str(error))
        return _empty()


def _locked(path: Path, action: Any, timeout: float | None = None) -> Any:
    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(f"{path}.lock", timeout=LOCK_TIMEOUT_S if timeout is None else timeout):
        return action()


def _apply(exercises: dict[str, Entry], attempts: list[_Attempt]) -> dict[str, Entry]:
    """The saved records with attempts made since: a known answer again changes nothing."""
    merged = dict(exercises)
    for attempt in attempts:
        entry = dict(
            merged.get(attempt.exercise_id)
            or {"attempts": 0, "solved": False, "first_solved": None, "last_attempt": None}
        )
        if attempt.solution:
            entry["solution_viewed"] = entry.get("solution_viewed") or attempt.time
        elif attempt.fingerprint is None or attempt.fingerprint not in entry.get("answers", []):
            entry["attempts"] += 1
            if attempt.fingerprint is not None:
                entry["answers"] = [*entry.get("answers", []), attempt.fingerprint][-MAX_ANSWERS:]
            if attempt.solved:
                entry["solved"] = True
                entry["first_solved"] = min(filter(None, (entry.get("first_solved"), attempt.time)))
            entry["last_attempt"] = max(filter(None, (entry.get("last_attempt"), attempt.time)))
        merged[attempt.exercise_id] = entry
    return merged


def _with_pending(store: dict[str, Any], path: Path) -> dict[str, Any]:
    return {"format": FORMAT, "exercises": _apply(store["exercises"], _pending.get(path, []))}


def _remove_stale_temporaries(path: Path) -> None:
    """Temporary files of writes that never finished (a kernel killed mid-write)."""
    limit = time.time() - STALE_TEMPORARY_S
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            if leftover.lstat().st_mtime < limit:
                leftover.unlink()
        except OSError:
            pass  # another kernel removed it first, or it is not ours to remove


def _write(path: Path, store: dict[str, Any]) -> None:
    _check_regular(path)
    _remove_stale_temporaries(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(store, stream, indent=1, sort_keys=True)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _warn_once(path: Path, reason: str) -> None:
    if path not in _warned:
        _warned.add(path)
        warnings.warn(
            f"Progress cannot be saved to {path}: {reason}. It is kept in memory "
            "and saved again with your next answer.",
            stacklevel=5,
        )


def _save_pending(path: Path, timeout: float | None = None) -> None:
    def merge_and_write() -> None:
        _write(path, _with_pending(_read(path, locked=True), path))
        _pending.pop(path, None)
        _warned.discard(path)  # saved again: a later problem deserves a new warning

    try:
        _locked(path, merge_and_write, timeout)
    except OSError as error:  # read-only folder, full disk, a FIFO, lock timeout
        if isinstance(error, Timeout):
            _warn_once(path, f"another program has held its lock {error.lock_file} too long")
        else:
            _warn_once(path, str(error))


@atexit.register
def _save_at_exit() -> None:
    """Last chance for attempts kept in memory: when the kernel shuts down."""
    for path in list(_pending):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _save_pending(path, EXIT_LOCK_TIMEOUT_S)


def record_attempt(
    exercise_id: str, solved: bool, *, fingerprint: str | None = None, solution: bool = False
) -> None:
    """Record one judged answer to ``exercise_id``.

    ``fingerprint`` identifies the answer: an answer already recorded is not
    counted again. ``solution=True`` marks an answer run in a solutions
    notebook: it records "solution viewed", never an attempt or a success.
    """
    path = _target()
    attempt = _Attempt(str(exercise_id), bool(solved), fingerprint, bool(solution), _now())
    _pending.setdefault(path, []).append(attempt)
    _save_pending(path)


def load_progress() -> dict[str, Any]:
    """The whole store: ``{"format": 1, "exercises": {id: record}}``, unsaved attempts included."""
    path = _target()
    return _with_pending(_read(path, locked=False), path)


def status_of(entry: Entry | None) -> Progress:
    """The progress of one record: ``done`` once solved, ``solution_viewed`` once the
    solution was run (and not solved), ``tried`` after a wrong answer, else ``not_yet``."""
    if entry and entry["solved"]:
        return "done"
    if entry and entry.get("solution_viewed"):
        return "solution_viewed"
    return "tried" if entry and entry["attempts"] else "not_yet"


def status(exercise_id: str) -> Progress:
    """The progress of one exercise (see ``status_of``)."""
    return status_of(load_progress()["exercises"].get(exercise_id))


def reset_progress(confirm: bool = False) -> Path | None:
    """Start again from empty progress; the old file is kept as ``<file>.before-reset``.

    Nothing happens unless ``confirm=True``, so a stray call cannot wipe a
    learner's work. Returns the backup path (None when there was nothing to keep).
    """
    if not confirm:
        warnings.warn(
            "Nothing was reset: call reset_progress(confirm=True) to start again.", stacklevel=2
        )
        return None
    path = _target()

    def reset() -> Path | None:
        backup = path.with_name(f"{path.name}.before-reset")
        kept = None
        if path.exists():
            os.replace(path, backup)
            kept = backup
        _write(path, _empty())
        return kept

    _pending.pop(path, None)
    return _locked(path, reset)
