"""One place per answer: bank keys are checked against the solutions notebooks."""

from __future__ import annotations

from pathlib import Path

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from ctcoop import bank
from ctcoop.exercises import MultipleChoice, MultiSelect, Numeric, Option, Ordering
from ctcoop.exercises.keys import digest
from ctcoop.paths import repo_root
from ctcoop.tools import authoring
from ctcoop.tools.authoring import notebook_io
from ctcoop.tools.authoring.cli import main
from ctcoop.tools.authoring.keys import check_keys, submitted_answers

ROOT = repo_root()
NAME = "09_topic.ipynb"
OPTIONS = {
    "a": Option("One", why="No, one."),
    "b": Option("Two", why="Yes, two."),
    "c": Option("Three", why="No, three."),
}


def _common(exercise_id: str) -> dict:
    return {"id": exercise_id, "title": "T", "prompt": "P?", "hints": ["h"], "explanation": "E."}


BANK = {
    "09.pick": MultipleChoice(**_common("09.pick"), options=OPTIONS, key=digest("09.pick", "b")),
    "09.several": MultiSelect(
        **_common("09.several"), options=OPTIONS, key=digest("09.several", {"a", "c"})
    ),
    "09.order": Ordering(
        **_common("09.order"),
        items={"x": "X", "y": "Y", "z": "Z"},
        key=digest("09.order", ["z", "x", "y"]),
    ),
    "09.count": Numeric(**_common("09.count"), expected=lambda: 3),
}


def solutions(*sources: str):
    return new_notebook(
        cells=[
            new_markdown_cell("# 09 — Solutions"),
            *(new_code_cell(source) for source in sources),
        ]
    )


def test_answers_are_read_from_assignments_and_direct_calls():
    notebook = solutions(
        'pick = exercise("09.pick")\n# BEGIN SOLUTION\npick.submit("b")\n# END SOLUTION\npick',
        'exercise("09.order").submit(["z", "x", "y"])',
        'count = exercise("09.count")\ncount.submit(n_helpers)',
    )
    found = [(a.exercise_id, a.answer, a.where) for a in submitted_answers(notebook, NAME)]
    assert found == [
        ("09.pick", "b", f"solutions/{NAME} cell 1"),
        ("09.order", ["z", "x", "y"], f"solutions/{NAME} cell 2"),
    ]


def test_learner_text_is_parsed_never_run(tmp_path: Path):
    marker = tmp_path / "ran"
    notebook = solutions(f'exercise("09.pick").submit(open({str(marker)!r}, "w").close())')
    assert submitted_answers(notebook, NAME) == []
    assert not marker.exists()


def test_keys_agree_and_multi_select_order_does_not_matter():
    notebook = solutions(
        'exercise("09.pick").submit("b")',
        's = exercise("09.several")\ns.submit(["c", "a"])',
        'exercise("09.count").submit(3)',
    )
    checks = check_keys(notebook, NAME, BANK)
    assert [c.answer.exercise_id for c in checks] == ["09.pick", "09.several"]
    assert all(c.agrees for c in checks)


def test_a_wrong_key_is_named_with_the_key_to_paste():
    [check] = check_keys(solutions('exercise("09.order").submit(["x", "y", "z"])'), NAME, BANK)
    assert not check.agrees
    line = check.describe()
    assert "MISMATCH 09.order" in line and digest("09.order", ["x", "y", "z"]) in line


def test_a_new_exercise_gets_its_digest_printed():
    [check] = check_keys(solutions('exercise("09.new").submit({"a": "1"})'), NAME, BANK)
    assert check.bank_key is None and not check.agrees
    assert digest("09.new", {"a": "1"}) in check.describe()


def test_invalid_python_in_a_solution_cell_is_reported():
    with pytest.raises(authoring.AuthoringError, match=rf"solutions/{NAME} cell 1"):
        submitted_answers(solutions("x = ("), NAME)


def test_every_bank_key_agrees_with_the_solutions_notebooks():
    checks = authoring.key_checks(ROOT)
    in_solutions = "".join(
        cell.source
        for path in ROOT.glob("solutions/*.ipynb")
        for cell in notebook_io.read(path).cells
    )
    discrete = {e.id for e in bank.all_exercises() if hasattr(e, "key")}
    solved = {i for i in discrete if f'exercise("{i}")' in in_solutions}
    assert len(solved) >= 18 and {c.answer.exercise_id for c in checks} == solved
    assert [c.describe() for c in checks if not c.agrees] == []


def test_keys_command(capsys):
    assert main(["keys"]) == 0
    out = capsys.readouterr().out
    assert "ok       02.three-evils" in out
    assert "unchecked 00.hint-cost: no solutions notebook answers it" in out


def test_generate_fails_naming_the_exercise_whose_key_disagrees(tmp_path: Path, capsys):
    (tmp_path / "solutions").mkdir()
    wrong = solutions('evils = exercise("02.three-evils")\nevils.submit("c")')
    notebook_io.write(wrong, tmp_path / "solutions" / "02_x.ipynb")
    with pytest.raises(authoring.AuthoringError, match=r"MISMATCH 02\.three-evils"):
        authoring.generate(tmp_path)
    assert not (tmp_path / "exercises" / "02_x.ipynb").exists()
    assert main(["generate", "--root", str(tmp_path)]) == 2
    assert "02.three-evils" in capsys.readouterr().err
