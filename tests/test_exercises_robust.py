"""Property: whatever a learner passes, ``.submit`` returns a Feedback and never raises."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.samples import sample_exercises

from ctcoop.exercises import Feedback
from ctcoop.exercises.widget import ExerciseWidget


class Hostile:
    """An object whose every protocol method raises."""

    def _boom(self, *args, **kwargs):
        raise RuntimeError("hostile")

    __eq__ = __ne__ = __lt__ = __gt__ = __hash__ = __len__ = __iter__ = _boom
    __repr__ = __str__ = __bool__ = __float__ = __int__ = __index__ = __getitem__ = _boom


@st.composite
def frames(draw) -> pd.DataFrame:
    rows = draw(st.integers(0, 6))
    names = draw(st.lists(st.sampled_from(["body", "members", "x", 0]), max_size=3, unique=True))
    cell = st.one_of(st.integers(-5, 50), st.floats(allow_nan=True), st.text(max_size=3))
    data = {name: draw(st.lists(cell, min_size=rows, max_size=rows)) for name in names}
    return pd.DataFrame(data, index=pd.RangeIndex(rows) if not names else None)


scalars = st.one_of(
    st.none(),
    st.just(...),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.fractions().map(Fraction),
    st.complex_numbers(),
    st.text(),
    st.sampled_from(["b", "a, c", "cabd", "193", "1,234", "12 %", "x" * 1_000_000, "\x00"]),
    st.binary(),
    st.builds(Hostile),
    st.builds(object),
    st.builds(lambda: np.float64("nan")),
    st.builds(lambda: Decimal("sNaN")),
    frames(),
    frames().map(lambda frame: frame.iloc[:, 0] if frame.shape[1] else pd.Series(dtype=float)),
)
anything = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(st.text(max_size=2), inner, max_size=3),
        st.frozensets(st.one_of(st.integers(), st.text(max_size=2)), max_size=3),
        st.sets(st.sampled_from(["a", "b", "c", "d", "zz"])),
    ),
    max_leaves=8,
)

STATUSES = {"not_answered", "invalid", "incorrect", "correct"}


@pytest.mark.parametrize("definition", sample_exercises(), ids=lambda d: d.id)
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(value=anything)
def test_submit_never_raises(definition, value) -> None:
    widget = ExerciseWidget(definition)
    feedback = widget.submit(value)
    assert isinstance(feedback, Feedback)
    assert feedback.status in STATUSES
    assert feedback.message.strip()
    assert isinstance(feedback.html, str)
    assert repr(widget).startswith(f"Exercise {definition.id}: ")


@pytest.mark.parametrize("definition", sample_exercises(), ids=lambda d: d.id)
def test_hostile_objects_get_a_clear_message(definition) -> None:
    feedback = ExerciseWidget(definition).submit(Hostile())
    assert feedback.status in {"invalid", "incorrect"}
    assert "Hostile" in feedback.message  # names what it got, though its repr raises
