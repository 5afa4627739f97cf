"""The test set-up keeps the learner's files and the checkout clean."""

from __future__ import annotations

from pathlib import Path

from hypothesis.configuration import storage_directory

from ctcoop.paths import progress_file, repo_root


def test_hypothesis_writes_outside_the_checkout():
    where = storage_directory("examples", intent_to_write=False).path.resolve()
    assert not where.is_relative_to(repo_root()), where


def test_progress_goes_to_a_scratch_file():
    assert not progress_file().is_relative_to(Path.home() / ".ctcoop")
