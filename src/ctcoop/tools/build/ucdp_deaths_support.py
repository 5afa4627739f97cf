"""UCDP deaths and external support: organized violence, battle deaths, who supported whom.

Three UCDP datasets that give the Armed Conflict Dataset (``events.py``) what it
lacks: death counts with their low and high estimates, one-sided violence
against civilians, and the outside support each warring party received.
The External Support Dataset is a spreadsheet; it is read with ``openpyxl``,
which only this build code imports (a test dependency, never a runtime one).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .common import read_csv, split_list, to_int
from .countries import gw_to_iso3, names_to_iso3
from .events import GW_NOTE, iso3_list
from .schema import SNAPSHOT_2026_12_01, Field, Source, Table

ORGANIZED = "events/ucdp_organizedviolence_cy_v25_1.csv"
BATTLE_DEATHS = "events/ucdp_brd_conf_v24_1.csv"
SUPPORT = "events/ucdp_esd_ay_181.xlsx"
NO_DYAD = "NO_DYAD"  # the source's word for "no dyad of this kind in the country-year"
# Kinds of support in the ESD, by the letter of their ext_<letter> columns. The first seven
# are named in events/PROVENANCE.md; the ESD codebook (not staged) defines the other four,
# so the course keeps their letters and does not name them.
KINDS: dict[str, str] = {
    "x": "troops as a secondary warring party",
    "p": "access to territory",
    "w": "weapons",
    "m": "materiel and logistics",
    "t": "training and expertise",
    "f": "funding",
    "i": "intelligence",
    "y": "a further kind defined in the ESD codebook (not named here)",
    "l": "a further kind defined in the ESD codebook (not named here)",
    "o": "a further kind defined in the ESD codebook (not named here)",
    "u": "a further kind defined in the ESD codebook (not named here)",
}
# Supporters in ext_name are separated by a comma with no space; a comma followed by a
# space belongs to a name ("Military Junta for the Consolidation of Democracy, Peace and ...").
_SUPPORTER_SEP = re.compile(r",(?! )")
_GOVERNMENT = "Government of "
# GW codes of the organized-violence file that country_converter lacks (beyond
# countries.GW_CORRECTIONS, which apply first): code -> (iso3, why).
OV_GW_CORRECTIONS: dict[int, tuple[str, str]] = {
    327: ("VAT", "GW 327 is the Holy See (Vatican City State); coco lacks it"),
}


def _dyads(text: pd.Series) -> pd.Series:
    """Dyad names as the source has them, with ``NO_DYAD`` as an empty cell."""
    return text.str.strip().mask(text.str.strip() == NO_DYAD, "")


def build_ucdp_organized_violence(sources: Path) -> pd.DataFrame:
    """One row per country and year, with deaths in the three kinds of organized violence."""
    raw = read_csv(sources / ORGANIZED)
    gw = to_int(raw["country_id_cy"])
    frame = pd.DataFrame(
        {
            "gwno": gw,
            "iso3": gw.map(
                lambda code: OV_GW_CORRECTIONS.get(int(code), ("",))[0] or gw_to_iso3(int(code))
            ),
            "country": raw["country_cy"].str.strip(),
            "year": to_int(raw["year_cy"]),
            "region": raw["region_cy"].str.strip(),
        }
    )
    for kind, prefix in (
        ("sb", "sb_total_deaths"),
        ("ns", "ns_total_deaths"),
        ("os", "os_total_deaths"),
    ):
        frame[f"{kind}_dyad_count"] = to_int(raw[f"{kind}_dyad_count_cy"])
        frame[f"{kind}_dyads"] = _dyads(raw[f"{kind}_dyad_names_cy"])
        for bound in ("best", "low", "high"):
            frame[f"{kind}_deaths_{bound}"] = to_int(raw[f"{prefix}_{bound}_cy"])
    frame["os_govt_deaths_best"] = to_int(raw["os_any_govt_killings_best_cy"])
    frame["os_nonstate_deaths_best"] = to_int(raw["os_nsgroup_killings_best_cy"])
    return frame


def build_ucdp_battle_deaths(sources: Path) -> pd.DataFrame:
    """One row per conflict-year (1989-2023) with battle-related deaths, best, low and high."""
    raw = read_csv(sources / BATTLE_DEATHS)
    text = {
        c: raw[c].str.strip()
        for c in (
            "side_a",
            "side_a_2nd",
            "side_b",
            "side_b_2nd",
            "territory_name",
            "battle_location",
            "gwno_battle",
        )
    }
    return pd.DataFrame(
        {
            "conflict_id": to_int(raw["conflict_id"]),
            "dyad_ids": raw["dyad_id"].str.strip(),
            "year": to_int(raw["year"]),
            "location": raw["location_inc"].str.strip(),
            **{c: text[c] for c in ("side_a", "side_a_2nd", "side_b", "side_b_2nd")},
            "incompatibility": to_int(raw["incompatibility"]),
            "territory_name": text["territory_name"],
            "type_of_conflict": to_int(raw["type_of_conflict"]),
            "battle_location": text["battle_location"],
            "gwno_battle": text["gwno_battle"],
            "iso3_battle": text["gwno_battle"].map(iso3_list),
            "bd_best": to_int(raw["bd_best"]),
            "bd_low": to_int(raw["bd_low"]),
            "bd_high": to_int(raw["bd_high"]),
            "region": raw["region"].str.strip(),
        }
    )


def _read_xlsx(path: Path) -> pd.DataFrame:
    """The single sheet as text, empty cells as ``""``, like :func:`read_csv`."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        (sheet,) = book.worksheets
        header, *rows = sheet.iter_rows(values_only=True)
    finally:
        book.close()

    def text(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    return pd.DataFrame([[text(v) for v in row] for row in rows], columns=list(header))


def supporter_names(ext_name: str) -> list[str]:
    """The supporters in an ``ext_name`` cell (see ``_SUPPORTER_SEP``)."""
    return [n.strip() for n in _SUPPORTER_SEP.split(ext_name) if n.strip()]


def state_supporter_iso3(ext_names: pd.Series) -> pd.Series:
    """ISO3 codes (";"-joined) of the supporters named "Government of ..." in each cell;
    none for a state without one (East Germany). Names are converted once, in one batch."""
    lists = ext_names.map(
        lambda s: [n[len(_GOVERNMENT) :] for n in supporter_names(s) if n.startswith(_GOVERNMENT)]
    )
    states = sorted({name for names in lists for name in names})
    iso3 = dict(zip(states, names_to_iso3(states), strict=True))
    return lists.map(lambda names: ";".join(iso3[n] for n in names if iso3[n]))


def build_ucdp_external_support(sources: Path) -> pd.DataFrame:
    """One row per warring actor, dyad and year (1975-2017), with its outside supporters."""
    raw = _read_xlsx(sources / SUPPORT)
    supported = raw["ext_sup"].str.strip() == "1"
    frame = pd.DataFrame(
        {
            "year": to_int(raw["year"]),
            "conflict_id": to_int(raw["conflict_id"]),
            "dyad_id": to_int(raw["dyad_id"]),
            "location": raw["location"].str.strip(),
            "active": raw["active"].str.strip() == "1",
            "actor_id": to_int(raw["actor_id"]),
            "actor": raw["actor_name"].str.strip(),
            "actor_nonstate": raw["actor_nonstate"].str.strip() == "1",
            "opponent_id": to_int(raw["oppo_id"]),
            "opponent": raw["oppo_name"].str.strip(),
            "supported": supported,
            "supporters": raw["ext_name"].str.strip(),
            "supporter_ids": raw["ext_id"].map(lambda s: ";".join(split_list(s))),
            "supporter_iso3": state_supporter_iso3(raw["ext_name"]),
            "n_supporters": to_int(raw["ext_count"]),
            "n_state_supporters": to_int(raw["ext_count_s"]),
            "coalition": raw["ext_coalition_name"]
            .str.strip()
            .where(raw["ext_coalition"].str.strip() == "1", ""),
        }
    )
    for column in ("active", "actor_nonstate", "supported"):
        frame[column] = frame[column].astype("boolean")
    for letter in KINDS:
        frame[f"ext_{letter}"] = (raw[f"ext_{letter}"].str.strip() == "1").astype("boolean")
        frame[f"ext_{letter}_count"] = to_int(raw[f"ext_{letter}_count"])
    return frame


# --- table specifications ------------------------------------------------------------------
def _source(title: str) -> Source:
    return Source(f"{title} (Uppsala Conflict Data Program)", "https://ucdp.uu.se/downloads/")


OV_CITATION = (
    "Cite: Davies, Pettersson, Sollenberg & Öberg (2025), Organized violence 1989-2024, and "
    "the challenges of identifying civilian victims, Journal of Peace Research 62(4). UCDP "
    "Country-Year Dataset on Organized Violence within Country Borders, version 25.1."
)
BRD_CITATION = (
    "Cite: the 2024 article of UCDP's annual series on organized violence, Journal of Peace "
    "Research 61(4) (events/PROVENANCE.md). UCDP Battle-Related Deaths Dataset (conflict "
    "level), version 24.1."
)
ESD_CITATION = (
    "Cite: Meier, Karlén, Pettersson & Croicu (2023), External support in armed conflicts: "
    "Introducing the UCDP External Support Dataset (ESD), 1975-2017, Journal of Peace Research "
    "60(3): 545-554. UCDP ESD, actor-year version 18.1."
)
RETRIEVED_NOTE = (
    "Source file retrieved 2026-12-01, copied byte for byte from a public "
    "repository snapshot (events/PROVENANCE.md, 'More UCDP datasets')."
)
DEATHS = ("best", "low", "high")


def _death_fields(kind: str, what: str) -> tuple[Field, ...]:
    return (
        Field(f"{kind}_dyad_count", "integer", f"Number of {what} dyads in the country-year."),
        Field(
            f"{kind}_dyads",
            "string",
            f"The {what} dyads, '; '-separated, named as in the "
            "source; empty when there are none (the source's NO_DYAD).",
        ),
        *(
            Field(
                f"{kind}_deaths_{b}", "integer", f"Deaths in {what} violence, UCDP's {b} estimate."
            )
            for b in DEATHS
        ),
    )


def _specs() -> tuple[Table, ...]:
    kind_fields = tuple(
        field
        for letter, meaning in KINDS.items()
        for field in (
            Field(
                f"ext_{letter}",
                "boolean",
                f"At least one supporter gave {meaning} "
                f"(the source's ext_{letter}; not which one).",
            ),
            Field(
                f"ext_{letter}_count",
                "integer",
                f"How many supporters gave {meaning} (the source's ext_{letter}_count).",
            ),
        )
    )
    return (
        Table(
            retrieved=SNAPSHOT_2026_12_01,
            name="ucdp_organized_violence",
            title="UCDP organized violence by country and year, 1989-2024",
            description="One row per country and year: deaths in state-based armed conflict, "
            "non-state conflict and one-sided violence against civilians, with UCDP's best, "
            "low and high estimates and the dyads involved. The country is where the violence "
            "took place. Not a terrorism-incident dataset: it counts deaths, not attacks.",
            build=build_ucdp_organized_violence,
            inputs=(ORGANIZED,),
            sources=(
                _source(
                    "UCDP Country-Year Dataset on Organized Violence within Country Borders v25.1"
                ),
            ),
            licences=("cc-by-4.0",),
            primary_key=("gwno", "year"),
            fields=(
                Field(
                    "gwno",
                    "integer",
                    "Gleditsch-Ward code of the country (country_id_cy).",
                    required=True,
                ),
                Field("iso3", "string", "ISO3 of gwno; empty for states without one."),
                Field("country", "string", "Country name as UCDP gives it."),
                Field("year", "integer", "Year.", required=True),
                Field(
                    "region",
                    "string",
                    "UCDP region.",
                    enum=("Africa", "Americas", "Asia", "Europe", "Middle East"),
                ),
                *_death_fields("sb", "state-based"),
                *_death_fields("ns", "non-state"),
                *_death_fields("os", "one-sided"),
                Field(
                    "os_govt_deaths_best",
                    "integer",
                    "One-sided deaths caused by any government (best estimate).",
                ),
                Field(
                    "os_nonstate_deaths_best",
                    "integer",
                    "One-sided deaths caused by organised non-state groups (best estimate).",
                ),
            ),
            notes=(
                OV_CITATION,
                "Data modified (CC BY 4.0): columns selected and renamed (the source's _cy "
                "suffix dropped), NO_DYAD written as an empty cell, ISO3 added. No values "
                "were changed.",
                GW_NOTE
                + " Also "
                + "; ".join(
                    f"{code} -> {iso}: {why}"
                    for code, (iso, why) in sorted(OV_GW_CORRECTIONS.items())
                )
                + ".",
                "A zero is UCDP's count, not a gap: it means no violence of that kind above "
                "UCDP's thresholds. One-sided violence counts deliberate killings of civilians "
                "by an actor only when that actor reaches 25 such deaths in the year.",
                RETRIEVED_NOTE,
            ),
        ),
        Table(
            retrieved=SNAPSHOT_2026_12_01,
            name="ucdp_battle_deaths",
            title="UCDP battle-related deaths by conflict and year, 1989-2023",
            description="One row per state-based conflict and year with battle-related deaths "
            "(best, low and high estimates). conflict_id and year join it to ucdp_conflicts.",
            build=build_ucdp_battle_deaths,
            inputs=(BATTLE_DEATHS,),
            sources=(_source("UCDP Battle-Related Deaths Dataset v24.1 (conflict level)"),),
            licences=("cc-by-4.0",),
            primary_key=("conflict_id", "year"),
            fields=(
                Field(
                    "conflict_id",
                    "integer",
                    "UCDP conflict id (as in ucdp_conflicts).",
                    required=True,
                ),
                Field(
                    "dyad_ids",
                    "string",
                    "UCDP dyad id(s), comma list (a few conflict-years combine two dyads).",
                ),
                Field("year", "integer", "Year.", required=True),
                Field(
                    "location", "string", "Government side's country or countries (location_inc)."
                ),
                Field("side_a", "string", "Side A (a government)."),
                Field("side_a_2nd", "string", "States supporting side A with troops."),
                Field("side_b", "string", "Side B, as named in this version."),
                Field("side_b_2nd", "string", "States supporting side B with troops."),
                Field("incompatibility", "integer", "1 territory, 2 government, 3 both."),
                Field("territory_name", "string", "Contested territory, if any."),
                Field(
                    "type_of_conflict",
                    "integer",
                    "1 extrasystemic, 2 interstate, 3 intrastate, 4 internationalised intrastate.",
                ),
                Field("battle_location", "string", "Countries where the fighting took place."),
                Field("gwno_battle", "string", "GW codes of battle_location (comma list)."),
                Field("iso3_battle", "string", "ISO3 of gwno_battle, ';'-separated."),
                Field("bd_best", "integer", "Battle-related deaths, best estimate.", required=True),
                Field("bd_low", "integer", "Low estimate."),
                Field("bd_high", "integer", "High estimate."),
                Field("region", "string", "UCDP region(s) (comma list of codes)."),
            ),
            notes=(
                BRD_CITATION,
                "Data modified (CC BY 4.0): columns selected; spaces stripped; ISO3 of the "
                "battle locations added. No values were changed.",
                GW_NOTE,
                "Version 24.1 (to 2023), while ucdp_conflicts is v25.1 (to 2024): names and "
                "coalition lists can differ between the two versions, and a conflict-year "
                "may be in one and not the other (11350 in 2005 is only in v24.1). Join on "
                "conflict_id and year.",
                "In 7 conflict-years bd_best lies outside bd_low..bd_high, as in the source; "
                "the values are kept.",
                RETRIEVED_NOTE,
            ),
        ),
        Table(
            retrieved=SNAPSHOT_2026_12_01,
            name="ucdp_external_support",
            title="UCDP external support to warring parties, actor-years 1975-2017",
            description="One row per warring actor, dyad and year: who supported the actor "
            "from outside against its opponent, and which kinds of support were given.",
            build=build_ucdp_external_support,
            inputs=(SUPPORT,),
            sources=(_source("UCDP External Support Dataset (ESD) v18.1, actor-year"),),
            licences=("cc-by-4.0",),
            primary_key=("actor_id", "dyad_id", "year"),
            fields=(
                Field("year", "integer", "Year.", required=True),
                Field("conflict_id", "integer", "UCDP conflict id (as in ucdp_conflicts)."),
                Field("dyad_id", "integer", "UCDP dyad id.", required=True),
                Field("location", "string", "Conflict as UCDP names it ('country: issue')."),
                Field("active", "boolean", "The source's active flag for the actor-year."),
                Field("actor_id", "integer", "UCDP id of the supported actor.", required=True),
                Field(
                    "actor",
                    "string",
                    "The warring actor that received (or did not receive) support.",
                ),
                Field("actor_nonstate", "boolean", "True for a non-state actor."),
                Field("opponent_id", "integer", "UCDP id of the actor's opponent in the dyad."),
                Field("opponent", "string", "The opponent, against whom the support was given."),
                Field("supported", "boolean", "At least one outside supporter (ext_sup)."),
                Field(
                    "supporters",
                    "string",
                    "The supporters, as the source lists them "
                    "(ext_name: comma-separated, no space after the comma).",
                ),
                Field(
                    "supporter_ids", "string", "UCDP ids of the supporters, ';'-separated (ext_id)."
                ),
                Field(
                    "supporter_iso3",
                    "string",
                    "ISO3 of the supporters named 'Government "
                    "of ...', ';'-separated; non-state supporters and 'elements' of a state "
                    "(e.g. 'Malaysian elements', which the source counts as state support) "
                    "have none.",
                ),
                Field("n_supporters", "integer", "Number of supporters (ext_count)."),
                Field("n_state_supporters", "integer", "Of which states (ext_count_s)."),
                Field(
                    "coalition",
                    "string",
                    "Coalition the support came through, when the "
                    "source marks one (ext_coalition_name).",
                ),
                *kind_fields,
            ),
            notes=(
                ESD_CITATION,
                "Data modified (CC BY 4.0): read from the .xlsx with openpyxl; columns "
                "selected and renamed; the state/non-state splits of each kind (_s, _ns) "
                "left out; ISO3 of state supporters added (country_converter on the name "
                "after 'Government of'; East Germany has none, 'Russia (Soviet Union)' is "
                "RUS, 'Serbia (Yugoslavia)' SRB). No values were changed.",
                "What the kind flags can attribute: ext_<letter> says that at least one of "
                "the actor-year's supporters gave that kind of support, and ext_<letter>_count "
                "how many did. They do not say which supporter. Only when n_supporters is 1, "
                "or when the count equals n_supporters, does a kind belong to a named "
                "supporter; otherwise data at the level of each supporter (not staged) would be "
                "needed. "
                "For troops, the ACD's secondary parties (ucdp_secondary_parties) name the "
                "states.",
                "Kinds x, p, w, m, t, f, i are named as in events/PROVENANCE.md; y, l, o and "
                "u are defined in the ESD codebook, which is not staged, so the course does "
                "not name them.",
                "Source quirks kept: three rows (Government of Ethiopia, 2001-2003) list "
                "one supporter name ('Puntland State of Somalia') for two ids; one Syria "
                "row lists a group of rebel factions, separated by ', ', as one supporter.",
                RETRIEVED_NOTE,
            ),
        ),
    )


TABLES = _specs()

__all__ = [
    "KINDS",
    "TABLES",
    "build_ucdp_battle_deaths",
    "build_ucdp_external_support",
    "build_ucdp_organized_violence",
    "state_supporter_iso3",
    "supporter_names",
]
