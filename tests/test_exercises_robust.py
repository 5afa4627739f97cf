"""Property: whatever a learner passes, ``.submit`` returns a Feedback and never raises."""

from __future__ import annotations

import itertools
import subprocess
import sys
import time
from collections import Counter
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.samples import COMMON, sample_exercises

from ctcoop.exercises import CodeExercise, Feedback
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


# --- Bounded reading: no input makes checking slow or hungry -----------------------------

ENDLESS_SCRIPT = """
import itertools, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30))
sys.path.insert(0, "tests")
from support.samples import sample_exercises
from ctcoop.exercises.widget import ExerciseWidget
inputs = [itertools.repeat("a"), range(10**18), itertools.count(), iter(int, 1),
          itertools.repeat(("a", "1")), {i: "1" for i in range(200_000)}, ["a"] * 10**6]
for definition in sample_exercises():
    for endless in inputs:
        start = time.monotonic()
        feedback = ExerciseWidget(definition).submit(endless)
        assert time.monotonic() - start < 5, (definition.id, type(endless))
        assert feedback.status in ("invalid", "incorrect"), (definition.id, feedback.status)
print("ok")
"""


def test_endless_and_huge_answers_are_refused_promptly() -> None:
    """Run in a child process with a memory cap, so a regression fails instead of hanging."""
    run = subprocess.run(
        [sys.executable, "-c", ENDLESS_SCRIPT],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stderr[-2000:]


@settings(max_examples=40, deadline=2000)
@given(size=st.integers(0, 10**18), kind=st.sampled_from(["range", "repeat", "list"]))
def test_any_size_of_iterable_is_read_boundedly(size: int, kind: str) -> None:
    answer = {
        "range": lambda: range(size),
        "repeat": lambda: itertools.repeat("a", size),
        "list": lambda: ["a"] * min(size, 10**6),
    }[kind]()
    for definition in sample_exercises()[:4]:
        assert isinstance(definition.check(answer), Feedback)


def test_the_ordering_duplicate_check_is_linear() -> None:
    (ordering,) = [d for d in sample_exercises() if d.id == "01.order"]
    start = time.perf_counter()
    feedback = ordering.check(["a", "b", "c", "d"] * 25_000)
    assert time.perf_counter() - start < 1.0 and feedback.status == "invalid"
    counts = Counter(a + b for a in "abcd" for b in "abcd")
    start = time.perf_counter()
    assert ordering._read(list("cabd")) == list("cabd")
    assert ordering.check(list(counts)[:4]).status == "invalid"  # aa, ab, ... are not keys
    assert time.perf_counter() - start < 1.0


# --- Canonical comparison: a learner's object never votes on whether it is right -----------


class AlwaysEqual(str):
    """A str that claims to equal everything, and lies about its text too."""

    def __eq__(self, other: object) -> bool:
        return True

    def __ne__(self, other: object) -> bool:
        return False

    __hash__ = str.__hash__

    def strip(self, *args: object) -> str:
        return "b"

    def casefold(self) -> str:
        return "b"

    def __str__(self) -> str:
        return "b"


class AlwaysEqualInt(int):
    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = int.__hash__

    def __float__(self) -> float:
        return 193.0


def hostile(value: object) -> object:
    """The same answer with every text and integer replaced by a lying subclass."""
    if isinstance(value, str):
        return AlwaysEqual(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return AlwaysEqualInt(value)
    if isinstance(value, dict):
        return {hostile(k): hostile(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(hostile(item) for item in value)
    return value


KEYS = st.sampled_from(["a", "b", "c", "d", "1", "2", "3", "zz", "B"])
DISCRETE_ANSWERS = st.one_of(
    KEYS,
    st.lists(KEYS, max_size=5),
    st.dictionaries(KEYS, KEYS, max_size=4),
    st.integers(-5, 300),
    st.text(max_size=4),
)


@pytest.mark.parametrize("definition", sample_exercises()[:5], ids=lambda d: d.id)
@settings(max_examples=150, deadline=None)
@given(answer=DISCRETE_ANSWERS)
def test_a_lying_answer_gets_the_verdict_of_its_plain_value(definition, answer) -> None:
    honest, lying = definition.check(answer), definition.check(hostile(answer))
    assert (lying.status, lying.message) == (honest.status, honest.message)


CELLS = st.one_of(st.sampled_from(["EU", "FATF", "SCO", "x"]), st.integers(0, 40))


@settings(max_examples=100, deadline=None)
@given(cells=st.lists(CELLS, min_size=3, max_size=3), container=st.sampled_from([list, tuple]))
def test_containers_of_lying_values_do_not_pass_code_exercises(cells, container) -> None:
    expected = ["EU", "FATF", "SCO"]
    exercise = CodeExercise(
        id="01.list", title="t", prompt="p", expected=lambda: expected, check_order=True, **COMMON
    )
    as_frame = CodeExercise(
        id="01.frame",
        title="t",
        prompt="p",
        expected=lambda: pd.DataFrame({"body": expected}),
        **COMMON,
    )
    right = cells == expected
    assert exercise.check(container(hostile(cells))).solved == right
    frame = pd.DataFrame({"body": pd.Series(hostile(cells), dtype=object)})
    assert as_frame.check(frame).solved == (sorted(map(str, cells)) == sorted(expected))
    assert as_frame.check(frame).solved == as_frame.check(pd.DataFrame({"body": cells})).solved


class LyingSeries(pd.Series):
    """A Series that shows the expected values to anyone who asks it for its values."""

    @property
    def _constructor(self):
        return LyingSeries

    def to_numpy(self, *args, **kwargs):
        return np.array([27, 38, 10])

    def __array__(self, *args, **kwargs):
        return np.array([27, 38, 10])

    def __iter__(self):
        return iter([27, 38, 10])

    def tolist(self):
        return [27, 38, 10]

    def equals(self, other) -> bool:
        return True

    def __eq__(self, other):
        return pd.Series(True, index=self.index)


class LyingFrame(pd.DataFrame):
    @property
    def _constructor(self):
        return LyingFrame

    def to_numpy(self, *args, **kwargs):
        return np.array([[27], [38], [10]])

    def equals(self, other) -> bool:
        return True


@settings(max_examples=50, deadline=None)
@given(values=st.lists(st.integers(0, 50), min_size=3, max_size=3))
def test_a_series_lying_about_its_values_is_judged_by_its_data(values) -> None:
    expected = pd.Series([27, 38, 10])
    right = values == [27, 38, 10]
    for wanted in (expected, [27, 38, 10]):
        exercise = CodeExercise(
            id="01.s", title="t", prompt="p", expected=lambda w=wanted: w, check_order=True,
            **COMMON,
        )  # fmt: skip
        assert exercise.check(LyingSeries(values)).solved == right
    frame = CodeExercise(
        id="01.f", title="t", prompt="p", expected=lambda: expected.to_frame("n"), **COMMON
    )
    assert frame.check(LyingFrame({"n": values})).solved == (sorted(values) == [10, 27, 38])


def test_numbers_that_lie_about_their_value_are_read_by_their_data() -> None:
    (numeric,) = [d for d in sample_exercises() if d.id == "01.number"]
    assert not numeric.check(AlwaysEqualInt(5)).solved  # its __float__ says 193
    assert numeric.check(10**5000).status == "invalid"
    assert "too large" in numeric.check(10**5000).message


class Interrupting:
    """Stands for a learner pressing Interrupt while the answer is being read."""

    def __iter__(self):
        raise KeyboardInterrupt

    def __len__(self) -> int:
        raise KeyboardInterrupt


@pytest.mark.parametrize("exercise_id", ["01.multi", "01.order"])
def test_interrupt_is_never_swallowed(exercise_id) -> None:
    """Checking catches a learner object's errors, but never Interrupt (KeyboardInterrupt)."""
    (definition,) = [d for d in sample_exercises() if d.id == exercise_id]
    with pytest.raises(KeyboardInterrupt):
        ExerciseWidget(definition).submit(Interrupting())


def test_arrays_and_series_of_keys_are_read_like_lists() -> None:
    (multi,) = [d for d in sample_exercises() if d.id == "01.multi"]
    assert multi.check(np.array(["a", "c"])).solved
    assert multi.check(pd.Series(["c", "a"])).solved
    assert multi.check(k for k in "ac").solved
