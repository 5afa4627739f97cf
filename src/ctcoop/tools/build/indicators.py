"""Country-year capability indicators: internet users, mobile subscriptions, armed forces.

Three World Bank WDI series as exported by Our World in Data (``indicators/`` in the
sources). The exports mix countries with aggregates (World, regions, income
groups); the tables keep countries only. A country is an entity for which
``country_converter`` finds an ISO3 code; every entity it does not find must be
one of the names in :data:`NOT_COUNTRIES`, so a country can never be dropped
silently. Values are copied as the source writes them, only rewritten in plain
decimal notation (``5.64E-05`` becomes ``0.0000564``, ``.54`` becomes ``0.54``).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path

import pandas as pd

from .common import read_csv, to_int
from .countries import iso3_name, names_to_iso3
from .schema import SNAPSHOT_2026_12_01, Field, Source, Table

__all__ = [
    "INTERNET",
    "MOBILE",
    "ARMED",
    "NOT_COUNTRIES",
    "NAME_CORRECTIONS",
    "TABLES",
    "build_internet_users",
    "build_mobile_subscriptions",
    "build_armed_forces",
    "plain_decimal",
]

INTERNET = "indicators/internet_users_share_owid.csv"
MOBILE = "indicators/mobile_subscriptions_per_100_owid.csv"
ARMED = "indicators/armed_forces_personnel_owid.csv"

# Names country_converter's regular expressions do not match, with the code and why.
NAME_CORRECTIONS: dict[str, tuple[str, str]] = {
    "Timor": (
        "TLS",
        "OWID's short name for Timor-Leste (ISO3 TLS in the internet file's "
        "Code column); country_converter does not match the bare word",
    ),
}
# Entities that are not countries: World Bank and OWID aggregates, and the World Bank's
# "Channel Islands" (Jersey and Guernsey together, no ISO3 code).
NOT_COUNTRIES: frozenset[str] = frozenset(
    {
        "World",
        "European Union",
        "Euro area",
        "OECD members",
        "Arab World",
        "North America",
        "South Asia",
        "South Asia (WB)",
        "South Asia (IDA & IBRD)",
        "Sub-Saharan Africa",
        "Sub-Saharan Africa (IDA & IBRD countries)",
        "Sub-Saharan Africa (excluding high income)",
        "East Asia and Pacific",
        "East Asia & Pacific",
        "East Asia & Pacific (IDA & IBRD countries)",
        "East Asia & Pacific (excluding high income)",
        "Europe and Central Asia",
        "Europe & Central Asia",
        "Europe & Central Asia (IDA & IBRD countries)",
        "Europe & Central Asia (excluding high income)",
        "Latin America and Caribbean",
        "Latin America & Caribbean",
        "Latin America & Caribbean (excluding high income)",
        "Latin America & the Caribbean (IDA & IBRD countries)",
        "Middle East and North Africa",
        "Middle East & North Africa",
        "Middle East & North Africa (IDA & IBRD countries)",
        "Middle East & North Africa (excluding high income)",
        "Central Europe and the Baltics",
        "High income",
        "Upper middle income",
        "Middle income",
        "Lower middle income",
        "Low income",
        "Low and middle income",
        "Low & middle income",
        "Low-income countries",
        "Lower-middle-income countries",
        "IBRD only",
        "IDA & IBRD total",
        "IDA blend",
        "IDA only",
        "IDA total",
        "Heavily indebted poor countries (HIPC)",
        "Least developed countries: UN classification",
        "Fragile and conflict affected situations",
        "Early-demographic dividend",
        "Late-demographic dividend",
        "Post-demographic dividend",
        "Pre-demographic dividend",
        "Small states",
        "Caribbean small states",
        "Other small states",
        "Pacific island small states",
        "Channel Islands",
    }
)


def plain_decimal(text: str) -> str:
    """A number written as the source writes it, in plain decimal notation; ``""`` stays."""
    text = text.strip()
    if not text:
        return ""
    try:
        value = Decimal(text)
    except InvalidOperation as error:
        raise ValueError(f"not a number: {text!r}") from error
    return format(value, "f")


def _with_iso3(raw: pd.DataFrame, source: str) -> pd.DataFrame:
    """Countries only, with ``iso3`` and ``country``; raises on an unknown entity."""
    names = sorted(set(raw["Entity"]))
    found = dict(zip(names, names_to_iso3(names), strict=True))
    found.update({name: code for name, (code, _) in NAME_CORRECTIONS.items() if name in found})
    unknown = sorted(n for n, code in found.items() if not code and n not in NOT_COUNTRIES)
    wrongly_left_out = sorted(n for n, code in found.items() if code and n in NOT_COUNTRIES)
    if unknown or wrongly_left_out:
        raise ValueError(
            f"{source}: entities without ISO3 that are not known aggregates "
            f"{unknown}; aggregates matched to a country {wrongly_left_out}"
        )
    iso3 = raw["Entity"].map(found)
    if "Code" in raw:
        stated = raw["Code"].str.fullmatch(r"[A-Z]{3}")
        differ = raw[stated & (raw["Code"] != iso3)]
        if len(differ):
            raise ValueError(
                f"{source}: ISO3 differs from the Code column for {sorted(set(differ['Entity']))}"
            )
    kept = raw[iso3 != ""].copy()
    kept["iso3"] = iso3[iso3 != ""]
    kept["country"] = kept["iso3"].map(iso3_name)
    kept["year"] = to_int(kept["Year"])
    if kept.duplicated(["iso3", "year"]).any():
        raise ValueError(f"{source}: two rows for one country-year")
    return kept


def _one_value(sources: Path, path: str, column: str) -> pd.DataFrame:
    raw = read_csv(sources / path)
    (value,) = [c for c in raw.columns if c not in ("Entity", "Code", "Year")]
    kept = _with_iso3(raw, path)
    kept[column] = kept[value].map(plain_decimal)
    return kept[["iso3", "country", "year", column]]


def build_internet_users(sources: Path) -> pd.DataFrame:
    """Share of the population using the internet, per country and year."""
    return _one_value(sources, INTERNET, "internet_users_pct")


def build_mobile_subscriptions(sources: Path) -> pd.DataFrame:
    """Mobile cellular subscriptions per 100 people, per country and year."""
    return _one_value(sources, MOBILE, "mobile_subscriptions_per_100")


def build_armed_forces(sources: Path) -> pd.DataFrame:
    """Armed forces personnel, population and their ratio, per country and year."""
    raw = read_csv(sources / ARMED)
    personnel, population, share = raw.columns[2:5]
    kept = _with_iso3(raw, ARMED)
    return pd.DataFrame(
        {
            "iso3": kept["iso3"],
            "country": kept["country"],
            "year": kept["year"],
            "armed_forces_personnel": to_int(kept[personnel]),
            "population": kept[population].map(plain_decimal),
            "armed_forces_pct_population": kept[share].map(plain_decimal),
        }
    )


# --- table specifications ------------------------------------------------------------------
WDI = "https://data.worldbank.org/indicator/"
ITU_CREDIT = "ITU, via World Bank World Development Indicators, processed by Our World in Data"
OWID_NOTE = (
    "Our World in Data's processing and World Bank WDI data are CC BY 4.0. Data "
    "modified: aggregates left out, ISO3 and country names added, numbers rewritten "
    "in plain decimal notation (no value changed). Snapshot retrieved 2026-12-01."
)
COUNTRY_NOTE = (
    "Countries only: World, regions, income and lending groups are left out (the "
    "build lists them in ctcoop.tools.build.indicators.NOT_COUNTRIES and fails on any "
    "other unmatched name). ISO3 from country_converter on the entity name, checked "
    "against the source's Code column where it has one; corrections: "
    + "; ".join(f"'{n}' -> {c} ({why})" for n, (c, why) in NAME_CORRECTIONS.items())
    + ". OWID's own code OWID_KOS becomes XKX (Kosovo), as in the other course "
    "tables; 'Faeroe Islands', without a code in the source, becomes FRO."
)
GAP_NOTE = (
    "A country-year absent from the table is a gap, not a zero; nothing is filled in. "
    "Territories (Hong Kong, Puerto Rico, Greenland, ...) are kept: they have ISO3 "
    "codes but are not states."
)


def _fields(value: Field) -> tuple[Field, ...]:
    return (
        Field("iso3", "string", "ISO 3166-1 alpha-3 code (XKX for Kosovo).", required=True),
        Field("country", "string", "Short name (country_converter)."),
        Field("year", "integer", "Year.", required=True),
        value,
    )


def _specs() -> tuple[Table, ...]:
    return (
        Table(
            retrieved=SNAPSHOT_2026_12_01,
            name="internet_users",
            title="Individuals using the internet (% of population), country-years",
            description="One row per country and year: the share of the population using the "
            "internet, as estimated by the ITU. Aggregates left out.",
            build=build_internet_users,
            inputs=(INTERNET,),
            sources=(
                Source(f"{ITU_CREDIT} (WDI IT.NET.USER.ZS)", WDI + "IT.NET.USER.ZS"),
                Source(
                    "Our World in Data, Share of the population using the internet",
                    "https://ourworldindata.org/grapher/share-of-individuals-using-the-internet",
                ),
            ),
            licences=("cc-by-4.0",),
            primary_key=("iso3", "year"),
            fields=_fields(
                Field(
                    "internet_users_pct",
                    "number",
                    "Individuals using the internet, % of population (0-100).",
                    required=True,
                )
            ),
            notes=(
                f"Credit: {ITU_CREDIT}.",
                OWID_NOTE,
                COUNTRY_NOTE,
                GAP_NOTE,
                "Definition (ITU, used by the World Bank for IT.NET.USER.ZS and by the UN for "
                "SDG indicator 17.8.1): individuals who used the internet, from any location "
                "and on any device, in the last three months. Older releases used the last "
                "twelve months.",
                "The ITU models some countries' values from surveys and subscriptions; "
                "early years are often written as 0.",
            ),
        ),
        Table(
            retrieved=SNAPSHOT_2026_12_01,
            name="mobile_subscriptions",
            title="Mobile cellular subscriptions per 100 people, country-years",
            description="One row per country and year: mobile cellular subscriptions per 100 "
            "people (ITU). Can exceed 100: one person may hold several SIM cards.",
            build=build_mobile_subscriptions,
            inputs=(MOBILE,),
            sources=(
                Source(f"{ITU_CREDIT} (WDI IT.CEL.SETS.P2)", WDI + "IT.CEL.SETS.P2"),
                Source(
                    "Our World in Data, Mobile cellular subscriptions per 100 people",
                    "https://ourworldindata.org/grapher/"
                    "mobile-cellular-subscriptions-per-100-people",
                ),
            ),
            licences=("cc-by-4.0",),
            primary_key=("iso3", "year"),
            fields=_fields(
                Field(
                    "mobile_subscriptions_per_100",
                    "number",
                    "Mobile cellular subscriptions per 100 people (can exceed 100).",
                    required=True,
                )
            ),
            notes=(
                f"Credit: {ITU_CREDIT}.",
                OWID_NOTE,
                COUNTRY_NOTE,
                GAP_NOTE,
                "Definition (ITU, as given by the World Bank for IT.CEL.SETS.P2): "
                "subscriptions to a public mobile telephone service that give access to the "
                "public switched telephone network using cellular technology; postpaid "
                "subscriptions plus prepaid accounts that were active (used) in the last "
                "three months. Voice services only: data cards and USB modems are excluded.",
                "Subscriptions, not people: prepaid SIM cards and several lines per person "
                "push the figure above 100 in many countries. The snapshot ends in 2020.",
            ),
        ),
        Table(
            retrieved=SNAPSHOT_2026_12_01,
            name="armed_forces",
            title="Armed forces personnel, country-years (IISS via the World Bank)",
            description="One row per country and year 1960-2016: armed forces personnel "
            "(from 1985), total population, and armed forces as % of population.",
            build=build_armed_forces,
            inputs=(ARMED,),
            sources=(
                Source(
                    "IISS, The Military Balance, via World Bank WDI (MS.MIL.TOTL.P1, "
                    "2017 edition), processed by Our World in Data",
                    WDI + "MS.MIL.TOTL.P1",
                ),
            ),
            licences=("cc-by-4.0",),
            primary_key=("iso3", "year"),
            fields=(
                *_fields(
                    Field(
                        "armed_forces_personnel",
                        "integer",
                        "Active-duty military "
                        "and paramilitary personnel (IISS definition); empty = no "
                        "value.",
                    )
                ),
                Field(
                    "population",
                    "number",
                    "Total population (World Bank, 2017 "
                    "edition; a few values, e.g. South Africa 2002-2016, have "
                    "decimals in the source).",
                ),
                Field(
                    "armed_forces_pct_population",
                    "number",
                    "Armed forces personnel as % of total population, as computed in the source.",
                ),
            ),
            notes=(
                "Credit: IISS, The Military Balance, via World Bank WDI, processed by Our "
                "World in Data.",
                OWID_NOTE,
                COUNTRY_NOTE,
                "Rows run from 1960 because the population series does; armed forces values "
                "start in 1985. An empty cell is a gap, not a zero.",
                "Headcounts of military and paramilitary forces: they say nothing about "
                "counter-terrorism capability, equipment or training.",
            ),
        ),
    )


TABLES = _specs()
