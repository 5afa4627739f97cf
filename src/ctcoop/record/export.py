"""The learner's progress for an instructor: one row per exercise of the series, as CSV or JSON.

This is the course layer: the bank's list of exercises meets the store's
records here, so the export lists exercises not started yet as well. Every
export carries a ``course`` and a ``format`` marker, so that the class report
(``ctcoop.record.class_report``) can tell it from another course's file.

Whose export it is: ``$JUPYTERHUB_USER`` first (on Binder and most hubs the
login name is ``jovyan`` for everyone), then a name or student ID the learner
gives, then the login name. An existing export is never overwritten: the new
one gets the next free name (``...-2.csv``).
"""

from __future__ import annotations

import base64
import csv
import getpass
import html
import io
import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from ctcoop.record.progress import load_progress, status_of

__all__ = [
    "COURSE",
    "EXPORT_COLUMNS",
    "EXPORT_FORMAT",
    "HUB_USER_ENV",
    "download_link",
    "export_progress",
    "learner_name",
    "progress_rows",
]

COURSE = "ctcoop"
EXPORT_FORMAT = 1
HUB_USER_ENV = "JUPYTERHUB_USER"
EXPORT_COLUMNS = (
    "course",
    "format",
    "user",
    "lesson",
    "id",
    "title",
    "status",
    "attempts",
    "first_solved",
    "solution_viewed",
)
_MAX_NAME = 80


def learner_name(given: str | None = None) -> str:
    """Whose progress this is: the hub user, else ``given``, else the login name.

    Spaces are tidied, and a leading ``= + - @`` is dropped so that a
    spreadsheet opening the CSV never reads the name as a formula.
    """
    for candidate in (os.environ.get(HUB_USER_ENV), given, _login_name()):
        name = " ".join(str(candidate or "").split()).lstrip("=+-@ ")[:_MAX_NAME]
        if name:
            return name
    return "learner"


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return ""


def _file_part(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "learner"


def progress_rows(user: str | None = None) -> list[dict[str, Any]]:
    """One row per exercise of the series (registry order) with its progress."""
    from ctcoop import bank

    saved = load_progress()["exercises"]
    user = user if user is not None else learner_name()
    rows = []
    for exercise in bank.all_exercises():
        entry = saved.get(exercise.id) or {}
        rows.append(
            {
                "course": COURSE,
                "format": EXPORT_FORMAT,
                "user": user,
                "lesson": f"{exercise.lesson:02d}",
                "id": exercise.id,
                "title": exercise.title,
                "status": status_of(entry or None),
                "attempts": entry.get("attempts", 0),
                "first_solved": entry.get("first_solved") or "",
                "solution_viewed": entry.get("solution_viewed") or "",
            }
        )
    return rows


def _render(rows: list[dict[str, Any]], user: str, fmt: str) -> str:
    if fmt == "json":
        document = {
            "course": COURSE,
            "format": EXPORT_FORMAT,
            "user": user,
            "exported": datetime.now(UTC).isoformat(timespec="seconds"),
            "exercises": [
                {k: v for k, v in row.items() if k not in ("course", "format", "user")}
                for row in rows
            ],
        }
        return json.dumps(document, indent=1, ensure_ascii=False) + "\n"
    stream = io.StringIO()
    writer = csv.DictWriter(stream, fieldnames=EXPORT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return stream.getvalue()


def _write_new(target: Path, text: str) -> Path:
    """Write ``text`` to ``target``, or to ``stem-2.ext``, ``stem-3.ext``... if it exists."""
    number = 1
    while True:
        candidate = (
            target if number == 1 else target.with_name(f"{target.stem}-{number}{target.suffix}")
        )
        try:
            with candidate.open("x", encoding="utf-8", newline="") as stream:
                stream.write(text)
            return candidate
        except FileExistsError:
            number += 1


def export_progress(
    path: str | os.PathLike[str] | None = None,
    fmt: Literal["csv", "json"] = "csv",
    name: str | None = None,
) -> Path:
    """Write progress for an instructor and return where it went.

    ``path``: a file or a folder (default: the current folder, which is the
    notebook's); the file is named ``ctcoop-progress-<name>.<fmt>`` unless a
    file name is given. ``name``: your name or student ID, used where no hub
    user name is known. Never overwrites an earlier export.
    """
    if fmt not in ("csv", "json"):
        raise ValueError(f'fmt must be "csv" or "json", not {fmt!r}')
    user = learner_name(name)
    target = Path.cwd() if path is None else Path(path)
    if path is None or target.is_dir():
        target = target / f"ctcoop-progress-{_file_part(user)}.{fmt}"
    return _write_new(target, _render(progress_rows(user), user, fmt)).resolve()


def download_link(path: Path) -> str:
    """An HTML link that downloads the exported file from the browser (a data: URI)."""
    kind = "application/json" if path.suffix == ".json" else "text/csv"
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    name = html.escape(path.name)
    return f"<a download='{name}' href='data:{kind};base64,{data}'>Download {name}</a>"
