"""Facts that the text of lessons 03-05 and their exercises states, checked against the data.

A sentence such as "clearance alone stops A4 reading R6" is only true while the
tables say so; these tests fail when a table changes under the text.
"""

from __future__ import annotations

import pytest

from ctcoop import load
from ctcoop.bank import l05_intelligence_security as bank05
from ctcoop.lessons.l05_intelligence_security.security import CLASSIFICATION_LEVELS, access_tables


def _failed_rules(report_id: str, analyst_id: str) -> set[str]:
    tables = access_tables()
    report = tables["reports"].set_index("report_id").loc[report_id]
    analyst = tables["analysts"].set_index("analyst_id").loc[analyst_id]
    releasable = tables["releasability"].query("report_id == @report_id")["releasable_to"]
    failed = set()
    levels = CLASSIFICATION_LEVELS
    if levels[analyst["clearance"]] < levels[report["classification"]]:
        failed.add("clearance")
    if analyst["nationality"] not in set(releasable):
        failed.add("releasability")
    if analyst["desk"] != report["topic"]:
        failed.add("need-to-know")
    return failed


@pytest.mark.parametrize(
    ("report_id", "analyst_id", "rule"),
    [
        ("R6", "A4", "clearance"),
        ("R2", "A8", "releasability"),
        ("R6", "A8", "releasability"),
        ("R1", "A2", "need-to-know"),
    ],
)
def test_each_access_control_example_fails_exactly_the_rule_it_names(report_id, analyst_id, rule):
    assert _failed_rules(report_id, analyst_id) == {rule}
    explanation = next(e for e in bank05.EXERCISES if e.id == "05.access-control").explanation
    assert f"{rule} alone stops {analyst_id}" in explanation


def test_every_individual_on_the_sanctions_table_has_a_distinct_reference_number():
    sanctions = load("sanctions_list")
    individuals = sanctions[sanctions["entry_type"] == "individual"]
    assert len(individuals) == 727
    assert individuals["reference_number"].is_unique
    assert individuals["reference_number"].str.fullmatch(r"[A-Z]{2}i\.\d{3}").all()


def test_iran_and_the_dprk_are_the_listed_jurisdictions_outside_every_fatf_body():
    listed = set(load("fatf_lists")["iso3"])
    network = set(load("fsrb_members")["iso3"].dropna())
    network |= set(load("fatf_members")["iso3"].dropna())
    assert listed - network == {"IRN", "PRK"}


def test_fatf_suspended_the_russian_federation():
    members = load("fatf_members").set_index("iso3")
    assert members.loc["RUS", "status"] == "suspended"
    assert (members["status"] == "suspended").sum() == 1


def test_resolutions_1372_and_1506_are_flagged_with_their_sanctions_regimes():
    resolutions = load("unsc_resolutions").set_index("res_no")
    for number, regime in [(1372, "Sudan"), (1506, "Libya")]:
        row = resolutions.loc[number]
        assert row["terrorism_related"]
        assert row["terrorism_rule"].startswith(f"listed: {regime} sanctions")
        assert not row["unanimous"]
