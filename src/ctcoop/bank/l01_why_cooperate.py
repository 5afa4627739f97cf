"""Exercises of lesson 01, Why states cooperate.

Facts behind the options and explanations: `shared/sources/factcheck.md`
claims 1, 3-6, 12-14, `shared/sources/events/PROVENANCE.md` (how to read the
UCDP/PRIO Armed Conflict Dataset) and `data/README.md`.
Numeric and code answers are computed from `data/` when checked.
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

TITLE = "Why states cooperate"


def _jihadist_conflicts() -> pd.DataFrame:
    from ctcoop.data import load

    conflicts = load("ucdp_conflicts")
    return conflicts[conflicts["jihadist_actor"].fillna(False)]


def _helper_states() -> int:
    """Distinct states listed on the government side (side a) as secondary parties."""
    from ctcoop.data import load

    secondary = load("ucdp_secondary_parties")
    years = _jihadist_conflicts()[["conflict_id", "year"]]
    helpers = secondary[secondary["side"] == "a"].merge(years, on=["conflict_id", "year"])
    return int(helpers["iso3"].nunique())


def _conflicts_per_year() -> pd.Series:
    return _jihadist_conflicts().groupby("year").size()


def _war_years_337() -> list[int]:
    rows = _jihadist_conflicts()
    rows = rows[(rows["conflict_id"] == 337) & (rows["intensity_level"] == 2)]
    return sorted(int(year) for year in rows["year"])


EXERCISES = [
    MultipleChoice(
        id="01.alshabaab-dismantled",
        title="Check the source: was Al-Shabaab dismantled?",
        prompt=(
            'The article says: "The dismantling of the Somali-based Al-Shabaab network '
            "exemplifies successful transnational efforts.\" Weigh it against UCDP's record of "
            "conflict 337 (Somalia's government against Al-Shabaab) above. Your verdict?"
        ),
        options={
            "a": Option(
                "accurate",
                why="No. Nothing in the data looks like a network taken apart: the conflict "
                "has a row in every year from 2008 to the latest year of the data, most of "
                "them at war intensity.",
            ),
            "b": Option(
                "misleading",
                why="Not quite. Misleading is for a claim that is true in part. Al-Shabaab "
                "did lose Mogadishu in 2011, but it was not dismantled in any part: the "
                "conflict never stopped.",
            ),
            "c": Option(
                "inaccurate",
                why="Yes. The conflict has a row in every year up to the latest year of the "
                "data, nearly all at war intensity (1,000 or more battle-related deaths): the "
                "group was weakened in places, not dismantled.",
            ),
            "d": Option(
                "unverifiable",
                why="No. The claim can be checked, and the data check it: a conflict-year "
                "exists only when there were at least 25 battle-related deaths, and intensity "
                "level 2 means 1,000 or more. That is enough to see that the fighting went on.",
            ),
        },
        key="3df4558bc2955849753d11b42d995fd0ef2728e1667ed3882f0254d1e5de7add",
        hints=[
            "Look at the years of conflict 337 in the chart above, and at the last one.",
            "`intensity_level` 2 means war intensity. Count how often it appears after 2008, "
            "and ask whether a dismantled group could fight at that level.",
        ],
        explanation=(
            "The course's fact-check rates the claim inaccurate. Al-Shabaab lost Mogadishu in "
            "2011 but kept large rural areas; UCDP records the conflict in every year from 2008 "
            "to the end of its data, at war intensity in all but one year, and a separate "
            "Kenya-Al-Shabaab conflict from 2015. In 2008-2010 UCDP's side B also names other "
            "groups (ARS/UIC, then Hizbul Islam), so those years' intensity is not Al-Shabaab's "
            "alone; from 2011 it is the only opponent named. Sources: UCDP/PRIO ACD v25.1; "
            "fact-check claim 12."
        ),
    ),
    MultipleChoice(
        id="01.joint-operations",
        title="Check the source: who fought alongside Somalia?",
        prompt=(
            'The article says: "US, Kenyan, and Somali forces executed joint operations '
            'targeting leadership and logistics hubs." Weigh it against the states UCDP lists '
            "on Somalia's side and the record of the African Union missions. Your verdict?"
        ),
        options={
            "a": Option(
                "accurate",
                why="Not quite. US, Kenyan and Somali forces did fight Al-Shabaab, but the "
                "claim names three states and leaves out the African Union missions and the "
                "other African states that UCDP lists on Somalia's side.",
            ),
            "b": Option(
                "misleading",
                why="Yes: true in part, but it leaves a false picture. Cooperation was wider "
                "and mainly African Union-led (AMISOM, then ATMIS, then AUSSOM), and Kenya "
                "first went in on its own, in October 2011 (Operation Linda Nchi), joining "
                "AMISOM in 2012.",
            ),
            "c": Option(
                "inaccurate",
                why="Too strong. The states named did fight Al-Shabaab: UCDP lists Kenya and "
                "the USA on Somalia's side. What is wrong is the picture the claim leaves, not "
                "each fact in it.",
            ),
            "d": Option(
                "unverifiable",
                why="No. UCDP's secondary parties for conflict 337 and the record of the "
                "African Union missions let you check it, as this section does.",
            ),
        },
        key="be7162c707ff94a368e0b3f5b5e07a51df8cc4d78ab4deffb8f1532ed61ad61b",
        hints=[
            "Compare the states on Somalia's side in the table above with the three the claim "
            "names.",
            "Which regional organisation ran the missions in Somalia from 2007?",
        ],
        explanation=(
            "The fact-check rates the claim misleading: cooperation was real but mainly "
            "African Union-led, with AMISOM (2007-2022), ATMIS (2022-2024) and AUSSOM (from "
            "2025); the US role has been mostly air strikes and advisers. Sources: fact-check "
            "claim 13; UCDP/PRIO ACD v25.1, conflict 337."
        ),
    ),
    MultipleChoice(
        id="01.location-meaning",
        title='What "location" means in UCDP',
        prompt=(
            "In the UCDP table, conflict 418 (the USA against al-Qaida) has `location` "
            '"United States of America". What does that tell you?'
        ),
        options={
            "a": Option(
                "Most of the fighting in that conflict took place on US soil.",
                why="No. `location` names the government side's country, not the battlefield; "
                "the fighting in this conflict took place abroad.",
            ),
            "b": Option(
                "Al-Qaida was based in the United States.",
                why="No. Nothing in `location` says where the non-state side was based.",
            ),
            "c": Option(
                "The conflict was an interstate war between the USA and another state.",
                why="No. Side B is al-Qaida, a non-state group; interstate conflicts have "
                "governments on both sides.",
            ),
            "d": Option(
                "The government side is the US government.",
                why="Yes: UCDP's location is the country of the government side; it says "
                "nothing about where the battles were.",
            ),
        },
        key="7de3b3394c1e97696d7376c5e574f649d026255781d721c397b67768d2154ad0",
        hints=[
            "Compare `location` with `side_a` in the rows of conflict 418.",
            "The data notes say: location = government side, not battlefield.",
        ],
        explanation=(
            "UCDP's codebook defines the location as the government side's country. To know "
            "where fighting happened you need event data (UCDP GED), which the course does not "
            'include. Mapping `location` as "where the violence was" is a common mistake.'
        ),
    ),
    Numeric(
        id="01.helper-states",
        title="How many states helped?",
        prompt=(
            "How many different states appear in `secondary` on side `a` (the government side) "
            "in a conflict-year of `jihadist` (the rows of `conflicts` where `jihadist_actor` "
            "is True)?"
        ),
        expected=_helper_states,
        tolerance=0,
        unit="states",
        hints=[
            "Only the conflict-years in `jihadist` count: bring the two tables together on "
            "the columns that identify a conflict-year.",
            "Keep `secondary[secondary['side'] == 'a']`, merge it with "
            "`jihadist[['conflict_id', 'year']]` on both columns, and count distinct `iso3` "
            "with `.nunique()`.",
        ],
        explanation=(
            "The count is of states that UCDP lists on the government side in at least one of "
            "these conflict-years, not of states that each chose to fight these groups. Much "
            "of it comes from a few multinational efforts: some states are listed only in the "
            "two Mali conflicts, where UCDP counts the troop contributors of the UN mission "
            "MINUSMA. In years when side B names several groups (Iraq, Somalia 2008-2010, "
            "Yemen), a listed state may have fought a group other than the one that put the "
            "row in `jihadist`; and UCDP lists AMISOM's contributors only from 2012."
        ),
    ),
    CodeExercise(
        id="01.conflicts-per-year",
        title="Conflict-years per year (code)",
        prompt=(
            "Make `result`: a Series indexed by `year`, with the number of rows of `jihadist` "
            "(the conflict-years where `jihadist_actor` is True) in each year."
        ),
        expected=_conflicts_per_year,
        hints=[
            "One row is one conflict in one year, so count the rows that fall in each year.",
            "Group `jihadist` by `year` and count the rows of each group with `.size()`.",
        ],
        explanation=(
            "One row is one conflict in one year, so this counts active conflicts per year. "
            "The jump in 2015 comes with the many conflicts in which UCDP names IS as the "
            "opponent; watch also the first years, where group names carry older histories."
        ),
    ),
    CodeExercise(
        id="01.war-years-337",
        title="Conflict 337 at war intensity (code)",
        prompt=(
            "Make `result`: a list of the years (integers) in which conflict 337 is at war "
            "intensity (`intensity_level` 2), among the rows of `jihadist`."
        ),
        expected=_war_years_337,
        hints=[
            "Keep the rows of `jihadist` that belong to conflict 337 and are at war "
            "intensity, then take their years.",
            "Combine the two conditions with `&`, each in brackets, then take the `year` "
            "column and turn it into a list with `.tolist()`.",
        ],
        explanation=(
            "Almost every year since 2008 is at war intensity, which is hard to square with "
            '"dismantling". In 2008-2010 side B also names ARS/UIC or Hizbul Islam, so the '
            "intensity of those years is not Al-Shabaab's alone. Without the `jihadist_actor` "
            "filter you would also get years from the 1980s to 2007, when the same conflict id "
            "covered other armed groups."
        ),
    ),
    Matching(
        id="01.cooperation-strands",
        title="Strands of cooperation",
        prompt="Match each strand of counter-terrorism cooperation with an example of it.",
        left={
            "information": "Sharing information between police forces",
            "police": "Supporting investigations across EU borders",
            "finance": "Cutting off terrorist financing",
            "military": "Sending troops to support another government",
            "law": "Obliging every UN member state to act",
        },
        right={
            "1": "FATF's standards and peer reviews; the UN sanctions list with its asset freezes",
            "2": "the African Union missions in Somalia (AMISOM, ATMIS, AUSSOM)",
            "3": "INTERPOL's notices, databases and I-24/7 network",
            "4": "binding Security Council resolutions such as 1373 (2001)",
            "5": "Europol's analysis and its European Counter Terrorism Centre, without "
            "executive powers",
        },
        key="a75b27753eee658b9a6bb166b83154afe0eedaa203c1f1d740ebbfd5ccdaf728",
        hints=[
            "Start with the bodies named in the lesson's table of strands: INTERPOL, Europol, "
            "FATF.",
            "Only one of the examples is about soldiers; only one is a legal obligation.",
        ],
        explanation=(
            "Information and police work run through INTERPOL and Europol, which connect and "
            "support national police; finance through FATF and the UN sanctions regimes; "
            "military support through coalitions and missions; and the legal base through "
            "Security Council resolutions and treaties."
        ),
    ),
    Ordering(
        id="01.somalia-timeline",
        title="A timeline of cooperation in Somalia",
        prompt="Put these events in the order they happened, earliest first.",
        items={
            "atmis": "The AU Transition Mission in Somalia (ATMIS) takes over",
            "linda": "Kenya sends forces into southern Somalia (Operation Linda Nchi)",
            "aussom": "The AU Support and Stabilisation Mission (AUSSOM) begins",
            "amisom": "The AU Mission in Somalia (AMISOM) begins",
            "join": "Kenya folds its forces into AMISOM",
        },
        key="dadaca0f120a6e43adfeffebf14e5a34ac98e7fcc944730b634799457d336e66",
        hints=[
            "The three AU missions followed one another; the newest began in 2025.",
            "Kenya acted alone first, and joined the AU mission the next year.",
        ],
        explanation=(
            "AMISOM from January 2007; Kenya's Operation Linda Nchi from 16 October 2011; "
            "Kenya's forces into AMISOM in 2012; ATMIS from 1 April 2022; AUSSOM from "
            "1 January 2025. Source: fact-check claim 13."
        ),
    ),
    MultiSelect(
        id="01.acd-questions",
        title="What the conflict data can answer",
        prompt=(
            "Which of these questions can the UCDP/PRIO Armed Conflict Dataset in this course "
            "answer? Tick all that apply."
        ),
        options={
            "troops": Option(
                "Which states supported a government with troops against IS in a given year?",
                why="Yes: `side_a_2nd` and the `ucdp_secondary_parties` table record that.",
            ),
            "war": Option(
                "Did a conflict reach 1,000 or more battle-related deaths in a given year?",
                why="Yes: `intensity_level` 2 means exactly that.",
            ),
            "first_year": Option(
                "In which year does a conflict first appear in the data?",
                why="Yes: the earliest `year` of a `conflict_id` (and `start_date`).",
            ),
            "deaths": Option(
                "How many people were killed in a given attack?",
                why="No: the dataset holds no fatality counts and no single attacks.",
            ),
            "attacks": Option(
                "How many terrorist attacks took place in a country in a given year?",
                why="No: it counts armed conflicts, not attacks; it is not a "
                "terrorism-incident dataset.",
            ),
            "where": Option(
                "Where exactly did the battles of a conflict take place?",
                why="No: `location` is the government side's country, not the battlefield.",
            ),
            "intel": Option(
                "Which states shared intelligence with each other?",
                why="No: only troop support is recorded; information, police and financial "
                "cooperation leave no trace in this dataset.",
            ),
        },
        key="135a9f6fd61072fa2612ee05e036141a835a95d262612c30f56be5a03eb315f0",
        hints=[
            "Three of the seven can be answered.",
            "The unit of the data is a conflict in a year, with the sides and an intensity "
            "level. Anything smaller than that is out of reach.",
        ],
        explanation=(
            "The ACD answers questions about conflicts, their sides and their intensity per "
            "year. Attacks, deaths, battle sites and non-military cooperation need other "
            "sources, such as event data (UCDP GED) or the Global Terrorism Database, which "
            "may not be redistributed."
        ),
    ),
]
