"""Course notes after common errors, in a real IPython shell: after the traceback, never instead."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from IPython.core.interactiveshell import InteractiveShell

from ctcoop import learner_help

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def shell() -> InteractiveShell:
    shell = InteractiveShell.instance()
    assert learner_help.install(shell)
    shell.run_cell("import pandas as pd\nlists = pd.DataFrame({'body': ['EU'], 'members': [27]})")
    return shell


def run(shell: InteractiveShell, code: str, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    shell.run_cell(code)
    captured = capsys.readouterr()
    return ANSI.sub("", captured.out + captured.err)


def test_wrong_column_lists_the_columns_after_the_traceback(shell, capsys) -> None:
    out = run(shell, "lists['member']", capsys)
    assert "Traceback" in out and "KeyError" in out
    assert out.index("KeyError: 'member'") < out.index("Course note:")
    assert "Its columns are: 'body', 'members'." in out
    assert "Did you mean 'members'?" in out


def test_several_missing_columns_are_named(shell, capsys) -> None:
    out = run(shell, "lists[['Body', 'member']]", capsys)
    assert "no column 'Body', 'member'" in out and "Did you mean 'body'?" in out


def test_other_key_errors_get_the_traceback_only(shell, capsys) -> None:
    out = run(shell, "{'a': 1}['b']", capsys)
    assert "KeyError: 'b'" in out and "Course note" not in out


def test_undefined_name_lists_names_like_it(shell, capsys) -> None:
    out = run(shell, "lsts.head()", capsys)
    assert out.index("NameError") < out.index("Course note:")
    assert "Defined names that look like it: lists." in out
    out = run(shell, "completely_unknown_thing", capsys)
    assert "run that cell first" in out


def test_unclosed_bracket_shows_where_it_opened(shell, capsys) -> None:
    out = run(shell, "total = (1 +\n    len([1, 2]\n", capsys)
    assert out.index("SyntaxError") < out.index("Course note:")
    assert "The '(' on line 2 is never closed" in out
    assert "len([1, 2]\n" in out and "       ^" in out
    assert "Course note" not in run(shell, "x = 1)", capsys)  # a stray closer: Python says it


def test_working_code_prints_nothing_extra(shell, capsys) -> None:
    assert "Course note" not in run(shell, "lists['members'].sum()", capsys)


def test_install_is_idempotent_and_leaves_other_handlers_alone(shell) -> None:
    assert learner_help.install(shell)
    assert shell.events.callbacks["post_run_cell"].count(learner_help._after_cell) == 1
    assert shell.custom_exceptions == (KeyError, NameError)

    class Other:
        custom_exceptions = (ValueError,)

    assert learner_help.install(Other()) is False


def test_importing_ctcoop_installs_it_in_ipython_only() -> None:
    code = (
        "from IPython.core.interactiveshell import InteractiveShell\n"
        "shell = InteractiveShell.instance()\n"
        "import ctcoop\n"
        "print(shell.custom_exceptions)"
    )
    run_ = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "KeyError" in run_.stdout and "NameError" in run_.stdout
    plain = subprocess.run(
        [sys.executable, "-c", "import sys, ctcoop; print('IPython' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert plain.stdout.strip() == "False"
