"""Compare a learner's pandas result with the expected one and say what differs.

The order of the checks follows how a learner fixes code: first the kind of
object, then the columns, the number of rows, the row labels, the values (with
up to three example cells, showing the learner's value, never the expected one)
and last the column types. When row order does not
matter, both sides are sorted the same way before comparing.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from ctcoop.exercises.text import format_number, safe_repr, type_name

__all__ = ["Difference", "Rules", "canonical_text", "compare"]

MAX_EXAMPLES = 3
ABSOLUTE_NOISE = 1e-12  # lets 0.1 + 0.2 - 0.3 count as 0
_COLLECTIONS = (list, tuple, set, frozenset, np.ndarray, pd.Index)


@dataclass(frozen=True)
class Difference:
    """Why two results differ: a headline and detail lines."""

    summary: str
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rules:
    """How strictly to compare (from the exercise definition)."""

    check_order: bool = False
    check_dtype: bool = False
    rtol: float = 1e-9


def compare(expected: Any, got: Any, rules: Rules) -> Difference | None:
    """None when ``got`` matches ``expected`` under ``rules``, else what differs."""
    if isinstance(expected, pd.DataFrame):
        return _compare_frame(expected, got, rules)
    if isinstance(expected, pd.Series):
        return _compare_series(expected, got, rules)
    if isinstance(expected, _COLLECTIONS):
        return _compare_collection(expected, got, rules)
    return _compare_scalar(expected, got, rules.rtol)


def canonical_text(value: Any) -> str:
    """One spelling of a result (type, labels, cells, column types), to fingerprint it."""
    if isinstance(value, pd.DataFrame | pd.Series):
        dtypes = value.dtypes if isinstance(value, pd.DataFrame) else [value.dtype]
        types = ",".join(map(str, dtypes))
        return f"{type(value).__name__}[{types}]\n{value.to_csv()}"
    if isinstance(value, np.ndarray | pd.Index):
        return f"{type(value).__name__}[{value.dtype}]{value.tolist()!r}"
    return f"{type(value).__name__}:{value!r}"


def _labels(labels: list[Any]) -> str:
    return ", ".join(safe_repr(label, 40) for label in labels)


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _compare_frame(expected: pd.DataFrame, got: Any, rules: Rules) -> Difference | None:
    if not isinstance(got, pd.DataFrame):
        tip = ()
        if isinstance(got, pd.Series):
            tip = (
                "Double brackets df[['a', 'b']] keep a table; .reset_index() turns a "
                "grouped Series into one.",
            )
        return Difference(f"Expected a table (DataFrame), got {type_name(got)}.", tip)
    if got.columns.has_duplicates:
        repeated = list(got.columns[got.columns.duplicated()].unique())
        return Difference(f"Your table repeats column names: {_labels(repeated)}.")
    missing = [c for c in expected.columns if c not in got.columns]
    extra = [c for c in got.columns if c not in expected.columns]
    if missing or extra:
        details = []
        if missing:
            details.append(f"Missing: {_labels(missing)}.")
        if extra:
            details.append(f"Not expected: {_labels(extra)}.")
        if set(missing) & set(got.index.names):
            details.append("Some missing columns are in your index: try .reset_index().")
        if set(extra) & set(expected.index.names):
            details.append(
                "The expected table keeps some of these as its index: try .set_index(...)."
            )
        return Difference("The columns differ.", tuple(details))
    return _compare_rows(expected, got[list(expected.columns)], rules, noun="row")


def _compare_series(expected: pd.Series, got: Any, rules: Rules) -> Difference | None:
    if isinstance(got, pd.DataFrame) and got.shape[1] == 1:
        return Difference(
            "Expected a Series (one column of values), got a DataFrame with one column.",
            ("Select the column with df['name'], or use .squeeze().",),
        )
    if not isinstance(got, pd.Series):
        return Difference(f"Expected a Series, got {type_name(got)}.")
    return _compare_rows(expected.to_frame("value"), got.to_frame("value"), rules, noun="value")


def _compare_collection(expected: Any, got: Any, rules: Rules) -> Difference | None:
    if not isinstance(got, (*_COLLECTIONS, pd.Series)) or getattr(got, "ndim", 1) != 1:
        return Difference(f"Expected a list of values, got {type_name(got)}.")
    ordered = rules.check_order and not isinstance(expected, set | frozenset)
    as_frame = [pd.Series(list(side), dtype=object).to_frame("value") for side in (expected, got)]
    return _compare_rows(*as_frame, replace(rules, check_order=ordered), noun="value")


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_)


def _compare_scalar(expected: Any, got: Any, rtol: float) -> Difference | None:
    if isinstance(got, pd.Series | pd.DataFrame | pd.Index | np.ndarray):
        size = int(got.size)
        tip = (
            "Take the value out with .iloc[0] or .item()."
            if size == 1
            else "Reduce it to one value, e.g. with len(...), .sum() or .max()."
        )
        return Difference(
            f"Expected a single value, got {type_name(got)} of {_plural(size, 'value')}.", (tip,)
        )
    if _is_number(expected):
        if not _is_number(got):
            return Difference(f"Expected a number, got {type_name(got)}: {safe_repr(got, 40)}.")
        if _same(expected, got, rtol):
            return None
        direction = "high" if got > expected else "low"
        return Difference(
            f"{format_number(float(got))} is not the expected value: it is too {direction}."
        )
    if isinstance(expected, str):
        if not isinstance(got, str):
            return Difference(f"Expected text, got {type_name(got)}.")
        if got == expected:
            return None
        if got.strip().casefold() == expected.strip().casefold():
            return Difference("Almost: the text differs only in upper/lower case or spaces.")
        return Difference(f"{safe_repr(got, 40)} is not the expected text.")
    if _same(expected, got, rtol):
        return None
    return Difference(f"{safe_repr(got, 40)} is not the expected value ({type_name(expected)}).")


def _is_missing(value: Any) -> bool:
    try:
        return bool(pd.api.types.is_scalar(value) and pd.isna(value))
    except Exception:
        return False


def _same(a: Any, b: Any, rtol: float) -> bool:
    """Equal cells: both missing, numbers within ``rtol``, or ``==``."""
    if _is_missing(a) or _is_missing(b):
        return _is_missing(a) and _is_missing(b)
    if _is_number(a) and _is_number(b):
        return math.isclose(float(a), float(b), rel_tol=rtol, abs_tol=ABSOLUTE_NOISE)
    try:
        equal = a == b
        return bool(equal) if isinstance(equal, bool | np.bool_) else False
    except Exception:
        return False


def _meaningful_index(index: pd.Index) -> bool:
    """False for a plain unnamed integer index: row numbers that carry no meaning."""
    return index.nlevels > 1 or index.name is not None or not pd.api.types.is_integer_dtype(index)


def _sorted(frame: pd.DataFrame, with_index: bool) -> pd.DataFrame:
    """Rows in a canonical order: by index (if it counts), then by every column."""
    parts = [pd.Series(frame.index.get_level_values(i)) for i in range(frame.index.nlevels)]
    parts = parts if with_index else []
    parts += [frame.iloc[:, j].reset_index(drop=True) for j in range(frame.shape[1])]
    if not parts:
        return frame
    keys = pd.concat(parts, axis=1, ignore_index=True)
    by = list(keys.columns)
    try:
        order = keys.sort_values(by=by, kind="mergesort", na_position="last").index
    except (TypeError, ValueError):  # mixed or unorderable cells: sort by their text
        order = keys.sort_values(by=by, kind="mergesort", key=lambda s: s.map(safe_repr)).index
    return frame.iloc[order.to_numpy()]


def _differing(expected: pd.Series, got: pd.Series, rtol: float) -> np.ndarray:
    """A boolean mask of the cells that differ between two aligned columns."""
    numeric = [
        pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s)
        for s in (expected, got)
    ]
    if all(numeric):
        try:
            a, b = (s.to_numpy(dtype=float, na_value=np.nan) for s in (expected, got))
            return ~np.isclose(a, b, rtol=rtol, atol=ABSOLUTE_NOISE, equal_nan=True)
        except (TypeError, ValueError):
            pass
    return np.array([not _same(a, b, rtol) for a, b in zip(expected, got, strict=True)], dtype=bool)


def _compare_rows(
    expected: pd.DataFrame, got: pd.DataFrame, rules: Rules, noun: str
) -> Difference | None:
    if len(expected) != len(got):
        return Difference(f"Expected {_plural(len(expected), noun)}, got {len(got):,}.")
    labelled = _meaningful_index(expected.index)
    if not labelled:
        expected, got = expected.reset_index(drop=True), got.reset_index(drop=True)
    if labelled and expected.index.is_unique and got.index.is_unique:
        difference = _compare_label_sets(expected.index, got.index)
        if difference:
            return difference
        if not rules.check_order:  # rows match by label, wherever they are
            got = got.loc[expected.index]
    elif not rules.check_order:
        expected, got = _sorted(expected, labelled), _sorted(got, labelled)
    where = _row_names(expected, labelled, sorted_rows=not (labelled or rules.check_order))
    difference = (
        (_compare_labels(expected.index, got.index, where) if labelled else None)
        or _compare_values(expected, got, rules.rtol, where, noun)
        or (_compare_types(expected, got) if rules.check_dtype else None)
    )
    if difference and rules.check_order:
        if _compare_rows(expected, got, replace(rules, check_order=False), noun) is None:
            return Difference(
                f"The right {noun}s, but in a different order.",
                ("Check how the result is sorted (.sort_values / .sort_index).",),
            )
    return difference


def _plain_index_tip(expected: pd.Index, got: pd.Index) -> tuple[str, ...]:
    if _meaningful_index(got):
        return ()
    return (
        "Your result has plain row numbers; the expected one is labelled by "
        f"{_labels(list(expected.names))}. Keep the groupby index or use .set_index(...).",
    )


def _compare_label_sets(expected: pd.Index, got: pd.Index) -> Difference | None:
    """Which row labels are missing or unexpected (both indexes unique)."""
    if expected.nlevels != got.nlevels:
        return Difference(
            f"Expected {expected.nlevels} level(s) of row labels (index), got {got.nlevels}.",
            (f"Expected index names: {_labels(list(expected.names))}.",),
        )
    missing = [label for label in expected if label not in got]
    extra = [label for label in got if label not in expected]
    if not (missing or extra):
        return None
    details = []
    if missing:
        details.append(f"Missing: {_labels(missing[:MAX_EXAMPLES])}.")
    if extra:
        details.append(f"Not expected: {_labels(extra[:MAX_EXAMPLES])}.")
    count = max(len(missing), len(extra))
    return Difference(
        f"The row labels (index) differ in {_plural(count, 'row')}.",
        (*details, *_plain_index_tip(expected, got)),
    )


def _row_names(frame: pd.DataFrame, labelled: bool, sorted_rows: bool) -> list[str]:
    if labelled:
        return [f"row {safe_repr(label, 30)}" for label in frame.index]
    suffix = " (after sorting)" if sorted_rows else ""
    return [f"row {position}{suffix}" for position in range(len(frame))]


def _compare_labels(expected: pd.Index, got: pd.Index, where: list[str]) -> Difference | None:
    """Row labels position by position (rows already aligned or sorted)."""
    if expected.nlevels != got.nlevels:
        return _compare_label_sets(expected, got)
    wrong = [i for i, (a, b) in enumerate(zip(expected, got, strict=True)) if not _same(a, b, 0.0)]
    if not wrong:
        return None
    examples = tuple(
        f"position {i}: expected {safe_repr(expected[i], 30)}, got {safe_repr(got[i], 30)}"
        for i in wrong[:MAX_EXAMPLES]
    )
    return Difference(
        f"The row labels (index) differ in {_plural(len(wrong), 'row')}.",
        examples + _plain_index_tip(expected, got),
    )


def _compare_values(
    expected: pd.DataFrame, got: pd.DataFrame, rtol: float, where: list[str], noun: str
) -> Difference | None:
    cells = []
    for j, column in enumerate(expected.columns):
        mask = _differing(expected.iloc[:, j], got.iloc[:, j], rtol)
        cells += [(i, j, column) for i in np.flatnonzero(mask)]
    if not cells:
        return None
    cells.sort()
    examples = []
    for i, j, column in cells[:MAX_EXAMPLES]:  # the learner's value only: never the expected
        place = where[i] if noun == "value" else f"{where[i]}, column {safe_repr(column, 30)}"
        examples.append(f"{place}: yours is {safe_repr(got.iat[i, j], 30)}")
    word = "cell" if noun == "row" else "value"
    return Difference(
        f"{_plural(len(cells), word)} differ{'s' if len(cells) == 1 else ''}.", tuple(examples)
    )


def _compare_types(expected: pd.DataFrame, got: pd.DataFrame) -> Difference | None:
    pairs = [
        (column, expected.dtypes.iloc[j], got.dtypes.iloc[j])
        for j, column in enumerate(expected.columns)
    ]
    wrong = [
        f"column {safe_repr(column, 30)}: expected {want}, got {have}"
        for column, want, have in pairs
        if str(want) != str(have)
    ]
    return Difference("Some column types differ.", tuple(wrong)) if wrong else None
