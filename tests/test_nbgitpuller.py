"""The JupyterHub route: nbgitpuller hands the course out and updates it safely.

INSTRUCTORS.md promises three things; each is checked here with nbgitpuller
itself against a local copy of this repository (no network needed):
the first click clones the course, a later click brings the instructor's
updates, and a learner's own edits to an exercise notebook survive.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from ctcoop.paths import repo_root

ROOT = repo_root()
pull = pytest.importorskip("nbgitpuller.pull")


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.fixture
def upstream(tmp_path: Path) -> Path:
    """A copy of the course as an instructor's repository, on branch main."""
    origin = tmp_path / "origin"
    origin.mkdir()
    git(origin, "init", "-q", "-b", "main")
    for folder in ("notebooks", "exercises"):
        subprocess.run(["cp", "-r", str(ROOT / folder), str(origin / folder)], check=True)
    git(origin, "add", "-A")
    git(origin, "commit", "-qm", "course")
    return origin


def run_puller(origin: Path, target: Path) -> None:
    for _ in pull.GitPuller(str(origin), str(target), branch="main", depth=1).pull():
        pass


def test_first_pull_clones_then_updates_keep_learner_edits(upstream: Path, tmp_path: Path):
    learner = tmp_path / "home" / "course"
    run_puller(upstream, learner)
    exercise = next((learner / "exercises").glob("*.ipynb"))
    assert (learner / "notebooks" / "00_start_here.ipynb").exists()

    exercise.write_text(exercise.read_text() + "\n")  # the learner works on an exercise
    (upstream / "notebooks" / "99_new.ipynb").write_text("{}")  # the instructor adds a lesson
    git(upstream, "add", "-A")
    git(upstream, "commit", "-qm", "new lesson")
    run_puller(upstream, learner)

    assert (learner / "notebooks" / "99_new.ipynb").exists()
    assert exercise.read_text().endswith("\n\n"), "the learner's edit was lost"


def test_instructor_guide_link_is_a_valid_nbgitpuller_link():
    guide = (ROOT / "INSTRUCTORS.md").read_text()
    link = re.search(r"https://\S+/hub/user-redirect/git-pull\?\S+", guide)
    assert link, "INSTRUCTORS.md has no nbgitpuller link"
    query = parse_qs(urlparse(link[0].rstrip(")`")).query)
    assert {"repo", "urlpath", "branch"} <= set(query)
    urlpath = query["urlpath"][0]
    assert urlpath.startswith("lab/tree/")
    repo_name = query["repo"][0].rstrip("/").split("/")[-1].removesuffix(".git")
    notebook = urlpath.removeprefix(f"lab/tree/{repo_name}/")
    assert (ROOT / notebook).exists(), f"the link opens {notebook}, which does not exist"


def test_a_link_to_a_missing_branch_stops_with_a_named_error(upstream: Path, tmp_path: Path):
    """A wrong ``branch=`` in the link: nbgitpuller refuses before touching the learner's home.

    The learner's page then shows nbgitpuller's "Branch does not exist";
    INSTRUCTORS.md says how to check a link's branch before sending it.
    """
    learner = tmp_path / "home" / "course"
    with pytest.raises(pull.BranchExistError, match="Branch does not exist"):
        pull.GitPuller(str(upstream), str(learner), branch="no-such-branch", depth=1)
    assert not learner.exists()
    # The check INSTRUCTORS.md gives: git ls-remote exits 2 for a branch that is not there.
    check = ["git", "ls-remote", "--exit-code", "--heads", str(upstream)]
    assert subprocess.run([*check, "no-such-branch"], capture_output=True).returncode == 2
    assert subprocess.run([*check, "main"], capture_output=True).returncode == 0
