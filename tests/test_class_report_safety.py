"""The class report is safe to open: nothing a learner writes in an export runs or misleads.

A learner controls their export file, its name and the name inside it. The
report takes exercise ids, lessons and titles from the course's bank only,
neutralises formula-like cells (OWASP's CSV-injection rule), escapes control
characters before the console and ``$`` before matplotlib's mathtext, and
refuses an export listing more exercises than the course has before it looks
at the rows.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from support.samples import sample_bank_module

from ctcoop import bank
from ctcoop.bank import Catalogue
from ctcoop.record import export
from ctcoop.record.class_report import class_report, printable, read_export, safe_cell


@pytest.fixture(autouse=True)
def sample_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    registry = Catalogue.from_modules([sample_bank_module()])
    monkeypatch.setattr(bank, "registry", lambda: registry)


def handmade_export(folder: Path, user: str, rows: list[dict[str, str]]) -> Path:
    """An export as a learner could write it by hand: the course's columns, any values."""
    path = folder / f"export-{len(list(folder.iterdir()))}.csv"
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=export.EXPORT_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow(
                {"course": export.COURSE, "format": export.EXPORT_FORMAT, "user": user} | row
            )
    return path


def test_ids_and_titles_come_from_the_bank_never_from_the_export(tmp_path: Path) -> None:
    first = bank.all_exercises()[0]
    rows = [
        {"lesson": "=1+1", "id": first.id, "title": '=HYPERLINK("http://x.example","open")',
         "status": "done"},
        {"lesson": "01", "id": "=cmd|' /C calc'!A0", "title": "@SUM(A1)", "status": "tried"},
    ]  # fmt: skip
    path = handmade_export(tmp_path, "amal", rows)
    report = class_report([path], tmp_path / "report")
    with report.table.open(newline="", encoding="utf-8") as stream:
        table = list(csv.DictReader(stream))
    assert [row["id"] for row in table] == [e.id for e in bank.all_exercises()]
    assert [row["title"] for row in table] == [e.title for e in bank.all_exercises()]
    assert table[0]["lesson"] == f"{first.lesson:02d}"
    assert table[0]["solved"] == "1"
    cells = [cell for row in table for cell in row.values()]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_formula_like_cells_are_neutralised(start: str) -> None:
    assert safe_cell(f"{start}1+1") == f"'{start}1+1"
    assert safe_cell("plain title") == "plain title"
    assert safe_cell(3) == 3


def test_control_characters_in_names_are_escaped_for_the_terminal(tmp_path: Path) -> None:
    first = bank.all_exercises()[0]
    name = "eve\x1b[2J\x1b]0;pwned\x07\r"
    path = handmade_export(tmp_path, name, [{"lesson": "01", "id": first.id, "status": "done"}])
    report = class_report([path], tmp_path / "report")
    summary = report.summary()
    assert "\x1b" not in summary and "\x07" not in summary and "\r" not in summary
    assert printable(name.strip()) in summary
    assert printable("a\x1bb\nc") == "a\\x1bb\\nc"


def test_a_mathtext_name_cannot_crash_the_figure(tmp_path: Path) -> None:
    first = bank.all_exercises()[0]
    rows = [{"lesson": "01", "id": first.id, "status": "done"}]
    paths = [
        handmade_export(tmp_path, r"$\frac{a}{$", rows),
        handmade_export(tmp_path, r"$x^{$ and $", rows),
    ]
    report = class_report(paths, tmp_path / "report")
    assert report.skipped == []
    assert report.figure.is_file() and report.figure.stat().st_size > 0


def test_tens_of_thousands_of_unknown_ids_are_refused_before_their_rows(tmp_path: Path) -> None:
    rows = [{"lesson": "01", "id": f"99.unknown-{n}", "status": "done"} for n in range(30_000)]
    path = handmade_export(tmp_path, "mallory", rows)
    with pytest.raises(Exception, match=r"exercises or more; the course has \d+"):
        read_export(path)
    document = {"course": export.COURSE, "format": export.EXPORT_FORMAT, "user": "mallory",
                "exercises": rows}  # fmt: skip
    (tmp_path / "big.json").write_text(json.dumps(document))
    with pytest.raises(Exception, match=r"exercises or more; the course has \d+"):
        read_export(tmp_path / "big.json")


def test_unknown_ids_within_the_course_size_are_left_out(tmp_path: Path) -> None:
    first = bank.all_exercises()[0]
    rows = [
        {"lesson": "01", "id": first.id, "status": "done"},
        {"lesson": "01", "id": "99.not-in-the-course", "status": "done"},
    ]
    learner = read_export(handmade_export(tmp_path, "amal", rows))
    assert [row["id"] for row in learner.rows] == [first.id]
