"""The stored output of an exercise cell: a static form that never gives the answer away."""

from __future__ import annotations

import html

import pytest
from support.samples import sample_exercises

from ctcoop import bank
from ctcoop.exercises.text import render_inline
from ctcoop.exercises.widget import ExerciseWidget

EVERY_EXERCISE = [*bank.all_exercises(), *sample_exercises()]


def secrets_of(definition) -> list[str]:
    """Texts that would help someone who has not tried: key, reasons, later hints, explanation."""
    found = [definition.explanation, *definition.hints[1:]]
    found += [option.why for option in getattr(definition, "options", {}).values()]
    key = getattr(definition, "key", None)
    return found + ([key] if key else [])


@pytest.mark.parametrize("definition", EVERY_EXERCISE, ids=lambda d: d.id)
def test_stored_output_holds_the_question_and_no_secret(definition) -> None:
    bundle = ExerciseWidget(definition)._repr_mimebundle_()
    static, plain = bundle["text/html"], bundle["text/plain"]
    heading = f"Exercise {definition.id}: {definition.title}"
    assert plain == f"{heading}\nRun this cell to show the exercise."
    assert html.escape(definition.id) in static and render_inline(definition.title) in static
    assert "<details>" in static and render_inline(definition.hints[0]) in static
    assert static.count("<details>") == 1
    assert "Run this notebook to check your answer" in static
    for secret in secrets_of(definition):
        assert secret not in plain and secret not in static, secret
        assert render_inline(secret) not in static, secret


def test_the_static_form_lists_every_option_or_item() -> None:
    for definition in sample_exercises():
        static = ExerciseWidget(definition)._repr_mimebundle_()["text/html"]
        texts = [option.text for option in getattr(definition, "options", {}).values()]
        for name in ("items", "left", "right"):
            texts += list(getattr(definition, name, {}).values())
        assert all(render_inline(text) in static for text in texts), definition.id
