"""The class report: real exports in, one table and one figure out; bad files skipped, one line."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from support.samples import sample_bank_module

from ctcoop import bank
from ctcoop.bank import Catalogue
from ctcoop.paths import PROGRESS_ENV
from ctcoop.record import export, progress
from ctcoop.record.class_report import class_report, main, read_export


@pytest.fixture(autouse=True)
def sample_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    registry = Catalogue.from_modules([sample_bank_module()])
    monkeypatch.setattr(bank, "registry", lambda: registry)
    monkeypatch.delenv(export.HUB_USER_ENV, raising=False)


def learner_export(
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    solved: tuple[str, ...] = (),
    tried: tuple[str, ...] = (),
    viewed: tuple[str, ...] = (),
    fmt: str = "csv",
) -> Path:
    """A real export of one learner, made by the course's own export from a fresh store."""
    monkeypatch.setenv(PROGRESS_ENV, str(folder / f"store-{name}" / "progress.json"))
    for exercise_id in tried:
        progress.record_attempt(exercise_id, solved=False)
    for exercise_id in solved:
        progress.record_attempt(exercise_id, solved=True)
    for exercise_id in viewed:
        progress.record_attempt(exercise_id, solved=True, solution=True)
    return export.export_progress(folder, fmt=fmt, name=name)


@pytest.fixture
def class_of_three(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    exports = tmp_path / "exports"
    exports.mkdir()
    return [
        learner_export(
            exports, monkeypatch, "amal", solved=("01.mc", "01.order"), tried=("01.code",)
        ),
        learner_export(
            exports, monkeypatch, "bo", solved=("01.mc",), tried=("01.code", "01.match")
        ),
        learner_export(exports, monkeypatch, "chen", viewed=("01.code",), fmt="json"),
    ]


def read_table(path: Path) -> dict[str, dict[str, str]]:
    with path.open(newline="") as stream:
        return {row["id"]: row for row in csv.DictReader(stream)}


def test_counts_per_exercise_and_per_learner(class_of_three, tmp_path: Path) -> None:
    report = class_report(class_of_three, tmp_path / "report")
    assert report.skipped == []
    table = read_table(report.table)
    assert list(table) == [e.id for e in bank.all_exercises()]
    assert {k: table["01.mc"][k] for k in ("solved", "tried", "not_started")} == {
        "solved": "2",
        "tried": "0",
        "not_started": "1",
    }
    code = table["01.code"]
    assert (code["solved"], code["tried"], code["solution_viewed"], code["not_started"]) == (
        "0",
        "2",
        "1",
        "0",
    )
    assert table["01.multi"]["not_started"] == "3" and table["01.mc"]["lesson"] == "01"
    learners = {row["user"]: row for row in report.learners}
    assert learners["amal"]["done"] == 2 and learners["amal"]["furthest_lesson"] == "01"
    assert learners["chen"]["solution_viewed"] == 1 and learners["chen"]["furthest_lesson"] == ""
    assert [row["id"] for row in report.struggles()] == ["01.code", "01.match"]


def test_the_figure_is_a_png_with_its_caption(class_of_three, tmp_path: Path) -> None:
    report = class_report(class_of_three, tmp_path)
    image = Image.open(report.figure)
    assert image.format == "PNG" and image.size[0] > 600
    assert image.info["Description"] == report.caption
    assert "3 learner(s) on 6 exercises" in report.caption
    assert "01.code (2)" in report.caption


def bad_files(folder: Path) -> dict[str, Path]:
    files = {
        "empty": b"",
        "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00",
        "wrong format": b"name,score\nada,3\n",
        "not json": b"{oops",
        "deep json": b'{"course": ' + b"[" * 100_000,
        "another course": json.dumps(
            {"course": "another-course", "format": 1, "user": "x", "exercises": []}
        ).encode(),
        "unknown status": (
            b"course,format,user,lesson,id,title,status\nctcoop,1,zed,01,01.mc,Powers,finished\n"
        ),
        "older export": (
            b"user,lesson,id,title,status,attempts,first_solved\nzed,1,01.mc,Powers,not yet,0,\n"
        ),
        "mixed learners": (
            b"course,format,user,lesson,id,title,status\n"
            b"ctcoop,1,zed,01,01.mc,Powers,done\nctcoop,1,yan,01,01.mc,Powers,done\n"
        ),
    }
    paths = {}
    for number, (label, content) in enumerate(files.items()):
        paths[label] = folder / f"bad-{number}.csv"
        paths[label].write_bytes(content)
    return paths


def test_bad_files_are_skipped_with_one_line_each(class_of_three, tmp_path: Path) -> None:
    bad = bad_files(tmp_path)
    duplicate = tmp_path / "amal-again.csv"
    duplicate.write_bytes(class_of_three[0].read_bytes())
    missing = tmp_path / "not-there.csv"
    report = class_report([*class_of_three, *bad.values(), duplicate, missing], tmp_path)
    assert len(report.learners) == 3
    assert len(report.skipped) == len(bad) + 2
    assert all("\n" not in line and "Traceback" not in line for line in report.skipped)
    by_file = {line.split(":")[0].removeprefix("skipped "): line for line in report.skipped}
    assert "empty" in by_file[str(bad["empty"])]
    assert "binary" in by_file[str(bad["binary"])]
    assert "no column 'course'" in by_file[str(bad["wrong format"])]
    assert "not valid JSON" in by_file[str(bad["deep json"])]
    assert "another course" in by_file[str(bad["another course"])]
    assert "unknown status" in by_file[str(bad["unknown status"])]
    assert "mixes 2 learners" in by_file[str(bad["mixed learners"])]
    assert "older version of the course" in by_file[str(bad["older export"])]
    assert "second export of learner 'amal'" in by_file[str(duplicate)]
    assert "cannot be read" in by_file[str(missing)]


def test_one_file_alone_is_one_learner(class_of_three, tmp_path: Path) -> None:
    report = class_report(str(class_of_three[0]), tmp_path)
    assert [row["user"] for row in report.learners] == ["amal"] and report.skipped == []


def test_read_export_reads_both_forms(class_of_three) -> None:
    amal, _, chen = (read_export(path) for path in class_of_three)
    assert amal.user == "amal" and chen.user == "chen"
    assert {row["id"]: row["status"] for row in chen.rows}["01.code"] == "solution_viewed"


def test_the_command_line(class_of_three, tmp_path: Path, capsys) -> None:
    bad = bad_files(tmp_path)["binary"]
    assert main([*map(str, class_of_three), str(bad), "--out", str(tmp_path / "out")]) == 0
    captured = capsys.readouterr()
    assert captured.err.strip() == f"skipped {bad}: it is a binary file, not a CSV or JSON export"
    assert "amal: 2 solved, 1 tried" in captured.out
    assert (tmp_path / "out" / "class-report.csv").exists()
    assert (tmp_path / "out" / "class-report.png").exists()
    assert main([str(bad)]) == 1
    assert "nothing written" in capsys.readouterr().err


def test_the_console_script_is_installed(class_of_three, tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("ctcoop-class-report")
    run = subprocess.run(
        [str(script), *map(str, class_of_three), "--out", str(tmp_path / "cli")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "cli" / "class-report.csv").exists()
