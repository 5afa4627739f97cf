"""Exercises of lesson 02, Key international organisations.

Facts behind the options and explanations: `shared/sources/factcheck.md`
claims 1-7 and the membership tables in `data/` (see `data/README.md`).
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

TITLE = "Key international organisations"


def _full_members(body: str) -> set[str]:
    """ISO3 codes of the states that are full members of ``body``."""
    from ctcoop.data import load

    table = load("memberships")
    rows = table[(table["body"] == body) & (table["status"] == "member")]
    return set(rows["iso3"].dropna())


def _un_states_outside_interpol() -> int:
    return len(_full_members("UN") - _full_members("INTERPOL"))


def _members_per_body() -> pd.Series:
    from ctcoop.data import load

    table = load("memberships")
    members = table[table["status"] == "member"]
    return members.groupby("body", observed=True).size().sort_values(ascending=False)


def _sco_members_in_fatf() -> pd.DataFrame:
    both = sorted(_full_members("SCO") & _full_members("FATF"))
    return pd.DataFrame({"iso3": both})


EXERCISES = [
    MultipleChoice(
        id="02.interpol-powers",
        title="Check the source: what INTERPOL does",
        prompt=(
            'The article says INTERPOL enables agencies "to share intelligence and conduct '
            'joint operations across borders". Weigh the claim against the evidence in this '
            "lesson (INTERPOL's Constitution, its tools, the tables above). Your verdict?"
        ),
        options={
            "a": Option(
                "accurate",
                why="Not quite. The sharing half holds: INTERPOL's network, notices and "
                "databases exist so that police can share information across borders. The "
                "operations half does not: INTERPOL coordinates operations that national "
                "police carry out, and has no officers of its own who make arrests.",
            ),
            "b": Option(
                "misleading",
                why='Yes. Information sharing is right; "conduct joint operations" gives '
                "INTERPOL a power it lacks. It connects and coordinates; national police act.",
            ),
            "c": Option(
                "inaccurate",
                why="Too strong. Half of the claim is true: sharing police information across "
                "borders is what INTERPOL's tools are for. A claim that is partly true but "
                "leaves a false impression is misleading, not inaccurate.",
            ),
            "d": Option(
                "unverifiable",
                why="No. The claim can be checked against INTERPOL's Constitution and its own "
                "description of its tools, and this lesson checks it.",
            ),
        },
        key="1c8df8155ac6b6281d6d1753ee0e6a621579487badddc983eed463369c5dbd6b",
        hints=[
            "Split the claim in two, the sharing and the operations, and check each half on "
            "its own.",
            "Ask who carries out an arrest in, say, Spain: an international official or the "
            "Spanish police?",
        ],
        explanation=(
            "Misleading: INTERPOL shares information and coordinates, but it does not conduct "
            "operations itself and has no executive powers. Article 3 of its Constitution "
            "also bars it from matters of a political, military, religious or racial "
            "character, and it may take up terrorism cases only since a 1984 General Assembly "
            "resolution (AGN/53/RES/7). Sources: INTERPOL, Neutrality (Article 3 of the "
            "Constitution); the course's fact-check notes, claim 3."
        ),
    ),
    MultipleChoice(
        id="02.fatf-enforcement",
        title="What the evidence adds: how FATF makes countries act",
        prompt=(
            'The article says FATF promotes efforts against terrorist financing "through '
            'regulatory standards and enforcement guidelines". What does the evidence add?'
        ),
        options={
            "a": Option(
                "FATF fines countries that do not follow its standards.",
                why="No. FATF has no power to fine or to enforce anything.",
            ),
            "b": Option(
                "FATF's standards bind every UN member state, like a Security Council resolution.",
                why="No. Binding decisions are the Security Council's tool (resolution 1373 "
                "of 2001, for example). FATF is a task force of member jurisdictions.",
            ),
            "c": Option(
                "FATF cannot enforce: it sets standards, reviews countries and publishes lists.",
                why="Yes: standards, peer review and public lists are its tools.",
            ),
            "d": Option(
                "FATF was created by the UN General Assembly after the attacks of 11 September "
                "2001, to fight the financing of terrorism.",
                why="No. The G7 set FATF up at its 1989 Paris summit, against money "
                "laundering; terrorist financing was added in October 2001.",
            ),
        },
        key="592182757cb063762e921996edf6004a83a69418b33ab53606c784f7ebe88934",
        hints=[
            'Look at the word "enforcement". Who could FATF enforce anything against?',
            "FATF's pressure is reputational: peer review and public lists.",
        ],
        explanation=(
            "The claim is accurate but imprecise: FATF writes standards and checks countries "
            "against them by mutual evaluation; its grey and black lists create pressure, but "
            "it cannot enforce. Sources: CRS report RS21904; FATF's history page; the course's "
            "fact-check notes, claim 5."
        ),
    ),
    Ordering(
        id="02.founding-order",
        title="A timeline of the bodies",
        prompt="Put these events in the order they happened, earliest first.",
        items={
            "un": "The United Nations is founded",
            "unoct": "The UN General Assembly creates the Office of Counter-Terrorism (UNOCT)",
            "interpol": "INTERPOL is founded",
            "sco": "The Shanghai Cooperation Organisation is founded in Shanghai",
            "fatf": "The G7 Paris summit sets up the Financial Action Task Force",
            "gctf": "The Global Counterterrorism Forum is launched",
        },
        key="ae2cd3115f05286516f0de13d25d18367d5c71fe3ae6d648af1e500a850fdbb6",
        hints=[
            "One of these bodies is older than the UN itself.",
            "Two of them were created after 2010; the UN office is the newest.",
        ],
        explanation=(
            "INTERPOL 1923, UN 1945, FATF 1989, SCO 15 June 2001, GCTF 22 September 2011, "
            "UNOCT 15 June 2017 (General Assembly resolution 71/291)."
        ),
    ),
    Matching(
        id="02.body-roles",
        title="Who does what",
        prompt="Match each body with what it does.",
        left={
            "unoct": "UNOCT",
            "interpol": "INTERPOL",
            "fatf": "FATF",
            "rats": "SCO RATS",
            "europol": "Europol",
            "gctf": "GCTF",
        },
        right={
            "1": "connects national police forces worldwide through notices, databases and "
            "the I-24/7 network",
            "2": "sets standards against money laundering and terrorist financing and "
            "peer-reviews countries against them",
            "3": "helps UN member states implement the UN Global Counter-Terrorism Strategy",
            "4": "the regional anti-terrorist structure of a Eurasian organisation, based in "
            "Tashkent",
            "5": "the EU's police-cooperation agency: information exchange and analysis, "
            "no executive powers",
            "6": "a forum launched in 2011 by 29 states and the EU",
        },
        key="0245f479b9c08fa5f97a1551180e2d5c217a6fa041dddc45689429eb559fb445",
        hints=[
            'Start with the ones whose names give them away: "Pol" is police, "F" is financial.',
            "RATS stands for Regional Anti-Terrorist Structure.",
        ],
        explanation=(
            "UNOCT (2017) supports the Global Strategy; INTERPOL links police; FATF sets and "
            "checks standards; the SCO's RATS sits in Tashkent; Europol serves EU police "
            "without executive powers; the GCTF began with 30 founding members."
        ),
    ),
    MultiSelect(
        id="02.fatf-tools",
        title="FATF's real tools",
        prompt="Which of these does FATF actually use? Tick all that apply.",
        options={
            "a": Option(
                "The 40 Recommendations, its standards",
                why="Yes: revised in 2012, they include the criminalisation of terrorist "
                "financing (Recommendation 5).",
            ),
            "b": Option(
                "Mutual evaluations: member countries review each other",
                why="Yes: peer review is how FATF checks its standards.",
            ),
            "c": Option(
                "Public lists of jurisdictions under increased monitoring (grey) and subject "
                "to a call for action (black)",
                why="Yes: published after each plenary; the course data hold them since 2010.",
            ),
            "d": Option(
                "Fines imposed by FATF on banks that break the rules",
                why="No: FATF has no enforcement powers of its own.",
            ),
            "e": Option(
                "Binding resolutions that all UN member states must follow",
                why="No: that is the Security Council's tool, not FATF's.",
            ),
            "f": Option(
                "International arrest warrants",
                why="No: FATF deals with financial rules, not with arresting anyone.",
            ),
        },
        key="faec0165028b04c1224ee8cf89ffe0ee0f72ac8316b70b91b77a53b11f2de69f",
        hints=[
            "Three of the six are right.",
            "FATF can set rules, check them and name countries. It cannot punish anyone directly.",
        ],
        explanation=(
            "Standards, peer review and public lists. FATF relies on the pressure that "
            "listing creates, not on powers of its own."
        ),
    ),
    Numeric(
        id="02.un-not-interpol",
        title="Outside INTERPOL",
        prompt=(
            "How many UN member states are not members of INTERPOL? Use the `memberships` table."
        ),
        expected=_un_states_outside_interpol,
        tolerance=0,
        unit="states",
        hints=[
            'Make two sets of ISO3 codes: UN members and INTERPOL members (status "member").',
            "Set difference: `un - interpol`, then `len(...)`.",
        ],
        explanation=(
            "Two UN members, North Korea and Tuvalu, are not in INTERPOL's list. INTERPOL's "
            "members are countries, and not only UN member states: the list also holds "
            "Palestine, Vatican City, and Aruba, Curaçao and Sint Maarten, Caribbean parts of "
            "the Kingdom of the Netherlands."
        ),
    ),
    CodeExercise(
        id="02.members-per-body",
        title="Members per body",
        prompt=(
            "Make `result`: a Series with one value per body in `memberships`, the number of "
            'rows whose `status` is "member", largest first.'
        ),
        expected=_members_per_body,
        check_order=False,
        hints=[
            'Keep only the rows whose `status` is "member" before you count anything.',
            "`memberships[memberships['status'] == 'member']`, then "
            "`.groupby('body', observed=True).size()` and `.sort_values(ascending=False)`.",
        ],
        explanation=(
            "The UN and INTERPOL are near-universal; FATF, the SCO and the GCTF are clubs of "
            "a few dozen at most. The Global Coalition's count is partial in the course data."
        ),
    ),
    CodeExercise(
        id="02.sco-fatf",
        title="SCO members in FATF",
        prompt=(
            "Make `result`: a DataFrame with one column, `iso3`, listing the states that are "
            'full members (status "member") of both the SCO and FATF, sorted alphabetically.'
        ),
        expected=_sco_members_in_fatf,
        check_order=True,
        hints=[
            "Build a set of ISO3 codes for each body, then intersect them with `&`.",
            "`pd.DataFrame({'iso3': sorted(both)})`.",
        ],
        explanation=(
            "Only a few SCO members sit at FATF's table; several others belong to FATF-style "
            "regional bodies such as the Eurasian Group (EAG). Russia's FATF membership has "
            "been suspended since February 2023, so it does not count as a full member here."
        ),
    ),
    MultipleChoice(
        id="02.three-evils",
        title='The SCO\'s "three evils"',
        prompt=(
            "The SCO's founding Shanghai Convention of 2001 is about combating what the "
            'organisation calls the "three evils". Which are they?'
        ),
        options={
            "a": Option(
                "terrorism, separatism and extremism",
                why="Yes, these are the three named in the Convention's title.",
            ),
            "b": Option(
                "terrorism, organised crime and drug trafficking",
                why="No: these are not the evils named in the Convention's title.",
            ),
            "c": Option(
                "terrorism, piracy and cyber-crime",
                why="No: the Convention's title names neither piracy nor cyber-crime.",
            ),
        },
        key="0e238d59edf4cede0440d9b8d32ac4433a1939b05b494554ea8b757fa83887de",
        hints=[
            "The Convention's full name is \"Shanghai Convention on Combating Terrorism, ... and "
            '...".',
            "Both missing words are about political aims, not about crimes for profit.",
        ],
        explanation=(
            '"Separatism" and "extremism" make the SCO\'s remit broader and more political '
            "than counter-terrorism. The criticism is on the record, not an open question: "
            "human-rights organisations (Human Rights in China, 2011; FIDH, 2012) have "
            "documented these terms being used against religious minorities and political "
            "opponents, and returns between members without safeguards against torture; the "
            "UN Human Rights Committee raised the concern about returns when it reviewed "
            "Kazakhstan in 2011. What is left to discuss is which safeguards such "
            "cooperation needs."
        ),
    ),
]
