"""UCDP/PRIO Armed Conflict Dataset v25.1: conflict-years and secondary warring states."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .common import iso_dates, read_csv, split_list, to_int
from .countries import GW_CORRECTIONS, gw_name, gw_to_iso3
from .schema import Field, Source, Table

ACD = "events/ucdp_prio_acd_v25_1.csv"
# The selection rule of events/ucdp_prio_acd_v25_1_selected_actors.csv (events/PROVENANCE.md).
JIHADIST_ACTORS = re.compile(r"Al-Shabaab|al-Qaida|AQAP|AQIM|JNIM|(?:^|, )IS(?:,|$)")
TEXT_COLUMNS = ("location", "side_a", "side_a_2nd", "side_b", "side_b_2nd", "territory_name")


def _acd(sources: Path) -> pd.DataFrame:
    raw = read_csv(sources / ACD)
    for column in TEXT_COLUMNS:
        raw[column] = raw[column].str.strip()
    return raw


def iso3_list(gw_codes: str) -> str:
    """ISO3 codes (";"-joined) for a comma list of GW codes; states without one are left out."""
    return ";".join(c for c in (gw_to_iso3(int(g)) for g in split_list(gw_codes)) if c)


def build_ucdp_conflicts(sources: Path) -> pd.DataFrame:
    """One row per conflict-year, text stripped, dates ISO, locations also as ISO3."""
    raw = _acd(sources)
    frame = pd.DataFrame(
        {
            "conflict_id": to_int(raw["conflict_id"]),
            "year": to_int(raw["year"]),
            **{c: raw[c] for c in ("location", "side_a", "side_a_2nd", "side_b", "side_b_2nd")},
            "incompatibility": to_int(raw["incompatibility"]),
            "territory_name": raw["territory_name"],
            "intensity_level": to_int(raw["intensity_level"]),
            "cumulative_intensity": to_int(raw["cumulative_intensity"]),
            "type_of_conflict": to_int(raw["type_of_conflict"]),
            "start_date": iso_dates(raw["start_date"]),
            "start_date2": iso_dates(raw["start_date2"]),
            "ep_end": to_int(raw["ep_end"]),
            "ep_end_date": iso_dates(raw["ep_end_date"]),
            **{c: raw[c] for c in ("gwno_a", "gwno_a_2nd", "gwno_b", "gwno_b_2nd", "gwno_loc")},
            "iso3_loc": raw["gwno_loc"].map(iso3_list),
            "region": raw["region"],
            "jihadist_actor": raw["side_b"]
            .map(lambda s: bool(JIHADIST_ACTORS.search(s)))
            .astype("boolean"),
        }
    )
    return frame


def build_ucdp_secondary_parties(sources: Path) -> pd.DataFrame:
    """One row per state fighting as a secondary party on side A or B in a conflict-year.

    Built from the GW code lists, not from the name lists: in the source the names are
    sorted alphabetically and the codes numerically, so their positions do not match.
    """
    raw = _acd(sources)
    rows = [
        {"conflict_id": int(cid), "year": int(year), "side": side, "gwno": int(code)}
        for side in ("a", "b")
        for cid, year, codes in zip(
            raw["conflict_id"], raw["year"], raw[f"gwno_{side}_2nd"], strict=True
        )
        for code in split_list(codes)
    ]
    frame = pd.DataFrame(rows)
    frame["iso3"] = frame["gwno"].map(gw_to_iso3)
    frame["country"] = frame["gwno"].map(gw_name)
    for column in ("conflict_id", "year", "gwno"):
        frame[column] = frame[column].astype("Int64")
    return frame


# --- table specifications ------------------------------------------------------------------
UCDP_SOURCE = Source(
    "UCDP/PRIO Armed Conflict Dataset v25.1 (Uppsala Conflict Data Program and PRIO)",
    "https://ucdp.uu.se/downloads/",
)
UCDP_CITATION = (
    "Cite: Gleditsch, Wallensteen, Eriksson, Sollenberg & Strand (2002), Armed Conflict "
    "1946-2001: A New Dataset, Journal of Peace Research 39(5); and Davies, Pettersson, "
    "Sollenberg & Öberg (2025), Organized violence 1989-2024, and the challenges of "
    "identifying civilian victims, Journal of Peace Research 62(4). UCDP/PRIO ACD version 25.1."
)
UCDP_MODIFIED = (
    "Data modified (CC BY 4.0): columns selected; leading/trailing spaces stripped from "
    "names; ISO3 codes, a jihadist_actor flag and a long table of secondary parties added. "
    "No values were changed."
)
GW_NOTE = (
    "GW->ISO3 with country_converter, except these Gleditsch-Ward codes, which it "
    "lacks or maps to the other half of a divided state: "
    + "; ".join(
        f"{code} -> {iso or '(none)'}: {why}"
        for code, (iso, _, why) in sorted(GW_CORRECTIONS.items())
    )
    + "."
)


def _specs() -> tuple[Table, ...]:
    return (
        Table(
            name="ucdp_conflicts",
            title="UCDP/PRIO armed conflicts, conflict-years 1946-2024",
            description="One row per state-based armed conflict and year (>= 25 battle-related "
            "deaths). Not a terrorism-incident dataset; there are no fatality counts.",
            build=build_ucdp_conflicts,
            inputs=(ACD,),
            sources=(UCDP_SOURCE,),
            licences=("cc-by-4.0",),
            primary_key=("conflict_id", "year"),
            fields=(
                Field("conflict_id", "integer", "UCDP conflict id.", required=True),
                Field("year", "integer", "Year.", required=True),
                Field("location", "string", "Government side's country (not the battlefield)."),
                Field("side_a", "string", "Primary party on side A (a government)."),
                Field("side_a_2nd", "string", "States supporting side A with troops (comma list)."),
                Field("side_b", "string", "Primary party on side B (rebels or a government)."),
                Field("side_b_2nd", "string", "States supporting side B with troops."),
                Field("incompatibility", "integer", "1 territory, 2 government, 3 both."),
                Field("territory_name", "string", "Contested territory, if any."),
                Field(
                    "intensity_level",
                    "integer",
                    "1 = 25-999 battle-related deaths in the year; 2 = 1,000 or more (war).",
                ),
                Field(
                    "cumulative_intensity",
                    "integer",
                    "1 once the conflict has reached 1,000 deaths in total.",
                ),
                Field(
                    "type_of_conflict",
                    "integer",
                    "1 extrasystemic, 2 interstate, 3 intrastate, 4 internationalised intrastate.",
                ),
                Field("start_date", "date", "Date of the first battle-related death."),
                Field("start_date2", "date", "Start of the latest episode."),
                Field("ep_end", "integer", "1 when the episode ends this year."),
                Field("ep_end_date", "date", "End date of the episode, if it ended."),
                Field("gwno_a", "string", "Gleditsch-Ward code(s) of side A."),
                Field("gwno_a_2nd", "string", "GW codes of side A's secondary parties."),
                Field("gwno_b", "string", "GW code(s) of side B (governments only)."),
                Field("gwno_b_2nd", "string", "GW codes of side B's secondary parties."),
                Field("gwno_loc", "string", "GW code(s) of the location (comma list)."),
                Field(
                    "iso3_loc",
                    "string",
                    "ISO3 of gwno_loc, ';'-separated; historic states "
                    "without ISO3 (Hyderabad, South Vietnam, South Yemen) are left out.",
                ),
                Field(
                    "region",
                    "string",
                    "UCDP region(s): 1 Europe, 2 Middle East, 3 Asia, "
                    "4 Africa, 5 Americas (comma list).",
                ),
                Field(
                    "jihadist_actor",
                    "boolean",
                    "side_b matches "
                    f"{JIHADIST_ACTORS.pattern!r} (Al-Shabaab, al-Qaida, AQAP, AQIM, JNIM, "
                    "IS as a whole list item); Taleban, Boko Haram and TTP are not included.",
                ),
            ),
            notes=(
                UCDP_CITATION,
                UCDP_MODIFIED,
                GW_NOTE,
                "location and gwno_loc name the government side: the US-al-Qaida conflict "
                "(418) is located in the United States although the fighting was abroad.",
            ),
        ),
        Table(
            name="ucdp_secondary_parties",
            title="States fighting as secondary parties in UCDP conflicts (long table)",
            description="One row per conflict-year, side and secondary warring state: the "
            "ACD's record of states that sent troops to fight alongside a party.",
            build=build_ucdp_secondary_parties,
            inputs=(ACD,),
            sources=(UCDP_SOURCE,),
            licences=("cc-by-4.0",),
            primary_key=("conflict_id", "year", "side", "gwno"),
            fields=(
                Field("conflict_id", "integer", "UCDP conflict id.", required=True),
                Field("year", "integer", "Year.", required=True),
                Field(
                    "side",
                    "string",
                    "a = supporting the government side; b = the other side.",
                    enum=("a", "b"),
                    required=True,
                ),
                Field(
                    "gwno", "integer", "Gleditsch-Ward code of the supporting state.", required=True
                ),
                Field("iso3", "string", "ISO3; empty for historic states."),
                Field(
                    "country",
                    "string",
                    "Short name (country_converter, or the historic state's name).",
                ),
            ),
            notes=(
                UCDP_CITATION,
                UCDP_MODIFIED,
                GW_NOTE,
                "Built from gwno_a_2nd/gwno_b_2nd, not from the name lists, whose order "
                "differs from the code lists in the source.",
            ),
        ),
    )


TABLES = _specs()
