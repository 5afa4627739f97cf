"""Exercises of lesson 04, Differing national interests and legal systems.

Facts behind the options and explanations: `shared/sources/factcheck.md`
(claim 5), `shared/sources/orgs/PROVENANCE.md` (FATF lists, members), IMF
Working Paper WP/21/153 (Kida and Paetzold, 2021), Morse (2019,
*International Organization* 73(3)) and FATF's High-Level Synopsis of the
Stocktake of the Unintended Consequences of the FATF Standards (October 2021).
Numeric and code answers are computed from the FATF tables in `data/` when
checked, by the private helpers below.
"""

from __future__ import annotations

import pandas as pd

from ctcoop.exercises import (
    CodeExercise,
    MultipleChoice,
    MultiSelect,
    Numeric,
    Option,
    Ordering,
)

TITLE = "Differing national interests and legal systems"


def _lists() -> pd.DataFrame:
    from ctcoop.data import load

    return load("fatf_lists")


def _grey_size_per_plenary() -> pd.Series:
    """Jurisdictions on the grey list at each covered plenary."""
    lists = _lists()
    return lists[lists["list"] == "grey"].groupby("plenary_date").size()


def _listed_at_latest_plenary() -> pd.DataFrame:
    """(list, iso3) of every jurisdiction listed at the latest plenary, sorted."""
    lists = _lists()
    latest = lists[lists["plenary_date"] == lists["plenary_date"].max()]
    return latest[["list", "iso3"]].sort_values(["list", "iso3"]).reset_index(drop=True)


def _fatf_members_ever_listed() -> pd.DataFrame:
    """FATF members (any status) that appear on either list at least once, by ISO3."""
    from ctcoop.data import load

    members = set(load("fatf_members")["iso3"].dropna())
    listed = set(_lists()["iso3"].dropna())
    return pd.DataFrame({"iso3": sorted(members & listed)})


def _most_grey_plenaries() -> int:
    """The largest number of covered plenaries at which one jurisdiction was grey-listed."""
    lists = _lists()
    return int(lists[lists["list"] == "grey"].groupby("iso3").size().max())


EXERCISES = [
    MultipleChoice(
        id="04.differing-interests",
        title="Check the source: do differing interests and laws hinder cooperation?",
        prompt=(
            "The article's section on challenges says, in general terms, that differing "
            "national interests and legal systems make counter-terrorism cooperation harder. "
            "Which verdict does the evidence in this lesson support best?"
        ),
        options={
            "a": Option(
                "accurate",
                why=(
                    "Not on this evidence. The claim is plausible, but the article gives no "
                    "evidence for it, and the lists record FATF's judgement of national rules, "
                    "not how much cooperation was hindered. Nothing in the lesson shows that "
                    "cooperation actually failed."
                ),
            ),
            "b": Option(
                "misleading",
                why=(
                    "No. Misleading is for a claim that is true in part but leaves a false "
                    "picture; here nothing has been shown either way, and the lists cannot say "
                    "whether national interests decided anything."
                ),
            ),
            "c": Option(
                "inaccurate",
                why=(
                    "No. Nothing contradicts the claim: one set of FATF standards has to be "
                    "written into many different national laws, and those laws still differ. "
                    "Being unproven is not the same as being wrong."
                ),
            ),
            "d": Option(
                "unverifiable",
                why=(
                    "Yes, on the evidence of this lesson: plausible, but the article gives no "
                    "evidence, and the FATF lists measure assessed gaps in national rules, not "
                    "lost cooperation."
                ),
            ),
        },
        key="f5f2c71c57b01da5b3f5c0dc2d0b799a60d5e9ee8635ce89fd49ab93c982736d",
        hints=[
            "Ask what the FATF lists actually record: a judgement about a jurisdiction's "
            "rules, or a count of refused requests?",
            "A general claim can be plausible and still not be shown by a given data set.",
        ],
        explanation=(
            "The section's claim is general and plausible, but it comes with no evidence, and "
            "these data cannot supply it. The course data show the machinery "
            "that tries to bridge the differences (common standards, peer review, public lists) "
            "and who was listed when, but they cannot measure how much cooperation did not "
            "happen. Lesson 02 looked at the article's wording about FATF's \"enforcement\" "
            "(fact-check claim 5): FATF has no enforcement powers."
        ),
    ),
    MultipleChoice(
        id="04.pakistan-dates",
        title="Check the source: Pakistan's grey-listing",
        prompt=(
            "A news summary says: \"Pakistan was put on FATF's grey list in June 2018 and "
            'taken off it in October 2022." Check it against `changes` (the '
            "`fatf_list_changes` table). Which verdict fits?"
        ),
        options={
            "a": Option(
                "inaccurate",
                why=(
                    "No. June 2022 is the last plenary at which Pakistan was still on the list; "
                    "the removal shows at the next plenary, in October 2022, as the summary "
                    "says."
                ),
            ),
            "b": Option(
                "accurate",
                why=(
                    "Yes. The data record the addition at the June 2018 plenary and the removal "
                    "at the October 2022 plenary, and both rows have gap_in_between == False, "
                    "so both dates are exact."
                ),
            ),
            "c": Option(
                "unverifiable",
                why=(
                    "No. The gaps in the grey list are in 2010-2014. Both of these changes have "
                    "gap_in_between == False, so they are exactly dated and can be checked."
                ),
            ),
            "d": Option(
                "misleading",
                why=(
                    "No. In the data Pakistan's black-list rows end in 2014; its 2018-2022 rows "
                    "are all on the grey list, and the dates match. Nothing in the summary "
                    "leaves a false picture."
                ),
            ),
        },
        key="7da96883be941cbf2dacfeab2a35be42c77e65d8523c4885761e340007c42f6b",
        hints=[
            "Filter `changes` on `iso3 == 'PAK'` and `list == 'grey'`.",
            "Look at `plenary_date`, `change` and `gap_in_between` of the 2018 and 2022 rows.",
        ],
        explanation=(
            "The data agree with the summary: added 29 June 2018, removed 21 October 2022, "
            "both exactly dated. The course's sources spot-checked the same two dates. The data "
            "also show an earlier grey-list spell for Pakistan, which ended with its removal in "
            "February 2015."
        ),
    ),
    MultipleChoice(
        id="04.exact-dating",
        title="Why filter on gap_in_between?",
        prompt=(
            "`fatf_list_changes` records each addition or removal at the first covered "
            "plenary where it shows. Why keep only the rows with `gap_in_between == False` "
            "when you need the exact date of a change?"
        ),
        options={
            "a": Option(
                "Because rows with a gap are errors and should be deleted.",
                why="No. Those changes really happened; only their date is uncertain.",
            ),
            "b": Option(
                "Because gap_in_between == False means FATF decided the change between two "
                "plenaries.",
                why="No. The column describes the course data's coverage, not FATF's "
                "procedure: it says whether a plenary between the two covered ones is missing "
                "from the data.",
            ),
            "c": Option(
                "Because the change may have happened at a missing plenary in between; with no "
                "gap, it is pinned to the plenary shown.",
                why="Yes: a gap widens the possible date to a range of plenaries.",
            ),
            "d": Option(
                "Because the changes with a gap are all moves from one list to the other, which "
                "the table counts twice, once as a removal and once as an addition.",
                why="No. A move shows as a removal from one list and an addition to the other "
                "at the same plenary; it has nothing to do with gaps.",
            ),
        },
        key="b4d3ebb7896cf337b33f47130a88ee8e36989dd65ece0bab2c01d16c8fcd8d70",
        hints=[
            "The changes table is made by comparing each covered plenary with the previous "
            "covered plenary of the same list.",
            "What if a plenary in between is not in the data at all?",
        ],
        explanation=(
            "A change is found by comparing two covered plenaries. If plenaries between them "
            "are missing, the change happened at one of them or at the later covered one: the "
            "date is a range, not a point."
        ),
    ),
    MultiSelect(
        id="04.censoring",
        title="What gaps and edges do to spell lengths",
        prompt=(
            "Which statements about measuring how long jurisdictions stay on the lists are "
            "true? Tick all that apply."
        ),
        options={
            "open": Option(
                "A spell still running at the latest plenary in the data is censored: we "
                "know only a minimum length.",
                why="True: the spell will end later, at an unknown date.",
            ),
            "before": Option(
                "A spell already under way at the first plenary in the data has an unknown "
                "start, so we know only a minimum length.",
                why="True: it began at some earlier, unknown date.",
            ),
            "short": Option(
                "A jurisdiction added and removed while the list was not covered (between two "
                "covered plenaries) does not appear in the data at all.",
                why="True: such a short spell leaves no trace in the covered plenaries.",
            ),
            "drop": Option(
                "Leaving out the spells still running makes the typical length look longer.",
                why="False: the running spells can only grow, and some of them are already "
                "among the longest, so leaving them out makes the typical length look "
                "shorter.",
            ),
            "fill": Option(
                "The honest fix is to assume nothing changed at an uncovered plenary and report "
                "one exact figure.",
                why="False: that fills a gap with a guess. Report a lower and an upper bound, "
                "or flag the uncertain spells.",
            ),
            "black": Option(
                "The gaps affect only the grey list.",
                why="False: the black list is missing for some plenaries too "
                "(see `fatf_plenary_coverage`).",
            ),
        },
        key="91e79165f5b3ca804540f63c1974b5fa7c6c75dff3963d070f911f79ebb07164",
        hints=[
            "Three of the six are true.",
            "Think of the two edges of the data (first and latest plenary) and of the gaps "
            "in the middle.",
        ],
        explanation=(
            "Spells cut by the edges of the data are censored (only a minimum is known), and "
            "spells next to a gap are uncertain by up to the gap. Short spells inside a gap are "
            "invisible. That is why the lesson reports bounds, not one number."
        ),
    ),
    CodeExercise(
        id="04.grey-size",
        title="Grey-list size per plenary",
        prompt=(
            "Make `result`: a Series with one value per plenary in `lists` at which the grey "
            "list is covered, indexed by `plenary_date`: the number of jurisdictions on the "
            "grey list."
        ),
        expected=_grey_size_per_plenary,
        check_order=False,
        hints=[
            "Keep the grey-list rows, then count the rows of each plenary.",
            "`lists[lists['list'] == 'grey']`, then `.groupby('plenary_date').size()`.",
        ],
        explanation=(
            "Only covered plenaries appear: a plenary missing from the data is not a plenary "
            "with an empty list. Compare your Series with `n_grey` in "
            "`fatf_plenary_coverage`, where the missing plenaries show as <NA>."
        ),
    ),
    CodeExercise(
        id="04.latest-listed",
        title="Listed at the latest plenary",
        prompt=(
            "Make `result`: a DataFrame with two columns, `list` and `iso3`, one row per "
            "jurisdiction and list at the latest plenary in `lists` (any row order)."
        ),
        expected=_listed_at_latest_plenary,
        check_order=False,
        hints=[
            "Find the latest plenary date first, then keep only the rows of that plenary.",
            "`latest = lists['plenary_date'].max()`; keep the rows with that date and two "
            "columns with double brackets, `[['list', 'iso3']]`, then `.reset_index(drop=True)`.",
        ],
        explanation=(
            "At the latest plenary the black list holds only a few jurisdictions, the grey "
            "list many more. Every spell in this table is still running, so its "
            "length is censored."
        ),
    ),
    CodeExercise(
        id="04.members-listed",
        title="FATF members on the lists",
        prompt=(
            "Make `result`: a DataFrame with one column, `iso3`, listing the jurisdictions in "
            "`members` (any status) that appear in `lists` at least once, sorted "
            "alphabetically."
        ),
        expected=_fatf_members_ever_listed,
        check_order=True,
        hints=[
            "Make two sets of ISO3 codes, one from each table (`.dropna()` first), and "
            "intersect them with `&`.",
            "`pd.DataFrame({'iso3': sorted(both)})`.",
        ],
        explanation=(
            "FATF members do get listed. But not all of them were members when they were "
            "listed: compare each listing date with the member's `joined_year` (Indonesia, for "
            "example, joined in 2023, after its listings)."
        ),
    ),
    Numeric(
        id="04.most-plenaries",
        title="The longest presence on the grey list",
        prompt=(
            "At how many covered plenaries was the jurisdiction with the most grey-list rows in "
            "`lists` on the grey list?"
        ),
        expected=_most_grey_plenaries,
        tolerance=0,
        unit="plenaries",
        hints=[
            "Count the grey-list rows of each jurisdiction; the answer is the largest count.",
            "`lists[lists['list'] == 'grey'].groupby('iso3').size()`, then `.max()`.",
        ],
        explanation=(
            "Two jurisdictions tie: Syria and Yemen, each on the grey list at every covered "
            "plenary since mid-2014 and still listed at the latest one. This counts covered "
            "plenaries, so it undercounts time on the list around the gaps, and their spells "
            "are still running."
        ),
    ),
    MultipleChoice(
        id="04.cost-estimate",
        title="Reporting an estimate of what listing costs",
        prompt=(
            "Which sentence reports IMF Working Paper WP/21/153 (Kida and Paetzold, 2021) "
            "correctly?"
        ),
        options={
            "a": Option(
                "It proved that every grey-listed country loses 7.6 per cent of its GDP in the "
                "years it stays on the list.",
                why="No. It is one paper's estimate of an average effect on capital inflows, "
                "not a proof about every country, and not a loss of output.",
            ),
            "b": Option(
                "It estimated that grey-listing reduces capital inflows, on average by about "
                "7.6 per cent of GDP.",
                why="Yes: an estimate of an average, reported as the paper's finding.",
            ),
            "c": Option(
                "It found that grey-listing has no measurable economic effect.",
                why="No. The paper estimated a sizeable average fall in capital inflows.",
            ),
            "d": Option(
                "It adds up the fines that FATF charged grey-listed countries, about 7.6 per "
                "cent of their GDP on average.",
                why="No. FATF charges no fines; any cost comes from how banks and investors "
                "react to the listing.",
            ),
        },
        key="72ecfd9653a01c8c23e8102cfcee3d610509709624335703c1f50a8949077d7b",
        hints=[
            "Look for the option that says who found what, and how sure it is.",
            'Words like "every" and "proved" are warning signs when a source reports an '
            "average estimate.",
        ],
        explanation=(
            "Report an estimate as an estimate: who made it, what it measures (capital "
            "inflows), and that it is an average. Other work points the same way by other "
            "routes: Morse (2019) found that banks moved resources away from listed states, "
            "and FATF's own 2021 stocktake describes de-risking and financial exclusion when "
            "its standards are applied wrongly."
        ),
    ),
    Ordering(
        id="04.timeline",
        title="A timeline of FATF's standards and lists",
        prompt="Put these events in the order they happened, earliest first.",
        items={
            "renamed": 'FATF renames its lists "Jurisdictions under Increased Monitoring" '
            'and "High-Risk Jurisdictions subject to a Call for Action"',
            "pak": "Pakistan is added to the grey list",
            "fatf": "The G7 Paris summit sets up FATF against money laundering",
            "idn": "Indonesia becomes FATF's 40th member",
            "recs": "The revised 40 Recommendations absorb the Special Recommendations on "
            "terrorist financing",
            "tf": "An extraordinary FATF plenary in Washington adds terrorist financing to "
            "FATF's work",
        },
        key="f5fe80f9a5ab4d492e2367acaefbd064f3ea16be7b80c4acdb852b0c61abd86d",
        hints=[
            "FATF is older than its work on terrorist financing, which began after 11 "
            "September 2001.",
            "Of the last three, the renaming happened just before the COVID-19 pandemic.",
        ],
        explanation=(
            "FATF 1989; terrorist financing added October 2001; revised 40 Recommendations "
            "2012; Pakistan grey-listed June 2018; lists renamed February 2020; Indonesia "
            "joined October 2023."
        ),
    ),
]
