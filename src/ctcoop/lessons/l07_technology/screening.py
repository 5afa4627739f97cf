"""Screening names against a watch list, and what the alert threshold trades.

Banks, payment firms and border agencies compare the names of customers and
travellers with sanctions lists automatically. An exact comparison misses the
same name written another way (transliteration, word order, accents); a fuzzy
comparison catches those variants but also raises alarms on different people
with similar names. Lesson 07 shows both on **invented** names only.

The scores come from ``rapidfuzz`` (a maintained library): ``token_sort_ratio``
compares the names after sorting their words, so word order does not count,
and returns 0-100 (100 = identical after :func:`normalise`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

import pandas as pd
from rapidfuzz import fuzz, process

__all__ = ["normalise", "best_matches", "outcomes"]

_JOINERS = re.compile(r"[-'’]")
_NOT_LETTERS = re.compile(r"[^a-z0-9]+")


def normalise(name: str) -> str:
    """Lower case, accents removed, hyphens and apostrophes dropped, other punctuation as
    spaces: 'María Bel-Kadi' -> 'maria belkadi'."""
    decomposed = unicodedata.normalize("NFKD", str(name))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _NOT_LETTERS.sub(" ", _JOINERS.sub("", plain)).strip()


def best_matches(names: Iterable[str], watchlist: Sequence[str]) -> pd.DataFrame:
    """For each name, the closest watch-list entry and its score (0-100), in input order."""
    entries = list(watchlist)
    if not entries:
        raise ValueError("the watch list is empty: give at least one name to screen against")
    rows = []
    for name in names:
        match, score, _ = process.extractOne(
            name, entries, scorer=fuzz.token_sort_ratio, processor=normalise
        )
        rows.append({"name": name, "closest_entry": match, "score": round(float(score), 1)})
    return pd.DataFrame(rows, columns=["name", "closest_entry", "score"])


def outcomes(scores: pd.Series, listed: pd.Series, thresholds: Iterable[float]) -> pd.DataFrame:
    """Alerts, false alarms and misses at each threshold (an alert: score >= threshold).

    ``listed`` says, for each screened name, whether it really is the listed person
    (in the lesson this is invented, as every name is).
    """
    scores = pd.Series(scores).reset_index(drop=True)
    listed = pd.Series(listed, dtype=bool).reset_index(drop=True)
    rows = []
    for threshold in thresholds:
        alert = scores >= threshold
        rows.append(
            {
                "threshold": threshold,
                "alerts": int(alert.sum()),
                "false_alarms": int((alert & ~listed).sum()),
                "misses": int((~alert & listed).sum()),
            }
        )
    return pd.DataFrame(rows).set_index("threshold")
