"""The README speaks to learners first and tells maintainers how to add a lesson briefly."""

from __future__ import annotations

import re

from ctcoop.paths import repo_root
from ctcoop.tools.authoring.cli import COMMANDS

README = (repo_root() / "README.md").read_text(encoding="utf-8")


def test_first_lines_are_for_learners():
    top = "\n".join(README.splitlines()[:20])
    assert "notebooks/00_start_here.ipynb" in top
    assert "./course start" in top and "./course test" in top
    assert "ctcoop-author" not in top and "pytest" not in top


def test_adding_a_lesson_takes_at_most_ten_steps_with_real_commands():
    section = README.split("## For maintainers: adding a lesson", 1)[1].split("\n## ", 1)[0]
    steps = re.findall(r"^(\d+)\. ", section, re.M)
    assert steps and len(steps) <= 10 and steps == [str(n) for n in range(1, len(steps) + 1)]
    used = set(re.findall(r"ctcoop-author (\w+)", section))
    assert used and used <= set(COMMANDS), used - set(COMMANDS)
