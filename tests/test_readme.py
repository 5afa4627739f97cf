"""The README's course map lists every lesson, and its links lead somewhere real."""

from __future__ import annotations

import re

from ctcoop.paths import repo_root

ROOT = repo_root()
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_course_map_lists_every_notebook_with_a_binder_link():
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        row = re.search(rf"^\| {path.name[:2]} \|.*$", README, re.M)
        assert row, f"{path.name} is missing from the course map"
        assert f"(notebooks/{path.name})" in row[0]
        binder = f"urlpath=lab/tree/notebooks/{path.name})"
        assert binder in row[0], f"no Binder link for {path.name}"


def test_every_local_link_in_the_readme_exists():
    for target in re.findall(r"\]\(((?:notebooks|exercises|solutions)/[^)]+)\)", README):
        assert (ROOT / target).exists(), target


def test_readme_gives_the_two_commands_and_ci_runs_the_test_one():
    assert "./course start" in README and "./course test" in README
    assert "exec ./course test" in (ROOT / ".ci" / "run").read_text()
