"""Exercises of lesson 13, Lessons learned and best practices, and the capstone.

Facts behind the options and explanations: the course's fact-check notes
(`shared/sources/factcheck.md`, headline finding 5 and "How the errors work"), the
`article_scorecard` table, FATF's *Methodology for assessing technical compliance with the
FATF Recommendations and the effectiveness of AML/CFT systems* (February 2013: technical
compliance and effectiveness assessed separately, 11 immediate outcomes) and the GCTF's
*Rabat Memorandum on Good Practices for Effective Counterterrorism Practice in the Criminal
Justice Sector* (2012: 15 non-binding good practices). Numeric and code answers are computed
from `article_scorecard` and `treaty_participation` when checked.
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

TITLE = "Lessons learned and best practices, and the capstone"
PROFILED = ["ESP", "KEN", "PAK"]


def _load(name: str) -> pd.DataFrame:
    from ctcoop.data import load

    return load(name)


def not_accurate_by_section() -> pd.Series:
    scorecard = _load("article_scorecard")
    wrong = scorecard[scorecard["verdict"] != "accurate"]
    return wrong.groupby("section").size()


def inaccurate_count() -> int:
    scorecard = _load("article_scorecard")
    return int((scorecard["verdict"] == "inaccurate").sum())


def conventions_party_to() -> pd.Series:
    treaties = _load("treaty_participation")
    chosen = treaties[treaties["iso3"].isin(PROFILED) & (treaties["status"] == "party")]
    return chosen.groupby("iso3").size()


EXERCISES = [
    MultipleChoice(
        id="13.best-practice-claim",
        title="Check the source: the article's best practices",
        prompt=(
            "The course's fact-check rates the article's section on best practices as generic: "
            "it lists sound-sounding practices and cites no evidence. Set against the GCTF's "
            "and FATF's documents in section 4, which verdict fits the section?"
        ),
        options={
            "accurate": Option(
                "accurate",
                why="No. The section does not summarise the GCTF's Rabat Memorandum or FATF's "
                "effectiveness ratings: the article names neither document and gives no "
                "reference; the fact-check found no evidence cited in the section.",
            ),
            "misleading": Option(
                "misleading",
                why="No. That would need evidence that the practices it lists are true in part "
                "but leave a false impression, or make cooperation worse; there is no evidence "
                "either way in the article, and the course has none that the practices harm "
                "cooperation.",
            ),
            "inaccurate": Option(
                "inaccurate",
                why="No. Nothing in the section is shown to be false, and international bodies "
                "have written down good practices (the GCTF's memoranda and FATF's standards, "
                "section 4); the problem is that the article does not use them.",
            ),
            "unverifiable": Option(
                "unverifiable",
                why="Yes. The practices may be sensible, but the article gives no source or "
                "evidence for them: nothing in the section can be checked against a source.",
            ),
        },
        key="cf4ab604b3d56d2586a850053213932c274eb7714501e3e7c6cb8df19c5f6513",
        hints=[
            "Ask two questions: is anything in the section false, and is anything in it sourced?",
            "A claim without evidence is not the same as a false claim. Which of the four words "
            "is for that?",
        ],
        explanation=(
            "Headline finding 5 of the fact-check: the sections on technology, AI and best "
            "practice are generic and cite no evidence. Real good-practice documents exist "
            "(the GCTF's Rabat Memorandum, 2012; FATF's 2013 methodology, which rates "
            "effectiveness separately from laws on paper), which is what makes the article's "
            "list easy to improve and impossible to check."
        ),
    ),
    Numeric(
        id="13.inaccurate-count",
        title="How many claims are inaccurate?",
        prompt=(
            "How many claims in `scorecard` have the verdict `inaccurate`? Count them with pandas."
        ),
        expected=inaccurate_count,
        tolerance=0,
        unit="claims",
        hints=[
            "Compare the `verdict` column with one word.",
            "A comparison gives True and False; `.sum()` counts the True values.",
        ],
        explanation=(
            "Few claims are plainly wrong, and all of them are in the case studies: the "
            "Abbottabad raid ('jointly', 'capture') and Al-Shabaab ('dismantled'). Most other "
            "claims are accurate but loosely worded, misleading, or unverifiable."
        ),
    ),
    CodeExercise(
        id="13.not-accurate-by-section",
        title="Where the article goes wrong (code)",
        prompt=(
            "Make `result`: a Series giving, for each `section` of the article, how many "
            "claims in `scorecard` have a verdict other than `accurate`. Sections with none "
            "can be left out."
        ),
        expected=not_accurate_by_section,
        check_order=False,
        hints=[
            "First keep the rows whose `verdict` is not `accurate` (the operator `!=`).",
            "Then count rows per section: `.groupby('section').size()`.",
        ],
        explanation=(
            "The case studies hold more claims that are not accurate than any other section; "
            "the section on organisations is mostly accurate, with one misleading claim about "
            "INTERPOL. A count by section says where to look first, not how serious each error "
            "is, and it depends on how many claims of each section the course checked."
        ),
    ),
    Matching(
        id="13.error-patterns",
        title="How the errors work",
        prompt=(
            "The fact-check groups the article's errors into three patterns. Match each claim "
            "to its pattern."
        ),
        left={
            "capture": 'Abbottabad: the raid ended in bin Laden\'s "capture".',
            "interpol": 'INTERPOL lets agencies "conduct joint operations across borders".',
            "prevention": 'Post-Madrid cooperation "resulted in improved prevention efforts".',
            "dismantled": 'Al-Shabaab was "dismantled".',
        },
        right={
            "tidier": "Real cooperation turned into a tidier story",
            "powers": "An organisation given powers it does not have",
            "outcome": "An outcome asserted with no evidence",
        },
        key="77e27fb396175594310fcbcd0541364f626d5e38fa06ed0e4ac5ce27297f28f1",
        hints=[
            "For each claim, ask: is it about what happened, about what an organisation can "
            "do, or about a result?",
            "Two of the claims are case-study stories that came out neater than the record.",
        ],
        explanation=(
            "The fact-check's notes: claims 8-9 and 12 turn real cooperation into a tidier "
            "story ('joint', 'capture', 'dismantled'); claims 3 and 5 give organisations powers "
            "they do not have; claims 11 and 16 assert outcomes with no evidence. These are "
            "typical failure modes of AI-generated summaries."
        ),
    ),
    MultiSelect(
        id="13.paper-and-practice",
        title="Laws on paper and what works",
        prompt=(
            "Which statements about the good-practice documents of section 4 are true? Choose "
            "all that apply."
        ),
        options={
            "two_parts": Option(
                "FATF's 2013 methodology rates a country's technical compliance with the "
                "Recommendations and, separately, how effective its system is.",
                why="Yes: laws on paper and results in practice get separate ratings.",
            ),
            "outcomes": Option(
                "Effectiveness is assessed against 11 immediate outcomes.",
                why="Yes: the methodology defines 11 of them.",
            ),
            "nonbinding": Option(
                "The GCTF's Rabat Memorandum sets out good practices that states are encouraged, "
                "not obliged, to use.",
                why="Yes: GCTF documents are non-binding.",
            ),
            "binding": Option(
                "The Rabat Memorandum is a treaty that binds every GCTF member.",
                why="No. The GCTF is an informal forum (lesson 02); its good practices bind "
                "nobody.",
            ),
            "laws_only": Option(
                "A country with every required law in place is rated effective by FATF "
                "automatically.",
                why="No. That is exactly the distinction the 2013 methodology draws: laws can be "
                "in place and still not work.",
            ),
        },
        key="1e64a7069c97a252b48b0720b438648dba7902306c403b0484f2b2fde93b3438",
        hints=[
            "Think about the difference between having a law and using it.",
            "Which body in the course is an informal forum with no power to bind?",
        ],
        explanation=(
            "Best practice with evidence separates what is written from what works: FATF rates "
            "both, and the GCTF's memoranda are guidance drawn from practitioners. The "
            "article's list does neither: it names practices and asserts that they work."
        ),
    ),
    CodeExercise(
        id="13.profile-indicator",
        title="Capstone: compute one indicator yourself (code)",
        prompt=(
            "Make `result`: a Series, indexed by `iso3`, giving for Spain (ESP), Kenya (KEN) "
            "and Pakistan (PAK) how many of the five conventions in `treaties` each was a "
            "party to (`status` is `party`) in the data. Then compare your numbers with the "
            "profiles."
        ),
        expected=conventions_party_to,
        check_order=False,
        hints=[
            "Two conditions: the state's code is one of the three (`.isin`), and the status.",
            "Count rows per state: `.groupby('iso3').size()`.",
        ],
        explanation=(
            "Spain and Kenya were parties to all five conventions in the 2014 status pages; "
            "Pakistan to four, with no record for the Nuclear Terrorism Convention. The count "
            "says who accepted obligations, not how well they apply them (lesson 08)."
        ),
    ),
]
