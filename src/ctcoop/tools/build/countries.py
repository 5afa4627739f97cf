"""Country codes through ``country_converter`` (coco), never a hand-made code table.

Imported only by the build code: coco loads a large table, and importing the
course package must stay fast.

coco stores one Gleditsch-Ward (GW) number per present-day country, and for
four divided-then-unified or split states it stores the *other* half's number
(Czechia 315, Serbia 340, Yemen 680, Vietnam 817). The UCDP data use the GW list
itself, so :data:`GW_CORRECTIONS` overrides exactly those codes, each with its
reason; every override is repeated in the datapackage notes.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import cache

GW_CORRECTIONS: dict[int, tuple[str, str, str]] = {
    # code: (iso3 or "", name, why)
    315: (
        "",
        "Czechoslovakia",
        "GW 315 is Czechoslovakia (to 1992), a state with no ISO3 code; coco gives CZE",
    ),
    316: ("CZE", "Czechia", "GW 316 is the Czech Republic (1993-); coco lacks it"),
    345: (
        "SRB",
        "Serbia",
        "GW 345 is Yugoslavia/Serbia (UCDP: 'Serbia (Yugoslavia)'); "
        "coco lacks it; rows before 1992 concern the SFR Yugoslavia",
    ),
    678: (
        "YEM",
        "Yemen",
        "GW 678 is Yemen (Arab Republic), continued by unified Yemen from 1990; "
        "coco lacks it; rows before 1990 concern North Yemen",
    ),
    680: ("", "South Yemen", "GW 680 is South Yemen (1967-1990), no ISO3 code; coco gives YEM"),
    751: ("", "Hyderabad", "GW 751 is Hyderabad (1947-1948), no ISO3 code; coco lacks it"),
    816: (
        "VNM",
        "Vietnam",
        "GW 816 is (North) Vietnam, continued by unified Vietnam from 1976; "
        "coco lacks it; rows before 1976 concern North Vietnam",
    ),
    817: ("", "South Vietnam", "GW 817 is South Vietnam (1954-1975), no ISO3 code; coco gives VNM"),
}


@cache
def _converter():  # noqa: ANN202 - coco has no type hints
    import country_converter as coco

    logging.getLogger("country_converter").setLevel(logging.ERROR)
    return coco.CountryConverter()


@cache
def _gw_table() -> dict[int, str]:
    data = _converter().data.dropna(subset=["GWcode"])
    return {int(code): iso for code, iso in zip(data["GWcode"], data["ISO3"], strict=True)}


@cache
def _iso_names() -> dict[str, str]:
    data = _converter().data
    return dict(zip(data["ISO3"], data["name_short"], strict=True))


def gw_to_iso3(code: int) -> str:
    """ISO3 for a GW code, or ``""`` for a state that has none (see :data:`GW_CORRECTIONS`)."""
    if code in GW_CORRECTIONS:
        return GW_CORRECTIONS[code][0]
    return _gw_table().get(code, "")


def gw_name(code: int) -> str:
    """Short English name for a GW code (coco's name, or the historic state's name)."""
    if code in GW_CORRECTIONS:
        return GW_CORRECTIONS[code][1]
    return iso3_name(gw_to_iso3(code))


def iso3_name(iso3: str) -> str:
    """coco's short name for an ISO3 code, ``""`` when unknown."""
    return _iso_names().get(iso3, "")


def names_to_iso3(names: Iterable[str]) -> list[str]:
    """ISO3 for country names via coco's regular expressions; ``""`` when none matches."""
    names = list(names)
    if not names:
        return []
    out = _converter().convert(names, src="regex", to="ISO3", not_found="")
    out = [out] if isinstance(out, str) else list(out)
    valid = set(_iso_names())
    return [code if code in valid else "" for code in out]
