"""One place per answer: the keys in the bank are computed from the solutions notebooks.

A solutions notebook answers each discrete exercise (multiple choice,
multi-select, ordering, matching) in plain text, ``timeline.submit(["a",
"b"])``; the bank stores the same answer as a digest. This module reads the
answers back out of the notebooks with :mod:`ast` (the literal is parsed,
never run) and compares their digests with the bank's keys, so a key and its
solution cannot drift apart unnoticed. Answers that are computed
(``helper_states.submit(n_helpers)``) are not literals and belong to numeric
or code exercises, whose expected values the bank computes from the data.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from nbformat import NotebookNode

from ctcoop.exercises import MultiSelect
from ctcoop.exercises.keys import digest
from ctcoop.tools.authoring.markers import AuthoringError

__all__ = ["KeyCheck", "SubmittedAnswer", "check_keys", "submitted_answers"]

_ANSWER_METHODS = {"submit", "check"}


@dataclass(frozen=True)
class SubmittedAnswer:
    """A literal answer given to an exercise in a solutions notebook."""

    exercise_id: str
    answer: Any
    where: str  # "solutions/NN_x.ipynb cell 3"


@dataclass(frozen=True)
class KeyCheck:
    """One discrete exercise's solution set against its key in the bank."""

    answer: SubmittedAnswer
    digest: str  # the key the solution implies
    bank_key: str | None  # None: the bank has no such discrete exercise

    @property
    def agrees(self) -> bool:
        return self.digest == self.bank_key

    def describe(self) -> str:
        """One line for the author: agreement, or what to paste and where."""
        exercise_id = self.answer.exercise_id
        if self.agrees:
            return f"ok       {exercise_id}"
        if self.bank_key is None:
            return f"new      {exercise_id}: key={self.digest!r}  ({self.answer.where})"
        return (
            f"MISMATCH {exercise_id}: the solution in {self.answer.where} gives "
            f"key={self.digest!r}, the bank has {self.bank_key!r}"
        )


def _exercise_id(node: ast.AST) -> str | None:
    """``"02.x"`` for a call ``exercise("02.x")`` (or ``ctcoop.exercise(...)``)."""
    if not (isinstance(node, ast.Call) and node.args):
        return None
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    first = node.args[0]
    if name == "exercise" and isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value
    return None


def _answers_in(tree: ast.AST) -> Iterator[tuple[str, ast.expr]]:
    """(exercise id, answer expression) for each ``x.submit(answer)`` in one cell."""
    bound: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, exercise_id = node.targets[0], _exercise_id(node.value)
            if isinstance(target, ast.Name) and exercise_id:
                bound[target.id] = exercise_id
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in _ANSWER_METHODS or len(node.args) != 1:
            continue
        owner = node.func.value
        exercise_id = _exercise_id(owner)
        if exercise_id is None and isinstance(owner, ast.Name):
            exercise_id = bound.get(owner.id)
        if exercise_id:
            yield exercise_id, node.args[0]


def submitted_answers(notebook: NotebookNode, name: str) -> list[SubmittedAnswer]:
    """Every literal answer the notebook's code cells submit, in notebook order."""
    found = []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        where = f"solutions/{name} cell {index}"
        try:
            tree = ast.parse(cell.source)
        except SyntaxError as error:
            raise AuthoringError(f"{where}: not valid Python ({error.msg})") from None
        for exercise_id, expression in _answers_in(tree):
            try:
                answer = ast.literal_eval(expression)
            except ValueError:
                continue  # computed: a numeric or code exercise
            found.append(SubmittedAnswer(exercise_id, answer, where))
    return found


def _implied_key(answer: SubmittedAnswer, definition: object) -> str:
    """The digest of the answer in the form the exercise's key was made from."""
    value = answer.answer
    if isinstance(definition, MultiSelect) and isinstance(value, list | tuple):
        value = set(value)  # a multi-select's key is the digest of a set
    return digest(answer.exercise_id, value)


def check_keys(notebook: NotebookNode, name: str, bank: dict[str, object]) -> list[KeyCheck]:
    """Each literal answer in the notebook checked against ``bank`` (id -> definition).

    Exercises without a ``key`` (numeric, code) are left out; an id that the
    bank does not have gives a check with ``bank_key=None`` (a new exercise).
    """
    checks = []
    for answer in submitted_answers(notebook, name):
        definition = bank.get(answer.exercise_id)
        if definition is not None and not hasattr(definition, "key"):
            continue
        bank_key = getattr(definition, "key", None)
        checks.append(KeyCheck(answer, _implied_key(answer, definition), bank_key))
    return checks
