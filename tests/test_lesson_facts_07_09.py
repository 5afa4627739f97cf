"""Facts stated by lessons 07-09, their exercises and INSTRUCTORS.md, held against the data.

Each test names the sentence it holds. When a table grows or changes under the
text, the test fails instead of the sentence drifting. Where the course codes
data itself (the kinds and themes of Security Council resolutions), the tests
also check that a comparison across periods uses one coding (issue 18).
"""

from __future__ import annotations

import json
import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from ctcoop import bank, load, load_world_map
from ctcoop.bank import l07_technology as bank07
from ctcoop.lessons.l07_technology import hashing
from ctcoop.lessons.l08_legal_frameworks import figures as figures08
from ctcoop.lessons.l08_legal_frameworks.resolution_kinds import (
    KINDS,
    LATER_KIND,
    OTHER,
    terrorism_resolutions,
)
from ctcoop.paths import repo_root

ROOT = repo_root()


def _text(name: str, folder: str = "notebooks") -> str:
    """All cell sources of a stored notebook, joined (prose and code, no outputs)."""
    notebook = json.loads((ROOT / folder / name).read_text(encoding="utf-8"))
    return "\n".join("".join(cell["source"]) for cell in notebook["cells"])


def _outputs(name: str) -> str:
    """Every stored output text of a notebook (captions are in text/html)."""
    notebook = json.loads((ROOT / "notebooks" / name).read_text(encoding="utf-8"))
    texts = []
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            texts.append("".join(output.get("text", "")))
            for value in output.get("data", {}).values():
                texts.append("".join(value) if isinstance(value, list) else str(value))
    return "\n".join(texts)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


L07, L08, L09 = "07_technology.ipynb", "08_legal_frameworks.ipynb", "09_emerging_threats.ipynb"


# ---------------------------------------------------------------- lesson 07


@pytest.fixture(scope="module")
def groups07() -> dict[str, set[str]]:
    conflicts = load("ucdp_conflicts")
    members = load("fatf_members")
    return {
        "fighting": set(conflicts.loc[conflicts["jihadist_actor"], "iso3_loc"].dropna()),
        "fatf": set(members.loc[members["member_type"] == "jurisdiction", "iso3"]),
    }


def _panel_medians(table: pd.DataFrame, column: str, last: int, states: set[str]) -> pd.Series:
    """Median per year over the states with a value in every year 2000..last (section 4)."""
    window = table[table["year"].between(2000, last)]
    wide = window.pivot(index="year", columns="iso3", values=column).dropna(axis=1)
    return wide[wide.columns.intersection(sorted(states))].median(axis=1)


def test_07_states_the_itu_definitions_of_both_indicators() -> None:
    text = _squash(_text(L07))
    assert text.count("in the last three months") >= 2
    assert "used the internet, from any place and on any device" in text
    assert "prepaid accounts that were **used in the last three months**" in text


def test_07_fatf_members_near_the_top_and_the_least_connected(groups07) -> None:
    """ "FATF's members are near the top: most of them have four in five ... online or more";
    the governments facing these groups "include some of the least connected"."""
    internet = load("internet_users")
    share = internet[internet["year"] == bank07.YEAR].set_index("iso3")["internet_users_pct"]
    fatf = share.reindex(sorted(groups07["fatf"])).dropna()
    assert (fatf >= 80).mean() > 0.5
    fighting = share.reindex(sorted(groups07["fighting"])).dropna()
    ranks = share.rank(pct=True)
    assert ranks[fighting.idxmin()] <= 0.05


def test_07_mali_lists_are_long_in_the_mission_years(groups07) -> None:
    """ "UCDP lists dozens of states a year while the UN mission was in the country (2013-2023)"."""
    conflicts = load("ucdp_conflicts")
    secondary = load("ucdp_secondary_parties")
    mali = conflicts[conflicts["jihadist_actor"] & (conflicts["iso3_loc"] == "MLI")]
    helpers = secondary[secondary["side"] == "a"].merge(mali[["conflict_id", "year"]])
    per_year = helpers.groupby("year")["iso3"].nunique()
    assert per_year.loc[2013:2023].min() >= 24
    assert per_year.loc[2024:].max() < 10
    text = _squash(_text(L07))
    assert "UCDP lists many states that also contributed to the UN mission" not in text
    assert "UCDP lists dozens of states a year while the UN mission was in the country" in text


def test_07_the_gap_ratio_fell_every_year_and_the_difference_peaked_inside(groups07) -> None:
    """Section 4: the ratio fell every year; the difference widened, then narrowed;
    the mobile difference narrowed more."""
    internet, mobile = load("internet_users"), load("mobile_subscriptions")
    high = _panel_medians(internet, "internet_users_pct", bank07.YEAR, groups07["fatf"])
    low = _panel_medians(internet, "internet_users_pct", bank07.YEAR, groups07["fighting"])
    ratio, difference = high / low, high - low
    assert ratio.is_monotonic_decreasing
    peak = difference.idxmax()
    assert difference.index[0] < peak < difference.index[-1]
    assert difference.iloc[-1] < difference.max()
    mobile_gap = _panel_medians(
        mobile, "mobile_subscriptions_per_100", 2020, groups07["fatf"]
    ) - _panel_medians(mobile, "mobile_subscriptions_per_100", 2020, groups07["fighting"])
    internet_fall = 1 - difference.iloc[-1] / difference.max()
    mobile_fall = 1 - mobile_gap.iloc[-1] / mobile_gap.max()
    assert mobile_fall > internet_fall


def test_07_many_countries_exceed_100_subscriptions_per_100() -> None:
    mobile = load("mobile_subscriptions")
    in_2020 = mobile[mobile["year"] == 2020]
    assert (in_2020["mobile_subscriptions_per_100"] > 100).sum() >= 50


def test_07_hashing_docstring_describes_dhash_the_right_way_round() -> None:
    """dhash sets a bit where the right-hand pixel is brighter than its left neighbour."""
    doc = _squash(hashing.__doc__ or "")
    assert "brighter than its right neighbour" not in doc
    assert "a bit is 1 where the right-hand pixel is the brighter of the two" in doc
    y, x = np.mgrid[0:72, 0:81]
    rising = hashing.to_image(x * 3)  # brighter to the right: every comparison is 1
    assert hashing.perceptual_hash(rising) == "f" * 16
    assert hashing.perceptual_hash(hashing.to_image(240 - x * 3)) == "0" * 16


# ---------------------------------------------------------------- lesson 08


@pytest.fixture(scope="module")
def terror() -> pd.DataFrame:
    return terrorism_resolutions(load("unsc_resolutions"))


def _by_period(terror: pd.DataFrame) -> pd.DataFrame:
    start = terror["year"] // 5 * 5
    period = start.astype(str) + "-" + (start + 4).astype(str)
    counts = terror.groupby([period, "kind"]).size().unstack(fill_value=0)
    periods = [f"{y}-{y + 4}" for y in range(terror["year"].min() // 5 * 5, 2030, 5)]
    return counts.reindex(periods, fill_value=0)[[*KINDS, OTHER]]


def test_08_the_later_kind_comes_only_from_the_compiled_part(terror) -> None:
    """The lesson: this kind "exists only from July 2022" (a change of coding)."""
    later = terror[terror["kind"] == LATER_KIND]
    assert len(later) > 0
    assert set(later["part"]) == {"compiled_terrorism_2022_2025"}
    assert later["adoption_date"].min() >= pd.Timestamp("2022-07-01")


def test_08_periods_compared_under_one_coding(terror) -> None:
    """Under one coding 2020-2024 is no busier than 2015-2019; the busiest began in 2000."""
    counts = _by_period(terror)
    mixed = counts.sum(axis=1)
    one_coding = mixed - counts[LATER_KIND]
    assert mixed.idxmax() == "2020-2024"  # the artefact the old caption reported
    assert one_coding["2020-2024"] <= one_coding["2015-2019"]
    assert one_coding.idxmax() == "2000-2004"


def test_08_caption_compares_periods_without_the_later_kind(terror, monkeypatch) -> None:
    captions: list[str] = []
    monkeypatch.setattr(figures08, "show", lambda fig, caption: captions.append(caption))
    figures08.resolutions_by_kind(_by_period(terror))
    plt.close("all")
    (caption,) = captions
    assert "The busiest period is 2020-2024" not in caption
    assert f"The kind '{LATER_KIND}' is counted only from July 2022" in caption
    assert "the busiest period is 2000-2004" in caption


def test_08_stored_lesson_reports_one_coding() -> None:
    shown = _outputs(L08)
    assert "The busiest period is 2020-2024" not in shown
    assert "Busiest period under one coding: 2000-2004" in shown


def test_08_most_council_work_is_not_thematic(terror) -> None:
    """ "most of the Council's terrorism work is something else"."""
    assert (terror["kind"] == KINDS[0]).mean() < 0.5
    assert terror.loc[terror["kind"] == KINDS[0], "unanimous"].all()


def test_08_strategy_reviews_usually_every_two_years() -> None:
    strategy = load("ga_ct_strategy")
    reviews = strategy[strategy["kind"] != "related"].sort_values("adoption_date")
    assert (reviews["kind"] == "review").sum() == 8  # "reviewed eight times"
    assert reviews["adopted_without_vote"].all()  # "records every one as adopted without a vote"
    assert strategy.loc[strategy["kind"] == "related", "ga_resolution"].tolist() == ["71/291"]
    gaps = reviews["adoption_date"].diff().dt.days.dropna() / 365.25
    assert gaps.median() == pytest.approx(2, abs=0.25)
    assert gaps.max() > 2.5  # hence "usually"
    assert "10 of 10 resolutions adopted without a vote" not in _outputs(L08)
    assert "9 of 9 Strategy resolutions (the adoption and its reviews); also 71/291" in _outputs(
        L08
    )
    text = _squash(_text(L08))
    assert "reviews the Strategy every two years" not in text
    assert "usually every two years" in text


def test_08_eu_acts_enter_into_force_even_where_the_table_is_empty() -> None:
    regional = load("regional_ct_frameworks")
    assert regional["entry_into_force"].isna().sum() == 6  # INSTRUCTORS: "six instruments"
    eu = regional[regional["kind"] == "EU law"]
    assert len(eu) == 2 and eu["entry_into_force"].isna().all()
    text = _squash(_text(L08))
    assert "which is why they have no entry into force" not in text
    assert "they do enter into force" in text


def test_08_treaty_sentences() -> None:
    treaties = load("treaty_participation")
    parties = treaties[treaties["status"] != "signatory"]
    # "All are states that emerged from Czechoslovakia and Yugoslavia."
    successors = {"CZE", "SVK", "SVN", "HRV", "BIH", "MKD", "SRB", "MNE"}
    assert set(parties.loc[parties["consent"] == "succession", "iso3"]) <= successors
    # "The Nuclear Terrorism Convention has by far the most signatories that had not become bound."
    signatories = (
        treaties[treaties["status"] == "signatory"].groupby("convention", observed=True).size()
    )
    assert signatories.idxmax() == "nuclear_2005"
    assert signatories.max() >= 2 * signatories.drop("nuclear_2005").max()
    # "Accession is the commonest road to the three older conventions."
    roads = pd.crosstab(parties["convention"], parties["consent"])
    for convention in ("protected_persons_1973", "hostages_1979", "bombings_1997"):
        assert roads.loc[convention].idxmax() == "accession", convention
    # "The Financing Convention is the most widely joined of the five."
    assert parties.groupby("convention", observed=True).size().idxmax() == "financing_1999"


def test_08_joins_rose_after_1373_for_every_older_convention() -> None:
    treaties = load("treaty_participation").dropna(subset=["bound"])
    adopted = pd.Timestamp("2001-09-28")
    year = pd.DateOffset(years=1)
    before = treaties[treaties["bound"].between(adopted - year, adopted, inclusive="left")]
    after = treaties[treaties["bound"].between(adopted, adopted + year, inclusive="left")]
    for convention in ("protected_persons_1973", "hostages_1979", "bombings_1997"):
        assert (after["convention"] == convention).sum() > (
            before["convention"] == convention
        ).sum(), convention


# ---------------------------------------------------------------- lesson 09

THEMES_ORDER = {
    "obligations": 1373,
    "wmd": 1540,
    "incite": 1624,
    "ftf": 2178,
    "judicial": 2322,
    "infra": 2341,
    "financing": 2462,
}


def test_09_themes_order_is_the_order_of_adoption_in_the_data() -> None:
    exercise = bank.get("09.themes-order")
    assert set(exercise.items) == set(THEMES_ORDER)
    dates = load("unsc_resolutions").set_index("res_no")["adoption_date"]
    by_date = sorted(THEMES_ORDER, key=lambda item: dates[THEMES_ORDER[item]])
    assert exercise.check(by_date).solved
    assert "first took" not in exercise.prompt
    assert "adopted" in exercise.prompt
    assert "financing" in exercise.items["obligations"]  # 1373 already covered it


def test_09_financing_first_appears_in_2014_only_because_of_the_coding() -> None:
    """The lesson's list files 1373 under obligations; its "financing" starts with 2133."""
    text = _squash(_text(L09))
    assert "Themes first taken up" not in text
    assert "paragraph 1(a)–(d)" in text
    themes = re.search(r"THEMES = \{(.*?)\n\}", _text(L09), re.S)
    assert themes is not None
    pairs = dict(re.findall(r"(\d{4}): \"([^\"]+)\"", themes[1]))
    assert pairs["1373"] == "obligations and monitoring"
    financing = sorted(int(n) for n, theme in pairs.items() if theme == "financing")
    years = load("unsc_resolutions").set_index("res_no")["year"]
    assert years[financing[0]] == 2014 and financing[-1] == 2462


def test_09_one_sided_threshold_is_per_actor_across_countries() -> None:
    text = _squash(_text(L09))
    assert "(25 deaths in the year) in that country" not in text
    assert "counted **across all countries**" in text
    # "So an actor can appear in a country where it killed fewer than 25."
    violence = load("ucdp_organized_violence")
    alone = violence[violence["os_dyad_count"] == 1]
    dyad = alone["os_dyads"].str.match(r"^(?:al-Qaida|IS|Al-Shabaab|AQAP|AQIM|JNIM)\s+- Civilians$")
    assert (alone.loc[dyad.fillna(False), "os_deaths_best"] < 25).any()


@pytest.fixture(scope="module")
def themed() -> pd.DataFrame:
    themes = re.search(r"THEMES = \{(.*?)\n\}", _text(L09), re.S)
    assert themes is not None
    numbers = {int(n): t for n, t in re.findall(r"(\d{4}): \"([^\"]+)\"", themes[1])}
    terror = terrorism_resolutions(load("unsc_resolutions"), thematic=numbers)
    return terror[terror["kind"] == KINDS[0]]


def test_09_every_thematic_resolution_was_unanimous(themed) -> None:
    """ "All were adopted unanimously"; the summary's "every one unanimously"."""
    assert len(themed) == 21
    assert themed["unanimous"].all()


def test_09_most_conflicts_in_sub_saharan_africa_in_2024() -> None:
    """Summary: "sub-Saharan Africa ... where most of them were in 2024"."""
    conflicts = load("ucdp_conflicts")
    subregion = {
        f["properties"]["iso3"]: f["properties"]["subregion"] for f in load_world_map()["features"]
    }
    in_2024 = conflicts[conflicts["jihadist_actor"] & (conflicts["year"] == 2024)]
    africa = in_2024["region"].astype(str) == "4"
    south = africa & (in_2024["iso3_loc"].map(subregion) != "Northern Africa")
    assert south.mean() > 0.5


def test_09_jnim_in_coastal_states_from_2022() -> None:
    conflicts = load("ucdp_conflicts")
    coastal = conflicts[
        conflicts["jihadist_actor"]
        & conflicts["iso3_loc"].isin(["BEN", "TGO"])
        & conflicts["side_b"].str.contains("JNIM", na=False)
    ]
    assert coastal.groupby("iso3_loc")["year"].min().to_dict() == {"BEN": 2022, "TGO": 2022}


# ---------------------------------------------------------------- INSTRUCTORS.md


def test_instructors_rows_07_09_carry_the_corrections() -> None:
    text = _squash((ROOT / "INSTRUCTORS.md").read_text(encoding="utf-8"))
    assert "2341 critical infrastructure, 2462 financing)" not in text
    assert "2462 the first resolution on financing alone" in text
    assert "the busiest period is 2000–2004" in text
    assert "in the last three months" in text


# ---------------------------------------------------------------- bank explanations, 08-09


def test_08_financing_after_1373_explanation() -> None:
    """ "only a handful ... in the year before; dozens did, most of which had signed before"."""
    financing = load("treaty_participation").query("convention == 'financing_1999'")
    adopted, year = pd.Timestamp("2001-09-28"), pd.DateOffset(years=1)
    before = financing["bound"].between(adopted - year, adopted, inclusive="left")
    after = financing["bound"].between(adopted, adopted + year, inclusive="left")
    assert before.sum() <= 10
    assert after.sum() >= 24
    signed_before = (financing.loc[after, "signed"] < adopted).sum()
    assert 10 <= signed_before < after.sum() / 2
    explanation = bank.get("08.financing-after-1373").explanation
    assert "most of which had signed" not in explanation
    assert "(though not most) had signed before" in _squash(explanation)


def test_09_central_sahel_explanation() -> None:
    """ "Until 2014 ... at most one such conflict a year; from 2018 it had several a year"."""
    conflicts = load("ucdp_conflicts")
    sahel = conflicts[
        conflicts["jihadist_actor"] & conflicts["iso3_loc"].isin(["MLI", "BFA", "NER"])
    ]
    per_year = sahel.groupby("year").size()
    assert per_year.loc[:2014].max() <= 1
    assert per_year.loc[2018:].min() >= 2


def test_09_entities_by_year_explanation() -> None:
    """ "The entities listed in 2001 still make up the largest year, although most of the
    QDe numbers of that year are held by no entry today"."""
    sanctions = load("sanctions_list")
    entities = sanctions[
        (sanctions["regime"] == "ISIL (Da'esh) & Al-Qaida") & (sanctions["entry_type"] == "entity")
    ]
    per_year = entities.groupby(entities["listed_on"].dt.year).size()
    assert per_year.idxmax() == 2001
    numbers = entities["reference_number"].str.extract(r"QDe\.(\d+)", expand=False).astype(int)
    of_2001 = numbers[entities["listed_on"].dt.year == 2001]
    span = range(1, of_2001.max() + 1)  # the numbers issued up to the last one of 2001
    held = set(numbers)
    assert sum(n not in held for n in span) > sum(n in held for n in span)


def test_instructors_numbers_for_07_09_are_the_banks_computed_answers() -> None:
    """INSTRUCTORS.md quotes "computed from the data: N with the committed tables"."""
    from ctcoop.bank import l08_legal_frameworks as bank08
    from ctcoop.bank import l09_emerging_threats as bank09

    text = _squash((ROOT / "INSTRUCTORS.md").read_text(encoding="utf-8"))
    quoted = dict(re.findall(r"(0[789]\.[a-z0-9-]+) \(computed from the data: (\d+)", text))
    assert quoted == {"08.financing-after-1373": "48", "09.missing-numbers": "184"}
    assert int(quoted["08.financing-after-1373"]) == bank08.financing_joins_year_after_1373()
    assert int(quoted["09.missing-numbers"]) == bank09.missing_individual_numbers()


def _area(region: pd.Series, iso3: pd.Series) -> pd.Series:
    """Lesson 09's areas: UCDP's region, with Africa split by Natural Earth's subregion."""
    subregion = {
        f["properties"]["iso3"]: f["properties"]["subregion"] for f in load_world_map()["features"]
    }
    names = {"1": "Europe", "2": "Middle East", "3": "Asia", "4": "Africa", "5": "Americas"}
    region = region.astype(str).map(names).fillna(region.astype(str))
    africa = region == "Africa"
    north = iso3.map(subregion) == "Northern Africa"
    return region.mask(africa & north, "North Africa").mask(africa & ~north, "sub-Saharan Africa")


def test_09_one_sided_violence_sentences() -> None:
    """Section 3: 2010-2014 "the Middle East holds most of the attributable deaths"; in
    2020-2024 "in most sub-Saharan country-years these groups share UCDP's count"."""
    violence = load("ucdp_organized_violence")
    actors = violence.assign(actor=violence["os_dyads"].str.split("; ")).explode("actor")
    pattern = r"^(?:al-Qaida|IS|Al-Shabaab|AQAP|AQIM|JNIM)\s+- Civilians$"
    groups = actors[actors["actor"].str.match(pattern, na=False)]
    dyads = groups.groupby(["iso3", "year"]).size().rename("group_dyads").reset_index()
    years = violence.merge(dyads, on=["iso3", "year"])
    years = years.assign(
        area=_area(years["region"], years["iso3"]),
        alone=years["group_dyads"] == years["os_dyad_count"],
    )
    attributable = years[years["alone"] & years["year"].between(2010, 2014)]
    by_area = attributable.groupby("area")["os_deaths_best"].sum()
    assert by_area["Middle East"] > by_area.sum() / 2
    recent = years[(years["area"] == "sub-Saharan Africa") & years["year"].between(2020, 2024)]
    assert (~recent["alone"]).mean() > 0.5


def test_09_kenya_from_2015_and_early_blocks_lost_more() -> None:
    conflicts = load("ucdp_conflicts")
    kenya = conflicts[conflicts["jihadist_actor"] & (conflicts["iso3_loc"] == "KEN")]
    assert kenya["year"].min() == 2015  # "Al-Shabaab in Somalia and, from 2015, Kenya"
    sanctions = load("sanctions_list")
    people = sanctions[
        (sanctions["regime"] == "ISIL (Da'esh) & Al-Qaida")
        & (sanctions["entry_type"] == "individual")
    ]
    numbers = set(people["reference_number"].str.extract(r"QDi\.(\d+)", expand=False).astype(int))
    highest = max(numbers)
    full_blocks = [range(start, start + 50) for start in range(1, highest - 49, 50)]
    lost = [sum(n not in numbers for n in block) for block in full_blocks]
    assert lost[0] > 2 * lost[-1]  # "The early blocks have lost far more ... than the recent ones"


def test_07_disparity_option_c_difference_larger_than_in_2000(groups07) -> None:
    """07.disparity-claim, option c: the difference "is larger in the latest year than in 2000"."""
    internet = load("internet_users")
    high = _panel_medians(internet, "internet_users_pct", bank07.YEAR, groups07["fatf"])
    low = _panel_medians(internet, "internet_users_pct", bank07.YEAR, groups07["fighting"])
    difference = high - low
    assert difference.index[0] == 2000
    assert difference.iloc[-1] > difference.iloc[0]


def test_07_hash_match_explanation() -> None:
    """07.hash-match: the darker copy differs by a few bits (a match: at most 10), the ring more."""
    y, x = np.mgrid[0:128, 0:128]
    disc = np.where((x - 64) ** 2 + (y - 64) ** 2 < 40**2, 230, 30)
    ring = np.where(np.abs(np.hypot(x - 64, y - 64) - 35) < 8, 230, 30)
    known = hashing.perceptual_hash(hashing.to_image(disc))

    def differ(pixels: np.ndarray) -> int:
        return hashing.bits_differ(known, hashing.perceptual_hash(hashing.to_image(pixels)))

    assert differ(disc * 0.8 + 20) <= 10
    assert differ(ring) > 10


def test_07_threshold_several_invented_names_score_between_80_and_95() -> None:
    """07.threshold, option d: "Several names score between 80 and 95"; and the explanation:
    some listed persons score lower than some people who are not listed."""
    from ctcoop.lessons.l07_technology import screening

    notebook = json.loads((ROOT / "notebooks" / L07).read_text(encoding="utf-8"))
    (cell,) = [
        "".join(c["source"])
        for c in notebook["cells"]
        if c["cell_type"] == "code" and "# INVENTED names" in "".join(c["source"])
    ]
    names: dict = {"pd": pd}
    exec(cell.split("print(")[0], names)  # the cell's two invented tables, nothing else
    matches = screening.best_matches(names["people"]["name"], names["watchlist"])
    listed = names["people"]["listed"].to_numpy()
    scores = matches["score"].to_numpy()
    assert ((scores >= 80) & (scores < 95)).sum() >= 3
    assert scores[listed].min() < scores[~listed].max()


def test_instructors_before_class_notes_08_09() -> None:
    """The counts INSTRUCTORS.md gives instructors before lessons 08 and 09."""
    from ctcoop.lessons.l08_legal_frameworks.resolution_kinds import THEMATIC

    text = _squash((ROOT / "INSTRUCTORS.md").read_text(encoding="utf-8"))
    treaties = load("treaty_participation")
    later = treaties[treaties["status"] == "party_after_snapshot_undated"]
    # "four later parties (Gambia, Lebanon, South Sudan, Zambia) ... the other conventions
    # have no later joiners in the data"
    assert "four later parties (Gambia, Lebanon, South Sudan, Zambia)" in text
    assert sorted(later["iso3"]) == ["GMB", "LBN", "SSD", "ZMB"]
    assert set(later["convention"]) == {"financing_1999"}
    # "Five Strategy resolution numbers (62/272, 64/297, 66/282, 70/291, 77/298) ..."
    strategy = load("ga_ct_strategy")
    unverified = strategy.loc[~strategy["number_verified"], "ga_resolution"].tolist()
    assert "Five Strategy resolution numbers (" + ", ".join(unverified) + ")" in text
    # "(21, against lesson 08's 7)"
    assert "(21, against lesson 08's 7)" in text and len(THEMATIC) == 7


def test_09_themes_caption_reads_first_years_as_the_lists_coding() -> None:
    """The figure's caption gives each theme's first year; it must say whose coding that is."""
    shown = _squash(_outputs(L09))
    assert "First year of each theme: " not in shown
    assert "not the first time the Council took up the subject" in shown


def test_lesson09_sets_ucdp_2001_count_against_the_usual_toll() -> None:
    # "UCDP's count there is lower than the figure usually cited, 2,977 ... the same country-year
    # also has deaths in a state-based conflict between the US government and al-Qaida."
    text = _text("09_emerging_threats.ipynb")
    assert "2,977" in text
    violence = load("ucdp_organized_violence")
    usa = violence.query("iso3 == 'USA' and year == 2001").iloc[0]
    assert usa["os_deaths_best"] < 2977
    assert "al-Qaida" in usa["os_dyads"]
    assert usa["sb_deaths_best"] > 0 and "al-Qaida" in usa["sb_dyads"]
    # "The largest number in the 2000 row is one country-year, the United States in 2001."
    assert f"<td>{int(usa['os_deaths_best'])}</td>" in _outputs("09_emerging_threats.ipynb")
