"""Exercises of lesson 10, Artificial intelligence and automation.

Facts behind the options and explanations: `shared/sources/factcheck.md`
(claim 16); Regulation (EU) 2024/1689 (the AI Act) as published in the
Official Journal of 12 July 2024, Articles 2(3), 5 and 113; INTERPOL's SLTD
database page; Regulation (EU) 2017/2226 and the Commission's announcement of
30 July 2025 (the Entry/Exit System); the UN High Commissioner for Human
Rights' report A/HRC/48/31 (2021). The screening populations are **invented**;
the code exercises on real data use `sanctions_list`, computed from `data/`
when checked.
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
from ctcoop.lessons.l10_ai_automation.screening_rates import expected, precision

TITLE = "Artificial intelligence and automation"


def _individuals() -> pd.DataFrame:
    from ctcoop.data import load

    sanctions = load("sanctions_list")
    return sanctions[sanctions["entry_type"] == "individual"]


def share_without_nationality() -> pd.Series:
    individuals = _individuals()
    no_nationality = individuals["n_nationalities"] == 0
    return no_nationality.groupby(individuals["un_list_type"], observed=True).mean()


def alqaida_several_nationalities() -> int:
    individuals = _individuals()
    alqaida = individuals[individuals["un_list_type"] == "Al-Qaida"]
    return int((alqaida["n_nationalities"] > 1).sum())


EXERCISES = [
    MultipleChoice(
        id="10.false-positives-claim",
        title="Check the source: fewer false positives",
        prompt=(
            'The article says that AI and data analytics help by "reducing false positives and '
            'saving resources". Which verdict fits the sentence as the article writes it?'
        ),
        options={
            "accurate": Option(
                "accurate",
                why="No. Section 3 does not show a classifier with few false positives: its "
                "accuracy above 98% comes with far more false alarms than right ones, and the "
                "lesson's population is invented anyway.",
            ),
            "misleading": Option(
                "misleading",
                why="No. That would need the sentence to be true in part, and nothing shows it "
                "is; nor can false positives be wished away because a person checks each "
                "alarm: a checked alarm is still a false positive, and the check is a cost "
                "borne by an innocent person (section 5).",
            ),
            "inaccurate": Option(
                "inaccurate",
                why="No. Nothing in the lesson or the sources shows that AI raises more false "
                "positives than human analysts do; that would be as unsupported as the "
                "article's claim.",
            ),
            "unverifiable": Option(
                "unverifiable",
                why="Yes. The article cites no evaluation, no system and no baseline: fewer "
                "false positives than what, on which population? It does not say, so the claim "
                "cannot be checked.",
            ),
        },
        key="55bffbff16113b1fbe4c211a02a6e3ee868ca65484e36f17490c044943f7828d",
        hints=[
            "Ask what you would need to see to believe the sentence, then look for it in the "
            "article.",
            "A reduction is a comparison. Does the article name both sides of it?",
        ],
        explanation=(
            "The course's fact-check rates claim 16 unverifiable: no evaluation or source is "
            "cited. Section 2 adds why the claim needs numbers: with a rare prevalence, even a "
            "very specific tool raises mostly false alarms, so 'fewer' must be measured against "
            "a baseline on the same population."
        ),
    ),
    MultiSelect(
        id="10.improve-evidence",
        title="What 'improves over time' would need",
        prompt=(
            'The article says that machine-learning models "improve over time, increasing the '
            'precision of threat detection". Which of these would you need to test that? Tick '
            "all that apply."
        ),
        options={
            "labels": Option(
                "Confirmed outcomes, over the years, for the people flagged and for a sample of "
                "the people cleared.",
                why="Needed: a model learns only from known outcomes, and misses are found only "
                "among the cleared (section 4).",
            ),
            "accuracy": Option(
                "An accuracy figure that rises from one year to the next.",
                why="Not enough: with rare cases, accuracy is dominated by the non-cases; a rule "
                "that never flags anyone scores highest (section 3).",
            ),
            "same-test": Option(
                "Precision measured at different dates on comparable populations, with the same "
                "number of alarms each time.",
                why="Needed: otherwise a change in precision may come from a change in the "
                "population or in the number of alarms.",
            ),
            "volume": Option(
                "The number of records the model has processed since it was installed.",
                why="Not enough: processing records without outcomes teaches a model nothing "
                "(section 4's first row).",
            ),
            "baseline": Option(
                "The precision of the method the model replaced, on the same population.",
                why="Needed: 'increasing the precision' is a comparison with something.",
            ),
            "vendor": Option(
                "The supplier's statement that the model learns continuously.",
                why="Not evidence: it is the claim itself, restated by someone with an interest "
                "in it.",
            ),
        },
        key="11dd97c9410565d82d052e63857f10fb7a061a118bbe228c3e8a2083692121ab",
        hints=[
            "Three of the six are needed.",
            "Think of section 4: what did the model need before it could learn anything, and "
            "what was kept fixed to compare its versions?",
        ],
        explanation=(
            "Improvement is a measured change in precision, against a baseline, on comparable "
            "populations, and it needs labelled outcomes, which are scarce for rare events and "
            "missing for the cleared. The fact-check notes that systems do not improve "
            "automatically; the article gives none of these."
        ),
    ),
    CodeExercise(
        id="10.precision-code",
        title="Precision from three numbers",
        prompt=(
            "The cell above defines `prevalence`, `sensitivity` and `specificity` for an "
            "invented screening. Make `result`: the precision (the share of alarms that are "
            "right, a number between 0 and 1), computed from these three variables without "
            "the course's `screening_rates` helpers."
        ),
        expected=lambda: precision(0.001, 0.95, 0.98),
        rtol=1e-6,
        hints=[
            "Picture 1,000,000 people screened once: how many are cases, and how many are not?",
            "Right alarms: cases times sensitivity. False alarms: non-cases times "
            "(1 - specificity).",
            "Precision is right alarms divided by all alarms; the population size cancels out, "
            "so you can work with shares directly.",
        ],
        explanation=(
            "prevalence × sensitivity / (prevalence × sensitivity + (1 − prevalence) × "
            "(1 − specificity)): under 5% here. This is Bayes' rule; the population size drops "
            "out, which is why the lesson's explorer needs only the three sliders."
        ),
    ),
    Numeric(
        id="10.false-alarms-count",
        title="A year of false alarms",
        prompt=(
            "An invented population of 2,000,000 people, of whom 1 in 20,000 are cases, is "
            "screened once by a tool with sensitivity 0.98 and specificity 0.995. How many "
            "false alarms do you expect?"
        ),
        expected=lambda: expected(2_000_000, 1 / 20_000, 0.98, 0.995).false_alarms,
        tolerance=1,
        unit="false alarms",
        hints=[
            "False alarms come only from the people who are not cases.",
            "First count the non-cases, then take the share of them the tool fails to clear.",
        ],
        explanation=(
            "1,999,900 non-cases × 0.005 ≈ 10,000 false alarms, against 98 right ones: about a "
            "hundred false alarms for each right alarm, from a tool that clears 99.5% of the "
            "innocent."
        ),
    ),
    Matching(
        id="10.rates-match",
        title="Four rates of a screening",
        prompt="Match each rate with what it measures.",
        left={
            "precision": "precision",
            "recall": "recall (sensitivity)",
            "specificity": "specificity",
            "prevalence": "prevalence",
        },
        right={
            "1": "of the real cases, the share the tool flags",
            "2": "of everyone screened, the share who really are cases",
            "3": "of the people flagged, the share who really are cases",
            "4": "of the people who are not cases, the share the tool clears",
        },
        key="8bfc6d358ba3c2ad2079464d4442a16b730f9750027745e2ffeb93966c55aa26",
        hints=[
            "Each rate divides by a different group: the flagged, the cases, the non-cases, or "
            "everyone.",
            "Precision is about the alarms; recall about the cases.",
        ],
        explanation=(
            "Sensitivity and specificity describe the tool; prevalence describes the population; "
            "precision depends on all three, which is why the same tool gives very different "
            "precision in different populations."
        ),
    ),
    MultipleChoice(
        id="10.group-proxy",
        title="Why one group gets more false alarms",
        prompt=(
            "In section 5, innocent members of invented group B were flagged much more often "
            "than those of group A, under the same model and threshold. Why?"
        ),
        options={
            "a": Option(
                "The model was given the group column and learned to flag group B.",
                why="No. The model saw only the two measurements, never the group.",
            ),
            "b": Option(
                "A measurement that is higher for all of group B acts as a proxy for the group.",
                why="Yes: the second measurement is higher for everyone in group B, cases or "
                "not, and the model gives weight to it. A feature that differs between groups "
                "for reasons unrelated to being a case carries the group into the scores.",
            ),
            "c": Option(
                "Group B has a larger share of cases, so more of its members are flagged.",
                why="No. Both groups were given the same prevalence; the false-alarm rate counts "
                "only the non-cases anyway.",
            ),
            "d": Option(
                "Group B is smaller in the test population, so its measured rates are less "
                "reliable than group A's.",
                why="No. Each person was put in a group at random, half each.",
            ),
        },
        key="b98b8963bfe1ce40b41a4e971158a98594c1eb9ff2ed26967c78e992125d8b54",
        hints=[
            "Look again at how the invented population was made (the docstring of "
            "`invented_population`).",
            "Which of the two measurements differs between the groups, and for whom?",
        ],
        explanation=(
            "Dropping a protected attribute does not remove its effect when another feature "
            "carries it. That is why error rates must be measured group by group, which needs "
            "data on the groups of the people screened."
        ),
    ),
    Ordering(
        id="10.timeline",
        title="A timeline of automation and its limits",
        prompt="Put these events in the order they happened, earliest first.",
        items={
            "ai-act": "The EU's AI Act is published in the Official Journal",
            "ees-start": "The EU's Entry/Exit System starts operating at the borders",
            "sltd": "INTERPOL creates its Stolen and Lost Travel Documents database",
            "prohibitions": "The AI Act's prohibitions (Article 5) start to apply",
            "ohchr": "The UN High Commissioner for Human Rights reports on AI and the right to "
            "privacy (A/HRC/48/31)",
            "ees-law": "The regulation setting up the EU's Entry/Exit System is adopted",
        },
        key="93c5e1d22ed0d6b436a88d61280be054fac3f592fa27d19fe2fe14b4cd6e7763",
        hints=[
            "One of these followed the attacks of 11 September 2001 closely.",
            "The AI Act was published in July 2024 and entered into force on 1 August 2024; its "
            "prohibitions applied six months after entry into force.",
        ],
        explanation=(
            "SLTD 2002; Regulation (EU) 2017/2226 in 2017; A/HRC/48/31 in September 2021; the "
            "AI Act in the Official Journal on 12 July 2024, in force from 1 August 2024; "
            "Article 5 applying from 2 February 2025, six months after entry into force "
            "(Article 113); the Entry/Exit System from 12 October 2025, phased "
            "in over six months."
        ),
    ),
    CodeExercise(
        id="10.nationality-missing",
        title="Entries with no nationality, list by list",
        prompt=(
            "Make `result`: a Series indexed by `un_list_type`, with the share (0 to 1) of the "
            "entries in `individuals` that record no nationality (`n_nationalities` equal to "
            "0), for each list."
        ),
        expected=share_without_nationality,
        check_order=False,
        rtol=1e-6,
        hints=[
            "A share of rows that meet a condition is the mean of a True/False column.",
            "Make the True/False column with a comparison, then group it by "
            '`individuals["un_list_type"]` (with `observed=True`) and take the mean.',
        ],
        explanation=(
            "The share ranges from none to most of a list's individuals. In the course copy an "
            "entry without a nationality can only be matched on what the public list adds "
            "(names, and other identifiers where they exist); lesson 07 showed where name "
            "matching raises false alarms. The quality of a list limits automated screening "
            "before any algorithm is involved."
        ),
    ),
    CodeExercise(
        id="10.alqaida-nationalities",
        title="Several nationalities on the Al-Qaida list",
        prompt=(
            "Make `result`: the number of entries in `individuals` on the list whose "
            '`un_list_type` is "Al-Qaida" that record more than one nationality.'
        ),
        expected=alqaida_several_nationalities,
        hints=[
            "Two conditions on the rows: the list, then the number of nationalities.",
            "Keep the rows of that list first, then count the values of `n_nationalities` "
            "above 1 with `.sum()` on a comparison.",
        ],
        explanation=(
            "Several nationalities mean several passports: a screening system that compares "
            "nationality must accept each of them, and a traveller may present any one."
        ),
    ),
]
