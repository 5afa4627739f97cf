"""Loaders return typed frames, fail clearly on damaged files, and the facts are right."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from ctcoop import data
from ctcoop.data import DataError
from ctcoop.paths import DATA_ENV, repo_root
from ctcoop.tools.build import TABLES

DATA = repo_root() / "data"
PANDAS_DTYPES = {
    "integer": "Int64",
    "number": "float64",
    "boolean": "boolean",
    "date": "datetime64[ns]",
}


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of data/ that the loaders read instead of the real one."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    monkeypatch.setenv(DATA_ENV, str(folder))
    data.clear_cache()
    yield folder
    data.clear_cache()


@pytest.mark.parametrize("name", list(data.catalogue()["name"]))
def test_loaders_return_declared_dtypes(name: str) -> None:
    frame = data.load(name)
    description = data.describe(name)
    assert list(frame.columns) == list(description["column"])
    for column, kind, allowed in description[["column", "type", "allowed_values"]].itertuples(
        index=False
    ):
        dtype = str(frame[column].dtype)
        if allowed:
            assert dtype == "category", (name, column)
        else:
            assert dtype == PANDAS_DTYPES.get(kind, "object"), (name, column, dtype)


def test_load_returns_a_copy() -> None:
    first = data.load("fatf_members")
    first.loc[0, "member"] = "changed"
    assert data.load("fatf_members").loc[0, "member"] != "changed"


def test_catalogue_lists_every_table_with_provenance() -> None:
    cat = data.catalogue()
    assert list(cat.columns) == ["name", "title", "rows", "source", "licence", "retrieved", "path"]
    assert list(cat["name"]) == list(TABLES) and cat["source"].str.len().gt(0).all()
    assert cat["retrieved"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()


def test_unknown_table_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="available"):
        data.load("no_such_table")


def test_world_map_loader() -> None:
    layer = data.load_world_map()
    assert layer["type"] == "FeatureCollection" and len(layer["features"]) == 177
    layer["features"].clear()
    assert len(data.load_world_map()["features"]) == 177


def test_missing_file_raises_data_error(data_copy: Path) -> None:
    (data_copy / "fatf_lists.csv").unlink()
    with pytest.raises(DataError, match=r"fatf_lists\.csv.*missing.*ctcoop\.tools\.build"):
        data.load("fatf_lists")


def test_corrupted_file_raises_data_error(data_copy: Path) -> None:
    path = data_copy / "memberships.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("INTERPOL", "INTERP0L"), encoding="utf-8"
    )
    with pytest.raises(DataError, match=r"memberships\.csv.*checksum.*git checkout"):
        data.load("memberships")


def test_missing_or_broken_package_raises_data_error(data_copy: Path) -> None:
    (data_copy / "datapackage.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError, match=r"datapackage\.json.*cannot be parsed"):
        data.catalogue()
    data.clear_cache()
    (data_copy / "datapackage.json").unlink()
    with pytest.raises(DataError, match=r"datapackage\.json.*missing"):
        data.load("memberships")


def _rewrite(folder: Path, file_name: str, content: bytes) -> None:
    """Replace a table and update its checksum and size, as a careless hand edit might."""
    package_path = folder / "datapackage.json"
    package = json.loads(package_path.read_text(encoding="utf-8"))
    (folder / file_name).write_bytes(content)
    for resource in package["resources"]:
        if resource["path"] == file_name:
            resource["hash"] = "sha256:" + hashlib.sha256(content).hexdigest()
            resource["bytes"] = len(content)
    package_path.write_text(json.dumps(package), encoding="utf-8")


def test_a_folder_where_a_table_should_be_raises_data_error(data_copy: Path) -> None:
    (data_copy / "fatf_lists.csv").unlink()
    (data_copy / "fatf_lists.csv").mkdir()
    with pytest.raises(DataError, match=r"fatf_lists\.csv cannot be read.*git checkout"):
        data.load("fatf_lists")


def test_data_folder_that_is_a_file_raises_data_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "data.txt").write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "data.txt"))
    data.clear_cache()
    with pytest.raises(DataError, match=rf"data\.txt \(set by \${DATA_ENV}\) is a file"):
        data.load("memberships")
    with pytest.raises(DataError, match="is a file"):
        data.catalogue()
    data.clear_cache()


def _drop_hash(package: dict) -> None:
    del package["resources"][0]["hash"]


def _rows_as_text(package: dict) -> None:
    package["resources"][0]["rows"] = "2666"


def _fields_not_a_list(package: dict) -> None:
    package["resources"][0]["schema"]["fields"] = {"name": "res_no"}


def _unknown_field_type(package: dict) -> None:
    package["resources"][0]["schema"]["fields"][0]["type"] = "int"


def _enum_not_a_list(package: dict) -> None:
    fields = package["resources"][2]["schema"]["fields"]
    next(f for f in fields if "constraints" in f)["constraints"]["enum"] = "a,b"


def _resources_not_a_list(package: dict) -> None:
    package["resources"] = {"unsc_resolutions": {}}


@pytest.mark.parametrize(
    "damage",
    [
        _drop_hash,
        _rows_as_text,
        _fields_not_a_list,
        _unknown_field_type,
        _enum_not_a_list,
        _resources_not_a_list,
    ],
)
def test_malformed_package_raises_data_error(data_copy: Path, damage) -> None:
    path = data_copy / "datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    damage(package)
    path.write_text(json.dumps(package), encoding="utf-8")
    with pytest.raises(DataError, match=r"datapackage\.json is malformed: .*git checkout"):
        data.load("memberships")


def test_table_cut_short_with_its_hash_updated_raises_data_error(data_copy: Path) -> None:
    lines = (data_copy / "memberships.csv").read_bytes().splitlines(keepends=True)
    _rewrite(data_copy, "memberships.csv", b"".join(lines[:-10]))
    with pytest.raises(
        DataError,
        match=rf"memberships\.csv has {len(lines) - 11} rows, but "
        rf"datapackage\.json declares {len(lines) - 1}",
    ):
        data.load("memberships")


def test_world_map_with_bad_json_raises_data_error(data_copy: Path) -> None:
    _rewrite(data_copy, "world_map.geojson", b'{"type": "FeatureCollection", "features": [')
    with pytest.raises(DataError, match=r"world_map\.geojson cannot be parsed as JSON"):
        data.load_world_map()
    data.clear_cache()
    _rewrite(data_copy, "world_map.geojson", b'{"type": "Feature"}')
    with pytest.raises(DataError, match=r"world_map\.geojson is not a GeoJSON FeatureCollection"):
        data.load_world_map()
    with pytest.raises(DataError, match="FeatureCollection"):
        data.load("world_map")


def test_world_map_cut_short_raises_data_error(data_copy: Path) -> None:
    layer = json.loads((data_copy / "world_map.geojson").read_bytes())
    layer["features"] = layer["features"][:-1]
    _rewrite(data_copy, "world_map.geojson", json.dumps(layer).encode())
    with pytest.raises(DataError, match=r"has 176 rows, but datapackage\.json declares 177"):
        data.load_world_map()


# --- facts checked against the sources by hand ------------------------------------------------


def resolution(number: int) -> pd.Series:
    res = data.load("unsc_resolutions")
    return res.set_index("res_no").loc[number]


def test_resolution_1373() -> None:
    row = resolution(1373)
    assert row["adoption_date"] == pd.Timestamp("2001-09-28")
    assert (row["yes"], row["no"], row["abstain"]) == (15, 0, 0)
    assert row["unanimous"] and row["terrorism_related"]
    assert row["meeting_record"] == "S/PV.4385"


@pytest.mark.parametrize("number", [1267, 1373, 1566, 2178, 2396, 2462])
def test_landmark_resolutions_are_terrorism_related(number: int) -> None:
    assert resolution(number)["terrorism_related"]


def test_terrorism_rule_details() -> None:
    assert resolution(1267)["terrorism_rule"].startswith("listed: 1267")
    assert resolution(2178)["terrorism_rule"] == "topic mentions terror"
    assert resolution(1333)["adoption_date"] == pd.Timestamp("2000-12-19")
    assert (resolution(1333)["yes"], resolution(1333)["abstain"]) == (13, 2)
    assert not resolution(82)["terrorism_related"]  # Korea, 1950
    res = data.load("unsc_resolutions")
    compiled = res[res["part"] == "compiled_terrorism_2022_2025"]
    assert len(compiled) == 26 and compiled["terrorism_related"].all()
    assert res["res_no"].is_unique and res["res_no"].max() == 2810


def test_resolution_2664_abstention() -> None:
    row = resolution(2664)
    assert (row["yes"], row["no"], row["abstain"]) == (14, 0, 1)
    assert row["abstaining_members"] == "India" and not row["unanimous"]


def test_veto_counts() -> None:
    vetoes = data.load("unsc_vetoes")
    members = vetoes["vetoed_by"].str.split(";").explode().value_counts()
    assert members["USSR"] == 90 and members["United States"] == 82
    assert members["Russian Federation"] == 30 and members["United Kingdom"] == 29
    assert members["France"] == 17 and members["China"] == 17
    assert vetoes["veto_russia_ussr"].sum() == 120 and len(vetoes) == 213


def test_failed_drafts() -> None:
    drafts = data.load("unsc_failed_drafts")
    assert drafts["outcome"].value_counts().to_dict() == {"vetoed": 196, "not adopted": 89}


def test_sanctions_list_counts() -> None:
    sanctions = data.load("sanctions_list")
    assert len(sanctions) == 1000
    assert (sanctions["regime"] == "ISIL (Da'esh) & Al-Qaida").sum() == 341
    assert sanctions["entry_type"].value_counts().to_dict() == {"individual": 727, "entity": 273}
    by_ref = sanctions.set_index("reference_number")
    assert by_ref.loc["QDe.004", "listed_on"] == pd.Timestamp("2001-10-06")
    assert by_ref.loc["QDi.421", "listed_on"] == pd.Timestamp("2019-02-28")
    assert by_ref.loc["TAi.173", "listed_on"] == pd.Timestamp("2015-03-27")
    isil = sanctions[sanctions["un_list_type"] == "Al-Qaida"]
    top = isil["nationality_iso3"].str.split(";").explode().value_counts()
    assert top["IDN"] == 24 and top["TUN"] == 22


def test_interpol_has_196_members_with_constitution_caveat() -> None:
    members = data.load("memberships")
    interpol = members[members["body"] == "INTERPOL"]
    assert len(interpol) == 196
    early = interpol[interpol["date_precision"] == "on_or_before"]
    assert len(early) == 50 and early["joined_year"].isna().all()
    assert early["note"].str.contains("constitution date, not accession").all()
    assert {"PRK", "TUV"}.isdisjoint(interpol["iso3"])


def test_membership_facts() -> None:
    members = data.load("memberships").set_index(["body", "member"])
    assert members.loc[("FATF", "Indonesia"), "joined"] == pd.Timestamp("2023-10-27")
    assert members.loc[("FATF", "Russian Federation"), "status"] == "suspended"
    assert members.loc[("SCO", "Iran"), "joined"] == pd.Timestamp("2023-07-04")
    assert members.loc[("SCO", "Mongolia"), "status"] == "observer"
    assert members.loc[("EU", "Croatia"), "joined"] == pd.Timestamp("2013-07-01")
    assert members.loc[("GCTF", "European Union"), "member_type"] == "organisation"
    partial = members[members["coverage"] == "partial"].index.get_level_values("body")
    assert set(partial) == {"Global Coalition"}
    counts = members.groupby(level="body", observed=True).size().to_dict()
    assert counts == {
        "UN": 193,
        "INTERPOL": 196,
        "SCO": 26,
        "EU": 27,
        "GCTF": 32,
        "FATF": 40,
        "Global Coalition": 82,
    }


def test_pakistan_grey_list_spell() -> None:
    changes = data.load("fatf_list_changes")
    pak = changes[
        (changes["iso3"] == "PAK")
        & (changes["list"] == "grey")
        & changes["gap_in_between"].eq(False)
    ]
    dates = dict(zip(pak["change"], pak["plenary_date"], strict=False))
    lists = data.load("fatf_lists")
    on = lists[(lists["iso3"] == "PAK") & (lists["list"] == "grey")]["plenary_date"]
    assert pd.Timestamp("2018-06-29") in set(on) and pd.Timestamp("2022-10-21") not in set(on)
    assert pd.Timestamp("2022-06-17") in set(on)
    assert dates.get("added") == pd.Timestamp("2018-06-29")
    assert dates.get("removed") == pd.Timestamp("2022-10-21")


def test_fatf_list_counts_2025() -> None:
    lists = data.load("fatf_lists")
    grey = lists[lists["list"] == "grey"].groupby("plenary_date").size()
    assert [
        grey[pd.Timestamp(d)] for d in ("2025-02-21", "2025-06-13", "2025-10-24", "2026-02-13")
    ] == [25, 24, 20, 22]
    black = lists[(lists["list"] == "black") & (lists["plenary_date"].dt.year == 2025)]
    assert set(black["iso3"]) == {"PRK", "IRN", "MMR"}


def test_fsrb_member_counts() -> None:
    fsrb = data.load("fsrb_members")
    counted = fsrb[fsrb["membership_type"] != "fatf_member_delegation"]
    assert counted.groupby("body", observed=True).size().to_dict() == {
        "APG": 42,
        "CFATF": 25,
        "EAG": 9,
        "ESAAMLG": 21,
        "GABAC": 7,
        "GAFILAT": 18,
        "GIABA": 17,
        "MENAFATF": 21,
        "MONEYVAL": 33,
    }


def test_conflict_337_is_a_war_2014_to_2024() -> None:
    acd = data.load("ucdp_conflicts")
    somalia = acd[(acd["conflict_id"] == 337) & acd["year"].between(2014, 2024)]
    assert len(somalia) == 11 and (somalia["intensity_level"] == 2).all()
    assert somalia["jihadist_actor"].all() and (somalia["iso3_loc"] == "SOM").all()


def test_secondary_parties() -> None:
    parties = data.load("ucdp_secondary_parties")
    somalia_2020 = parties[
        (parties["conflict_id"] == 337) & (parties["year"] == 2020) & (parties["side"] == "a")
    ]
    assert set(somalia_2020["iso3"]) == {
        "BDI",
        "DJI",
        "ETH",
        "GHA",
        "KEN",
        "NGA",
        "SLE",
        "UGA",
        "USA",
        "ZMB",
    }
    us_alqaida = parties[(parties["conflict_id"] == 418) & (parties["side"] == "a")]
    assert "PAK" in set(us_alqaida[us_alqaida["year"] == 2010]["iso3"])
    acd = data.load("ucdp_conflicts")
    assert len(acd) == 2751 and acd["year"].between(1946, 2024).all()
    assert acd.groupby("year").size().loc[2024] == 61


def test_instruments_and_icsft() -> None:
    inst = data.load("ct_instruments").set_index("no")
    icsft = inst.loc[12]
    assert icsft["adopted"] == pd.Timestamp("1999-12-09")
    assert icsft["entry_into_force"] == pd.Timestamp("2002-04-10")
    assert icsft["years_to_entry_into_force"] == pytest.approx(2.3, abs=0.05)
    assert len(inst) == 19 and inst["parties_reported"].isna().sum() == 5
    parties = data.load("icsft_parties")
    assert parties["party_status"].value_counts().to_dict() == {
        "party": 190,
        "not_party": 6,
        "not_determined": 1,
    }
    assert set(parties.loc[parties["party_status"] == "not_party", "iso3"]) == {
        "BDI",
        "TCD",
        "ERI",
        "IRN",
        "SOM",
        "TUV",
    }


def test_world_map_fixes() -> None:
    props = data.load("world_map").set_index("name")
    assert props.loc["France", "iso3"] == "FRA" and props.loc["Norway", "iso3"] == "NOR"
    assert props.loc["Kosovo", "iso3"] == "XKX" and props.loc["Somaliland", "iso3"] == "SOL"
