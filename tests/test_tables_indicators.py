"""Spot checks of the capability tables against the source files, and their country rules."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from ctcoop.data import load
from ctcoop.paths import repo_root
from ctcoop.tools.build import indicators
from ctcoop.tools.build.sources import default_sources

SOURCES = Path(default_sources())
DATA = repo_root() / "data"
needs_sources = pytest.mark.skipif(not SOURCES.is_dir(), reason="source snapshots not present")


def source_cell(path: str, entity: str, year: int, column: int) -> str:
    """One cell of a source file for an entity-year, exactly as written there."""
    raw = pd.read_csv(SOURCES / path, dtype=str, keep_default_na=False)
    (cell,) = raw.loc[(raw["Entity"] == entity) & (raw["Year"] == str(year))].iloc[:, column]
    return cell


def course_cell(table: str, iso3: str, year: int, column: str) -> str:
    """One cell of a committed course table for a country-year, as text."""
    frame = pd.read_csv(DATA / f"{table}.csv", dtype=str, keep_default_na=False)
    (cell,) = frame.loc[(frame["iso3"] == iso3) & (frame["year"] == str(year)), column]
    return cell


# (table, column, source file, source column index, entity in the source, iso3, year, value)
FACTS = [
    ("internet_users", "internet_users_pct", indicators.INTERNET, 3, "Spain", "ESP", 2004, 44.01),
    ("internet_users", "internet_users_pct", indicators.INTERNET, 3, "Somalia", "SOM", 2022, 27.6),
    (
        "internet_users",
        "internet_users_pct",
        indicators.INTERNET,
        3,
        "United States of America",
        "USA",
        2022,
        97.13,
    ),
    (
        "mobile_subscriptions",
        "mobile_subscriptions_per_100",
        indicators.MOBILE,
        3,
        "United States",
        "USA",
        2020,
        106.19,
    ),
    (
        "mobile_subscriptions",
        "mobile_subscriptions_per_100",
        indicators.MOBILE,
        3,
        "Somalia",
        "SOM",
        2020,
        55.65,
    ),
    (
        "mobile_subscriptions",
        "mobile_subscriptions_per_100",
        indicators.MOBILE,
        3,
        "Timor",
        "TLS",
        2020,
        None,
    ),
    (
        "armed_forces",
        "armed_forces_personnel",
        indicators.ARMED,
        2,
        "Pakistan",
        "PAK",
        2011,
        946000,
    ),
    ("armed_forces", "armed_forces_personnel", indicators.ARMED, 2, "Spain", "ESP", 2011, 215700),
    ("armed_forces", "population", indicators.ARMED, 3, "South Africa", "ZAF", 2002, None),
]


@needs_sources
@pytest.mark.parametrize(
    ("table", "column", "path", "index", "entity", "iso3", "year", "stated"), FACTS
)
def test_value_equals_the_source_cell(
    table: str,
    column: str,
    path: str,
    index: int,
    entity: str,
    iso3: str,
    year: int,
    stated: float | None,
) -> None:
    cell = source_cell(path, entity, year, index)
    ours = course_cell(table, iso3, year, column)
    assert Decimal(ours) == Decimal(cell)  # same number, only the notation may differ
    if stated is not None:  # the figure given in indicators/PROVENANCE.md, rounded there
        assert round(float(ours), 2) == round(stated, 2)


def test_aggregates_are_left_out_and_countries_kept() -> None:
    for table in ("internet_users", "mobile_subscriptions", "armed_forces"):
        frame = load(table)
        assert not frame["iso3"].str.startswith("OWID").any()
        assert {"ESP", "SOM", "USA", "PAK", "XKX"} <= set(frame["iso3"]), table
        assert frame["country"].notna().all()
        assert not frame["country"].isin(["World", "High income", "South Asia"]).any()
        assert not frame.duplicated(["iso3", "year"]).any()


@needs_sources
def test_every_dropped_entity_is_a_known_aggregate() -> None:
    for path in (indicators.INTERNET, indicators.MOBILE, indicators.ARMED):
        raw = pd.read_csv(SOURCES / path, dtype=str, keep_default_na=False)
        kept = load(
            {
                indicators.INTERNET: "internet_users",
                indicators.MOBILE: "mobile_subscriptions",
                indicators.ARMED: "armed_forces",
            }[path]
        )
        dropped = len(raw) - len(kept)
        assert dropped == raw["Entity"].isin(indicators.NOT_COUNTRIES).sum(), path


def test_unknown_entity_fails_the_build(tmp_path: Path) -> None:
    folder = tmp_path / "indicators"
    folder.mkdir()
    (folder / Path(indicators.INTERNET).name).write_text(
        "Entity,Code,Year,Individuals using the Internet (% of population)\n"
        "Atlantis,,2000,5\nSpain,ESP,2000,13.6\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="Atlantis"):
        indicators.build_internet_users(tmp_path)


def test_gaps_stay_gaps() -> None:
    armed = load("armed_forces")
    assert armed["armed_forces_personnel"].isna().sum() > 0
    assert armed.loc[armed["year"] < 1985, "armed_forces_personnel"].isna().all()


@pytest.mark.parametrize(
    ("text", "plain"),
    [("5.64E-05", "0.0000564"), (".54310304", "0.54310304"), ("0", "0"), ("", "")],
)
def test_plain_decimal(text: str, plain: str) -> None:
    assert indicators.plain_decimal(text) == plain
