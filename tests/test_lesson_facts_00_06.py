"""Facts that lessons 00-06, their exercises, their INSTRUCTORS.md rows and the data docs state.

Each test ties a sentence to the table it rests on, so that when a table grows or a
coding changes under the text, the test fails instead of the sentence drifting. Where
the course codes the data itself (resolution parts, support kinds), the tests also check
that the text says so and that comparisons stay within one coding.
"""

from __future__ import annotations

import json
import re
from functools import cache

import nbformat
import pandas as pd
import pytest

from ctcoop import load
from ctcoop.bank import l01_why_cooperate as bank01
from ctcoop.bank import l02_key_organisations as bank02
from ctcoop.paths import repo_root

ROOT = repo_root()
LESSONS = {
    "00": "00_start_here",
    "01": "01_why_cooperate",
    "02": "02_key_organisations",
    "03": "03_jurisdiction_sovereignty",
    "04": "04_interests_and_laws",
    "05": "05_intelligence_security",
    "06": "06_case_studies",
}
MALI = {11347, 14113}
PERMANENT = {"China", "France", "Russian Federation", "United Kingdom", "United States"}


def _explanation(bank, exercise_id: str) -> str:
    return next(e for e in bank.EXERCISES if e.id == exercise_id).explanation


@cache
def _cells(lesson: str, kind: str) -> tuple[str, ...]:
    """The sources of one lesson notebook's cells of one kind ("markdown" or "code")."""
    nb = nbformat.read(ROOT / "notebooks" / f"{LESSONS[lesson]}.ipynb", as_version=4)
    return tuple(c.source for c in nb.cells if c.cell_type == kind)


def _prose(lesson: str) -> str:
    """A lesson's markdown, with line breaks folded so that phrases can be searched."""
    return re.sub(r"\s+", " ", " ".join(_cells(lesson, "markdown")))


def _instructors_rows() -> str:
    """The INSTRUCTORS.md table rows of lessons 00-06."""
    text = (ROOT / "INSTRUCTORS.md").read_text(encoding="utf-8")
    return "\n".join(line for line in text.splitlines() if re.match(r"\| 0[0-6] ", line))


def _all_text_00_06() -> str:
    banks = []
    for name in (
        "l00_start",
        "l01_why_cooperate",
        "l02_key_organisations",
        "l03_jurisdiction_sovereignty",
        "l04_interests_and_laws",
        "l05_intelligence_security",
        "l06_case_studies",
    ):
        banks.append((ROOT / "src" / "ctcoop" / "bank" / f"{name}.py").read_text(encoding="utf-8"))
    prose = " ".join(_prose(lesson) for lesson in LESSONS)
    return re.sub(r'\s+|"\s+"', " ", " ".join([prose, _instructors_rows(), *banks]))


def _jihadist() -> pd.DataFrame:
    conflicts = load("ucdp_conflicts")
    return conflicts[conflicts["jihadist_actor"].fillna(False)]


# Lesson 01 ------------------------------------------------------------------------------


def test_conflict_337_has_other_opponents_exactly_in_the_years_the_text_names():
    rows = _jihadist()[_jihadist()["conflict_id"] == 337].set_index("year")
    mixed = sorted(rows.index[rows["side_b"] != "Al-Shabaab"])
    assert mixed == [2008, 2009, 2010]
    assert rows.loc[2011:, "side_b"].eq("Al-Shabaab").all()
    span = f"{mixed[0]}-{mixed[-1]}"
    for exercise_id in ("01.alshabaab-dismantled", "01.war-years-337", "01.helper-states"):
        assert span in _explanation(bank01, exercise_id), exercise_id
    assert f"Somalia's of {mixed[0]}–{mixed[-1]}" in _prose("01")


def test_iraqs_rows_name_several_groups_in_the_years_the_text_names():
    iraq = _jihadist()[_jihadist()["conflict_id"] == 259].set_index("year")
    assert iraq.loc[2004:2008, "side_b"].str.contains(",").all()
    assert "Iraq's rows of 2004–2008" in _prose("01")


def test_the_helper_count_rests_partly_on_the_mali_conflicts_and_the_explanation_says_so():
    secondary = load("ucdp_secondary_parties")
    helpers = secondary[secondary["side"] == "a"].merge(
        _jihadist()[["conflict_id", "year"]], on=["conflict_id", "year"]
    )
    only_mali = set(helpers["iso3"]) - set(helpers.loc[~helpers["conflict_id"].isin(MALI), "iso3"])
    assert len(only_mali) > 0
    explanation = _explanation(bank01, "01.helper-states")
    assert "MINUSMA" in explanation
    assert "large share of the world" not in explanation


# Lesson 02 ------------------------------------------------------------------------------


def test_three_evils_explanation_names_the_critics_the_lesson_cites():
    explanation = re.sub(r"\s+", " ", _explanation(bank02, "02.three-evils"))
    for critic in ("Human Rights in China, 2011", "FIDH, 2012", "Human Rights Committee"):
        assert critic in explanation
        assert critic.split(",")[0] in _prose("02")
    assert "question to discuss" not in explanation


def test_strategy_resolutions_are_nine_plus_one_that_is_not_a_review():
    strategy = load("ga_ct_strategy")
    assert (strategy["kind"] != "related").sum() == 9
    assert strategy.loc[strategy["kind"] == "related", "ga_resolution"].tolist() == ["71/291"]
    readme = re.sub(r"\s+", " ", (ROOT / "data" / "README.md").read_text(encoding="utf-8"))
    assert "count nine Strategy resolutions, not ten" in readme


def test_strategy_reviews_are_usually_not_always_two_years_apart():
    years = load("ga_ct_strategy").query("kind != 'related'").sort_values("year")["year"]
    gaps = years.diff().dropna()
    assert (gaps == 2).sum() > len(gaps) / 2
    assert (gaps != 2).any()
    readme = re.sub(r"\s+", " ", (ROOT / "data" / "README.md").read_text(encoding="utf-8"))
    assert "usually two years apart" in readme
    assert "eight biennial reviews" not in readme


# Lesson 03 ------------------------------------------------------------------------------


def _resolutions() -> pd.DataFrame:
    return load("unsc_resolutions")


def test_no_text_says_terrorism_resolutions_have_been_unanimous_since_2010():
    res = _resolutions()
    split_since_2010 = res[
        res["terrorism_related"] & res["unanimous"].eq(False) & (res["year"] >= 2010)
    ]
    assert len(split_since_2010) > 0  # so an unqualified "since 2010 ... unanimous" is false
    claims = re.findall(r"[Ss]ince 2010[^.?]*unanimous", _all_text_00_06())
    assert claims == []


def test_unanimity_from_2010_holds_only_in_the_part_that_ends_in_june_2022():
    res = _resolutions()
    dhl = res[(res["part"] == "dhl_1946_2022") & res["terrorism_related"]]
    assert dhl.loc[dhl["year"] >= 2010, "unanimous"].eq(True).all()
    recent = res[res["part"] == "compiled_terrorism_2022_2025"]
    abstained = recent[recent["abstain"] > 0]
    assert 0 < len(abstained) < len(recent)  # "several have drawn abstentions"
    assert {2734, 2799} <= set(abstained["res_no"])
    # The same keyword rule as 1946-2022 flags these two: the comparison uses one coding.
    topics = recent.set_index("res_no").loc[[2734, 2799], "topic"]
    assert topics.str.contains("terror", case=False).all()
    assert "2734 (2024) and 2799 (2025)" in _prose("03")


def test_permanent_members_abstained_after_2022_so_the_text_does_not_say_they_mostly_agreed():
    recent = _resolutions().query("part == 'compiled_terrorism_2022_2025' and abstain > 0")
    members = {m.strip() for cell in recent["abstaining_members"].dropna() for m in cell.split(";")}
    assert members & PERMANENT
    assert "mostly agreed" not in _all_text_00_06()
    assert "permanent members have abstained" in _prose("03")


# Lesson 04 ------------------------------------------------------------------------------


def test_fatf_has_more_than_one_lever_and_the_text_does_not_say_only():
    members = load("fatf_members")
    assert (members["status"] == "suspended").sum() >= 1  # suspension: a lever besides lists
    assert "only lever" not in _all_text_00_06()


# Lesson 06 ------------------------------------------------------------------------------


def _support() -> pd.DataFrame:
    return load("ucdp_external_support")


def test_the_esd_has_eleven_kinds_and_the_2011_table_keeps_the_unnamed_ones():
    kinds = [c for c in _support().columns if re.fullmatch(r"ext_\w_count", c)]
    assert len(kinds) == 11
    us = (
        _support()
        .query(
            "conflict_id == 418 and year == 2011 and "
            "actor == 'Government of United States of America'"
        )
        .iloc[0]
    )
    unnamed = sum(int(us[f"ext_{letter}_count"]) for letter in "ylou")
    assert unnamed > 0  # dropping them would hide supporters
    assert "The ESD codes eleven kinds" in _prose("06")
    assert any('for letter in "ylou"' in code for code in _cells("06", "code"))


def test_training_is_the_most_widespread_kind_for_somalias_government():
    govt = _support().query("actor == 'Government of Somalia' and opponent == 'Al-Shabaab'")
    totals = govt.filter(regex=r"^ext_\w_count$").sum()
    assert totals.idxmax() == "ext_t_count"
    assert "Training is the most widespread kind" in _prose("06")


def test_amisom_dates_match_resolution_1744_and_the_text_gives_them():
    row = _resolutions().set_index("res_no").loc[1744]
    assert row["adoption_date"] == pd.Timestamp("2007-02-20")
    prose = _prose("06")
    assert "resolution 1744 of 20 February 2007" in prose
    assert "fought from January 2007" not in prose


def test_madrid_has_the_2007_verdict_beside_the_council_and_ucdp():
    prose = _prose("06")
    assert "31 October 2007" in prose
    assert "no evidence that ETA had been involved" in prose
    assert "GICM, as an organisation" in prose


def test_somalia_resolutions_are_counted_per_part_never_across_codings():
    code = next(c for c in _cells("06", "code") if "on_somalia =" in c)
    assert 'groupby("part"' in code
    assert "len(on_somalia)" not in code


def test_the_largest_years_of_eu_one_sided_deaths_after_madrid_are_2015_and_2016():
    violence = load("ucdp_organized_violence")
    eu = load("memberships").query("body == 'EU'")["iso3"]
    deaths = violence[violence["iso3"].isin(eu) & (violence["year"] > 2004)]
    top = deaths.groupby("year")["os_nonstate_deaths_best"].sum().nlargest(2)
    assert set(top.index) == {2015, 2016}
    assert "(2015 and 2016 are the largest years after Madrid)" in _all_text_00_06()


def test_pakistan_is_a_us_supporter_in_every_year_of_the_esd():
    us = _support().query(
        "conflict_id == 418 and actor == 'Government of United States of America'"
    )
    assert us["supporter_iso3"].str.contains("PAK", na=False).all()


def test_in_most_kenyan_years_with_al_shabaab_another_dyad_shares_the_total():
    violence = load("ucdp_organized_violence")
    kenya = violence[
        (violence["iso3"] == "KEN") & violence["os_dyads"].str.contains("Al-Shabaab", na=False)
    ]
    assert (kenya["os_dyad_count"] > 1).mean() > 0.5


# Data docs ------------------------------------------------------------------------------

PACKAGE = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["name"]: r for r in PACKAGE["resources"]}
README = (ROOT / "data" / "README.md").read_text(encoding="utf-8")


def test_inferred_party_count_in_readme_and_package_matches_the_table():
    icsft = load("icsft_parties")
    un_parties = icsft[(icsft["party_status"] == "party") & icsft["un_member"].fillna(False)]
    inferred = (un_parties["status_confidence"] == "medium (inferred)").sum()
    phrase = f"{inferred} of the {len(un_parties)} UN"
    assert phrase in re.sub(r"\s+", " ", README)
    assert any(phrase in note for note in RESOURCES["icsft_parties"]["notes"])


@pytest.mark.parametrize(
    "name",
    [
        r"`(\w+)`(?: \(`\.geojson`\))? \| ([\d,]+) \|",  # the overview table
        r"^## `(\w+)`.*\n\n([\d,]+) rows",  # the sections that open with a row count
    ],
)
def test_readme_row_counts_match_the_package(name):
    found = re.findall(name, README, re.MULTILINE)
    assert found
    for table, count in found:
        assert RESOURCES[table]["rows"] == int(count.replace(",", "")), table


@pytest.mark.parametrize("table", ["internet_users", "mobile_subscriptions"])
def test_itu_definitions_are_in_the_package_notes_and_the_readme(table):
    assert any("last three months" in note for note in RESOURCES[table]["notes"])
    section = README.split(f"## `{table}`")[1].split("\n## ")[0]
    assert "last three months" in section


@pytest.mark.parametrize("table", ["internet_users", "mobile_subscriptions", "armed_forces"])
def test_licence_titles_do_not_credit_ucdp_for_other_producers(table):
    for licence in RESOURCES[table]["licenses"]:
        assert "(UCDP)" not in licence["title"]


def test_readme_has_no_stale_to_be_added_notes():
    assert "to be added" not in README
    assert "being written" not in README


def test_somalia_resolutions_show_the_coding_change_the_text_warns_of():
    res = _resolutions()
    somalia = res[res["topic"].str.contains("Somalia", case=False, na=False)]
    flagged = somalia.groupby("part", observed=True)["terrorism_related"].mean()
    assert flagged["dhl_1946_2022"] == 0
    assert flagged["compiled_terrorism_2022_2025"] == 1
    compiled = somalia[somalia["part"] == "compiled_terrorism_2022_2025"]
    assert compiled["terrorism_link"].str.contains("AU mission|Al-Shabaab").all()
    prose = _prose("06")
    assert "none of the Somalia resolutions to June 2022 is flagged, and every one" in prose
    assert "change in the course's coding" in prose


def test_gctf_launched_with_29_states_and_the_eu_then_kenya_and_kuwait_in_2023():
    gctf = load("memberships").query("body == 'GCTF'")
    founders = gctf[gctf["joined"].dt.year == 2011]
    assert len(founders[founders["member"] != "European Union"]) == 29
    assert "European Union" in set(founders["member"])
    later = gctf[gctf["joined"].dt.year > 2011]
    assert set(later["member"]) == {"Kenya", "Kuwait"}
    assert set(later["joined"].dt.year) == {2023}
    assert "29 states and the EU at its launch, Kenya and Kuwait since 2023" in _prose("02")


def test_somalia_has_had_foreign_troops_on_its_side_for_over_a_decade():
    secondary = load("ucdp_secondary_parties")
    years = sorted(set(secondary.query("conflict_id == 337 and side == 'a'")["year"]))
    latest = load("ucdp_conflicts")["year"].max()
    run = [y for y in years if y <= latest]
    consecutive = 0
    for year in range(latest, 0, -1):
        if year not in run:
            break
        consecutive += 1
    assert consecutive > 10
    assert "Somalia has had foreign troops on its side for over a decade" in _instructors_rows()


def test_most_listed_jurisdictions_are_not_fatf_members():
    listed = set(load("fatf_lists")["iso3"].dropna())
    members = set(load("fatf_members")["iso3"].dropna())
    assert len(listed - members) > len(listed) / 2
    assert "most listed jurisdictions are not members" in _instructors_rows()


def test_ucdps_madrid_count_equals_the_toll_reported_at_the_time():
    violence = load("ucdp_organized_violence")
    spain = violence.query("iso3 == 'ESP' and year == 2004").iloc[0]
    assert spain["os_deaths_best"] == 191  # the toll reported at the time (fact-check, claim 10)
    assert "GICM" in spain["os_dyads"]


def test_the_two_highest_years_of_battle_deaths_against_al_shabaab_are_the_last_two():
    battle = load("ucdp_battle_deaths")
    somalia = battle[(battle["conflict_id"] == 337) & battle["side_b"].str.contains("Al-Shabaab")]
    best = somalia.set_index("year")["bd_best"]
    assert set(best.nlargest(2).index) == set(sorted(best.index)[-2:])
    assert "the two highest years of battle deaths are the last two in the table" in _prose("06")


def test_al_shabaab_is_in_the_one_sided_dyads_of_somalia_and_kenya_every_year_to_the_end():
    violence = load("ucdp_organized_violence")
    latest = violence["year"].max()
    for iso3 in ("SOM", "KEN"):
        years = violence.query("iso3 == @iso3")
        named = years[years["os_dyads"].str.contains("Al-Shabaab", na=False)]["year"]
        assert named.max() == latest
        assert sorted(named) == list(range(named.min(), latest + 1)), iso3


def test_states_alongside_somalias_government_have_not_fallen():
    secondary = load("ucdp_secondary_parties")
    per_year = secondary.query("conflict_id == 337 and side == 'a'").groupby("year").size()
    assert per_year.is_monotonic_increasing
    assert per_year.loc[2012] == 8  # AMISOM's contributors appear from 2012
    assert per_year.loc[:2011].index.min() == 2006


def test_instructors_section_01_years_of_conflict_337():
    rows = _jihadist()[_jihadist()["conflict_id"] == 337]
    assert (rows["year"].min(), rows["year"].max()) == (2008, 2024)
    assert rows.loc[rows["intensity_level"] == 1, "year"].tolist() == [2013]
    text = re.sub(r"\s+", " ", (ROOT / "INSTRUCTORS.md").read_text(encoding="utf-8"))
    assert "every year from 2008 to 2024, at war intensity in all but 2013" in text
    assert "In 2008–2010 UCDP's side B also names ARS/UIC or Hizbul Islam" in text


def test_ucdp_lists_amisoms_contributors_only_from_2012():
    secondary = load("ucdp_secondary_parties").query("conflict_id == 337 and side == 'a'")
    first = secondary.groupby("iso3")["year"].min()
    assert first[["UGA", "BDI"]].eq(2012).all()  # AMISOM's first contingents (Uganda, Burundi)
    before = secondary[secondary["year"] < 2012]
    assert set(before["iso3"]) == {"ETH", "KEN"}
    assert before.loc[before["iso3"] == "KEN", "year"].tolist() == [2011]
    assert before.loc[before["iso3"] == "ETH", "year"].min() == 2006
    assert "UCDP lists AMISOM's contributors only from 2012" in re.sub(
        r'\s+|"\s+"', " ", _explanation(bank01, "01.helper-states")
    )
    assert "before that the table has Ethiopia (to 2011) and Kenya (2011)" in _prose("01")


def test_the_veto_table_has_one_terrorism_veto_as_lesson_03_says():
    vetoes = load("unsc_vetoes")
    terror = vetoes[vetoes["agenda_item"].str.contains("terror", case=False, na=False)]
    assert len(terror) == 1
    assert "the veto table has only the one terrorism veto printed above" in _prose("03")


def test_unanimity_comparisons_use_only_the_part_with_all_resolutions():
    from ctcoop.bank import l03_jurisdiction_sovereignty as bank03

    res = _resolutions()
    dhl = res[res["part"] == "dhl_1946_2022"]
    expected = bank03._unanimous_share()
    assert expected["all"] == pytest.approx(dhl["unanimous"].mean())
    mixed = res["unanimous"].astype("Float64").mean()
    assert mixed != pytest.approx(expected["all"])  # mixing the parts would change the answer
    assert any(
        'dhl = resolutions[resolutions["part"] == "dhl_1946_2022"]' in c
        for c in _cells("03", "code")
    )


def test_readme_counts_of_flagged_resolutions_per_decade_match_the_table():
    res = _resolutions()
    flagged = res[res["terrorism_related"]]
    per_decade = (flagged["year"] // 10 * 10).value_counts()
    text = re.sub(r"\s+", " ", README)
    listed = re.search(
        r"Flagged per decade: (.*?) \(of which (\d+) from the compiled list, "
        r"including (\d+) on Al-Shabaab sanctions and AU missions",
        text,
    )
    assert listed
    for decade, count in re.findall(r"(\d{4})s (\d+)", listed.group(1)):
        assert per_decade[int(decade)] == int(count), decade
    compiled = flagged[flagged["part"] == "compiled_terrorism_2022_2025"]
    assert len(compiled) == int(listed.group(2))
    somalia = compiled["terrorism_link"].str.contains("Al-Shabaab")
    assert somalia.sum() == int(listed.group(3))
    assert "Rule 3 is a coding change" in text
