"""Spot checks of the peacekeeping tables against the source files, and their corrections."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from ctcoop.data import load
from ctcoop.tools.build import peaceops
from ctcoop.tools.build.sources import default_sources

SOURCES = Path(default_sources())
needs_sources = pytest.mark.skipif(not SOURCES.is_dir(), reason="source snapshots not present")


def source_missions() -> pd.DataFrame:
    return pd.read_csv(SOURCES / peaceops.MISSIONS, dtype=str, keep_default_na=False)


@needs_sources
@pytest.mark.parametrize("acronym", ["UNYOM", "UNTAES", "MONUSCO", "UNAMID"])
def test_mission_dates_and_names_equal_the_source(acronym: str) -> None:
    raw = source_missions().set_index("mission_acronym").loc[acronym]
    ours = load("peacekeeping_missions").set_index("acronym").loc[acronym]
    assert ours["name"] == raw["mission_name"]
    for column in ("start_date", "end_date"):
        given = raw[column]
        assert (pd.isna(ours[column]) and given == "") or f"{ours[column]:%Y-%m-%d}" == given


def test_unyom_as_in_provenance() -> None:
    unyom = load("peacekeeping_missions").set_index("acronym").loc["UNYOM"]
    assert (f"{unyom['start_date']:%Y-%m-%d}", f"{unyom['end_date']:%Y-%m-%d}") == (
        "1963-07-01",
        "1964-09-01",
    )


@needs_sources
def test_only_minusma_differs_from_the_source_flag() -> None:
    missions = load("peacekeeping_missions")
    given = missions["active_as_given"].str.lower() == "yes"
    changed = missions.loc[given != missions["active"].astype(bool), "acronym"]
    assert list(changed) == ["MINUSMA"]
    assert missions.loc[missions["correction"].notna(), "acronym"].tolist() == ["MINUSMA"]
    assert "2690" in missions.set_index("acronym").loc["MINUSMA", "correction"]
    assert len(missions) == len(source_missions()) == 81


def test_coordinates_use_a_decimal_point() -> None:
    missions = load("peacekeeping_missions").set_index("acronym")
    assert missions.loc["UNPSG", ["longitude", "latitude"]].tolist() == [15.9833, 45.8167]


@pytest.mark.parametrize(
    ("year", "missions", "total"), [(1993, 19, 69961), (2015, 16, 107088), (2021, 12, 75085)]
)
def test_world_totals_as_in_provenance(year: int, missions: int, total: int) -> None:
    row = load("peacekeeping_totals").set_index("year").loc[year]
    assert (row["missions"], row["total_personnel"]) == (missions, total)


@needs_sources
def test_world_totals_equal_the_source() -> None:
    raw = pd.read_csv(SOURCES / peaceops.TOTALS)
    ours = load("peacekeeping_totals")
    assert ours["year"].tolist() == raw["Year"].tolist()
    assert ours["missions"].tolist() == raw.iloc[:, 2].tolist()


def test_zero_breakdowns_before_1992_are_gaps() -> None:
    totals = load("peacekeeping_totals").set_index("year")
    early = totals.loc[:1991]
    assert early[["police", "military_observers", "troops"]].isna().all().all()
    assert (early["total_personnel"] > 0).all()
    later = totals.loc[1992:2021]
    assert (
        later[["police", "military_observers", "troops"]].sum(axis=1) == later["total_personnel"]
    ).all()
    assert pd.isna(totals.loc[2022, "total_personnel"])
