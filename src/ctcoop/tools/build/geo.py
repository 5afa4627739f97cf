"""Natural Earth 1:110m countries, minimised to codes, names and rounded geometry."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .schema import Field, Source, Table

NE = "geo/ne_110m_admin_0_countries.geojson"
DECIMALS = 3
# Natural Earth's ADM0_A3 "KOS" is its own code; XKX is the code country_converter and
# every other course table use for Kosovo, so joins work.
ADM0_TO_COURSE = {"KOS": "XKX"}


def iso3_for(props: dict[str, Any]) -> tuple[str, str]:
    """(iso3, which attribute supplied it): ISO_A3, then ISO_A3_EH, then ADM0_A3."""
    for key in ("ISO_A3", "ISO_A3_EH"):
        if props[key] != "-99":
            return props[key], key
    code = props["ADM0_A3"]
    if code in ADM0_TO_COURSE:
        return ADM0_TO_COURSE[code], f"ADM0_A3 {code} -> {ADM0_TO_COURSE[code]}"
    return code, "ADM0_A3 (Natural Earth code, not ISO)"


def _round(coords: Any) -> Any:
    if isinstance(coords, list):
        return [_round(c) for c in coords]
    return round(float(coords), DECIMALS) + 0.0


def build_world_map(sources: Path) -> dict[str, Any]:
    """A GeoJSON FeatureCollection with properties iso3, name, continent, subregion, iso3_source."""
    layer = json.loads((sources / NE).read_text(encoding="utf-8"))
    features = []
    for feature in layer["features"]:
        props = feature["properties"]
        iso3, origin = iso3_for(props)
        geometry = feature["geometry"]
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "iso3": iso3,
                    "name": props["NAME"],
                    "continent": props["CONTINENT"],
                    "subregion": props["SUBREGION"],
                    "iso3_source": origin,
                },
                "geometry": {
                    "type": geometry["type"],
                    "coordinates": _round(geometry["coordinates"]),
                },
            }
        )
    features.sort(key=lambda f: (f["properties"]["iso3"], f["properties"]["name"]))
    return {"type": "FeatureCollection", "features": features}


def _specs() -> tuple[Table, ...]:
    return (
        Table(
            name="world_map",
            title="World map: Natural Earth 1:110m countries (minimised)",
            description="GeoJSON FeatureCollection of 177 country polygons with ISO3 code, "
            "name, continent and subregion; coordinates rounded to 3 decimals.",
            build=build_world_map,
            inputs=(NE,),
            format="geojson",
            sources=(
                Source(
                    "Natural Earth, Admin 0 - Countries, 1:110m (v5.1)",
                    "https://raw.githubusercontent.com/nvkelso/natural-earth-vector/"
                    "master/geojson/ne_110m_admin_0_countries.geojson",
                ),
            ),
            licences=("public-domain",),
            primary_key=("iso3",),
            fields=(
                Field(
                    "iso3",
                    "string",
                    "ISO3 code: ISO_A3, else ISO_A3_EH, else ADM0_A3.",
                    required=True,
                    unique=True,
                ),
                Field("name", "string", "Natural Earth short name."),
                Field("continent", "string", "Natural Earth continent."),
                Field("subregion", "string", "Natural Earth subregion."),
                Field("iso3_source", "string", "Which attribute supplied iso3."),
            ),
            notes=(
                "Natural Earth withholds ISO_A3 ('-99') for 5 features: France and Norway "
                "get ISO_A3_EH (FRA, NOR; their polygons include French Guiana and "
                "Svalbard); Kosovo gets XKX (NE's ADM0_A3 is KOS; XKX is what "
                "country_converter and the other tables use); N. Cyprus (CYN) and "
                "Somaliland (SOL) keep Natural Earth codes that are not ISO. Somaliland is "
                "a separate polygon from Somalia.",
                "Small states (Singapore, Bahrain, Malta, Maldives, Comoros, ...) have no "
                "polygon at this scale. The USA and Sudan polygons are invalid "
                "(self-intersections); fine for plotting.",
                "Made with Natural Earth (public domain).",
            ),
        ),
    )


TABLES = _specs()
