"""Exercises of lesson 09, Emerging threats and adaptive strategies.

Facts behind the options and explanations: the UN Security Council resolutions
named in the lesson's sources (their subjects and dates; dates also in
`unsc_resolutions`), FATF's public statement of 22 February 2019 and its
Interpretive Note to Recommendation 15 (June 2019), and `shared/sources/un/PROVENANCE.md`
(section 4: the sanctions list holds current entries only). Numeric and code
answers are computed from `ucdp_conflicts` and `sanctions_list` when checked.
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
    Ordering,
)

TITLE = "Emerging threats and adaptive strategies"
CENTRAL_SAHEL = ["MLI", "BFA", "NER"]
ISIL_AQ = "ISIL (Da'esh) & Al-Qaida"


def _isil_aq() -> pd.DataFrame:
    from ctcoop.data import load

    sanctions = load("sanctions_list")
    return sanctions[sanctions["regime"] == ISIL_AQ]


def central_sahel_conflicts_per_year() -> pd.Series:
    from ctcoop.data import load

    conflicts = load("ucdp_conflicts")
    jihadist = conflicts[conflicts["jihadist_actor"]]
    return jihadist[jihadist["iso3_loc"].isin(CENTRAL_SAHEL)].groupby("year").size()


def entities_per_listing_year() -> pd.Series:
    isil_aq = _isil_aq()
    entities = isil_aq[isil_aq["entry_type"] == "entity"]
    return entities.groupby(entities["listed_on"].dt.year).size()


def missing_individual_numbers() -> int:
    isil_aq = _isil_aq()
    people = isil_aq[isil_aq["entry_type"] == "individual"]
    numbers = people["reference_number"].str.extract(r"QDi\.(\d+)", expand=False).astype(int)
    return int(numbers.max() - numbers.nunique())


EXERCISES = [
    MultipleChoice(
        id="09.tactics-claim",
        title="Check the source: sophisticated tactics, increasingly?",
        prompt=(
            'The article says terrorist networks "increasingly adapt by employing '
            "sophisticated tactics, such as encrypted communications, online radicalization, "
            'and cyber-attacks". Which verdict does the evidence in this lesson support?'
        ),
        options={
            "accurate": Option(
                "accurate",
                why="No. The Council's resolutions since 2014 on foreign fighters, "
                "counter-narratives and critical infrastructure show that states were concerned "
                "about online radicalisation; they measure no trend, and none of them is "
                "evidence about encryption or cyber-attacks in this lesson.",
            ),
            "misleading": Option(
                "misleading",
                why="No. That would need some tactics documented as rising and others not; the "
                "course has no measure of any of the three over time, rising or falling.",
            ),
            "inaccurate": Option(
                "inaccurate",
                why="No. UCDP counts deaths in organised violence, not tactics: its data cannot "
                "show that a tactic is unused, so they cannot refute the claim either.",
            ),
            "unverifiable": Option(
                "unverifiable",
                why="Yes. No evidence is given, the data hold no measure of tactics, and the "
                "Council's concern about online recruitment is not a measured trend: the claim "
                "may be partly true, but nothing here can test it.",
            ),
        },
        key="0777f224d2b98af6ed0dcbe164fd9899fa79125260124c1de5beba4942a38560",
        hints=[
            "Split the sentence: a trend ('increasingly') and three tactics. For which part "
            "does the lesson hold a measurement?",
            "Section 7 lists what the data measure and what the resolutions document. Which of "
            "lesson 00's four words fits a claim that nothing can test?",
        ],
        explanation=(
            "The claim may be partly true, but the article gives no evidence and the course's "
            "data count conflicts and deaths, not tactics. The Security Council's resolutions "
            "2178 (2014) and 2354 (2017) document concern about online radicalisation and "
            "recruitment, which is not a measured trend. Unverifiable, and a good question for "
            "research: what records would count cases by tactic, year by year?"
        ),
    ),
    CodeExercise(
        id="09.central-sahel",
        title="Conflicts in the central Sahel (code)",
        prompt=(
            "Make `result`: a Series giving, for each `year`, how many conflicts in `jihadist` "
            "were located in Mali, Burkina Faso or Niger (`iso3_loc` is `MLI`, `BFA` or `NER`). "
            "Years with none need not appear."
        ),
        expected=central_sahel_conflicts_per_year,
        check_order=False,
        hints=[
            "First keep the rows of `jihadist` located in one of the three countries.",
            "`jihadist['iso3_loc'].isin([...])` makes the filter; then count rows per year with "
            "`.groupby('year').size()`.",
        ],
        explanation=(
            "Until 2014 the central Sahel had at most one such conflict a year (Mali against "
            "AQIM); from 2018 it had several a year, as JNIM and IS affiliates fought all three "
            "governments. A conflict counts once a year, however deadly."
        ),
    ),
    CodeExercise(
        id="09.entities-by-year",
        title="Entities still listed, by year of listing (code)",
        prompt=(
            "Make `result`: a Series giving, for each year, how many **entities** (not "
            "individuals) of `isil_aq` were listed in that year and are still on the list. "
            "Use the `entry_type` and `listed_on` columns."
        ),
        expected=entities_per_listing_year,
        check_order=False,
        hints=[
            "Keep the rows of `isil_aq` whose `entry_type` is `entity`.",
            "Group by the year of the listing date: `.groupby(entities['listed_on'].dt.year)"
            ".size()`.",
        ],
        explanation=(
            "The entities listed in 2001 still make up the largest year, although most of the "
            "`QDe` numbers of that year are held by no entry today. The count of survivors "
            "is a floor for the listings of each year, not the listings themselves."
        ),
    ),
    Numeric(
        id="09.missing-numbers",
        title="Numbers no entry holds",
        prompt=(
            "Individuals on the ISIL (Da'esh) & Al-Qaida list have reference numbers `QDi.001`, "
            "`QDi.002`, ... How many numbers from 1 up to the highest one in the file are held "
            "by no individual on the list? Use `isil_aq`."
        ),
        expected=missing_individual_numbers,
        tolerance=0,
        unit="numbers",
        hints=[
            "Take the individuals, and turn the part of `reference_number` after `QDi.` into "
            "an integer.",
            "If numbers run from 1 to the highest, how many would there be? Compare that with "
            "how many individuals there are.",
        ],
        explanation=(
            "Each missing number is, most likely, an entry that left the list: delisted, "
            "removed after a death, or merged. The file says neither which nor when. So the "
            "list of survivors undercounts its early years by at least these numbers."
        ),
    ),
    MultiSelect(
        id="09.survivorship",
        title="What the bars of listing years can show",
        prompt=(
            "The lesson drew the entries on the November 2025 list by the year they were listed. "
            "Which conclusions does that chart, **on its own**, support? Choose all that apply."
        ),
        options={
            "floor": Option(
                "Every entry that the 2001 bar counts was listed in 2001 and still listed in "
                "November 2025.",
                why="Yes: the survivors are a floor for that year.",
            ),
            "recent": Option(
                "Entries listed in 2014 and 2015 are still on the list in large numbers.",
                why="Yes: that is what the bars count.",
            ),
            "peak": Option(
                "The Council listed fewer people and entities in 2002 than in 2015.",
                why="No. Entries of 2002 have had far longer to be removed; the chart cannot "
                "compare the listings themselves.",
            ),
            "trend": Option(
                "The list's early years were quieter than the chart suggests.",
                why="No, the opposite: removed entries are missing, so early years were, if "
                "anything, busier than they look.",
            ),
            "why": Option(
                "Entries left the list mostly because they were delisted after review.",
                why="No. The file holds no removed entries, so it cannot say why any left.",
            ),
        },
        key="24f4023f35680d302a8b3521412908f67c22d86b2a36d91ba91b63eac922510d",
        hints=[
            "The file lists only the entries still on the list on one day.",
            "A statement about survivors can be read from it; a statement about everything "
            "ever listed cannot.",
        ],
        explanation=(
            "Current-status data support statements about the survivors (how many of a year are "
            "still listed), never about the whole history (how many were listed, or why they "
            "left). Reading survivors as the history is survivorship bias."
        ),
    ),
    Matching(
        id="09.resolution-themes",
        title="Resolutions and their themes",
        prompt=(
            "Match each Security Council resolution to the subject it addressed, as the lesson "
            "grouped them."
        ),
        left={
            "r2133": "Resolution 2133 (2014)",
            "r2195": "Resolution 2195 (2014)",
            "r2341": "Resolution 2341 (2017)",
            "r2354": "Resolution 2354 (2017)",
            "r2370": "Resolution 2370 (2017)",
        },
        right={
            "ransom": "kidnapping for ransom as a source of terrorist financing",
            "crime": "links between terrorism and transnational organised crime",
            "infra": "protecting critical infrastructure against terrorist attacks",
            "narr": "countering terrorist narratives",
            "arms": "keeping weapons out of terrorists' hands",
        },
        key="ce26a7147842a2a9fdf07fe822ed69b118ec4689ae84a7895c172b16df5c91e5",
        hints=[
            "Two of them were adopted in 2014, the year IS took territory in Iraq and Syria.",
            "The earliest of the five is about money; the latest about arms.",
        ],
        explanation=(
            "2133: kidnapping for ransom (January 2014); 2195: terrorism and organised crime "
            "(December 2014); 2341: critical infrastructure (February 2017); 2354: counter-"
            "narratives (May 2017); 2370: weapons (August 2017). The lesson's theme list is "
            "named one by one from the resolutions' subjects."
        ),
    ),
    Ordering(
        id="09.themes-order",
        title="The Council's thematic resolutions in order",
        prompt=(
            "Each item describes one thematic Security Council resolution by its subject. Put "
            "the resolutions in the order they were adopted, earliest first."
        ),
        items={
            "incite": "incitement to commit terrorist acts",
            "wmd": "weapons of mass destruction and non-state actors",
            "obligations": "obligations on all states (among them, criminalising terrorist "
            "financing and freezing terrorists' funds) and a Counter-Terrorism Committee",
            "ftf": "foreign terrorist fighters",
            "judicial": "international judicial cooperation in counter-terrorism",
            "infra": "protecting critical infrastructure",
            "financing": "the first of these resolutions on terrorist financing alone, after two "
            "on particular sources of money",
        },
        key="525780edb40fe7a71331e6dbdf2a2590f22f8c27f28cb59f94e66ee7a51a2834",
        hints=[
            "The lesson's figure of themes places each resolution by year.",
            "Two of these came before 2005, and only one after 2017.",
        ],
        explanation=(
            "1373 (2001), 1540 (2004), 1624 (2005), 2178 (2014), 2322 (2016), 2341 (2017), "
            "2462 (2019, after 2133 on kidnapping for ransom and 2199 on IS's oil and "
            "antiquities). This is the order of adoption, not of the subjects the Council "
            "first took up: 1373 already required every state to criminalise terrorist "
            "financing and freeze terrorists' funds (paragraph 1(a)-(d)); 2462 was the first "
            "resolution on financing alone."
        ),
    ),
    MultipleChoice(
        id="09.fatf-virtual-assets",
        title="FATF and virtual assets",
        prompt="What did FATF adopt in June 2019 on virtual assets?",
        options={
            "a": Option(
                "A ban on virtual assets in all its member jurisdictions.",
                why="No. FATF sets standards for regulating them, not bans; and its standards "
                "are not laws.",
            ),
            "b": Option(
                "A treaty on virtual assets, open to every UN member state to sign and ratify.",
                why="No. FATF's Recommendations are standards, peer-reviewed, not a treaty.",
            ),
            "c": Option(
                "An Interpretive Note to Recommendation 15, on regulating their providers.",
                why="Yes: it made the October 2018 amendment operational. Countries must "
                "license or register virtual asset service providers, supervise them, and apply "
                "the usual preventive measures, including the travel rule.",
            ),
            "d": Option(
                "Its first rules on terrorist financing.",
                why="No. FATF took up terrorist financing in October 2001 (lesson 04).",
            ),
        },
        key="6d2353f3c91d26cab7bea61b52101096add3fae514bfb39cd1a9e585f33d05a3",
        hints=[
            "FATF writes standards; it does not ban, and it does not make treaties.",
            "The note interprets the Recommendation on new technologies, amended in October 2018.",
        ],
        explanation=(
            "In October 2018 FATF amended Recommendation 15 and defined virtual assets and "
            "their service providers; in June 2019 its Interpretive Note said how countries "
            "must regulate and supervise them. Implementation has been reviewed every year "
            "since 2020."
        ),
    ),
]
