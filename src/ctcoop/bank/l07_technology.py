"""Exercises of lesson 07, Technology and cooperation.

Facts behind the options and explanations: `shared/sources/factcheck.md`
(headline finding 5, claims 16-17), GIFCT's hash-sharing database page
(https://gifct.org/hsdb/), and the lesson's own computations. Numeric and code
answers are computed from `internet_users`, `mobile_subscriptions`,
`ucdp_conflicts` and `fatf_members` in `data/` when checked. The screening
names of the lesson are invented; no exercise uses a real person's name.
"""

from __future__ import annotations

import pandas as pd

from ctcoop.exercises import (
    CodeExercise,
    Matching,
    MultipleChoice,
    MultiSelect,
    Numeric,
    Option,
)

TITLE = "Technology and cooperation"
YEAR = 2021  # the year the lesson settles on (latest with every group at least 80% covered)


def _load(name: str) -> pd.DataFrame:
    from ctcoop.data import load

    return load(name)


def _fighting() -> set[str]:
    conflicts = _load("ucdp_conflicts")
    return set(conflicts.loc[conflicts["jihadist_actor"].astype(bool), "iso3_loc"].dropna())


def fatf_median_by_year() -> pd.Series:
    internet = _load("internet_users")
    members = _load("fatf_members")
    fatf = set(members.loc[members["member_type"] == "jurisdiction", "iso3"])
    chosen = internet[internet["iso3"].isin(fatf) & internet["year"].between(2000, YEAR)]
    return chosen.groupby("year")["internet_users_pct"].median()


def mobile_above_100() -> pd.Series:
    mobile = _load("mobile_subscriptions")
    latest = mobile[mobile["year"] == 2020].set_index("iso3")["mobile_subscriptions_per_100"]
    return latest[latest > 100]


def fighting_below_25() -> int:
    internet = _load("internet_users")
    share = internet[internet["year"] == YEAR].set_index("iso3")["internet_users_pct"]
    return int((share.reindex(sorted(_fighting())) < 25).sum())


EXERCISES = [
    MultipleChoice(
        id="07.platforms-claim",
        title="Check the source: secure platforms",
        prompt=(
            'The article says that secure digital platforms "enable rapid transmission of '
            'intelligence". Which verdict fits the sentence as the article writes it?'
        ),
        options={
            "a": Option(
                "accurate",
                why=(
                    "No. The article names no platform (INTERPOL's I-24/7 and Europol's SIENA "
                    "are lesson 05's names, not the article's) and gives no figure for how fast "
                    "anything is delivered."
                ),
            ),
            "b": Option(
                "misleading",
                why=(
                    "No. Nothing in the sentence is shown to be false or to leave a false "
                    "impression: the platforms exist and carry police and intelligence "
                    "information, not money. What is missing is evidence."
                ),
            ),
            "c": Option(
                "inaccurate",
                why=(
                    "No. Secure systems for exchanging information between the police or "
                    "intelligence services of different states do exist: INTERPOL's I-24/7, "
                    "Europol's SIENA and the Counter Terrorism Group's platform (lesson 05)."
                ),
            ),
            "d": Option(
                "unverifiable",
                why=(
                    "Yes. Such platforms exist, but the article names none and gives no "
                    "evidence of what they carry or how fast: true in general, stated without "
                    "anything that could be checked."
                ),
            ),
        },
        key="b73695aa4418162608e1980e3324ce3119927b6dd1b486e669c6e47f015ac3df",
        hints=[
            "Separate two questions: do such platforms exist, and does the article show "
            "anything about them?",
            "Which platforms, and which evidence of speed, does the article itself give?",
        ],
        explanation=(
            "The course's fact-check rates the technology sections generic and unverifiable "
            "(headline finding 5): no platform is named and no evidence cited. Real platforms "
            "exist (I-24/7, SIENA, the CTG platform), but naming them is the reader's work, "
            "not the article's. The article's claims about AI are judged in lesson 10."
        ),
    ),
    MultipleChoice(
        id="07.disparity-claim",
        title="Check the source: capability disparities",
        prompt=(
            "The article says that disparities in technological capability among nations may "
            "hinder cooperation. Using sections 2-4 of the lesson, which verdict fits best?"
        ),
        options={
            "a": Option(
                "accurate",
                why=(
                    "No. The data show the disparities, but the claim's main point is that they "
                    "hinder cooperation, and the tables hold no measure of cooperation; nor do "
                    "the least connected states cooperate least (many states fought on their "
                    "governments' side, lesson 01)."
                ),
            ),
            "b": Option(
                "misleading",
                why=(
                    "No. The disparities are real and large in internet use (not only in mobile "
                    "phones: the mobile gap narrowed more), so the factual part gives no false "
                    "impression; the causal part is untested, not distorted."
                ),
            ),
            "c": Option(
                "inaccurate",
                why=(
                    "No. The gap has not closed since 2000: the ratio fell, but the difference "
                    "in percentage points is larger in the latest year than in 2000 (section "
                    "4)."
                ),
            ),
            "d": Option(
                "unverifiable",
                why=(
                    "Yes. The data show large, lasting gaps between states that must cooperate, "
                    "but the claim's main point, that these gaps hinder cooperation, comes with "
                    "no evidence, and the tables contain no measure of cooperation."
                ),
            ),
        },
        key="675531a7a728237389c2efb526a41ca956450671219bde78114c10aedef3f8ed",
        hints=[
            "The sentence makes two claims: that disparities exist, and that they hinder "
            "cooperation. Judge them one at a time.",
            "Which of the lesson's tables measures cooperation itself?",
        ],
        explanation=(
            "The premise holds: the governments facing these armed groups are far less "
            "connected than FATF's members, and the gap in points is still large. But the "
            "claim's main point, that this hinders cooperation, needs evidence the article does "
            "not give and the tables do not hold (refused or delayed exchanges, for example): "
            "unverifiable."
        ),
    ),
    MultiSelect(
        id="07.gap-measures",
        title="Measuring a gap over time",
        prompt="Which statements about section 4's way of measuring the gap are true? Tick all "
        "that apply.",
        options={
            "ratio": Option(
                "A ratio between two groups can fall while the difference between them in "
                "percentage points grows.",
                why="True: from 1% to 10% against 25% to 70%, the ratio falls from 25 to 7 and "
                "the difference grows from 24 to 60 points.",
            ),
            "panel": Option(
                "Keeping only the states with a value in every year stops the line from "
                "jumping when a country enters or leaves the data.",
                why="True: the medians are then over the same states every year.",
            ),
            "zero": Option(
                "A state with no value in a year should be counted as 0% internet users.",
                why="False: a missing value is a gap, not a zero; counting it as zero would "
                "drag the group down.",
            ),
            "closed": Option(
                "When the ratio falls, the gap has closed in every sense.",
                why="False: section 4 shows the ratio falling while the difference in points "
                "first widens.",
            ),
            "median": Option(
                "The median is less pulled by a few extreme states than the mean.",
                why="True: that is why the lesson reports medians and the middle half.",
            ),
            "same": Option(
                "The median of a group is the value of the same state in every year.",
                why="False: the state in the middle can change from year to year.",
            ),
        },
        key="ccc0fe31eb6818c5bf5dac00d25f0c09776d1cc777709ab2b783b40c75e8f333",
        hints=[
            "Three of the six are true.",
            "Try two made-up groups: one going from 1 to 10, the other from 25 to 70. What "
            "happens to their ratio, and to their difference?",
        ],
        explanation=(
            "Absolute and relative gaps can move in opposite directions; say which one you "
            "quote. A fixed set of states and the median keep the comparison honest; a missing "
            "value stays missing."
        ),
    ),
    MultipleChoice(
        id="07.threshold",
        title="Moving the screening threshold",
        prompt=(
            "In the lesson's screening of invented names, the alert threshold is raised from "
            "80 to 95. What happens?"
        ),
        options={
            "a": Option(
                "Fewer alerts for people who are not listed, and more listed persons missed.",
                why="Yes: a higher bar lets fewer names through, the wrong ones and the right "
                "ones alike.",
            ),
            "b": Option(
                "Fewer false alarms and fewer misses: a stricter threshold is better on both "
                "counts.",
                why="No. A stricter threshold can only keep or raise the number of misses; "
                "section 5's chart shows them rising.",
            ),
            "c": Option(
                "More false alarms and fewer misses, because more names now reach the score.",
                why="No. That is what lowering the threshold does.",
            ),
            "d": Option(
                "Nothing changes: the scores of the invented names are all 100 or below 80.",
                why="No. Several names score between 80 and 95 (the scores table in section 5).",
            ),
        },
        key="856c9c52e51dd4c4bbcb731e1a3d3f9b75cbf0965df40619a29ce737808d5eb3",
        hints=[
            "An alert is raised when the score is at least the threshold. What does a higher "
            "bar do to the number of alerts?",
            "Look at the two lines of section 5's chart between 80 and 95.",
        ],
        explanation=(
            "Every threshold trades false alarms against misses. Because some listed persons "
            "written in another transliteration score lower than some people who are not "
            "listed, no threshold gets both to zero; real systems add other identifiers and a "
            "human review."
        ),
    ),
    Matching(
        id="07.hash-match",
        title="Which hash matches what?",
        prompt=(
            "A platform checks a new image against a shared hash of a known image, with both a "
            "SHA-256 hash and a 64-bit perceptual hash (a match: at most 10 bits differ). "
            "Match each new image with what happens."
        ),
        left={
            "copy": "a byte-for-byte copy of the known image",
            "edited": "the known image made slightly darker",
            "other": "a different shape (a ring where the known image has a disc)",
            "alike": "a different image with the same coarse structure (a stepped gradient "
            "against a smooth one)",
        },
        right={
            "1": "a collision: the perceptual hash matches content that was never flagged",
            "2": "both hashes match",
            "3": "neither hash matches",
            "4": "only the perceptual hash matches, as intended",
        },
        key="d52ef5bae23d995661fb3c1d097b540994a059d8e2f33d8c519276ed42e0e41f",
        hints=[
            "A cryptographic hash changes completely when a single byte changes.",
            "Look at the table of differing bits in section 6: which pairs differ by at most "
            "10 of the 64 perceptual bits?",
        ],
        explanation=(
            "SHA-256 matches only exact copies. The perceptual hash matches the darker copy "
            "(a few bits differ), not the ring (more than 10 bits), and it collides on the two "
            "gradients (no bit differs). GIFCT's database holds both kinds, for exact and "
            "for similar content."
        ),
    ),
    CodeExercise(
        id="07.fatf-median",
        title="FATF members online, year by year",
        prompt=(
            "Make `result`: a Series indexed by `year`, from 2000 to 2021, with the median "
            "`internet_users_pct` of the FATF member jurisdictions (the set `fatf`) that have "
            "a value in `internet` in that year."
        ),
        expected=fatf_median_by_year,
        check_order=False,
        hints=[
            "Two steps: first choose the rows you need, then summarise them year by year.",
            "The rows: `iso3` in `fatf` (`.isin`) and `year` between 2000 and 2021 (`.between`).",
            "Then group by `year` and take the median of `internet_users_pct`.",
        ],
        explanation=(
            "This is the FATF line of section 4 without the fixed-panel rule: here every "
            "member with a value counts in each year. Compare it with the lesson's line: any "
            "difference comes from members that lack a value in some of the years."
        ),
    ),
    CodeExercise(
        id="07.mobile-100",
        title="More subscriptions than people",
        prompt=(
            "Make `result`: a Series indexed by `iso3` with `mobile_subscriptions_per_100` in "
            "2020, for the countries in `mobile` whose value that year is above 100 (any "
            "order)."
        ),
        expected=mobile_above_100,
        check_order=False,
        hints=[
            "Start from the rows of one year only.",
            "Make `iso3` the index, select `mobile_subscriptions_per_100`, then keep the "
            "values above 100 with a comparison inside the brackets.",
        ],
        explanation=(
            "Many countries exceed 100: the indicator counts subscriptions (SIM cards), not "
            "people, and one person may hold several. That is why the lesson reads it as "
            "reach, not as a share of people."
        ),
    ),
    Numeric(
        id="07.least-connected",
        title="The least connected partners",
        prompt=(
            "How many of the governments fighting jihadist groups (the set `fighting`) had "
            "fewer than 25% of their population using the internet in 2021?"
        ),
        expected=fighting_below_25,
        tolerance=0,
        unit="governments",
        hints=[
            "Take the 2021 values of `internet_users_pct` with `iso3` as the index.",
            "Keep the codes in `fighting`, then count the values below 25.",
        ],
        explanation=(
            "These are governments that other states fought alongside against the same armed "
            "groups. Note what the count leaves out: governments with no value for 2021 are "
            "not below 25%, they are unknown."
        ),
    ),
]
