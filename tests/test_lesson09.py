"""Lesson 09's assumptions, checked against the data and the sources they rest on.

- ``ctcoop.lessons.l08_legal_frameworks.resolution_kinds`` must group exactly as lesson 08's
  stored notebook did;
- the sanctions list's individual reference numbers must rise with the listing date
  (the lesson reads a missing number as an entry that left the list);
- the bank's computed answers must agree with the UN's own file, read independently.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from ctcoop import data
from ctcoop.bank import l09_emerging_threats as bank
from ctcoop.lessons.l08_legal_frameworks.resolution_kinds import (
    KINDS,
    OTHER,
    THEMATIC,
    terrorism_resolutions,
)
from ctcoop.paths import repo_root
from ctcoop.tools.build.sources import default_sources

SOURCES = Path(default_sources())
TIDY_LIST = SOURCES / "un" / "un_sc_consolidated_sanctions_list_2025-11-20_tidy.csv"
needs_sources = pytest.mark.skipif(not TIDY_LIST.is_file(), reason="source snapshots not present")


def _lesson_08_kind_counts() -> dict[str, int]:
    """The output lesson 08 stored for ``terror["kind"].value_counts()``."""
    notebook = json.loads((repo_root() / "notebooks" / "08_legal_frameworks.ipynb").read_text())
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code" and "".join(cell["source"]).endswith(
            'terror["kind"].value_counts()'
        ):
            text = "".join(cell["outputs"][0]["data"]["text/plain"])
            return {
                m[1].strip(): int(m[2])
                for m in re.finditer(r"^(.+?)\s+(\d+)$", text, re.M)
                if m[1].strip() != "kind"
            }
    raise AssertionError("lesson 08's kind cell not found")


def test_kinds_match_lesson_08() -> None:
    terror = terrorism_resolutions(data.load("unsc_resolutions"))
    counts = terror["kind"].value_counts().to_dict()
    assert counts == _lesson_08_kind_counts()
    assert set(counts) == {*KINDS, OTHER}


def test_a_longer_thematic_list_moves_resolutions_out_of_other() -> None:
    resolutions = data.load("unsc_resolutions")
    extended = {**THEMATIC, 2195: "organised crime", 2341: "critical infrastructure"}
    terror = terrorism_resolutions(resolutions, thematic=extended)
    kind = terror.set_index("res_no")["kind"]
    assert kind[2195] == kind[2341] == KINDS[0]
    assert 2195 not in set(terrorism_resolutions(resolutions)["res_no"])  # not flagged itself
    assert (kind == KINDS[0]).sum() == len(THEMATIC) + 2


def test_individual_reference_numbers_rise_with_listing_date() -> None:
    sanctions = data.load("sanctions_list")
    people = sanctions[
        (sanctions["regime"] == bank.ISIL_AQ) & (sanctions["entry_type"] == "individual")
    ].copy()
    people["number"] = people["reference_number"].str.extract(r"QDi\.(\d+)", expand=False)
    assert people["number"].notna().all()
    people = people.assign(number=people["number"].astype(int)).sort_values("number")
    assert people["number"].is_unique and people["number"].min() == 1
    backwards = (people["listed_on"].diff().dt.days < 0).sum()
    assert backwards <= 0.05 * len(people)


@needs_sources
def test_missing_numbers_agree_with_the_un_file() -> None:
    tidy = pd.read_csv(TIDY_LIST, dtype=str)
    people = tidy[(tidy["un_list_type"] == "Al-Qaida") & (tidy["entry_type"] == "individual")]
    numbers = people["reference_number"].str.removeprefix("QDi.").astype(int)
    assert bank.missing_individual_numbers() == numbers.max() - len(numbers)
    entities = tidy[(tidy["un_list_type"] == "Al-Qaida") & (tidy["entry_type"] == "entity")]
    per_year = entities.groupby(entities["listed_on"].str[:4].astype(int)).size()
    assert bank.entities_per_listing_year().to_dict() == per_year.to_dict()


def test_one_sided_actor_names_the_lesson_matches() -> None:
    """UCDP writes 'al-Qaida  - Civilians' with two spaces; the lesson's pattern allows it."""
    actors = data.load("ucdp_organized_violence")["os_dyads"].dropna().str.split("; ").explode()
    pattern = r"^(?:al-Qaida|IS|Al-Shabaab|AQAP|AQIM|JNIM)\s+- Civilians$"
    matched = set(actors[actors.str.match(pattern)])
    assert "al-Qaida  - Civilians" in matched
    assert {
        "IS - Civilians",
        "Al-Shabaab - Civilians",
        "AQIM - Civilians",
        "JNIM - Civilians",
    } <= matched
    lesson = (repo_root() / "notebooks" / "09_emerging_threats.ipynb").read_text()
    assert json.dumps(pattern)[1:-1] in lesson
