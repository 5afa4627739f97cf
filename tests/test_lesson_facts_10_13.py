"""Facts that the text of lessons 10-13, their exercises and INSTRUCTORS.md state, checked
against the data.

Every count, share and "all / none / never / since / most" claim in those lessons' prose,
captions and bank explanations that is not computed in the cell beside it is held here, so
that when a table grows the test fails instead of the sentence drifting. Where the course
codes data itself (the `jihadist_actor` flag, the compiled 2022-2025 resolutions), the
comparisons are made with one coding.
"""

from __future__ import annotations

import json
import re
from functools import cache

import pandas as pd
import pytest

from ctcoop import load
from ctcoop.bank import get
from ctcoop.bank import l11_partnerships as bank11
from ctcoop.bank import l12_military_operations as bank12
from ctcoop.bank import l13_lessons_learned as bank13
from ctcoop.paths import repo_root


@cache
def _text(folder: str, lesson: int) -> str:
    """A notebook's markdown and code, blockquote markers and line breaks folded to spaces."""
    (path,) = (repo_root() / folder).glob(f"{lesson:02d}_*.ipynb")
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    text = " ".join("".join(c["source"]) for c in cells)
    return re.sub(r"\s+", " ", re.sub(r"\n>\s?", " ", text))


@cache
def _instructors(lesson: int) -> str:
    """The INSTRUCTORS.md section of one lesson, line breaks folded to spaces."""
    text = (repo_root() / "INSTRUCTORS.md").read_text(encoding="utf-8")
    start = text.index(f"### {lesson:02d} · ")
    end = text.find("\n## ", start)
    following = text.find("\n### ", start + 1)
    ends = [e for e in (end, following) if e > 0]
    return re.sub(r"\s+", " ", text[start : min(ends)])


def _explanation(exercise_id: str) -> str:
    return re.sub(r"\s+", " ", get(exercise_id).explanation)


# ---------------------------------------------------------------- lesson 10


def test_ai_act_prohibitions_applied_six_months_after_entry_into_force() -> None:
    # Regulation (EU) 2024/1689: published 12 July 2024, in force 1 August 2024 (the
    # twentieth day after publication); Chapters I-II, with Article 5, apply from 2 February 2025.
    lesson = _text("notebooks", 10)
    assert "1 August 2024" in lesson and "six months after entry into force" in lesson
    timeline = get("10.timeline")
    words = " ".join([*timeline.hints, timeline.explanation])
    assert "six months after entry into force" in words
    assert "published in July 2024; its prohibitions applied six months later" not in words


@pytest.fixture(scope="module")
def invented() -> dict[str, object]:
    """Lesson 10's invented populations and rules, built as sections 3 and 5 build them."""
    import numpy as np

    from ctcoop.lessons.l10_ai_automation import screening_rates as sr

    train = sr.invented_population(100_000, prevalence=0.002, seed=1, proxy_shift=1.0)
    test = sr.invented_population(100_000, prevalence=0.002, seed=2, proxy_shift=1.0)
    measures = ["measure_1", "measure_2"]
    weights = sr.fit_logistic(train[measures].to_numpy(), train["case"].to_numpy())
    scores = sr.risk_scores(test[measures].to_numpy(), weights)
    rules = {
        "never": np.zeros(len(test), dtype=bool),
        "half": scores >= 0.5,
        "top": sr.flag_top(scores, 0.01),
    }
    return {"sr": sr, "test": test, "rules": rules}


def test_every_rule_is_above_98_percent_accurate_and_never_is_among_the_best(invented) -> None:
    sr, test, rules = invented["sr"], invented["test"], invented["rules"]
    tallies = {name: sr.tally(test["case"], flagged) for name, flagged in rules.items()}
    accuracy = {name: t.accuracy for name, t in tallies.items()}
    assert min(accuracy.values()) > 0.98
    assert accuracy["never"] >= sorted(accuracy.values())[1]  # "among the best"
    top = tallies["top"]
    assert 0 < top.true_alarms < top.flagged - top.true_alarms  # more false alarms than right


def test_group_b_carries_most_false_alarms_and_lower_precision(invented) -> None:
    sr, test, rules = invented["sr"], invented["test"], invented["rules"]
    flagged = rules["top"]
    tallies = {}
    for group in ("A", "B"):
        mask = (test["group"] == group).to_numpy()
        tallies[group] = sr.tally(test["case"][mask], flagged[mask])
    false = {g: t.flagged - t.true_alarms for g, t in tallies.items()}
    assert false["B"] > false["A"]  # "carry most of the false alarms"
    assert tallies["B"].precision < tallies["A"].precision


def test_most_listed_individuals_record_one_nationality_some_none() -> None:
    sanctions = load("sanctions_list")
    individuals = sanctions[sanctions["entry_type"] == "individual"]
    counts = individuals["n_nationalities"]
    assert (counts == 1).mean() > 0.5 and (counts == 0).any()
    by_list = (counts == 0).groupby(individuals["un_list_type"], observed=True).mean()
    assert by_list.max() - by_list.min() > 0.2  # "the share differs a lot" between regimes


# ---------------------------------------------------------------- lesson 11


@pytest.fixture(scope="module")
def resolutions() -> pd.DataFrame:
    return load("unsc_resolutions")


def test_council_terrorism_resolutions_unanimous_2010_to_mid_2022(resolutions) -> None:
    library = resolutions[(resolutions["part"] == "dhl_1946_2022") & (resolutions["year"] >= 2010)]
    terrorism = library[library["terrorism_related"].fillna(False)]
    assert len(terrorism) > 0 and terrorism["unanimous"].all()
    others = library[~library["terrorism_related"].fillna(False)]
    assert not others["unanimous"].fillna(True).all()  # "other subjects divided members"


def test_abstentions_returned_after_2022_also_under_the_topic_rule(resolutions) -> None:
    later = resolutions[resolutions["part"] == "compiled_terrorism_2022_2025"]
    abstained = later[later["unanimous"].isin([False])]
    assert (len(abstained), len(later)) == (6, 26)
    topic_rule = abstained["topic"].str.contains("terror", case=False, na=False)
    assert sorted(abstained.loc[topic_rule, "res_no"]) == [2734, 2799]
    assert (abstained["abstain"] > 0).all() and (abstained["no"] == 0).all()
    assert abstained["year"].min() == 2022
    lesson = _text("notebooks", 11)
    assert "2734 (2024) and 2799 (2025)" in lesson
    assert "all been unanimous since" not in lesson
    assert "the Council since 2010" not in lesson


def test_test_the_claim_option_does_not_assert_unanimity_since_2010() -> None:
    options = get("11.test-the-claim").options
    assert "unanimity" in options  # the id is kept, so the key is unchanged
    assert "since 2010" not in options["unanimity"].text


def test_strategy_and_every_review_adopted_without_a_vote() -> None:
    strategy = load("ga_ct_strategy")
    core = strategy[strategy["kind"].isin(["adoption", "review"])]
    assert core["adopted_without_vote"].all()
    assert strategy.set_index("ga_resolution").loc["71/291", "kind"] == "related"


def _network_ties() -> pd.DataFrame:
    memberships = load("memberships")
    regional = load("fsrb_members")
    state = memberships[
        (memberships["status"] == "member") & (memberships["member_type"] == "state")
    ]
    regional = regional[
        (regional["membership_type"] == "member") & (regional["member_type"] == "state")
    ]
    return pd.concat(
        [state[["body", "iso3"]], regional[["body", "iso3"]]], ignore_index=True
    ).astype({"body": str})


def test_sco_and_gctf_share_four_founders() -> None:
    ties = _network_ties()
    sco, gctf = (set(ties.loc[ties["body"] == b, "iso3"]) for b in ("SCO", "GCTF"))
    both = sco & gctf
    assert len(both) == 4  # 11.sco-gctf explanation: "Four states belong to both"
    members = load("memberships")
    founders = members[(members["body"] == "GCTF") & (members["note"] == "founding member")]
    assert both <= set(founders["iso3"])  # "all of them GCTF founders of 2011"


def test_menafatf_and_apg_are_the_regional_bodies_most_tied_to_the_gctf() -> None:
    ties = _network_ties()
    gctf = set(ties.loc[ties["body"] == "GCTF", "iso3"])
    fsrbs = sorted(load("fsrb_members")["body"].astype(str).unique())
    shared = pd.Series({b: len(gctf & set(ties.loc[ties["body"] == b, "iso3"])) for b in fsrbs})
    assert set(shared.nlargest(2).index) == {"MENAFATF", "APG"}
    assert bank11.shared_members("GCTF", "MENAFATF") == 8  # INSTRUCTORS.md, lesson 11


def test_sco_and_eag_are_the_closest_pair_of_clubs() -> None:
    ties = _network_ties()
    members = {b: set(g["iso3"]) for b, g in ties.groupby("body")}
    clubs = [b for b in members if b not in ("UN", "INTERPOL")]
    jaccard = {
        (a, b): len(members[a] & members[b]) / len(members[a] | members[b])
        for i, a in enumerate(clubs)
        for b in clubs[i + 1 :]
    }
    assert set(max(jaccard, key=jaccard.get)) == {"SCO", "EAG"}


def test_three_bodies_is_the_commonest_count_held_by_about_half() -> None:
    ties = _network_ties()
    fsrbs = set(load("fsrb_members")["body"].astype(str))
    bodies = ties.groupby("iso3")["body"].apply(set)
    three = bodies[bodies.map(len) == 3]
    assert bodies.map(len).value_counts().idxmax() == 3
    assert 0.4 < len(three) / len(bodies) < 0.6  # "about half of the states"
    typical = three.map(lambda b: {"UN", "INTERPOL"} <= b and len(b & fsrbs) == 1)
    assert typical.mean() > 0.9  # "nearly all of them in the UN, INTERPOL and one regional body"
    assert "Most states belong to the UN, INTERPOL" not in _text("notebooks", 11)


def test_instructors_keys_of_lesson_11_hold() -> None:
    assert bank11.outside_fatf_network() == ["AFG", "FSM", "IRN", "KIR", "PRK"]
    assert "Afghanistan, Micronesia, Iran, Kiribati, DPRK" in _instructors(11)
    assert "8 with the committed tables" in _instructors(11)


def test_lesson_11_network_facts() -> None:
    fsrb = load("fsrb_members")
    assert fsrb["body"].nunique() == 9  # "nine FATF-style regional bodies"
    fatf = load("fatf_members").set_index("iso3")
    years = fatf["joined_year"]
    assert (int(years["RUS"]), int(years["CHN"])) == (2003, 2007)
    members = load("memberships")
    interpol = set(members.loc[members["body"] == "INTERPOL", "iso3"])
    assert "PRK" not in interpol  # "not even in INTERPOL"
    assert "PRK" in set(load("fatf_lists").query("list == 'black'")["iso3"])
    strains = members[members["note"].str.contains("withdraw|suspend", na=False)]
    assert len(strains) == 2  # "The tables record two strains"
    ties = _network_ties()
    un = set(ties.loc[ties["body"] == "UN", "iso3"])
    fatf_states = set(ties.loc[ties["body"] == "FATF", "iso3"])
    regional = set(ties.loc[ties["body"].isin(set(fsrb["body"].astype(str))), "iso3"])
    assert len(un & regional - fatf_states) > len(un) / 2  # "where most states meet" FATF


# ---------------------------------------------------------------- lesson 12


@pytest.fixture(scope="module")
def support_shares() -> pd.DataFrame:
    support = load("ucdp_external_support")
    conflicts = load("ucdp_conflicts")
    flagged = conflicts.loc[conflicts["jihadist_actor"], ["conflict_id", "year"]]
    governments = support[~support["actor_nonstate"]]
    against = governments.merge(flagged, on=["conflict_id", "year"])
    kinds = {
        "troops": "ext_x",
        "weapons": "ext_w",
        "materiel": "ext_m",
        "training": "ext_t",
        "intelligence": "ext_i",
        "access": "ext_p",
        "funding": "ext_f",
    }
    return pd.DataFrame(
        {
            name: {kind: rows.loc[rows["supported"], flag].mean() for kind, flag in kinds.items()}
            for name, rows in {"against": against, "all": governments}.items()
        }
    )


def test_support_kinds_compared_as_the_lesson_says(support_shares: pd.DataFrame) -> None:
    against, everyone = support_shares["against"], support_shares["all"]
    for kind in ("troops", "intelligence"):  # "far more often"
        assert against[kind] > 2 * everyone[kind], kind
    assert 0 < against["training"] - everyone["training"] < 0.1  # "a little more often"
    for kind in ("weapons", "materiel"):  # "less often"
        assert against[kind] < everyone[kind], kind
    assert against.idxmax() == "training" and against["training"] > 0.5  # most common; most years
    assert against["troops"] > 0.5 > everyone["troops"]  # 12.support-kinds troops-majority
    assert round(against["materiel"], 3) == 0.597 and round(everyone["materiel"], 3) == 0.657


def test_support_kinds_explanation_and_summary_say_materiel_was_less_often() -> None:
    explanation = _explanation("12.support-kinds")
    assert "training, troops, materiel and intelligence more often" not in explanation
    assert "materiel and logistics, less often" in explanation
    lesson = _text("notebooks", 12)
    assert "more often received training, intelligence and materiel" not in lesson
    assert "materiel and logistics, less often" in lesson


def test_the_esd_has_eleven_kinds_and_the_course_names_seven() -> None:
    support = load("ucdp_external_support")
    flags = [c for c in support.columns if re.fullmatch(r"ext_[a-z]", c)]
    assert len(flags) == 11
    lesson = _text("notebooks", 12)
    assert "records eleven kinds of support" in lesson
    assert lesson.count('": "ext_') == 7  # the KINDS mapping of section 2
    assert "course's own coding" in lesson  # jihadist_actor is the course's flag


def test_coalition_on_iraqs_side_is_a_minority_but_anywhere_a_majority() -> None:
    memberships = load("memberships")
    secondary = load("ucdp_secondary_parties")
    coalition = set(
        memberships.loc[
            (memberships["body"] == "Global Coalition") & (memberships["member_type"] == "state"),
            "iso3",
        ]
    )
    iraq = secondary[
        (secondary["conflict_id"] == 259) & (secondary["side"] == "a") & (secondary["year"] >= 2014)
    ]
    on_iraqs_side = set(iraq["iso3"]) & coalition
    anywhere = set(bank12.coalition_members_alongside_since_2014())
    assert len(on_iraqs_side) < len(coalition) / 2 < len(anywhere)
    assert (len(anywhere), len(coalition)) == (46, 75)
    syria = secondary[(secondary["conflict_id"] == 13604) & (secondary["side"] == "a")]
    assert len(set(syria["iso3"]) - coalition) == 2  # "Two states fought IS on ... Syria's side"
    lesson = _text("notebooks", 12)
    assert "most of the coalition's members never appear" not in lesson
    assert "more than half of the listed members" in _explanation("12.coalition-fought")


def test_au_troop_contributors_are_warring_parties_in_somalia_from_2012() -> None:
    secondary = load("ucdp_secondary_parties")
    somalia = secondary[(secondary["conflict_id"] == 337) & (secondary["side"] == "a")]
    first = somalia.groupby("iso3")["year"].min()
    assert first["UGA"] == first["BDI"] == 2012


def test_council_force_resolutions_and_peacekeeping_facts() -> None:
    resolutions = load("unsc_resolutions").set_index("res_no")
    assert (resolutions.loc[[1368, 1373, 2249], "vote_text"] == "15-0-0").all()
    totals = load("peacekeeping_totals").set_index("year")
    after = totals.loc[totals["total_personnel"].idxmax() :, "total_personnel"].dropna()
    assert after.is_monotonic_decreasing and after.is_unique  # "fallen every year since"
    assert (bank12.troop_share() > 0.5).all()  # "troops are most of UN peacekeeping personnel"


# ---------------------------------------------------------------- lesson 13


@pytest.fixture(scope="module")
def scorecard() -> pd.DataFrame:
    return load("article_scorecard")


def test_scorecard_counts_the_lesson_and_instructors_state(scorecard) -> None:
    from_factcheck = (scorecard["verdict_by"] == "fact-check").sum()
    assert from_factcheck > len(scorecard) / 2  # "Most claims come from the fact-check"
    assert scorecard["lesson"].notna().all()  # every claim is judged in a lesson
    added = scorecard[scorecard["verdict_by"] != "fact-check"]
    lessons = sorted(int(n) for n in added["lesson"])
    instructors = _instructors(13)
    assert f"the fact-check's {from_factcheck} claims and the {len(added)} that lessons" in (
        instructors
    )
    named = ", ".join(f"{n:02d}" for n in sorted(set(lessons))[:-1])
    assert f"lessons {named} and {lessons[-1]:02d} added" in instructors
    readme = re.sub(r"\s+", " ", (repo_root() / "data" / "README.md").read_text(encoding="utf-8"))
    assert f"| `article_scorecard` | {len(scorecard)} |" in readme
    assert f"{from_factcheck} from the course's fact-check notes and {len(added)} that lessons" in (
        readme
    )
    inaccurate = scorecard[scorecard["verdict"] == "inaccurate"]
    assert sorted(inaccurate["factcheck_claim"].astype(int)) == [8, 9, 12]
    assert bank13  # the bank computes 13.inaccurate-count from the same table


def test_organisations_hold_and_case_studies_fail_most_often(scorecard) -> None:
    by_section = pd.crosstab(scorecard["section"], scorecard["verdict"] != "accurate")
    organisations = by_section.loc["Key International Organizations"]
    assert organisations[False] > organisations[True]  # "most claims about the organisations hold"
    assert by_section[True].idxmax() == "Successful Case Studies"


def test_no_stale_still_to_add_notes() -> None:
    lesson = _text("notebooks", 13)
    for stale in ("still being written", "still to add", "will add their claims"):
        assert stale not in lesson
        assert stale not in _instructors(13)
    assert "awaits lesson 10" not in _instructors(13)
    assert "lessons 09–12 will add theirs" not in _instructors(13)


def test_scorecard_claim_15_says_calls_upon(scorecard) -> None:
    evidence = scorecard.set_index("claim_no").loc[15, "evidence"]
    assert "calls upon every state to report to the Counter-Terrorism Committee" in evidence
    assert "requires every state" not in evidence


def test_profile_indicator_counts_in_instructors() -> None:
    treaties = load("treaty_participation")
    parties = treaties[treaties["status"] == "party"].groupby("iso3")["convention"].nunique()
    assert (parties["ESP"], parties["KEN"], parties["PAK"]) == (5, 5, 4)
    assert "Spain 5, Kenya 5, Pakistan 4" in _instructors(13)


def test_claims_without_a_pattern_are_mostly_accurate_or_unverifiable(scorecard) -> None:
    rest = scorecard[scorecard["error_pattern"].astype("string").fillna("") == ""]
    assert rest["verdict"].isin(["accurate", "unverifiable"]).mean() > 0.5


def test_kenyas_black_spell_is_named_with_its_tier() -> None:
    from ctcoop.lessons.l13_lessons_learned.profile import country_profile

    black = country_profile("KEN").fatf_listings.query("list == 'black'")
    assert len(black) == 1
    spell = black.iloc[0]
    assert (spell["first_listed"].year, spell["last_listed"].year) == (2011, 2013)
    assert "lighter tier" in spell["tier"]
    assert "Kenya's spell of 2011–2013 was the lighter tier" in _text("notebooks", 13)


def test_france_fought_on_malis_side_from_the_year_minusma_was_created() -> None:
    conflicts = load("ucdp_conflicts")
    secondary = load("ucdp_secondary_parties")
    mali = set(conflicts.loc[conflicts["location"] == "Mali", "conflict_id"])
    france = secondary[
        secondary["conflict_id"].isin(mali)
        & (secondary["iso3"] == "FRA")
        & (secondary["side"] == "a")
    ]
    missions = load("peacekeeping_missions").set_index("acronym")
    assert france["year"].min() == missions.loc["MINUSMA", "start_date"].year == 2013
    lesson = _text("notebooks", 12)
    assert "were left to others, among them national forces and France's operations" not in lesson
    assert "France, which UCDP lists on the Malian government's side from 2013" in lesson


def test_lesson_13_bank_explanations_hold(scorecard) -> None:
    inaccurate = scorecard[scorecard["verdict"] == "inaccurate"]
    assert set(inaccurate["section"]) == {"Successful Case Studies"}  # "all ... case studies"
    organisations = scorecard[scorecard["section"] == "Key International Organizations"]
    wrong = organisations[organisations["verdict"] != "accurate"]
    assert list(wrong["verdict"]) == ["misleading"] and "INTERPOL" in wrong["claim"].iloc[0]
    treaties = load("treaty_participation")
    pakistan = treaties[(treaties["iso3"] == "PAK") & (treaties["status"] == "party")]
    assert set(treaties["convention"].astype(str)) - set(pakistan["convention"].astype(str)) == {
        "nuclear_2005"
    }
    assert "no record for the Nuclear Terrorism Convention" in _explanation("13.profile-indicator")


def test_missions_active_at_the_peak_of_peacekeeping() -> None:
    totals = load("peacekeeping_totals").set_index("year")
    peak = int(totals["total_personnel"].idxmax())
    assert 2013 <= peak <= 2017  # "peaked in the mid-2010s"
    missions = load("peacekeeping_missions").set_index("acronym")
    for acronym in ("MINUSMA", "UNMISS", "MONUSCO", "MINUSCA", "UNAMID"):
        start, end = missions.loc[acronym, ["start_date", "end_date"]]
        assert start.year <= peak and (pd.isna(end) or end.year >= peak), acronym
