"""UN peacekeeping: the missions list (UN Peace and Security Data Hub) and world totals.

The missions list was saved on 2024-02-19 and is stale for one mission: it still marks
MINUSMA (Mali) active. :data:`STATUS_CORRECTIONS` sets that flag to false, citing the
Security Council resolution that ended the mandate, and the ``correction`` column
says so in the table itself. Nothing else is changed: coordinates are kept as given,
although several are known to be wrong (see the notes).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .common import iso_dates, read_csv, to_bool, to_int
from .schema import SNAPSHOT_2026_12_01, Field, Source, Table

__all__ = [
    "MISSIONS",
    "TOTALS",
    "STATUS_CORRECTIONS",
    "COMPONENTS",
    "TABLES",
    "build_peacekeeping_missions",
    "build_peacekeeping_totals",
    "decimal_comma",
]

MISSIONS = "peaceops/un_peacekeeping_missions_psdata.csv"
TOTALS = "peaceops/un_peacekeeping_world_totals_owid.csv"

STATUS_CORRECTIONS: dict[str, str] = {
    "MINUSMA": "active set to false (the source says Yes): Security Council resolution 2690 "
    "(2023), adopted unanimously on 30 June 2023, terminated MINUSMA's mandate as of that "
    "day and asked for its withdrawal to be completed by 31 December 2023 (S/RES/2690 (2023); "
    "UN press release SC/15341). end_date is left empty: the source has none.",
}
# Source column of each world-total component, by course column name.
COMPONENTS: dict[str, str] = {
    "police": "Civilian police (peacekeepers) (United Nations Peacekeeping)",
    "military_observers": "Military Observers and staff officers (peacekeepers) "
    "(United Nations Peacekeeping)",
    "troops": "Troops (peacekeepers) (United Nations Peacekeeping)",
}


def decimal_comma(values: pd.Series) -> pd.Series:
    """Coordinates written with a decimal comma ("15,9833") as numbers; empty stays empty."""
    text = values.str.strip().str.replace(",", ".", regex=False)
    return pd.to_numeric(text.mask(text == ""), errors="raise")


def build_peacekeeping_missions(sources: Path) -> pd.DataFrame:
    """One row per mission in the Data Hub's list, with the documented status correction."""
    raw = read_csv(sources / MISSIONS)
    unknown = set(STATUS_CORRECTIONS) - set(raw["mission_acronym"])
    if unknown:
        raise ValueError(f"status corrections for missions not in the source: {unknown}")
    active = to_bool(raw["mission_isactive"])
    corrected = raw["mission_acronym"].isin(list(STATUS_CORRECTIONS))
    if not active[corrected].all():
        raise ValueError("a corrected mission is no longer marked active: drop the correction")
    active[corrected] = False
    return pd.DataFrame(
        {
            "mission_id": to_int(raw["id"]),
            "acronym": raw["mission_acronym"].str.strip(),
            "name": raw["mission_name"].str.strip(),
            "lead_department": raw["lead_department"],
            "active": active,
            "active_as_given": raw["mission_isactive"],
            "start_date": iso_dates(raw["start_date"]),
            "end_date": iso_dates(raw["end_date"]),
            "location": raw["mission_location"].str.strip(),
            "longitude": decimal_comma(raw["mission_longitude"]),
            "latitude": decimal_comma(raw["mission_latitude"]),
            "correction": raw["mission_acronym"].map(STATUS_CORRECTIONS).fillna(""),
            "last_update": iso_dates(raw["last_update"]),
        }
    )


def build_peacekeeping_totals(sources: Path) -> pd.DataFrame:
    """World totals per year; a breakdown written as 0 + 0 + 0 under a positive total is a gap.

    For 1947-1991 the source writes 0 police, 0 observers and 0 troops under totals of
    hundreds or thousands: the Global Policy Forum figures for those years have no
    breakdown, so those zeros are unknowns, and the table leaves them empty.
    """
    raw = read_csv(sources / TOTALS)
    if set(raw["Entity"]) != {"World"}:
        raise ValueError("world totals file holds entities other than World")
    frame = pd.DataFrame(
        {
            "year": to_int(raw["Year"]),
            "missions": to_int(
                raw["Number of peacekeeping missions (United Nations Peacekeeping)"]
            ),
            "total_personnel": to_int(
                raw["Size of total peacekeeping force (United Nations Peacekeeping)"]
            ),
            **{name: to_int(raw[column]) for name, column in COMPONENTS.items()},
        }
    )
    parts = frame[list(COMPONENTS)]
    no_breakdown = parts.eq(0).all(axis=1) & frame["total_personnel"].gt(0)
    frame.loc[no_breakdown, list(COMPONENTS)] = pd.NA
    frame["breakdown_in_source"] = (~no_breakdown & parts.notna().all(axis=1)).astype("boolean")
    known = frame.dropna(subset=list(COMPONENTS) + ["total_personnel"])
    if not (known[list(COMPONENTS)].sum(axis=1) == known["total_personnel"]).all():
        raise ValueError("police + observers + troops differ from the total in some year")
    return frame


# --- table specifications ------------------------------------------------------------------
HUB = Source(
    "United Nations Peace and Security Data Hub, dataset DPPADPOSS-PKO (peacekeeping operations)",
    "https://psdata.un.org/dataset/DPPADPOSS-PKO",
)
RES_2690 = Source(
    "UN Security Council resolution 2690 (2023), S/RES/2690 (2023); press release "
    "SC/15341, 30 June 2023",
    "https://press.un.org/en/2023/sc15341.doc.htm",
)
OWID_PKO = Source(
    "UN Peacekeeping (December figures; Global Policy Forum for 1947-1991), via "
    "Our World in Data (owid-datasets, 'United Nations Peacekeeping')",
    "https://github.com/owid/owid-datasets/tree/master/datasets/United%20Nations%20Peacekeeping",
)


def _specs() -> tuple[Table, ...]:
    return (
        Table(
            retrieved=SNAPSHOT_2026_12_01,
            name="peacekeeping_missions",
            title="UN peacekeeping operations (Data Hub list, saved 2024-02-19)",
            description="One row per peacekeeping operation led by the Department of Peace "
            "Operations, 1948 onward: acronym, name, active flag, dates, headquarters location.",
            build=build_peacekeeping_missions,
            inputs=(MISSIONS,),
            sources=(HUB, RES_2690),
            licences=("un-terms",),
            primary_key=("mission_id",),
            sort_by=("mission_id",),
            fields=(
                Field(
                    "mission_id", "integer", "The Data Hub's row id.", required=True, unique=True
                ),
                Field("acronym", "string", "Mission acronym.", required=True, unique=True),
                Field("name", "string", "Mission name as given."),
                Field(
                    "lead_department",
                    "string",
                    "Leading UN department (DPO = Department of Peace Operations).",
                ),
                Field(
                    "active",
                    "boolean",
                    "Mission active, after the documented correction (see `correction`).",
                    required=True,
                ),
                Field(
                    "active_as_given",
                    "string",
                    "The source's flag, unchanged (Yes, No, and once NO).",
                ),
                Field("start_date", "date", "Start date; empty when the source has none."),
                Field(
                    "end_date",
                    "date",
                    "End date; empty for active missions and where the source has none.",
                ),
                Field(
                    "location", "string", "Headquarters location as given (a city, not a country)."
                ),
                Field(
                    "longitude",
                    "number",
                    "Longitude as given (decimal comma converted); unreliable, see notes.",
                ),
                Field("latitude", "number", "Latitude as given; unreliable, see notes."),
                Field(
                    "correction",
                    "string",
                    "Why a value differs from the source; empty when nothing was changed.",
                ),
                Field("last_update", "date", "The Data Hub's last update of the row."),
            ),
            notes=(
                "Attribute: United Nations Peace and Security Data Hub. Snapshot retrieved "
                "2026-12-01 from a copy saved on 2024-02-19.",
                "The list is stale: it was saved before MINUSMA's closure. MINUSMA's active "
                "flag is corrected (see the correction column and resolution 2690 (2023)); "
                "no other row is changed. Missions ended after February 2024 would also "
                "still show as active.",
                "Three rows combine two missions that also have rows of their own: UNEF "
                "(I & II), UNOSOM (I & II) and UNAVEM (I & II). Count missions without them.",
                "Coordinates are copied, not checked. Several have longitude and latitude "
                "swapped in the source (e.g. MINUSMA/Bamako, UNOSOM I and II/Mogadishu, "
                "UNAVEM I and II/Luanda, UNEF/Gaza, UNSCOB/Athens) and some point away from "
                "the named city; do not map them without checking.",
                "DOMREP's name is cut short in the source and kept as given. Special "
                "political missions (such as UNSOM in Somalia) and African Union missions "
                "(AMISOM, ATMIS, AUSSOM) are not in this list. No table here says which "
                "countries contributed troops.",
            ),
        ),
        Table(
            retrieved=SNAPSHOT_2026_12_01,
            name="peacekeeping_totals",
            title="UN peacekeeping world totals per year, 1947-2022",
            description="One row per year: number of missions and personnel (total, police, "
            "military observers and staff officers, troops), December figures.",
            build=build_peacekeeping_totals,
            inputs=(TOTALS,),
            sources=(OWID_PKO,),
            licences=("cc-by-4.0", "un-terms"),
            primary_key=("year",),
            fields=(
                Field("year", "integer", "Year (December figures).", required=True, unique=True),
                Field("missions", "integer", "Number of peacekeeping missions."),
                Field("total_personnel", "integer", "Uniformed personnel in all missions."),
                Field(
                    "police", "integer", "Civilian police; empty where the source has no breakdown."
                ),
                Field(
                    "military_observers",
                    "integer",
                    "Military observers and staff "
                    "officers; empty where the source has no breakdown.",
                ),
                Field("troops", "integer", "Troops; empty where the source has no breakdown."),
                Field(
                    "breakdown_in_source",
                    "boolean",
                    "True when the three components are given and add up to the total.",
                ),
            ),
            notes=(
                "Attribute: UN Peacekeeping, via Our World in Data (compilation CC BY 4.0). "
                "Snapshot retrieved 2026-12-01.",
                "1947-1991: the source writes 0 police, 0 observers and 0 troops under "
                "positive totals (Global Policy Forum figures, no breakdown); these zeros "
                "are written as empty cells (unknown), not as zero. From 1992 the three "
                "components add up to the total.",
                "2022 holds the number of missions only; its personnel figures are empty "
                "in the source.",
                "Counts UN peacekeeping operations only: no special political missions, no "
                "African Union or other regional operations.",
            ),
        ),
    )


TABLES = _specs()
