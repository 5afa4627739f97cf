"""Spot checks of the legal-frameworks tables against their sources (un/PROVENANCE.md
sections 9-10, and the pages named in regional_ct_frameworks)."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from ctcoop import data
from ctcoop.tools.build.frameworks import CONVENTIONS, parse_untc_cell
from ctcoop.tools.build.sources import default_sources

SOURCES = Path(default_sources())
needs_sources = pytest.mark.skipif(not SOURCES.is_dir(), reason="source snapshots not present")


@pytest.fixture(scope="module")
def treaties() -> pd.DataFrame:
    return data.load("treaty_participation")


def financing(treaties: pd.DataFrame) -> pd.DataFrame:
    return treaties[treaties["convention"] == "financing_1999"]


def test_untc_cells_parse_and_refuse_surprises() -> None:
    assert parse_untc_cell("24 Sep 2003 a") == ("2003-09-24", "a")
    assert parse_untc_cell("10 Apr 2002") == ("2002-04-10", "")
    assert parse_untc_cell("  ") == ("", "")
    with pytest.raises(ValueError):
        parse_untc_cell("Sept 2003")


def test_financing_entry_into_force_rule(treaties: pd.DataFrame) -> None:
    """Art. 26: in force (10 Apr 2002) on the 30th day after the 22nd instrument."""
    bound = financing(treaties).dropna(subset=["bound"]).sort_values("bound")
    twenty_second = bound.iloc[21]
    assert twenty_second["participant"] == "Antigua and Barbuda"
    assert twenty_second["bound"] == pd.Timestamp("2002-03-11")
    assert twenty_second["bound"] + pd.Timedelta(days=30) == pd.Timestamp("2002-04-10")
    assert (bound["bound"] <= "2002-03-11").sum() == 22


def test_financing_counts_quoted_by_the_un(treaties: pd.DataFrame) -> None:
    """OHCHR press release of 2 Apr 2002: 26 parties, 22 after 9/11; UN AVL: 167 by 31 Oct 2008."""
    bound = financing(treaties)["bound"]
    assert (bound <= "2002-04-02").sum() == 26
    assert ((bound > "2001-09-11") & (bound <= "2002-04-02")).sum() == 22
    assert (bound <= "2008-10-31").sum() == 167


def test_single_dates_and_kinds(treaties: pd.DataFrame) -> None:
    rows = financing(treaties).set_index("iso3")
    assert rows.loc["LKA", "bound"] == rows.loc["BWA", "bound"] == pd.Timestamp("2000-09-08")
    assert rows["bound"].min() == pd.Timestamp("2000-09-08")
    assert rows.loc["GBR", "bound"] == pd.Timestamp("2001-03-07")
    assert rows.loc["USA", "bound"] == pd.Timestamp("2002-06-26")
    assert (rows.loc["PAK", "bound"], rows.loc["PAK", "consent"]) == (
        pd.Timestamp("2009-06-17"),
        "accession",
    )
    assert rows.loc["ALB", "consent"] == "ratification"


def test_later_financing_parties_have_no_invented_date(treaties: pd.DataFrame) -> None:
    later = financing(treaties)[financing(treaties)["status"] == "party_after_snapshot_undated"]
    assert sorted(later["iso3"]) == ["GMB", "LBN", "SSD", "ZMB"]
    assert later[["signed", "bound", "snapshot_date"]].isna().all().all()
    assert later["consent"].isna().all()
    parties = financing(treaties)["status"] != "signatory"
    assert parties.sum() == 190  # agrees with icsft_parties


def test_other_conventions_follow_the_22nd_instrument_rule(treaties: pd.DataFrame) -> None:
    in_force = {
        "bombings_1997": "2001-05-23",
        "nuclear_2005": "2007-07-07",
        "hostages_1979": "1983-06-03",
    }
    for key, day in in_force.items():
        bound = treaties.loc[treaties["convention"] == key, "bound"].dropna().sort_values()
        assert bound.iloc[21] + pd.Timedelta(days=30) == pd.Timestamp(day), key


@needs_sources
def test_every_source_row_is_kept(treaties: pd.DataFrame) -> None:
    for key, (file, *_rest) in CONVENTIONS.items():
        with (SOURCES / file).open(encoding="utf-8") as handle:
            source = list(csv.reader(handle))[1:]
        ours = treaties[
            (treaties["convention"] == key) & (treaties["status_source"] == "untc_2014")
        ]
        assert sorted(ours["participant"]) == sorted(r[0].strip() for r in source), key
        assert ours["bound"].notna().sum() == sum(1 for r in source if r[2].strip()), key


def test_ga_strategy_rows() -> None:
    ga = data.load("ga_ct_strategy").set_index("ga_resolution")
    assert len(ga) == 10
    assert ga.loc["60/288", "adoption_date"] == pd.Timestamp("2006-09-08")
    assert ga.loc["60/288", "kind"] == "adoption"
    assert sorted(ga["review_no"].dropna()) == list(range(1, 9))
    assert ga.loc["75/291", "review_no"] == 7
    assert ga.loc["75/291", "adoption_date"] == pd.Timestamp("2021-06-30")
    assert (ga.loc["71/291", "kind"], ga.loc["71/291", "adoption_date"]) == (
        "related",
        pd.Timestamp("2017-06-15"),
    )
    assert ga["adopted_without_vote"].all()


def test_ga_strategy_keeps_the_verification_flags() -> None:
    ga = data.load("ga_ct_strategy").set_index("ga_resolution")
    unverified = sorted(ga.index[~ga["number_verified"].astype(bool)])
    assert unverified == ["62/272", "64/297", "66/282", "70/291", "77/298"]
    assert ga.loc["71/291", "vote_note"] == "consensus, to verify"


def test_regional_frameworks_rows_are_sourced() -> None:
    regional = data.load("regional_ct_frameworks").set_index("instrument")
    assert len(regional) >= 10
    assert regional["sources"].str.startswith("http").all()
    asean = regional.loc["ASEAN Convention on Counter Terrorism"]
    assert (asean["adopted"], asean["entry_into_force"]) == (
        pd.Timestamp("2007-01-13"),
        pd.Timestamp("2011-05-27"),
    )
    ets90 = regional.loc["European Convention on the Suppression of Terrorism (ETS No. 090)"]
    assert ets90["entry_into_force"] == pd.Timestamp("1978-08-04")
    eu = regional[regional["organisation"] == "European Union"]
    assert sorted(eu["year"]) == [2002, 2017] and eu["entry_into_force"].isna().all()


def test_regional_gaps_are_explained() -> None:
    regional = data.load("regional_ct_frameworks")
    treaties = regional[regional["kind"] == "treaty"]
    gaps = treaties[treaties["entry_into_force"].isna() | treaties["adopted"].isna()]
    assert len(gaps) > 0
    assert gaps["note"].str.contains("not found|disagree|give|not confirmed").all()
