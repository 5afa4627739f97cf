"""Authoring tools: exercises generated from solutions, notebooks recorded and formatted.

The solutions notebooks in ``solutions/`` are the single source of the
exercises. The package is read bottom-up:

* ``notebook_io``: read and write notebooks as JupyterLab saves them (validated);
* ``markers``: the solution blocks that ``generate`` strips, and look-alikes it refuses;
* ``keys``: the answers in solutions notebooks, checked against the bank's keys;
* ``steps``: small named transformations of a notebook, one each;
* ``pipelines``: ``generate``, ``record`` and ``format_notebooks`` as ordered steps;
* ``cli``: the ``ctcoop-author`` command.

Usage::

    ctcoop-author record     # run notebooks/ and solutions/, store their outputs
    ctcoop-author generate   # rewrite exercises/ from solutions/ (checks keys and markers)
    ctcoop-author check      # exit 1 if exercises/ is out of date
    ctcoop-author keys       # check every bank key against its solution
    ctcoop-author format     # re-save notebooks in JupyterLab's form, unrun
"""

from __future__ import annotations

from ctcoop.tools.authoring.cli import main
from ctcoop.tools.authoring.markers import AuthoringError
from ctcoop.tools.authoring.pipelines import (
    exercise_notebook,
    format_notebooks,
    generate,
    key_checks,
    record,
    stale_exercises,
)
from ctcoop.tools.authoring.steps import CHECK_TAG, WIDGET_VIEW

__all__ = [
    "CHECK_TAG",
    "WIDGET_VIEW",
    "AuthoringError",
    "exercise_notebook",
    "format_notebooks",
    "generate",
    "key_checks",
    "main",
    "record",
    "stale_exercises",
]
