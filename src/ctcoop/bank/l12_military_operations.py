"""Exercises of lesson 12, Military operations and collaboration.

Facts behind the options and explanations: the UCDP, peacekeeping, armed-forces
and membership tables in `data/` (computed when checked), Security Council
resolutions 1368 (2001), 2249 (2015), 2100 (2013) and 2690 (2023), and the
published research the lesson cites: Jones & Libicki (RAND, 2008), Cronin
(Princeton University Press, 2009), Akande & Milanovic (EJIL:Talk!, 2015) and
Karlsrud (Third World Quarterly, 2017).
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

TITLE = "Military operations and collaboration"


def _load(name: str) -> pd.DataFrame:
    from ctcoop.data import load

    return load(name)


def troop_share() -> pd.Series:
    totals = _load("peacekeeping_totals")
    split = totals[totals["breakdown_in_source"]].set_index("year")
    return split["troops"] / split["total_personnel"]


def coalition_members_alongside_since_2014() -> list[str]:
    memberships = _load("memberships")
    secondary = _load("ucdp_secondary_parties")
    conflicts = _load("ucdp_conflicts")
    coalition = memberships[
        (memberships["body"] == "Global Coalition") & (memberships["member_type"] == "state")
    ]
    flagged = conflicts.loc[conflicts["jihadist_actor"], ["conflict_id", "year"]]
    alongside = secondary[(secondary["side"] == "a") & (secondary["year"] >= 2014)].merge(
        flagged, on=["conflict_id", "year"]
    )
    return sorted(set(alongside["iso3"]) & set(coalition["iso3"]))


def missions_at_peak() -> int:
    totals = _load("peacekeeping_totals").set_index("year")
    return int(totals.loc[totals["total_personnel"].idxmax(), "missions"])


EXERCISES = [
    MultipleChoice(
        id="12.dismantle-claim",
        title="Check the source: does military action dismantle terrorist networks "
        '"more effectively"?',
        prompt=(
            "The article's section on military operations says that military efforts help "
            '"dismantle terrorist networks more effectively". Using the research on how '
            "terrorist groups end (section 6) and lesson 06's Al-Shabaab data, which verdict "
            "fits best?"
        ),
        options={
            "accurate": Option(
                "accurate",
                why="No. Most terrorist groups that ended were not defeated by military force: "
                "in the RAND study, force was the main reason in 7% of the groups that ended; "
                "joining politics (43%) and policing (40%) were far more common.",
            ),
            "misleading": Option(
                "misleading",
                why="Yes. Military cooperation plays a part, mostly against large insurgent "
                "groups, but the research finds that most groups ended in other ways: the claim "
                "contains something true and leaves the impression that force is the effective "
                "route in general, which the evidence does not support.",
            ),
            "inaccurate": Option(
                "inaccurate",
                why="No. The claim is not simply false: the same research finds military force "
                "decisive for some groups, and more often for insurgent-size ones (roughly 19% "
                "of them, in the RAND study).",
            ),
            "unverifiable": Option(
                "unverifiable",
                why="No. Several published studies have asked how terrorist groups end, with "
                "data on hundreds of groups, so the claim can be set against them.",
            ),
        },
        key="7c76139dcba6623a6467e9f8689a0ab28ad45160e8ee4986fd251fcf515aae8a",
        hints=[
            "Ask first: more effectively than what? Then look at what the studies found.",
            "Force was decisive in a minority of cases, and more often against one kind of "
            "group. Does the claim say that, or something broader?",
        ],
        explanation=(
            "Jones and Libicki (RAND, 2008) looked at 648 groups active between 1968 and 2006: "
            "of those that ended, 43% joined the political process and 40% were ended by "
            "police and intelligence work; military force was the main reason in 7%. Cronin "
            "(2009) likewise finds several pathways, of which repression by force is one. And "
            "the article's own example, Al-Shabaab, was not dismantled (lesson 06). Misleading: "
            "true in part, wrong as a general rule."
        ),
    ),
    MultipleChoice(
        id="12.res-2249",
        title="What resolution 2249 (2015) says about force",
        prompt=(
            "On 20 November 2015 the Security Council adopted resolution 2249 on ISIL "
            "(Da'esh) unanimously. Which description of its main operative paragraph is "
            "right?"
        ),
        options={
            "chapter-vii": Option(
                "It authorises the use of force against ISIL under Chapter VII of the Charter.",
                why="No. The resolution does not say that it acts under Chapter VII, and it "
                "authorises nothing in so many words; that is why lawyers debate it.",
            ),
            "calls-upon": Option(
                'It calls upon able states to take "all necessary measures", in compliance '
                "with international law.",
                why="Yes, and whether that is a legal basis for force is debated. The wording "
                'echoes the Council\'s authorisations, but "calls upon" and "in compliance '
                'with international law" leave states to find their own legal basis, such as '
                "self-defence or the consent of Iraq.",
            ),
            "self-defence": Option(
                "It was the first Council text ever to recognise the right of individual or "
                "collective self-defence against a terrorist attack.",
                why="No. Resolutions 1368 and 1373 of September 2001 already recognised the "
                "inherent right of individual or collective self-defence.",
            ),
            "peacekeeping": Option(
                "It set up a UN peacekeeping mission to fight ISIL in Iraq and Syria.",
                why="No. The peacekeeping table has no mission created in 2015, and the "
                "coalition against ISIL is not a UN force.",
            ),
        },
        key="d4fe1e57c63991bc569d448a23537e5a74f68edb2c49eced11e14f2d26f0de80",
        hints=[
            "Look for the verb the Council uses, and for any mention of the Charter's chapter.",
            '"Authorises" and "calls upon" are not the same thing in a Council text.',
        ],
        explanation=(
            "Paragraph 5 of resolution 2249 calls upon member states with the capacity to do so "
            "to take all necessary measures, in compliance with international law, on the "
            "territory ISIL controls in Syria and Iraq. Akande and Milanovic (EJIL:Talk!, 21 "
            "November 2015) called this constructive ambiguity: it lends political support to "
            "the use of force without itself authorising it."
        ),
    ),
    MultiSelect(
        id="12.support-kinds",
        title="What the kinds of support show",
        prompt=(
            "Look at the chart of section 2 (`shares`): the kinds of outside support given to "
            "governments, in conflicts with al-Qaida, IS, Al-Shabaab and affiliates and in all "
            "conflicts. Which statements are supported by it? Tick all that apply."
        ),
        options={
            "training-top": Option(
                "In the conflicts with these groups, training and expertise is the most common "
                "kind of support.",
                why="Supported: it is the longest bar of that group.",
            ),
            "weapons-higher": Option(
                "Weapons are given more often in conflicts with these groups than in all "
                "conflicts.",
                why="Not supported: the share is lower for these groups than for all conflicts.",
            ),
            "troops-majority": Option(
                "Troops (secondary warring parties) are in the majority of supported "
                "actor-years in these conflicts, far more often than in all conflicts.",
                why="Supported: the troops bar is above one half for these groups and well "
                "below it for all conflicts.",
            ),
            "intel-higher": Option(
                "Intelligence is more common in conflicts with these groups than in all conflicts.",
                why="Supported: the intelligence bar is much longer for these groups.",
            ),
            "who-intel": Option(
                "The chart shows which states gave intelligence.",
                why="Not supported: the actor-year flags say that someone gave it, never who "
                "(lesson 06).",
            ),
            "worked": Option(
                "Governments with more kinds of support won their conflicts sooner.",
                why="Not supported: the chart says nothing about outcomes.",
            ),
        },
        key="2b6971dddaea26877bdf4d03a5801a827ba3530d5ac6fece570b27eb995d232a",
        hints=[
            "Compare the two bars of each kind, one kind at a time.",
            "Three statements are about the bars; the other three ask the chart for something "
            "it does not hold.",
        ],
        explanation=(
            "Governments fighting these groups got troops and intelligence far more often than "
            "governments at war in general, and training a little more often; weapons, and "
            "materiel and logistics, less often. Military cooperation is more than soldiers in "
            "battle: it is also training, supplies, money and information. The flags are the "
            "ESD's own; the grouping 'these groups' is the course's jihadist_actor flag. The "
            "flags cannot say who gave which kind, and nothing here measures success."
        ),
    ),
    CodeExercise(
        id="12.troop-share",
        title="Troops as a share of UN peacekeeping personnel",
        prompt=(
            "Make `result`: a Series indexed by `year`, the share of troops in the total "
            "personnel (`troops` divided by `total_personnel`), for the years whose "
            "`breakdown_in_source` is true, from `totals`."
        ),
        expected=troop_share,
        check_order=False,
        hints=[
            "Keep the rows with a breakdown first, then put the years in the index.",
            "`split = totals[totals['breakdown_in_source']].set_index('year')`, then divide "
            "one column by the other.",
        ],
        explanation=(
            "From 1992, when the source splits the total, troops are most of UN peacekeeping "
            "personnel; police and military observers make up the rest. Before 1992 the parts "
            "are empty, not zero: dividing there would invent a breakdown the source does not "
            "give."
        ),
    ),
    CodeExercise(
        id="12.coalition-fought",
        title="Coalition members fighting alongside a government, anywhere",
        prompt=(
            "The lesson compared the coalition with the states on Iraq's side. Now look "
            "everywhere: make `result`, a sorted list of the ISO3 codes of the Global Coalition's "
            "state members in `memberships` (`body == 'Global Coalition'`, "
            "`member_type == 'state'`) that `secondary` lists on side `'a'` in a conflict-year "
            "flagged `jihadist_actor` in `conflicts`, in 2014 or later."
        ),
        expected=coalition_members_alongside_since_2014,
        check_order=False,
        hints=[
            "Three tables: keep the flagged conflict-years, keep the matching rows of "
            "`secondary`, then compare their states with the coalition's.",
            "`secondary[...].merge(conflicts.loc[conflicts['jihadist_actor'], ['conflict_id', "
            "'year']])`; then `sorted(set(...['iso3']) & set(...['iso3']))`.",
        ],
        explanation=(
            "Far more coalition members appear here than on Iraq's side, more than half of the "
            "listed members: many of them are in "
            "the long lists for Mali, whose years match those of the UN mission there (lesson "
            "01), and in Somalia. Fighting alongside a government somewhere, in one framework or "
            "another, is not the same as fighting IS in Iraq. And the membership table is "
            "partial: a state missing from it may still be a member."
        ),
    ),
    Numeric(
        id="12.peak-missions",
        title="The peak of UN peacekeeping",
        prompt=(
            "How many missions (`missions`) does `totals` record in the year with the most UN "
            "peacekeeping personnel (`total_personnel`)?"
        ),
        expected=missions_at_peak,
        tolerance=0,
        unit="missions",
        hints=[
            "Two steps: find the year of the largest personnel figure, then read that year's "
            "number of missions.",
            "`by_year = totals.set_index('year')`; `by_year['total_personnel'].idxmax()` gives "
            "the year; `.loc[year, 'missions']` the missions.",
        ],
        explanation=(
            "Personnel peaked in the mid-2010s, when large missions in Mali (MINUSMA), South "
            "Sudan (UNMISS), the Democratic Republic of the Congo (MONUSCO), the Central "
            "African Republic (MINUSCA) and Darfur (UNAMID) were all active; the totals have "
            "fallen every year since, to the end of the data."
        ),
    ),
    Ordering(
        id="12.timeline",
        title="Force, the Council and the missions: a timeline",
        prompt="Put these events in the order they happened, earliest first.",
        items={
            "res2249": 'Resolution 2249 calls for "all necessary measures" against ISIL',
            "minusma": "Resolution 2100 creates MINUSMA, the UN mission in Mali",
            "res2690": "Resolution 2690 ends MINUSMA's mandate",
            "res1368": "Resolution 1368 recognises the right of self-defence after the attacks "
            "on the United States",
            "coalition": "The Global Coalition against Daesh is formed",
            "rand": "RAND publishes How Terrorist Groups End",
        },
        key="477d9d7301a2819884c5fe244a5b37c8ded9630e48dffdfd27aa8872f0a06c38",
        hints=[
            "One event is the day after the attacks of 11 September 2001.",
            "The coalition against Daesh came the year after MINUSMA, the year before 2249.",
        ],
        explanation=(
            "Resolution 1368: 12 September 2001. How Terrorist Groups End: 2008. Resolution "
            "2100: 25 April 2013. The coalition: September 2014. Resolution 2249: 20 November "
            "2015. Resolution 2690: 30 June 2023."
        ),
    ),
    Matching(
        id="12.who-found",
        title="Who found what",
        prompt="Match each finding or argument with the publication that makes it.",
        left={
            "ends": "Of the terrorist groups that ended between 1968 and 2006, most joined the "
            "political process or were ended by policing; few by military force.",
            "pathways": "Terrorist campaigns end along six pathways, from the capture or "
            "killing of leaders to a shift into other forms of violence.",
            "ambiguity": "Resolution 2249 lends support to the use of force against ISIL "
            "without itself authorising it.",
            "legitimacy": "Turning UN peacekeeping towards counter-terrorism, as in Mali, would "
            "undermine the UN's legitimacy and impartiality.",
        },
        right={
            "jl": "Jones & Libicki, How Terrorist Groups End (RAND, 2008)",
            "cronin": "Cronin, How Terrorism Ends (Princeton University Press, 2009)",
            "am": "Akande & Milanovic, \"The Constructive Ambiguity of the Security Council's "
            'ISIS Resolution" (EJIL:Talk!, 2015)',
            "karlsrud": 'Karlsrud, "Towards UN counter-terrorism operations?" (Third World '
            "Quarterly, 2017)",
        },
        key="621ce94bf63607dfe6e1db18d2ac2f22812d49c1a23aea65ba1ca868f7a447a4",
        hints=[
            "Two of the four are about how groups end; one counts groups, one names pathways.",
            "One of the others is a blog of international lawyers, the other a journal article "
            "on Mali.",
        ],
        explanation=(
            "Jones and Libicki counted endings of 648 groups; Cronin described six pathways "
            "from a database of 457 campaigns; Akande and Milanovic read resolution 2249 as "
            "constructive ambiguity; Karlsrud argued that UN counter-terrorism operations would "
            "cost the UN its standing as an impartial actor."
        ),
    ),
]
