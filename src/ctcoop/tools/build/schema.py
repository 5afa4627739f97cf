"""Table specifications: the single place that says what each course table holds.

A :class:`Table` couples the pure build function with the Frictionless schema,
sources, licence and caveats, so the CSV, ``datapackage.json`` and the loaders
in :mod:`ctcoop.data` can never disagree about a column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

RETRIEVED = "2026-11-28"  # the first snapshots; later ones name their own date (Table.retrieved)
SNAPSHOT_2026_12_01 = "2026-12-01"  # the sources staged for lessons 06-13

LICENCES: dict[str, dict[str, str]] = {
    "un-terms": {
        "name": "UN-terms-of-use",
        "title": "Terms and conditions of use of United Nations websites",
        "path": "https://www.un.org/en/about-us/terms-of-use",
    },
    "compiled-facts": {
        "name": "compiled-facts",
        "title": "Facts compiled from the cited public pages, with attribution "
        "(source texts remain their publishers' copyright; Wikipedia text CC BY-SA 4.0)",
        "path": "https://creativecommons.org/licenses/by-sa/4.0/",
    },
    "fatf-facts": {
        "name": "FATF-facts-only",
        "title": "Facts only; FATF documents are (c) FATF/OECD, all rights reserved",
        "path": "https://www.fatf-gafi.org/en/home/terms-and-conditions.html",
    },
    "cc-by-4.0": {
        "name": "CC-BY-4.0",
        "title": "Creative Commons Attribution 4.0; credit the producers named in each "
        "table's sources (UCDP, ITU and the World Bank, Our World in Data); data modified, "
        "see notes",
        "path": "https://creativecommons.org/licenses/by/4.0/",
    },
    "public-domain": {
        "name": "public-domain",
        "title": "Public domain (Natural Earth)",
        "path": "https://www.naturalearthdata.com/about/terms-of-use/",
    },
    "cc-by-sa-4.0": {
        "name": "CC-BY-SA-4.0",
        "title": "Creative Commons Attribution-ShareAlike 4.0 (Wikipedia-derived facts)",
        "path": "https://creativecommons.org/licenses/by-sa/4.0/",
    },
}


@dataclass(frozen=True)
class Field:
    """One column: Frictionless ``type`` plus the description learners will read.

    ``enum`` lists the allowed values of a low-cardinality text column; the
    loaders turn such columns into pandas categories in this order.
    """

    name: str
    type: str
    description: str
    enum: tuple[str, ...] | None = None
    required: bool = False
    unique: bool = False

    def descriptor(self) -> dict[str, Any]:
        """The Frictionless field descriptor."""
        out: dict[str, Any] = {
            "name": self.name,
            "type": self.type,
            "description": self.description,
        }
        if self.type == "date":
            out["format"] = "%Y-%m-%d"
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.unique:
            constraints["unique"] = True
        if self.enum is not None:
            constraints["enum"] = list(self.enum)
        if constraints:
            out["constraints"] = constraints
        return out


@dataclass(frozen=True)
class Source:
    """A publisher's document the table comes from, with its official address."""

    title: str
    path: str


@dataclass(frozen=True)
class Table:
    """Everything the build needs to write one resource and describe it."""

    name: str
    title: str
    description: str
    build: Callable[[Path], Any]
    inputs: tuple[str, ...]
    sources: tuple[Source, ...]
    licences: tuple[str, ...]
    fields: tuple[Field, ...] = ()
    primary_key: tuple[str, ...] = ()
    sort_by: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)
    format: str = "csv"
    retrieved: str = RETRIEVED  # when the input snapshot was taken, as its PROVENANCE.md says

    @property
    def path(self) -> str:
        """File name inside ``data/``."""
        return f"{self.name}.{'geojson' if self.format == 'geojson' else 'csv'}"

    def conform(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Fix column order and row order so the CSV is byte-for-byte reproducible."""
        names = [f.name for f in self.fields]
        missing = set(names) - set(frame.columns)
        extra = set(frame.columns) - set(names)
        if missing or extra:
            raise ValueError(
                f"{self.name}: columns differ from schema "
                f"(missing {sorted(missing)}, extra {sorted(extra)})"
            )
        out = frame[names]
        keys = list(self.sort_by or self.primary_key)
        if keys:
            out = out.sort_values(keys, kind="mergesort", na_position="last")
        return out.reset_index(drop=True)
