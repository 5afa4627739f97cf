"""Ordering exercises never show their items in the answer's order (issue 18).

08.timeline listed its items oldest first, so submitting them as shown was
judged correct. The engine now shows a deterministic shuffle that is never the
key; these tests hold that for every ordering exercise in the bank, in the
widget's controls and in the static form that notebooks and the site store.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from itertools import permutations

import ipywidgets as widgets
import pytest
from support.samples import COMMON

from ctcoop import bank
from ctcoop.exercises import Ordering, digest
from ctcoop.exercises.controls import build_controls
from ctcoop.exercises.static import answer_form
from ctcoop.exercises.text import render_inline

ORDERINGS = [e for e in bank.all_exercises() if isinstance(e, Ordering)]


def test_the_bank_has_ordering_exercises() -> None:
    assert len(ORDERINGS) >= 2
    assert "08.timeline" in {e.id for e in ORDERINGS}


@pytest.mark.parametrize("exercise", ORDERINGS, ids=lambda e: e.id)
def test_shown_order_is_a_shuffle_never_the_key(exercise: Ordering) -> None:
    shown = exercise.shown_order
    assert sorted(shown) == sorted(exercise.items)
    assert shown != exercise._solution
    assert not exercise.check(shown).solved  # "submit as shown" is judged wrong


@pytest.mark.parametrize("exercise", ORDERINGS, ids=lambda e: e.id)
def test_shown_order_is_deterministic(exercise: Ordering) -> None:
    """The same order in every run and every fresh copy: stored outputs stay stable."""
    assert replace(exercise).shown_order == exercise.shown_order


@pytest.mark.parametrize("exercise", ORDERINGS, ids=lambda e: e.id)
def test_controls_and_static_form_follow_the_shown_order(exercise: Ordering) -> None:
    texts = [exercise.items[key] for key in exercise.shown_order]
    menus = [w for w in build_controls(exercise).widgets if isinstance(w, widgets.Dropdown)]
    assert [m.description.removeprefix("Position of: ") for m in menus] == texts
    form = answer_form(exercise)
    places = [form.index(render_inline(text)) for text in texts]
    assert places == sorted(places)


def test_an_unlucky_shuffle_that_equals_the_key_is_rotated() -> None:
    """Force the case where the hashed order is the answer: what is shown must still differ."""
    items = {"a": "1923", "b": "1945", "c": "1989"}

    def keyed(order: list[str]) -> Ordering:
        return Ordering(
            id="01.o", title="t", prompt="p", items=items, key=digest("01.o", order), **COMMON
        )

    # Five of the six keys differ from the hashed order, so they all show it.
    shown = Counter(tuple(keyed(list(order)).shown_order) for order in permutations(items))
    (hashed, count), *_ = shown.most_common()
    assert count == 5
    unlucky = keyed(list(hashed))
    assert unlucky.shown_order != list(hashed) == unlucky._solution
    assert sorted(unlucky.shown_order) == sorted(items)


@pytest.mark.parametrize("exercise", ORDERINGS, ids=lambda e: e.id)
def test_filling_the_menus_top_to_bottom_is_not_the_answer(exercise: Ordering) -> None:
    """What a learner would do to "submit as shown": positions 1, 2, 3... down the list."""
    menus = [w for w in build_controls(exercise).widgets if isinstance(w, widgets.Dropdown)]
    by_text = {text: key for key, text in exercise.items.items()}
    as_shown = [by_text[m.description.removeprefix("Position of: ")] for m in menus]
    assert not exercise.check(as_shown).solved
