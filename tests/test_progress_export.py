"""The export for an instructor: whose it is, one row per exercise, markers, never overwritten."""

from __future__ import annotations

import base64
import csv
import json
from pathlib import Path

import pytest
from support.samples import sample_bank_module

from ctcoop import bank
from ctcoop.bank import Catalogue
from ctcoop.record import export, progress


@pytest.fixture(autouse=True)
def sample_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    registry = Catalogue.from_modules([sample_bank_module()])
    monkeypatch.setattr(bank, "registry", lambda: registry)
    monkeypatch.delenv(export.HUB_USER_ENV, raising=False)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def test_export_csv_has_one_row_per_registered_exercise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(export.getpass, "getuser", lambda: "ada lovelace")
    progress.record_attempt("01.mc", solved=True)
    progress.record_attempt("01.order", solved=False)
    progress.record_attempt("01.match", solved=True, solution=True)
    path = export.export_progress()
    assert path == tmp_path / "ctcoop-progress-ada_lovelace.csv"
    rows = read_csv(path)
    assert [row["id"] for row in rows] == [e.id for e in bank.all_exercises()]
    assert list(rows[0]) == list(export.EXPORT_COLUMNS)
    by_id = {row["id"]: row for row in rows}
    assert by_id["01.mc"]["status"] == "done" and by_id["01.mc"]["first_solved"]
    assert by_id["01.order"]["status"] == "tried" and by_id["01.order"]["attempts"] == "1"
    assert by_id["01.code"]["status"] == "not_yet" and by_id["01.code"]["lesson"] == "01"
    assert by_id["01.match"]["status"] == "solution_viewed"
    assert by_id["01.match"]["solution_viewed"] and by_id["01.match"]["attempts"] == "0"
    assert {(row["course"], row["format"], row["user"]) for row in rows} == {
        ("ctcoop", "1", "ada lovelace")
    }


def test_export_json_has_the_same_rows_and_markers(tmp_path: Path) -> None:
    path = export.export_progress(tmp_path / "mine.json", fmt="json", name="S1234")
    document = json.loads(path.read_text())
    assert (document["course"], document["format"], document["user"]) == ("ctcoop", 1, "S1234")
    assert len(document["exercises"]) == 6
    assert document["exercises"][0]["lesson"] == "01"
    with pytest.raises(ValueError, match="fmt"):
        export.export_progress(tmp_path / "x", fmt="xlsx")


def test_the_hub_user_comes_first_then_the_given_name_then_the_login(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(export.getpass, "getuser", lambda: "jovyan")
    assert export.learner_name() == "jovyan"
    assert export.learner_name("  Student   42 ") == "Student 42"
    assert export.learner_name("=HYPERLINK(1)") == "HYPERLINK(1)"  # never a formula in a sheet
    monkeypatch.setenv(export.HUB_USER_ENV, "learner-7")
    assert export.learner_name("Student 42") == "learner-7"


def test_an_earlier_export_is_never_overwritten(tmp_path: Path) -> None:
    first = export.export_progress(tmp_path, name="amal")
    first.write_text("kept")
    second = export.export_progress(tmp_path, name="amal")
    third = export.export_progress(tmp_path, name="amal")
    assert first.read_text() == "kept"
    assert [second.name, third.name] == ["ctcoop-progress-amal-2.csv", "ctcoop-progress-amal-3.csv"]
    named = export.export_progress(tmp_path / "given.csv")
    again = export.export_progress(tmp_path / "given.csv")
    assert again.name == "given-2.csv" and named.read_text() == again.read_text()


def test_a_name_cannot_escape_the_folder(tmp_path: Path) -> None:
    path = export.export_progress(tmp_path, name="../../etc/passwd")
    assert path.parent == tmp_path and path.name == "ctcoop-progress-etc_passwd.csv"


def test_the_download_link_holds_the_file(tmp_path: Path) -> None:
    path = export.export_progress(tmp_path, name="amal")
    link = export.download_link(path)
    assert "download='ctcoop-progress-amal.csv'" in link
    data = link.split("base64,")[1].split("'")[0]
    assert base64.b64decode(data) == path.read_bytes()
