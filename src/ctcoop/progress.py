"""Each learner's progress, in one JSON file that several kernels can write at once.

The file (``ctcoop.paths.progress_file()``) looks like::

    {"format": 1, "exercises": {"02.interpol-powers":
        {"attempts": 3, "solved": true, "first_solved": "2025-...", "last_attempt": "2025-..."}}}

Why it is written this way:

- Every write takes a lock on ``<file>.lock``, re-reads the file, merges, writes
  a temporary file in the same folder, fsyncs and renames it over the old one.
  Two notebooks open side by side lose no attempt, and a reader never sees a
  half-written file.
- A file that is not valid progress (bad JSON, wrong shape) is moved aside to
  ``<file>.corrupt-<n>`` with a warning, and a fresh store begins: a learner's
  notebook must never crash because of it.
- If the file cannot be written (read-only home on some hubs), a warning says
  so once and progress is kept in memory for the session; it is written out by
  the next successful save.

API: ``record_attempt``, ``load_progress``, ``status``, ``export_progress``,
``reset_progress``. Only answers that were judged (right or wrong) count as
attempts; the ``...`` placeholder and unreadable input do not.
"""

from __future__ import annotations

import csv
import getpass
import json
import os
import re
import tempfile
import warnings
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from ctcoop.paths import progress_file

FORMAT = 1
LOCK_TIMEOUT_S = 30
EXPORT_COLUMNS = ("user", "lesson", "id", "title", "status", "attempts", "first_solved")

Entry = dict[str, Any]
_pending: dict[Path, dict[str, Entry]] = {}  # attempts not yet saved, per progress file
_warned: set[Path] = set()


class _Unreadable(ValueError):
    """The progress file exists but does not hold valid progress."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _empty() -> dict[str, Any]:
    return {"format": FORMAT, "exercises": {}}


def _valid_entry(entry: object) -> bool:
    if not isinstance(entry, dict):
        return False
    attempts = entry.get("attempts")
    return (
        isinstance(attempts, int)
        and not isinstance(attempts, bool)
        and attempts >= 0
        and isinstance(entry.get("solved"), bool)
        and all(
            entry.get(k) is None or isinstance(entry.get(k), str)
            for k in ("first_solved", "last_attempt")
        )
    )


def _parse(raw: bytes) -> dict[str, Any]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise _Unreadable(f"not valid JSON: {error}") from None
    if not (
        isinstance(data, dict)
        and data.get("format") == FORMAT
        and isinstance(data.get("exercises"), dict)
    ):
        raise _Unreadable(f"not a progress file of format {FORMAT}")
    bad = [key for key, entry in data["exercises"].items() if not _valid_entry(entry)]
    if bad:
        raise _Unreadable(f"unexpected record for {bad[0]!r}")
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
            stacklevel=4,
        )
        return
    warnings.warn(
        f"Progress file {path} was unreadable ({reason}); moved it to {aside} and "
        "started a fresh progress store.",
        stacklevel=4,
    )


def _read(path: Path, locked: bool) -> dict[str, Any]:
    """The saved store; an unreadable file is moved aside (only under the lock)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return _empty()
    except OSError as error:
        _warn_once(path, f"cannot read it ({error})")
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


def _locked(path: Path, action: Any) -> Any:
    from filelock import FileLock

    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(f"{path}.lock", timeout=LOCK_TIMEOUT_S):
        return action()


def _merge(entry: Entry | None, delta: Entry) -> Entry:
    """Combine a saved record with attempts made since: counts add, first success wins."""
    if entry is None:
        return dict(delta)
    firsts = [t for t in (entry.get("first_solved"), delta.get("first_solved")) if t]
    lasts = [t for t in (entry.get("last_attempt"), delta.get("last_attempt")) if t]
    return {
        "attempts": entry["attempts"] + delta["attempts"],
        "solved": entry["solved"] or delta["solved"],
        "first_solved": min(firsts) if firsts else None,
        "last_attempt": max(lasts) if lasts else None,
    }


def _with_pending(store: dict[str, Any], path: Path) -> dict[str, Any]:
    merged = dict(store["exercises"])
    for exercise_id, delta in _pending.get(path, {}).items():
        merged[exercise_id] = _merge(merged.get(exercise_id), delta)
    return {"format": FORMAT, "exercises": merged}


def _write(path: Path, store: dict[str, Any]) -> None:
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
            "for this session only.",
            stacklevel=4,
        )


def _save_pending(path: Path) -> None:
    def merge_and_write() -> None:
        _write(path, _with_pending(_read(path, locked=True), path))
        _pending.pop(path, None)

    try:
        _locked(path, merge_and_write)
    except OSError as error:  # read-only folder, full disk, lock timeout
        _warn_once(path, str(error))


def record_attempt(exercise_id: str, solved: bool) -> None:
    """Count one judged attempt at ``exercise_id`` (and its success, if ``solved``)."""
    path = progress_file()
    now = _now()
    delta = {
        "attempts": 1,
        "solved": bool(solved),
        "first_solved": now if solved else None,
        "last_attempt": now,
    }
    pending = _pending.setdefault(path, {})
    pending[exercise_id] = _merge(pending.get(exercise_id), delta)
    _save_pending(path)


def load_progress() -> dict[str, Any]:
    """The whole store: ``{"format": 1, "exercises": {id: record}}``, unsaved attempts included."""
    path = progress_file()
    return _with_pending(_read(path, locked=False), path)


def status(exercise_id: str) -> Literal["done", "tried", "not yet"]:
    """``done`` once solved, ``tried`` after a judged wrong answer, else ``not yet``."""
    return _status_of(load_progress()["exercises"].get(exercise_id))


def _status_of(entry: Entry | None) -> Literal["done", "tried", "not yet"]:
    if entry and entry["solved"]:
        return "done"
    return "tried" if entry and entry["attempts"] else "not yet"


def user_name() -> str:
    """The login name, for export file names; "learner" where none is known."""
    try:
        name = getpass.getuser()
    except Exception:  # no login name in some containers
        name = ""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name) or "learner"


def progress_rows() -> list[dict[str, Any]]:
    """One row per exercise of the series (registry order) with its status."""
    from ctcoop import bank

    saved = load_progress()["exercises"]
    user = user_name()
    rows = []
    for exercise in bank.all_exercises():
        entry = saved.get(exercise.id)
        rows.append(
            {
                "user": user,
                "lesson": exercise.lesson,
                "id": exercise.id,
                "title": exercise.title,
                "status": _status_of(entry),
                "attempts": entry["attempts"] if entry else 0,
                "first_solved": (entry or {}).get("first_solved") or "",
            }
        )
    return rows


def export_progress(
    path: str | os.PathLike[str] | None = None, fmt: Literal["csv", "json"] = "csv"
) -> Path:
    """Write progress for an instructor; default ``./ctcoop-progress-<user>.<fmt>``."""
    if fmt not in ("csv", "json"):
        raise ValueError(f'fmt must be "csv" or "json", not {fmt!r}')
    target = Path(path) if path is not None else Path.cwd() / f"ctcoop-progress-{user_name()}.{fmt}"
    rows = progress_rows()
    if fmt == "json":
        document = {"format": FORMAT, "user": user_name(), "exported": _now(), "exercises": rows}
        text = json.dumps(document, indent=1, ensure_ascii=False)
        target.write_text(text + "\n", encoding="utf-8")
    else:
        with target.open("w", newline="", encoding="utf-8") as stream:
            writer = csv.DictWriter(stream, fieldnames=EXPORT_COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
    return target.resolve()


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
    path = progress_file()

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
