"""Exercises of lesson 11, Strengthening multilateral partnerships.

Facts behind the options and explanations: the notes of `memberships` and
`fsrb_members` (Russia's FATF suspension of 24 February 2023, the US
announcement on the GCTF of January 2026, GIABA's re-admission of Burkina Faso,
Mali and Niger), `shared/sources/orgs/PROVENANCE.md`, the Danish referendum of
3 December 2015 and Regulation (EU) 2016/794 (Europol, applicable 1 May 2017),
and FATF's assessment methodology (Immediate Outcome 2). Numeric and code
answers are computed from `memberships` and `fsrb_members` when checked, with
the same selection of full member states as the lesson.
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

__all__ = ["EXERCISES", "TITLE", "members_of", "outside_fatf_network", "shared_members"]

TITLE = "Strengthening multilateral partnerships"


def _ties() -> pd.DataFrame:
    """Full member states of every body, as the lesson's ``ties`` table."""
    from ctcoop.data import load

    memberships = load("memberships")
    regional = load("fsrb_members")
    global_ties = memberships.loc[
        (memberships["status"] == "member") & (memberships["member_type"] == "state"),
        ["body", "iso3"],
    ]
    regional_ties = regional.loc[
        (regional["membership_type"] == "member") & (regional["member_type"] == "state"),
        ["body", "iso3"],
    ]
    return pd.concat([global_ties, regional_ties], ignore_index=True).astype({"body": str})


def members_of(body: str) -> set[str]:
    """ISO3 codes of the full member states of one body."""
    ties = _ties()
    return set(ties.loc[ties["body"] == body, "iso3"])


def shared_members(a: str, b: str) -> int:
    """How many member states two bodies share."""
    return len(members_of(a) & members_of(b))


def outside_fatf_network() -> list[str]:
    """UN member states in neither FATF nor any FATF-style regional body, sorted."""
    from ctcoop.data import load

    ties = _ties()
    regional_bodies = set(load("fsrb_members")["body"].astype(str))
    inside = set(ties.loc[ties["body"].isin(regional_bodies | {"FATF"}), "iso3"])
    return sorted(members_of("UN") - inside)


EXERCISES = [
    MultipleChoice(
        id="11.partnership-claim",
        title="Check the source: trust, channels and joint training",
        prompt=(
            'The article says that "effective multilateral partnerships require clear '
            'communication channels and mutual trust" and that "joint training exercises are '
            'vital". Which verdict does the evidence in this lesson support?'
        ),
        options={
            "accurate": Option(
                "accurate",
                why="No. The network does not show that the best-connected states trust each "
                "other most: an edge in it is a membership, not trust, and the data hold "
                "nothing on trust, channels in use or training.",
            ),
            "misleading": Option(
                "misleading",
                why="No. That would need evidence that the sentences are true in part but leave "
                "a false impression, for example bodies that work well without trust or "
                "channels; nothing in the lesson shows that.",
            ),
            "inaccurate": Option(
                "inaccurate",
                why="No. Russia's suspension from FATF and the US announcement on the GCTF are "
                "strains in two bodies; they say nothing about what makes partnerships "
                "effective and do not prove the sentences false.",
            ),
            "unverifiable": Option(
                "unverifiable",
                why="Yes. As written these are opinions, given without evidence, and the course "
                "data cannot test them: plausible, but untested as stated; they could be made "
                "testable.",
            ),
        },
        key="b051926a363da22e91b517b50b86a0e1a239e502518acfa01aa341a3a4d5a060",
        hints=[
            "Ask first whether the article gives any evidence, and then whether the course "
            "data measure trust, channels or training at all.",
            "Lesson 00's definitions: which word fits a claim that no evidence supports or "
            "refutes?",
        ],
        explanation=(
            "Both sentences sound like common sense, but the article offers no evidence and "
            "words like 'effective' and 'vital' are not defined. Memberships and votes are not "
            "trust. To test the claims you would compare outcomes of cooperation between "
            "partners with and without training or channels."
        ),
    ),
    MultiSelect(
        id="11.test-the-claim",
        title="What would test the claim?",
        prompt=(
            'Which of these would be evidence that could test "joint training exercises are '
            'vital" or "partnerships require clear communication channels"? Choose all that '
            "apply."
        ),
        options={
            "channels": Option(
                "Compare how fast and how often requests for information are answered between "
                "partners with and without a dedicated channel.",
                why="Yes: an outcome of cooperation, compared between groups.",
            ),
            "members": Option(
                "Count the bodies each state belongs to, since more memberships show more trust.",
                why="No. Degree counts memberships; it measures neither trust nor use.",
            ),
            "evaluations": Option(
                "Compare FATF's ratings of international cooperation (Immediate Outcome 2) "
                "between countries whose officials trained jointly and countries whose "
                "officials did not, allowing for other differences between them.",
                why="Yes: a rated outcome, compared between groups, with other differences "
                "taken into account.",
            ),
            "unanimity": Option(
                "Cite how often the Security Council adopts its terrorism resolutions unanimously.",
                why="No. Agreeing to a text is not evidence that channels or training make "
                "cooperation work.",
            ),
            "requests": Option(
                "Count joint investigations completed before and after a training programme, "
                "against a group of agencies that did not take part.",
                why="Yes: before and after, with a comparison group.",
            ),
            "quote": Option(
                "Collect statements by officials that training is vital.",
                why="No. More opinions do not test an opinion; they may suggest what to measure.",
            ),
        },
        key="9058547adcec508a6a97b41e5d5547f119596b6ef5bb3440d5252f18fad7c059",
        hints=[
            "A test needs an outcome of cooperation, not a description of who belongs where.",
            "Look for options that compare partners that trained (or had a channel) with "
            "partners that did not. Three options do.",
        ],
        explanation=(
            "A testable version of the claim names an outcome (requests answered, joint "
            "investigations, rated cooperation) and compares partners with and without the "
            "thing said to be vital, allowing for other differences. Memberships, votes and "
            "quotes describe partnerships; they do not test what makes them work."
        ),
    ),
    CodeExercise(
        id="11.sco-gctf",
        title="Bridges between the SCO and the GCTF (code)",
        prompt=(
            "Make `result`: a sorted list of the ISO3 codes of the states that are neighbours "
            "of both the `SCO` node and the `GCTF` node in `network` (full members of both)."
        ),
        expected=lambda: sorted(members_of("SCO") & members_of("GCTF")),
        check_order=True,
        hints=[
            "A body's neighbours in `network` are its member states.",
            "`set(network['SCO'])` gives one set; `&` keeps what two sets share; `sorted(...)` "
            "turns a set into a sorted list.",
        ],
        explanation=(
            "Four states belong to both, all of them GCTF founders of 2011; two of them joined "
            "the SCO only in 2017. They are possible channels between a Eurasian bloc and a "
            "forum founded with Western states; the data cannot say how much they are used."
        ),
    ),
    CodeExercise(
        id="11.outside-fatf-network",
        title="Outside FATF's global network (code)",
        prompt=(
            "Make `result`: a sorted list of the ISO3 codes of the UN member states (the "
            "neighbours of the `UN` node in `network`) that are neither members of `FATF` nor "
            "of any regional body in `fsrbs`."
        ),
        expected=outside_fatf_network,
        check_order=True,
        hints=[
            "Start from the set of UN members, then take away the states you find inside.",
            "The states inside are the neighbours of `FATF` and of each body in `fsrbs`: "
            "`set().union(*(network[body] for body in fsrbs))` collects the regional ones.",
        ],
        explanation=(
            "Five UN members: Afghanistan (its Asia/Pacific Group seat is inactive), Iran and "
            "the DPRK (both on FATF's black list, lesson 04), and two Pacific island states. "
            "FATF lists Iran and the DPRK from outside: a state outside the network is not "
            "outside FATF's pressure."
        ),
    ),
    Numeric(
        id="11.gctf-menafatf",
        title="A shared membership",
        prompt=(
            "How many member states do the GCTF and the Middle East and North Africa FATF "
            "(MENAFATF) share? Use `network` or `club_graph`."
        ),
        expected=lambda: shared_members("GCTF", "MENAFATF"),
        tolerance=0,
        unit="states",
        hints=[
            "In `club_graph` two bodies are joined by an edge with a `weight`.",
            "`club_graph['GCTF']['MENAFATF']['weight']`, or the size of the intersection of "
            "the two neighbour sets in `network`.",
        ],
        explanation=(
            "The GCTF's founders include several Middle Eastern and North African states, so "
            "MENAFATF is, with the Asia/Pacific Group, one of the two regional bodies most tied "
            "to the forum; the others share far fewer states with it."
        ),
    ),
    Matching(
        id="11.fsrb-regions",
        title="Nine regional bodies: six of them",
        prompt="Match each FATF-style regional body to the region it covers.",
        left={
            "apg": "APG",
            "cfatf": "CFATF",
            "eag": "EAG",
            "gafilat": "GAFILAT",
            "giaba": "GIABA",
            "menafatf": "MENAFATF",
        },
        right={
            "west": "West Africa",
            "asia": "Asia and the Pacific",
            "mena": "Middle East and North Africa",
            "caribbean": "the Caribbean",
            "latam": "Latin America",
            "eurasia": "Eurasia (founded in Moscow)",
        },
        key="660db1f672f7e7a5f14f1963b1489438821401d2dd1bffc65dc22e507e6ea3a5",
        hints=[
            "Several acronyms spell their region out: read `body_name` in `fsrb_members`.",
            "GAFILAT is the Spanish acronym (Grupo de Acción Financiera de Latinoamérica); "
            "GIABA is an institution of ECOWAS.",
        ],
        explanation=(
            "APG: Asia/Pacific; CFATF: Caribbean; EAG: Eurasia; GAFILAT: Latin America; GIABA: "
            "West Africa; MENAFATF: Middle East and North Africa. The other three are ESAAMLG "
            "(Eastern and Southern Africa), GABAC (Central Africa) and MONEYVAL (Council of "
            "Europe)."
        ),
    ),
    Ordering(
        id="11.strains",
        title="Partnerships made and strained",
        prompt="Put these events in the order they happened, earliest first.",
        items={
            "russia": "FATF suspends the Russian Federation's membership",
            "gctf": "The Global Counterterrorism Forum is launched",
            "ecowas": "Burkina Faso, Mali and Niger leave ECOWAS",
            "denmark": "Denmark leaves Europol as a full member",
            "usgctf": "The United States announces its withdrawal from the GCTF",
            "sco17": "India and Pakistan become members of the SCO",
            "kenya": "Kenya and Kuwait join the GCTF, its first new members",
        },
        key="f320ee091da3f557a1005dde7bc5d09a652b6c6ff4f7d45021449822b8bfcc64",
        hints=[
            "Two events are from 2017 and two from 2023.",
            "Denmark's exit came when Europol's 2016 Regulation applied; the SCO's summit of "
            "that year came a few weeks later.",
        ],
        explanation=(
            "September 2011 GCTF launched; 1 May 2017 Denmark leaves Europol; 9 June 2017 India "
            "and Pakistan join the SCO; 24 February 2023 FATF suspends Russia; September 2023 "
            "Kenya and Kuwait join the GCTF; 29 January 2025 the three states leave ECOWAS; "
            "January 2026 the US announcement on the GCTF."
        ),
    ),
    MultipleChoice(
        id="11.consensus-meaning",
        title="What consensus shows",
        prompt=(
            "The General Assembly adopted the Global Counter-Terrorism Strategy and every "
            "review of it without a vote. What does that show?"
        ),
        options={
            "a": Option(
                "That every member state has carried out the Strategy.",
                why="No. Adoption says nothing about implementation.",
            ),
            "b": Option(
                "That no member state asked for a recorded vote: all could accept the text as "
                "worded.",
                why="Yes: consensus on a text, which can be bought with wording vague enough "
                "for all.",
            ),
            "c": Option(
                "That member states have agreed on a common legal definition of terrorism, "
                "which the Strategy and each of its reviews set out.",
                why="No. There is no agreed definition; the comprehensive convention is still "
                "not agreed (lesson 08).",
            ),
            "d": Option(
                "That the Strategy binds every member state like a Council decision.",
                why="No. General Assembly resolutions are recommendations (lesson 08).",
            ),
        },
        key="c400920c8d86dde27315f66de9f4c633784152c9a49503d2757214dc54f59689",
        hints=[
            "Adopting a text and acting on it are two different things.",
            "Lesson 08 compared the Strategy with the convention that has never been agreed.",
        ],
        explanation=(
            "Adoption without a vote is a real trace of partnership: no state wanted to be "
            "recorded against. But it shows agreement on a text, not on a definition, and not "
            "that the text is carried out."
        ),
    ),
    MultipleChoice(
        id="11.cut-point",
        title="One state holds a region on",
        prompt=(
            "In the lesson's network of clubs, removing the United States cuts CFATF and its "
            "member states off from every other body. What does that show?"
        ),
        options={
            "a": Option(
                "That the Caribbean states cooperate with no one but the United States.",
                why="No. They are in the UN and INTERPOL, which the club network leaves out, "
                "and in bodies that are not in the data.",
            ),
            "b": Option(
                "That the United States controls CFATF.",
                why="No. A membership is not control; the network holds no information on "
                "influence.",
            ),
            "c": Option(
                "That CFATF is not part of FATF's global network.",
                why="No. CFATF is one of FATF's nine associate members (`fatf_network_bodies`).",
            ),
            "d": Option(
                "That in these tables no other CFATF member state belongs to another club: a "
                "fact about the list of bodies as much as about the region.",
                why="Yes: an articulation point of this network, which is only part of the web.",
            ),
        },
        key="e0916ffc426c3ab4650d567d2e7f7d01c5c204e852e2697ceaa2a9ef90f88ed0",
        hints=[
            "Which bodies did the club network leave out, and which are not in the data at all?",
            "A network measure is only as complete as its list of nodes.",
        ],
        explanation=(
            "The United States is the network's only articulation point among states because "
            "it sits in CFATF and in other clubs, while the other CFATF states appear in no "
            "other club of these tables. Add the OAS, CARICOM or a complete Coalition list and "
            "the picture could change."
        ),
    ),
]
