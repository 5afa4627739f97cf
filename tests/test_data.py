"""The data package is internally consistent: checksums, schemas, keys, personal-data rule."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from datetime import date

import pandas as pd
import pytest

from ctcoop.paths import repo_root

DATA = repo_root() / "data"
PACKAGE = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["name"]: r for r in PACKAGE["resources"]}
CSV = [name for name, r in RESOURCES.items() if r["format"] == "csv"]
PARSERS = {
    "integer": re.compile(r"-?\d+"),
    "number": re.compile(r"-?\d+(\.\d+)?"),
    "boolean": re.compile(r"true|false"),
    "date": re.compile(r"\d{4}-\d{2}-\d{2}"),
}
PERSONAL = re.compile(
    r"name|birth|dob|address|alias|comment|gender|dataid|passport|document", re.IGNORECASE
)


def rows(name: str) -> list[dict[str, str]]:
    text = (DATA / RESOURCES[name]["path"]).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_package_metadata() -> None:
    assert PACKAGE["name"] and PACKAGE["title"] and PACKAGE["licenses"]
    for r in PACKAGE["resources"]:
        for key in (
            "name",
            "path",
            "format",
            "mediatype",
            "encoding",
            "bytes",
            "hash",
            "schema",
            "sources",
            "licenses",
            "rows",
            "retrieved",
            "description",
            "notes",
        ):
            assert key in r, (r["name"], key)
        assert date.fromisoformat(r["retrieved"]) <= date.today(), r["name"]
        assert all(s["path"].startswith("http") for s in r["sources"])


@pytest.mark.parametrize("name", list(RESOURCES))
def test_checksum_and_size_match(name: str) -> None:
    data = (DATA / RESOURCES[name]["path"]).read_bytes()
    assert RESOURCES[name]["bytes"] == len(data)
    assert RESOURCES[name]["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()


def test_no_stray_files() -> None:
    expected = {r["path"] for r in PACKAGE["resources"]} | {"datapackage.json", "README.md"}
    assert {p.name for p in DATA.iterdir()} == expected


@pytest.mark.parametrize("name", CSV)
def test_csv_matches_its_schema(name: str) -> None:
    schema = RESOURCES[name]["schema"]
    fields = schema["fields"]
    text = (DATA / RESOURCES[name]["path"]).read_text(encoding="utf-8")
    assert "\r" not in text and text.endswith("\n")
    header = next(csv.reader(io.StringIO(text)))
    assert header == [f["name"] for f in fields]
    table = rows(name)
    assert len(table) == RESOURCES[name]["rows"]
    for field in fields:
        values = [row[field["name"]] for row in table]
        pattern = PARSERS.get(field["type"])
        constraints = field.get("constraints", {})
        for value in values:
            if value == "":
                assert not constraints.get("required"), (name, field["name"])
                continue
            if pattern:
                assert pattern.fullmatch(value), (name, field["name"], value)
        if "enum" in constraints:
            assert set(values) <= set(constraints["enum"]), (name, field["name"])
        if constraints.get("unique"):
            filled = [v for v in values if v]
            assert len(filled) == len(set(filled)), (name, field["name"])
        if field["type"] == "date":
            pd.to_datetime(pd.Series([v for v in values if v]), format="%Y-%m-%d")
    if "primaryKey" in schema:
        keys = [tuple(row[k] for k in schema["primaryKey"]) for row in table]
        assert len(keys) == len(set(keys)), f"{name}: duplicate primary keys"


def test_world_map_is_geojson_with_declared_properties() -> None:
    layer = json.loads((DATA / "world_map.geojson").read_text(encoding="utf-8"))
    names = [f["name"] for f in RESOURCES["world_map"]["schema"]["fields"]]
    assert layer["type"] == "FeatureCollection" and len(layer["features"]) == 177
    for feature in layer["features"]:
        assert list(feature["properties"]) == names
        assert feature["geometry"]["type"] in {"Polygon", "MultiPolygon"}
    codes = [f["properties"]["iso3"] for f in layer["features"]]
    assert "-99" not in codes and len(set(codes)) == len(codes)
    assert {"FRA", "NOR", "XKX", "SOL", "CYN"} <= set(codes)


def test_sanctions_list_carries_no_personal_data() -> None:
    columns = [f["name"] for f in RESOURCES["sanctions_list"]["schema"]["fields"]]
    assert columns == [
        "reference_number",
        "entry_type",
        "un_list_type",
        "regime",
        "listed_on",
        "nationality_iso3",
        "n_nationalities",
    ]
    assert not [c for c in columns if PERSONAL.search(c)]
    for row in rows("sanctions_list"):  # every cell is a code, a date or a count
        assert re.fullmatch(r"[A-Z]{2}[ie]\.\d{3}", row["reference_number"]), row
        assert re.fullmatch(r"([A-Z]{3}(;[A-Z]{3})*)?", row["nationality_iso3"]), row
