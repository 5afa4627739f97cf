"""The committed tables are exactly what the build code makes from the source snapshots."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from ctcoop.paths import repo_root
from ctcoop.tools.build import TABLES
from ctcoop.tools.build.__main__ import main
from ctcoop.tools.build.package import datapackage, render
from ctcoop.tools.build.sources import default_sources
from ctcoop.tools.build.un import build_sanctions_list

DATA = repo_root() / "data"
SOURCES = Path(default_sources())
needs_sources = pytest.mark.skipif(
    not SOURCES.is_dir(),
    reason=f"source snapshots not present at {SOURCES} "
    "(set CTCOOP_SOURCES to run the rebuild checks)",
)


@pytest.fixture(scope="module")
def built() -> dict[str, str]:
    return {name: render(table, table.build(SOURCES)) for name, table in TABLES.items()}


@needs_sources
@pytest.mark.parametrize("name", list(TABLES))
def test_committed_table_equals_fresh_build(name: str, built: dict[str, str]) -> None:
    committed = (DATA / TABLES[name].path).read_text(encoding="utf-8")
    stale = f"data/{TABLES[name].path} is stale: run python -m ctcoop.tools.build"
    assert committed == built[name], stale


@needs_sources
def test_committed_datapackage_equals_fresh_build() -> None:
    fresh = datapackage(list(TABLES.values()), DATA)
    assert (DATA / "datapackage.json").read_text(encoding="utf-8") == fresh


@needs_sources
def test_cli_builds_deterministically(tmp_path: Path) -> None:
    args = ["--sources", str(SOURCES), "--only", "fatf_members", "world_map"]
    assert main([*args, "--out", str(tmp_path / "a")]) == 0
    assert main([*args, "--out", str(tmp_path / "b")]) == 0
    for file in ("fatf_members.csv", "world_map.geojson", "datapackage.json"):
        first = (tmp_path / "a" / file).read_bytes()
        assert first == (tmp_path / "b" / file).read_bytes()
        assert b"\r\n" not in first
    package = json.loads((tmp_path / "a" / "datapackage.json").read_text())
    assert [r["name"] for r in package["resources"]] == ["fatf_members", "world_map"]


@needs_sources
def test_cli_accepts_a_base_url(tmp_path: Path) -> None:
    url = SOURCES.resolve().as_uri()
    assert (
        main(
            [
                "--sources",
                url,
                "--only",
                "fatf_members",
                "--out",
                str(tmp_path),
                "--cache",
                str(tmp_path / "cache"),
            ]
        )
        == 0
    )
    assert (tmp_path / "cache" / "orgs" / "fatf_members.csv").exists()
    assert (tmp_path / "fatf_members.csv").read_bytes() == (DATA / "fatf_members.csv").read_bytes()


def test_cli_reports_missing_sources(tmp_path: Path) -> None:
    assert (
        main(["--sources", str(tmp_path), "--only", "fatf_members", "--out", str(tmp_path / "out")])
        == 1
    )


@needs_sources
def test_sanctions_xml_agrees_with_the_tidy_copy() -> None:
    tidy = pd.read_csv(
        SOURCES / "un" / "un_sc_consolidated_sanctions_list_2025-11-20_tidy.csv",
        dtype=str,
        keep_default_na=False,
    ).set_index("reference_number")
    ours = build_sanctions_list(SOURCES).set_index("reference_number")
    assert sorted(ours.index) == sorted(tidy.index)
    assert (ours["entry_type"] == tidy.loc[ours.index, "entry_type"]).all()
    assert (ours["un_list_type"] == tidy.loc[ours.index, "un_list_type"]).all()
    assert (ours["listed_on"] == tidy.loc[ours.index, "listed_on"].str[:10]).all()
    stated = tidy.loc[ours.index, "nationality"].map(
        lambda s: len([v for v in s.split(";") if v.strip() not in ("", "na")])
    )
    assert (ours["n_nationalities"] == stated).all()


@needs_sources
def test_jihadist_flag_reproduces_the_selected_actors_subset() -> None:
    subset = pd.read_csv(SOURCES / "events" / "ucdp_prio_acd_v25_1_selected_actors.csv")
    conflicts = TABLES["ucdp_conflicts"].build(SOURCES)
    flagged = conflicts[conflicts["jihadist_actor"].astype(bool)]
    assert set(zip(flagged.conflict_id, flagged.year, strict=True)) == set(
        zip(subset.conflict_id, subset.year, strict=True)
    )


@needs_sources
def test_official_mode_unzips_the_publishers_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    from ctcoop.tools.build import sources

    acd = "events/ucdp_prio_acd_v25_1.csv"
    archive = tmp_path / "ucdp.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(SOURCES / acd, "UcdpPrioConflict_v25_1.csv")
    monkeypatch.setitem(sources.OFFICIAL, acd, archive.as_uri())
    folder = sources.resolve(
        str(SOURCES), [acd, "orgs/un_member_states.csv"], tmp_path / "cache", official=True
    )
    assert (folder / acd).read_bytes() == (SOURCES / acd).read_bytes()
    assert (folder / "orgs/un_member_states.csv").exists()


@needs_sources
def test_each_table_says_when_its_inputs_were_retrieved() -> None:
    """A table's ``retrieved`` date is the newest its inputs' PROVENANCE.md files give them."""
    for table in TABLES.values():
        dates = []
        for name in table.inputs:
            provenance = (SOURCES / name).parent / "PROVENANCE.md"
            if not provenance.exists():  # a notes file (factcheck.md) dates itself
                text = (SOURCES / name).read_text(encoding="utf-8")
                found = re.findall(r"(?m)^\*\*Checked:\*\* (\d{4}-\d{2}-\d{2})", text)
                assert found, (table.name, name)
                dates.append(found[0])
                continue
            text = provenance.read_text(encoding="utf-8")
            file = Path(name).name
            before = text[: text.index(file)] if file in text else text
            found = re.findall(r"(?i)retriev\w*(?: date)?[^0-9\n]{0,60}(\d{4}-\d{2}-\d{2})", before)
            assert found, (table.name, name)
            dates.append(found[-1])
        if dates:
            assert table.retrieved == max(dates), (table.name, dates)
