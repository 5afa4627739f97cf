"""The dashboard lists every registered exercise with its status, and exports for an instructor."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from support.samples import sample_bank_module

from ctcoop import bank
from ctcoop.bank import Catalogue
from ctcoop.dashboard import dashboard
from ctcoop.exercises import MultipleChoice, Option, digest


@pytest.fixture(autouse=True)
def two_lessons(monkeypatch: pytest.MonkeyPatch) -> None:
    later = sample_bank_module("ctcoop.bank.l03_later")
    later.TITLE = "Later lesson"
    later.EXERCISES = [
        MultipleChoice(
            id="03.only",
            title="Only one",
            prompt="p",
            key=digest("03.only", "a"),
            options={"a": Option("x", why="w"), "b": Option("y", why="w")},
            hints=["h"],
            explanation="e",
        )
    ]
    registry = Catalogue.from_modules([sample_bank_module(), later])
    monkeypatch.setattr(bank, "registry", lambda: registry)
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)


@pytest.fixture
def prepared(progress_path: Path) -> None:
    progress_path.parent.mkdir(parents=True)
    entry = {
        "attempts": 2,
        "solved": True,
        "first_solved": "2025-01-01T10:00:00+00:00",
        "last_attempt": "2025-01-01T10:05:00+00:00",
    }
    tried = {
        "attempts": 1,
        "solved": False,
        "first_solved": None,
        "last_attempt": "2025-01-01T10:06:00+00:00",
    }
    store = {
        "format": 1,
        "exercises": {"01.mc": entry, "01.number": tried, "03.only": tried, "99.retired": entry},
    }
    progress_path.write_text(json.dumps(store))


def buttons(board, css_class: str):
    return [w for w in board.children[1].children if css_class in w._dom_classes]


def test_counts_per_lesson_and_overall(prepared) -> None:
    assert repr(dashboard()) == (
        "Progress dashboard: 1 done, 2 tried, 4 not yet (of 7)\n"
        "Lesson 01 Sample lesson: 1 done, 1 tried, 4 not yet (of 6)\n"
        "Lesson 03 Later lesson: 0 done, 1 tried, 0 not yet (of 1)"
    )


def test_every_exercise_is_listed_with_symbol_and_word(prepared) -> None:
    board = dashboard()
    table = board.children[0].value
    for exercise in bank.all_exercises():
        assert exercise.id in table
    assert "✓ done</span> 01.mc: Powers" in table
    assert "◐ tried</span> 01.number: Count" in table
    assert "○ not yet</span> 01.code: Table" in table
    assert "99.retired" not in table
    assert "ctc-dashboard" in board._dom_classes


def test_refresh_reads_new_progress(prepared) -> None:
    from ctcoop.record.progress import record_attempt

    board = dashboard()
    record_attempt("01.code", solved=True)
    assert "1 done" in repr(board).splitlines()[1]
    buttons(board, "ctc-refresh")[0].click()
    assert (
        repr(board).splitlines()[1] == "Lesson 01 Sample lesson: 2 done, 1 tried, 3 not yet (of 6)"
    )


def test_export_button_writes_and_says_where(prepared, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    board = dashboard()
    buttons(board, "ctc-export")[0].click()
    message = board.children[2].value
    (written,) = tmp_path.glob("ctcoop-progress-*.csv")
    assert str(written) in message
    assert f"download='{written.name}'" in message and "base64," in message
    with written.open(newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 7
    assert {row["id"]: row["status"] for row in rows}["01.mc"] == "done"


def test_export_failure_is_shown_not_raised(prepared, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(Path, "cwd", lambda: tmp_path / "gone")  # a folder that is not there
    board = dashboard()
    buttons(board, "ctc-export")[0].click()
    assert "Could not write the export" in board.children[2].value


def test_a_solution_viewed_is_shown_as_such_and_counted_apart(prepared) -> None:
    from ctcoop.record.progress import record_attempt

    record_attempt("01.order", solved=True, solution=True)
    board = dashboard()
    assert "◇ solution viewed</span> 01.order: Timeline" in board.children[0].value
    assert repr(board).splitlines()[1] == (
        "Lesson 01 Sample lesson: 1 done, 1 tried, 3 not yet, 1 solution viewed (of 6)"
    )


def test_the_name_given_goes_on_the_export(prepared, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    board = dashboard()
    (box,) = [w for w in board.children[1].children if "ctc-learner-name" in w._dom_classes]
    box.value = "Student 42"
    buttons(board, "ctc-export")[0].click()
    (written,) = tmp_path.glob("ctcoop-progress-Student_42.csv")
    with written.open(newline="") as stream:
        assert {row["user"] for row in csv.DictReader(stream)} == {"Student 42"}


def test_on_a_hub_the_hub_name_is_used_and_no_name_is_asked(prepared, monkeypatch) -> None:
    monkeypatch.setenv("JUPYTERHUB_USER", "learner-7")
    board = dashboard()
    assert not [w for w in board.children[1].children if "ctc-learner-name" in w._dom_classes]
