"""Exercises of lesson 06, Case studies: Abbottabad 2011, Madrid 2004, Al-Shabaab.

Facts behind the options and explanations: `shared/sources/factcheck.md`
(claims 8-13), `shared/sources/events/PROVENANCE.md` (the UCDP files), UN press
release SC/8022 (resolution 1530) and the UCDP tables in `data/`. Numeric and
code answers are computed from `data/` when checked.
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

__all__ = ["EXERCISES", "TITLE"]

TITLE = "Case studies: Abbottabad 2011, Madrid 2004, Al-Shabaab"
US = "Government of United States of America"


def _load(name: str) -> pd.DataFrame:
    from ctcoop.data import load

    return load(name)


def shabaab_battle_deaths() -> pd.DataFrame:
    battle = _load("ucdp_battle_deaths")
    rows = battle[
        (battle["conflict_id"] == 337) & battle["side_b"].str.contains("Al-Shabaab", na=False)
    ]
    return rows.set_index("year")[["bd_low", "bd_best", "bd_high"]].sort_index()


def kenya_one_sided_with_al_shabaab() -> pd.Series:
    violence = _load("ucdp_organized_violence")
    rows = violence[
        (violence["iso3"] == "KEN") & violence["os_dyads"].str.contains("Al-Shabaab", na=False)
    ]
    return rows.set_index("year")["os_deaths_best"]


def pakistan_supporter_years() -> int:
    support = _load("ucdp_external_support")
    us = support[(support["conflict_id"] == 418) & (support["actor"] == US)]
    return int(us["supporter_iso3"].str.split(";").map(lambda c: "PAK" in c).sum())


EXERCISES = [
    MultipleChoice(
        id="06.madrid-prevention",
        title="Check the source: did post-Madrid cooperation improve prevention?",
        prompt=(
            'The article says the cooperation after the Madrid bombings resulted "in improved '
            'prevention efforts for subsequent attacks". Using the one-sided deaths in EU '
            "states before and after 2004 (section 4) and what you know about the data, which "
            "verdict fits best?"
        ),
        options={
            "accurate": Option(
                "accurate",
                why="No. Deaths from deliberate attacks on civilians in EU states were not lower "
                "after 2004 in the 2010s (2015 and 2016 are the largest years after Madrid), "
                "and even a fall would not show that the EU's measures caused it.",
            ),
            "misleading": Option(
                "misleading",
                why="Not the best fit. The tone is misleading, but the claim's main point, that "
                "prevention improved, is asserted without evidence and cannot be tested with "
                "these data. (The measures themselves were real: the European Council adopted "
                "its Declaration on Combating Terrorism on 25 March 2004.)",
            ),
            "inaccurate": Option(
                "inaccurate",
                why="No. Attacks continued after 2004, but that does not prove the cooperation "
                "failed: nobody knows how many attacks were prevented, or how many there would "
                "have been without the measures. The data cannot decide it one way or the other.",
            ),
            "unverifiable": Option(
                "unverifiable",
                why="Yes. No evidence is given, and counts of deaths before and after cannot "
                "show what would have happened without the measures: there is no "
                "counterfactual.",
            ),
        },
        key="7d34810744e5627c35b5bcddebc637a8e9fc20f9b533236fa860ae8c29f2fed7",
        hints=[
            "Ask what you would need to see to know that an attack was *prevented*.",
            "A count of deaths that happened says nothing about deaths that did not happen, "
            "or about the cause of a change.",
        ],
        explanation=(
            "The course's fact-check rates this claim unverifiable (the article gives no "
            "evidence) and partly misleading: a year after Madrid, the President of the "
            "European Parliament said that not all the agreed measures had been carried out, "
            "and London was attacked on 7 July 2005. Deaths before and after a policy are not "
            "a test of the policy."
        ),
    ),
    MultipleChoice(
        id="06.impactful-results",
        title='Check the source: do the three cases show that cooperation "leads to impactful '
        'results"?',
        prompt=(
            "The article's case-study section concludes that its three cases show coordinated "
            'efforts "lead to impactful results". Having checked all three in this lesson '
            "and in lessons 00 and 01, which verdict fits best?"
        ),
        options={
            "accurate": Option(
                "accurate",
                why="No. Not all three operations ended the threat they were aimed at: "
                "Al-Shabaab still fights at war intensity in UCDP's data, and al-Qaida's "
                "conflict with the US continued after 2011.",
            ),
            "misleading": Option(
                "misleading",
                why="Yes. Cooperation was real in each case, but the raid was unilateral and "
                "ended in a killing, Al-Shabaab was not dismantled, and the Madrid outcome is "
                "asserted, not shown: the conclusion rests on case accounts that are partly "
                "wrong and partly unverifiable.",
            ),
            "inaccurate": Option(
                "inaccurate",
                why="No. There was international cooperation in all three cases: Pakistan "
                "fought on the US side against al-Qaida in UCDP's data, the EU adopted a joint "
                "package after Madrid, and many states supported Somalia's government.",
            ),
            "unverifiable": Option(
                "unverifiable",
                why="No. Much can be checked: who fought alongside whom, the deaths per year, "
                "the dates of the EU's measures. What cannot be checked is the causal claim.",
            ),
        },
        key="99ac98e880892b77cf88145977ce2d78d84f94959f0471b8ff5fe0810e0ff953",
        hints=[
            "Take the three cases one at a time: what did the article say, and what did the "
            "evidence show?",
            "A conclusion can be built on true parts (cooperation happened) and still leave a "
            "false impression.",
        ],
        explanation=(
            "Cooperation was real in all three cases, and the data show it (secondary warring "
            "parties, external support, the EU's measures). But the article's accounts turn "
            "it into tidier stories: a joint operation and a capture, a dismantled network, "
            "prevention proved. The conclusion inherits those errors."
        ),
    ),
    MultiSelect(
        id="06.flag-attribution",
        title="What the external-support flags can attribute",
        prompt=(
            "In `support`, the US government's row against al-Qaida for 2011 has "
            "`n_supporters == 12`, `ext_x_count == 5` (troops) and `ext_i_count == 1` "
            "(intelligence). Which statements follow from the table alone? Tick all that apply."
        ),
        options={
            "one-intel": Option(
                "Exactly one of the twelve supporters gave intelligence.",
                why="True: that is what ext_i_count == 1 says.",
            ),
            "pak-intel": Option(
                "Pakistan gave intelligence.",
                why="False, or rather not shown: the flag says one supporter gave "
                "intelligence, not which one.",
            ),
            "five-troops": Option(
                "Five supporters sent troops as secondary warring parties.",
                why="True: ext_x_count == 5.",
            ),
            "all-troops": Option(
                "All twelve supporters sent troops.",
                why="False: only five did; the others gave other kinds of support.",
            ),
            "names": Option(
                "To name the troop senders, you can look up the same conflict and year in "
                "`ucdp_secondary_parties`.",
                why="True: the Armed Conflict Dataset names the secondary warring states.",
            ),
            "no-others": Option(
                "The US had no support of other kinds that year.",
                why="False: the counts of other kinds are not all zero (see the row).",
            ),
        },
        key="7e6e3f0a4b5c7362425a3825dd8f0b77bcb992a530c733c910c9d91f9082eadb",
        hints=[
            "A count tells you how many; does it tell you who?",
            "Three statements follow from the table; one of them points to another table.",
        ],
        explanation=(
            "The actor-year flags and counts say how many supporters gave each kind of "
            "support, never which one, unless there is a single supporter or every supporter "
            "gave that kind. The Armed Conflict Dataset names the states that sent troops."
        ),
    ),
    CodeExercise(
        id="06.shabaab-band",
        title="Battle deaths against Al-Shabaab, with their range",
        prompt=(
            "Make `result`: a DataFrame indexed by `year`, with the columns `bd_low`, "
            "`bd_best` and `bd_high`, for conflict 337 in the years whose "
            "`side_b` names Al-Shabaab, from `battle`."
        ),
        expected=shabaab_battle_deaths,
        check_order=True,
        hints=[
            "Two conditions: the conflict id, and the text of `side_b` (`.str.contains(...)`).",
            "Then `.set_index('year')`, keep the three columns with double brackets, and "
            "`.sort_index()`.",
        ],
        explanation=(
            "Conflict 337 is older than Al-Shabaab: in the 1990s it covered other armed "
            "groups, which is why side_b matters. Read each year as a range, not a point: in "
            "some years the high estimate is well above the best."
        ),
    ),
    CodeExercise(
        id="06.kenya-one-sided",
        title="One-sided violence in Kenya",
        prompt=(
            "Make `result`: a Series indexed by `year`, the one-sided deaths "
            "(`os_deaths_best`) in Kenya (`iso3 == 'KEN'`) in the years whose `os_dyads` "
            "names Al-Shabaab, from `violence`. Any row order."
        ),
        expected=kenya_one_sided_with_al_shabaab,
        check_order=False,
        hints=[
            "Filter on two conditions, joined with `&`, each in brackets.",
            "`violence['os_dyads'].str.contains('Al-Shabaab', na=False)`; then "
            "`.set_index('year')['os_deaths_best']`.",
        ],
        explanation=(
            "Careful with the reading: os_deaths_best is the country's total of one-sided "
            "deaths. In most of these years another dyad (for example the government of "
            "Kenya) is listed too, so the total is not all Al-Shabaab's."
        ),
    ),
    Numeric(
        id="06.pakistan-supporter",
        title="Pakistan among the US government's supporters",
        prompt=(
            "In how many years does `support` list Pakistan (`PAK` in `supporter_iso3`) among "
            "the supporters of the US government (`actor`) in its conflict with al-Qaida "
            "(`conflict_id == 418`)?"
        ),
        expected=pakistan_supporter_years,
        tolerance=0,
        unit="years",
        hints=[
            "Filter the conflict and the actor first.",
            "`.str.contains('PAK', na=False)` on `supporter_iso3`, then count the True "
            "values with `.sum()`.",
        ],
        explanation=(
            "Pakistan is listed as a supporter in every year of the External Support Dataset "
            "for this conflict, 2011 included: the year of a raid on its territory that it was "
            "told about only afterwards. Partner and unilateral raid at once."
        ),
    ),
    Ordering(
        id="06.timeline",
        title="A timeline of the three cases",
        prompt="Put these events in the order they happened, earliest first.",
        items={
            "declaration": "The European Council adopts its Declaration on Combating Terrorism",
            "commission": "The Abbottabad Commission's report is leaked",
            "london": "Bombings in London's transport network",
            "raid": "The raid on a compound in Abbottabad",
            "enlargement": "Ten states join the EU",
            "madrid": "Bombs explode on four commuter trains in Madrid",
            "kenya": "Kenyan forces enter southern Somalia (Operation Linda Nchi)",
        },
        key="84148decfde2cb7da1b975759b93fa0edabb10538c906c9b6e3deed01059b266",
        hints=[
            "Three of the events are in 2004, in the same spring.",
            "The Kenyan operation began in the same year as the raid, a few months later.",
        ],
        explanation=(
            "Madrid 11 March 2004; the Declaration 25 March 2004; enlargement 1 May 2004; "
            "London 7 July 2005; Abbottabad 2 May 2011 (local time); Linda Nchi from 16 "
            "October 2011; the Commission's report, dated 4 January 2013, leaked 8 July 2013."
        ),
    ),
    Matching(
        id="06.which-table",
        title="Which table answers which question?",
        prompt="Match each question with the course table that answers it.",
        left={
            "deaths": "How many people died in battle between Somalia's government and "
            "Al-Shabaab in 2015, with a low and a high estimate?",
            "civilians": "How many civilians were deliberately killed in Spain in 2004, and "
            "by whom?",
            "kinds": "How many of Somalia's government's supporters gave it training in 2012?",
            "troops": "Which states fought alongside Somalia's government in 2020?",
        },
        right={
            "brd": "`ucdp_battle_deaths`",
            "ov": "`ucdp_organized_violence`",
            "esd": "`ucdp_external_support`",
            "acd": "`ucdp_secondary_parties`",
        },
        key="316fc4bfca3519fc5f9ad954a0ac7189a7208520e1ad384a457bab6dee82c191",
        hints=[
            "One table counts deaths per conflict, another per country.",
            "The support data end in 2017; for a later year, use the other table about "
            "supporting states.",
        ],
        explanation=(
            "Battle deaths per conflict-year: ucdp_battle_deaths. Deaths by kind of violence "
            "in a country, with the dyads: ucdp_organized_violence. Kinds of outside support "
            "(to 2017): ucdp_external_support. Troop-sending states, to 2024: "
            "ucdp_secondary_parties."
        ),
    ),
]
