"""Spot checks of the UCDP deaths and external-support tables against their source files.

Each fact is read twice: from the committed table (through the course loader) and
from the staged source file itself, and both must equal the figure in
``events/PROVENANCE.md`` or the UCDP file.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from ctcoop.data import load
from ctcoop.tools.build.sources import default_sources

SOURCES = Path(default_sources()) / "events"
needs_sources = pytest.mark.skipif(not SOURCES.is_dir(), reason=f"no snapshots at {SOURCES}")


@cache
def source_rows(name: str) -> tuple[dict[str, str], ...]:
    with (SOURCES / name).open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


@cache
def esd_rows() -> tuple[dict[str, object], ...]:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(SOURCES / "ucdp_esd_ay_181.xlsx", read_only=True)
    header, *rows = book.worksheets[0].iter_rows(values_only=True)
    book.close()
    return tuple(dict(zip(header, row, strict=True)) for row in rows)


def one(frame: pd.DataFrame, **where: object) -> pd.Series:
    mask = pd.Series(True, index=frame.index)
    for column, value in where.items():
        mask &= frame[column] == value
    (index,) = frame.index[mask]
    return frame.loc[index]


# --- ucdp_organized_violence ---------------------------------------------------------------
@needs_sources
def test_organized_violence_keeps_every_country_year() -> None:
    table = load("ucdp_organized_violence")
    assert len(table) == len(source_rows("ucdp_organizedviolence_cy_v25_1.csv")) == 6936
    assert (table["year"].min(), table["year"].max()) == (1989, 2024)


@needs_sources
def test_madrid_2004_one_sided_deaths() -> None:
    spain = one(load("ucdp_organized_violence"), iso3="ESP", year=2004)
    (raw,) = [
        r
        for r in source_rows("ucdp_organizedviolence_cy_v25_1.csv")
        if r["country_cy"] == "Spain" and r["year_cy"] == "2004"
    ]
    assert spain["os_dyads"] == raw["os_dyad_names_cy"] == "GICM - Civilians"
    assert spain["os_deaths_best"] == int(raw["os_total_deaths_best_cy"]) == 191
    assert pd.isna(spain["sb_dyads"]) and raw["sb_dyad_names_cy"] == "NO_DYAD"


@needs_sources
def test_al_shabaab_one_sided_violence_in_kenya_and_somalia() -> None:
    table = load("ucdp_organized_violence")
    assert "Al-Shabaab - Civilians" in one(table, iso3="KEN", year=2015)["os_dyads"]
    somalia = one(table, iso3="SOM", year=2017)["os_dyads"].split("; ")
    assert {"Al-Shabaab - Civilians", "Government of Somalia - Civilians"} <= set(somalia)
    (raw,) = [
        r
        for r in source_rows("ucdp_organizedviolence_cy_v25_1.csv")
        if r["country_cy"] == "Kenya" and r["year_cy"] == "2015"
    ]
    assert one(table, iso3="KEN", year=2015)["os_deaths_high"] == int(
        raw["os_total_deaths_high_cy"]
    )


def test_organized_violence_iso3_corrections() -> None:
    table = load("ucdp_organized_violence")
    assert set(table.loc[table["gwno"] == 327, "iso3"]) == {"VAT"}
    assert set(table.loc[table["iso3"].isna(), "gwno"]) == {265, 315, 680}
    assert not table.dropna(subset=["iso3"]).duplicated(["iso3", "year"]).any()


# --- ucdp_battle_deaths --------------------------------------------------------------------
@needs_sources
def test_battle_deaths_of_conflicts_337_and_418() -> None:
    table = load("ucdp_battle_deaths")
    assert one(table, conflict_id=337, year=2022)["bd_best"] == 3034
    assert one(table, conflict_id=337, year=2023)["bd_best"] == 3859
    assert one(table, conflict_id=418, year=2011)["bd_best"] == 203
    raw = {(r["conflict_id"], r["year"]): r for r in source_rows("ucdp_brd_conf_v24_1.csv")}
    for row in table.itertuples():
        source = raw[(str(row.conflict_id), str(row.year))]
        assert (row.bd_best, row.bd_low, row.bd_high) == (
            int(source["bd_best"]),
            int(source["bd_low"]),
            int(source["bd_high"]),
        )


def test_battle_deaths_join_to_ucdp_conflicts() -> None:
    deaths = load("ucdp_battle_deaths")
    conflicts = load("ucdp_conflicts")[["conflict_id", "year"]]
    joined = deaths.merge(conflicts, on=["conflict_id", "year"], how="left", indicator=True)
    unmatched = joined.loc[joined["_merge"] == "left_only", ["conflict_id", "year"]]
    assert unmatched.values.tolist() == [[11350, 2005]]  # a v24.1 row that v25.1 dropped


def test_battle_deaths_best_outside_its_band_only_where_the_source_says_so() -> None:
    table = load("ucdp_battle_deaths")
    outside = ~((table["bd_low"] <= table["bd_best"]) & (table["bd_best"] <= table["bd_high"]))
    assert int(outside.sum()) == 7  # stated in the table's notes


# --- ucdp_external_support -----------------------------------------------------------------
@needs_sources
def test_external_support_keeps_every_actor_year() -> None:
    assert len(load("ucdp_external_support")) == len(esd_rows()) == 4781


@needs_sources
def test_pakistan_among_us_supporters_against_al_qaida_2011() -> None:
    us = one(load("ucdp_external_support"), conflict_id=418, year=2011, actor_id=3)
    (raw,) = [
        r
        for r in esd_rows()
        if r["conflict_id"] == 418 and r["year"] == 2011 and r["actor_id"] == 3
    ]
    assert "Government of Pakistan" in us["supporters"].split(",")
    assert "PAK" in us["supporter_iso3"].split(";")
    assert us["n_supporters"] == raw["ext_count"] == 12
    assert bool(us["ext_x"]) and bool(us["ext_i"])
    assert (us["ext_x_count"], us["ext_i_count"]) == (raw["ext_x_count"], raw["ext_i_count"])
    assert us["ext_i_count"] == 1  # one of twelve: the flag cannot say which


@needs_sources
@pytest.mark.parametrize("year", [2012, 2017])
def test_somalia_government_supporters_against_al_shabaab(year: int) -> None:
    table = load("ucdp_external_support")
    row = one(table, actor="Government of Somalia", opponent="Al-Shabaab", year=year)
    expected = {"BDI", "DJI", "ETH", "KEN", "SLE", "UGA", "GBR", "USA", "TUR", "ARE"}
    assert expected <= set(row["supporter_iso3"].split(";"))
    (raw,) = [
        r
        for r in esd_rows()
        if r["actor_name"] == "Government of Somalia"
        and str(r["oppo_name"]).strip() == "Al-Shabaab"
        and r["year"] == year
    ]
    assert row["n_supporters"] == raw["ext_count"]


@needs_sources
def test_kind_flags_are_exactly_a_positive_count_as_in_the_source() -> None:
    table = load("ucdp_external_support")
    for letter in "xpwmtfiylou":
        assert (table[f"ext_{letter}"] == (table[f"ext_{letter}_count"] > 0)).all(), letter
    raw_flags = sum(int(r["ext_i"]) for r in esd_rows())
    assert int(table["ext_i"].sum()) == raw_flags
