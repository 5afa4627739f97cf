"""The class report: many learners' progress exports turned into one table and one figure.

An instructor collects the files learners export from the start notebook's
dashboard (``ctcoop-progress-<name>.csv`` or ``.json``) and runs::

    ctcoop-class-report exports/*.csv --out report/

or, from Python, ``class_report(paths, out="report")``. It writes

- ``class-report.csv``: per exercise, how many learners solved it, tried it
  without solving it, only ran its solution, or did not start it;
- ``class-report.png``: that table as bars, beside how far each learner got,
  with a title, labelled axes, the Okabe-Ito colours and a caption (also
  stored as the PNG's ``Description``, its text alternative);

and prints per learner how far they got and the exercises most often tried
and not solved. A file that is not a learner's export of this course (wrong
format, another course, empty, binary, a second file of a learner already
read) is skipped with a one-line message; the report goes on without it.

What a learner controls (the file, its name, the name in it) is never
trusted: exercise ids are kept only where the course's bank knows them, and
lessons and titles come from the bank; an export listing more exercises than
the course has is refused before its rows are looked at; every text cell of
the table that starts like a spreadsheet formula is neutralised (OWASP's
CSV-injection rule), and names are escaped before they reach a terminal or
the figure's text renderer.
"""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ctcoop.record.export import COURSE, EXPORT_FORMAT
from ctcoop.record.progress import STATUS_COLOURS, STATUSES

__all__ = [
    "ClassReport",
    "ExportError",
    "LearnerExport",
    "class_report",
    "main",
    "printable",
    "read_export",
    "safe_cell",
]

MAX_BYTES = 5_000_000  # an export of the whole series is a few kilobytes
TABLE_NAME = "class-report.csv"
FIGURE_NAME = "class-report.png"
TABLE_COLUMNS = ("lesson", "id", "title", "solved", "tried", "solution_viewed", "not_started")
_REQUIRED = ("course", "format", "user", "lesson", "id", "title", "status")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # OWASP: what a spreadsheet may run
_BAR_LABELS = {
    "done": "solved",
    "tried": "tried, not solved",
    "solution_viewed": "solution viewed only",
    "not_yet": "not started",
}


class ExportError(ValueError):
    """A file that cannot be read as a learner's export of this course (one line, no traceback)."""


def _course_exercises() -> dict[str, Any]:
    """The course's exercises by id, in series order (the bank, the only source of titles)."""
    from ctcoop import bank  # the content layer, loaded only when a report is made

    return {exercise.id: exercise for exercise in bank.all_exercises()}


def printable(text: str) -> str:
    """``text`` with control characters escaped (``\\x1b``), safe to print to a terminal."""
    return "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii")
        for char in str(text)
    )


def safe_cell(value: object) -> object:
    """A CSV cell a spreadsheet will not run: text starting like a formula gets a leading '."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _figure_text(text: str) -> str:
    """A label for matplotlib: printable, and ``$`` escaped so mathtext never parses it."""
    return printable(text).replace("$", r"\$")


@dataclass(frozen=True)
class LearnerExport:
    """One learner's export: their name and one row per exercise (lesson, id, title, status)."""

    path: Path
    user: str
    rows: tuple[dict[str, str], ...]


@dataclass
class ClassReport:
    """What the report found: the table rows, per-learner counts and the files skipped."""

    exercises: list[dict[str, Any]]
    learners: list[dict[str, Any]]
    skipped: list[str] = field(default_factory=list)
    caption: str = ""
    table: Path | None = None
    figure: Path | None = None

    def struggles(self, limit: int = 5) -> list[dict[str, Any]]:
        """The exercises most often tried and not solved (most learners first)."""
        tried = [row for row in self.exercises if row["tried"]]
        return sorted(tried, key=lambda row: -row["tried"])[:limit]

    def summary(self) -> str:
        """The report as text, for the console."""
        lines = [f"{len(self.learners)} learner(s), {len(self.exercises)} exercises."]
        for learner in self.learners:
            lines.append(
                f"  {printable(learner['user'])}: {learner['done']} solved, "
                f"{learner['tried']} tried, "
                f"{learner['solution_viewed']} solution viewed only; furthest lesson "
                f"{learner['furthest_lesson'] or 'none'}"
            )
        struggles = self.struggles()
        if struggles:
            lines.append("Most often tried and not solved:")
            lines += [f"  {row['id']} ({row['title']}): {row['tried']}" for row in struggles]
        return "\n".join(lines)


def _text(path: Path) -> str:
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise ExportError(f"cannot be read ({error.strerror or error})") from None
    if not raw.strip():
        raise ExportError("is empty")
    if len(raw) > MAX_BYTES:
        raise ExportError(f"is larger than {MAX_BYTES:,} bytes, far more than an export")
    if b"\x00" in raw:
        raise ExportError("is a binary file, not a CSV or JSON export")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExportError("is not UTF-8 text, not a CSV or JSON export") from None


def _check_course(course: object, fmt: object) -> None:
    if course != COURSE:
        raise ExportError(f"is an export of another course ({str(course)[:40]!r}, not {COURSE!r})")
    if str(fmt) != str(EXPORT_FORMAT):
        raise ExportError(f"has export format {str(fmt)[:20]!r}; this report reads format 1")


def _from_json(text: str) -> tuple[str, list[dict[str, Any]]]:
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        raise ExportError("is not valid JSON") from None
    if not isinstance(document, dict) or "course" not in document:
        raise ExportError("is JSON but not a progress export (no 'course' marker)")
    _check_course(document.get("course"), document.get("format"))
    rows = document.get("exercises")
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise ExportError("has no list of exercises")
    return str(document.get("user") or ""), rows


def _from_csv(text: str) -> tuple[str, list[dict[str, Any]]]:
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = reader.fieldnames or []
        missing = [column for column in _REQUIRED if column not in header]
        if "course" in missing and {"user", "id", "status"} <= set(header):
            raise ExportError(
                "is an export from an older version of the course (no 'course' marker); "
                "ask the learner to export again"
            )
        if missing:
            raise ExportError(f"is not a progress export (no column {missing[0]!r})")
        rows = list(itertools.islice(reader, len(_course_exercises()) + 1))
    except csv.Error as error:
        raise ExportError(f"is not a readable CSV file ({error})") from None
    if not rows:
        raise ExportError("has a header but no exercises")
    for row in rows:
        _check_course(row["course"], row["format"])
    users = {row["user"] for row in rows}
    if len(users) > 1:
        raise ExportError(f"mixes {len(users)} learners; an export holds one")
    return users.pop(), rows


def read_export(path: str | Path) -> LearnerExport:
    """One learner's export, checked; raises ``ExportError`` with a one-line reason."""
    path = Path(path)
    text = _text(path)
    user, rows = _from_json(text) if text.lstrip().startswith("{") else _from_csv(text)
    if not user.strip():
        raise ExportError("does not say whose progress it is (no user)")
    known = _course_exercises()
    if len(rows) > len(known):
        raise ExportError(f"lists {len(rows):,} exercises or more; the course has {len(known)}")
    cleaned = []
    for row in rows:
        status = row.get("status")
        if status not in STATUSES:
            raise ExportError(f"has an unknown status {str(status)[:30]!r}")
        if not isinstance(row.get("id"), str) or not row["id"]:
            raise ExportError("has a row without an exercise id")
        if row["id"] in known:  # an id the course no longer has (or never had) is left out
            cleaned.append({"id": row["id"], "status": status})
    if len({row["id"] for row in cleaned}) != len(cleaned):
        raise ExportError("lists an exercise twice")
    return LearnerExport(path, user.strip(), tuple(cleaned))


def _collect(paths: Iterable[str | Path]) -> tuple[list[LearnerExport], list[str]]:
    exports: dict[str, LearnerExport] = {}
    skipped = []
    for path in paths:
        try:
            learner = read_export(path)
        except ExportError as problem:
            skipped.append(f"skipped {printable(str(path))}: it {problem}")
            continue
        if learner.user in exports:
            first = exports[learner.user].path
            skipped.append(
                f"skipped {printable(str(path))}: a second export of learner {learner.user!r} "
                f"(kept the first one given, {printable(str(first))})"
            )
            continue
        exports[learner.user] = learner
    return list(exports.values()), skipped


def _tables(exports: list[LearnerExport]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    counts: dict[str, dict[str, int]] = {}
    for learner in exports:
        for row in learner.rows:
            counts.setdefault(row["id"], {status: 0 for status in STATUSES})[row["status"]] += 1
    table = []
    for exercise in _course_exercises().values():  # series order, ids and titles of the bank
        seen = counts.get(exercise.id, {status: 0 for status in STATUSES})
        table.append(
            {
                "lesson": f"{exercise.lesson:02d}",
                "id": exercise.id,
                "title": exercise.title,
                "solved": seen["done"],
                "tried": seen["tried"],
                "solution_viewed": seen["solution_viewed"],
                # a learner whose export lacks the exercise (an older course) did not start it
                "not_started": len(exports)
                - seen["done"]
                - seen["tried"]
                - seen["solution_viewed"],
            }
        )
    lessons = {row["id"]: row["lesson"] for row in table}
    learners = []
    for learner in exports:
        counts = {status: 0 for status in STATUSES}
        for row in learner.rows:
            counts[row["status"]] += 1
        worked = [lessons[row["id"]] for row in learner.rows if row["status"] in ("done", "tried")]
        learners.append(
            {"user": learner.user, **counts, "furthest_lesson": max(worked, default="")}
        )
    return table, learners


def _caption(report: ClassReport) -> str:
    total = len(report.exercises)
    solved_by_all = sum(1 for row in report.exercises if row["solved"] == len(report.learners))
    untouched = sum(1 for row in report.exercises if row["not_started"] == len(report.learners))
    struggles = report.struggles(3)
    hardest = (
        "; most often tried and not solved: "
        + ", ".join(f"{row['id']} ({row['tried']})" for row in struggles)
        if struggles
        else ""
    )
    return (
        f"Progress of {len(report.learners)} learner(s) on {total} exercises. Left: for each "
        f"exercise, how many learners solved it, tried it without solving it, only viewed its "
        f"solution, or did not start it. Right: how many exercises each learner solved. "
        f"{solved_by_all} exercise(s) were solved by every learner and {untouched} were "
        f"started by no one{hardest}."
    )


def _figure(report: ClassReport, target: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    height = max(4.0, 0.28 * len(report.exercises) + 1.5)
    fig, (left, right) = plt.subplots(
        1, 2, figsize=(12, height), gridspec_kw={"width_ratios": [3, 2]}
    )
    ids = [_figure_text(row["id"]) for row in report.exercises][::-1]
    columns = {
        "done": "solved",
        "tried": "tried",
        "solution_viewed": "solution_viewed",
        "not_yet": "not_started",
    }
    start = [0] * len(ids)
    for status in ("done", "tried", "solution_viewed", "not_yet"):
        values = [row[columns[status]] for row in report.exercises][::-1]
        left.barh(ids, values, left=start, color=STATUS_COLOURS[status], label=_BAR_LABELS[status])
        start = [a + b for a, b in zip(start, values, strict=True)]
    left.set_xlabel("learners")
    left.set_ylabel("exercise")
    left.set_title("Per exercise")
    left.margins(y=0.01)
    learners = report.learners[::-1]
    right.barh(
        [_figure_text(row["user"]) for row in learners],
        [row["done"] for row in learners],
        color=STATUS_COLOURS["done"],
    )
    right.set_xlabel(f"exercises solved (of {len(report.exercises)})")
    right.set_ylabel("learner")
    right.set_title("Per learner")
    right.margins(y=0.01)
    fig.suptitle("Class progress: Counter-Terrorism Cooperation, with Data")
    fig.legend(*left.get_legend_handles_labels(), loc="lower center", ncol=4, frameon=False)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    fig.savefig(target, metadata={"Title": "Class progress", "Description": report.caption})
    plt.close(fig)


def class_report(
    paths: str | Path | Sequence[str | Path], out: str | Path | None = None
) -> ClassReport:
    """Read learners' exports and write the table and the figure into ``out`` (default: here).

    Files that are not valid exports are skipped and listed in ``skipped``;
    with no valid file at all, nothing is written.
    """
    if isinstance(paths, str | Path):  # one file given on its own
        paths = [paths]
    exports, skipped = _collect(paths)
    exercises, learners = _tables(exports)
    report = ClassReport(exercises, learners, skipped)
    if not exports:
        return report
    report.caption = _caption(report)
    folder = Path.cwd() if out is None else Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    report.table = folder / TABLE_NAME
    with report.table.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=TABLE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({key: safe_cell(value) for key, value in row.items()} for row in exercises)
    report.figure = folder / FIGURE_NAME
    _figure(report, report.figure)
    return report


def main(argv: Sequence[str] | None = None) -> int:
    """``ctcoop-class-report FILES... [--out DIR]``; exit status 1 when no file could be read."""
    parser = argparse.ArgumentParser(
        prog="ctcoop-class-report",
        description="Summarise learners' progress exports in one table and one figure.",
    )
    parser.add_argument("files", nargs="+", type=Path, help="exported CSV or JSON files")
    parser.add_argument("--out", type=Path, default=Path.cwd(), help="folder for the report")
    arguments = parser.parse_args(argv)
    try:
        report = class_report(arguments.files, arguments.out)
    except OSError as error:
        print(f"ctcoop-class-report: cannot write the report ({error})", file=sys.stderr)
        return 1
    for line in report.skipped:
        print(line, file=sys.stderr)
    if report.table is None:
        print("ctcoop-class-report: no readable export; nothing written", file=sys.stderr)
        return 1
    print(report.summary())
    print(f"Wrote {report.table} and {report.figure}")
    print(f"Caption: {report.caption}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
