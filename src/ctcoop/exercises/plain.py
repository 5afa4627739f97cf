"""Copies of a learner's result made of plain values, so that it is judged by its content.

A learner's object can define its own ``__eq__``, ``to_numpy`` or ``__iter__``
and so vote on whether it is right: a ``str`` subclass equal to everything, a
Series subclass whose ``to_numpy`` returns the expected values. Before any
comparison, a result is rebuilt from its underlying data as plain pandas, NumPy
and Python values; anything of a type not known here becomes an ``Opaque``
stand-in that equals only itself.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd

from ctcoop.exercises.text import Opaque

__all__ = ["MAX_DEPTH", "plain_result", "plain_value"]

MAX_DEPTH = 20
"""Nesting deeper than this (a list in a list in ...) is not a course answer."""

_KEPT = (Decimal, Fraction, dt.datetime, dt.date, dt.time, dt.timedelta, pd.Timestamp,
         pd.Timedelta, pd.Period, type(pd.NaT), type(pd.NA))  # fmt: skip


def plain_value(value: Any, depth: int = 0) -> Any:
    """A plain copy of one cell or scalar, read with the built-in types' own methods."""
    if value is None or type(value) is bool:
        return value
    if isinstance(value, str):
        return str.__str__(value)  # an exact str, whatever the subclass says
    if isinstance(value, int) and not isinstance(value, bool | np.bool_):
        return int.__int__(value)
    if isinstance(value, float):
        return float.__float__(value)
    if type(value) is complex or type(value) in _KEPT:
        return value
    if isinstance(value, np.generic) and type(value).__module__ == "numpy":
        return value.item() if value.dtype.kind in "biufcUS" else value
    if isinstance(value, list | tuple) and depth < MAX_DEPTH:
        items = [
            plain_value(item, depth + 1)
            for item in (list.__iter__ if isinstance(value, list) else tuple.__iter__)(value)
        ]
        return items if isinstance(value, list) else tuple(items)
    return Opaque(value)


def _plain_column(values: Any, index: pd.Index, name: Any = None) -> pd.Series:
    return pd.Series([plain_value(v) for v in values], index=index, dtype=object, name=name)


def _plain_index(index: pd.Index) -> pd.Index:
    if not pd.api.types.is_object_dtype(index.dtype) or len(index) == 0:
        return index
    if isinstance(index, pd.MultiIndex):
        return pd.MultiIndex.from_tuples(
            [plain_value(label) for label in index], names=[plain_value(n) for n in index.names]
        )
    return pd.Index(
        [plain_value(label) for label in index], dtype=object, name=plain_value(index.name)
    )


def _plain_frame(frame: pd.DataFrame) -> pd.DataFrame:
    plain = pd.DataFrame(frame, copy=True)  # built from the data, not from the object's methods
    plain.index = _plain_index(plain.index)
    plain.columns = _plain_index(plain.columns)
    for j in range(plain.shape[1]):
        if pd.api.types.is_object_dtype(plain.dtypes.iloc[j]):
            plain.isetitem(j, _plain_column(plain.iloc[:, j].to_numpy(), plain.index))
    return plain


def _plain_series(series: pd.Series) -> pd.Series:
    plain = pd.Series(series, copy=True)
    plain.index = _plain_index(plain.index)
    plain.name = plain_value(plain.name)
    if pd.api.types.is_object_dtype(plain.dtype):
        plain = _plain_column(plain.to_numpy(), plain.index, plain.name)
    return plain


def plain_result(value: Any) -> Any:
    """``value`` rebuilt from plain parts: DataFrame, Series, Index, 1-D array or collection."""
    if isinstance(value, pd.DataFrame):
        return _plain_frame(value)
    if isinstance(value, pd.Series):
        return _plain_series(value)
    if isinstance(value, pd.Index):
        return _plain_index(pd.Index(value, copy=True))
    if isinstance(value, np.ndarray):
        array = np.ndarray.view(value, np.ndarray).copy()  # the buffer, not a subclass's view
        if array.dtype.kind == "O" and array.ndim == 1:
            plain = np.empty(len(array), dtype=object)
            for i, item in enumerate(array):
                plain[i] = plain_value(item)
            return plain
        return array
    if isinstance(value, set | frozenset):
        items = {
            plain_value(item)
            for item in (set.__iter__ if isinstance(value, set) else frozenset.__iter__)(value)
        }
        return items if isinstance(value, set) else frozenset(items)
    return plain_value(value)
