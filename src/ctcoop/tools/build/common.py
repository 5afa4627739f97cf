"""Small parsing helpers shared by the table builders.

Sources are read as text (``dtype=str``) so that nothing is silently coerced:
every conversion below is explicit, and a value that does not parse raises
instead of becoming a guess.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def read_csv(path: Path) -> pd.DataFrame:
    """A source CSV as strings, empty cells as ``""`` (never NaN, never guessed types)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def to_int(values: pd.Series) -> pd.Series:
    """Nullable integers: ``""`` becomes ``<NA>``, anything non-numeric raises."""
    text = values.astype(str).str.strip()
    return pd.to_numeric(text.mask(text == ""), errors="raise").astype("Int64")


def to_bool(
    values: pd.Series,
    true: tuple[str, ...] = ("1", "yes", "true"),
    false: tuple[str, ...] = ("0", "no", "false"),
) -> pd.Series:
    """Nullable booleans from the flags used in the sources; unknown text raises."""
    text = values.astype(str).str.strip().str.lower()
    known = text.isin(true + false) | (text == "")
    if not known.all():
        raise ValueError(f"unexpected boolean values: {sorted(set(text[~known]))}")
    out = pd.Series(pd.NA, index=values.index, dtype="boolean")
    out[text.isin(true)] = True
    out[text.isin(false)] = False
    return out


def iso_dates(values: pd.Series) -> pd.Series:
    """Check that every non-empty cell is a real ISO date and return the text unchanged."""
    text = values.astype(str).str.strip()
    filled = text[text != ""]
    bad = filled[~filled.str.match(_ISO_DATE)]
    if len(bad):
        raise ValueError(f"not ISO dates: {sorted(set(bad))[:5]}")
    pd.to_datetime(filled, format="%Y-%m-%d", errors="raise")
    return text


def split_list(text: str, sep: str = ",") -> list[str]:
    """Items of a delimited cell, stripped, empties dropped."""
    return [item.strip() for item in str(text).split(sep) if item.strip()]
