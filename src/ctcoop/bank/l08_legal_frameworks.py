"""Exercises of lesson 08, Legal and policy frameworks.

Facts behind the options and explanations: `shared/sources/un/PROVENANCE.md`
(sections 9-10: UN Treaty Collection status of 2014, the GA Strategy), the
pages named per row of `regional_ct_frameworks`, UN press releases on the Ad
Hoc Committee of resolution 51/210 (L/2974, L/3112), the Special Rapporteur's
report A/HRC/40/52 (2019) and FATF's revision of Recommendation 8 (Nov 2023).
Numeric and code answers are computed from `treaty_participation` when checked.
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

TITLE = "Legal and policy frameworks"
RESOLUTION_1373 = pd.Timestamp("2001-09-28")


def _treaties() -> pd.DataFrame:
    from ctcoop.data import load

    return load("treaty_participation")


def financing_joins_year_after_1373() -> int:
    treaties = _treaties()
    financing = treaties[treaties["convention"] == "financing_1999"]
    end = RESOLUTION_1373 + pd.DateOffset(years=1)
    return int(financing["bound"].between(RESOLUTION_1373, end, inclusive="left").sum())


def nuclear_signatories_not_bound() -> pd.DataFrame:
    treaties = _treaties()
    nuclear = treaties[
        (treaties["convention"] == "nuclear_2005") & (treaties["status"] == "signatory")
    ]
    return nuclear[["participant", "iso3"]].sort_values("participant").reset_index(drop=True)


def accessions_per_convention() -> pd.Series:
    treaties = _treaties()
    accession = treaties[treaties["consent"] == "accession"]
    return accession.groupby("convention_name", observed=True).size()


EXERCISES = [
    MultipleChoice(
        id="08.compliance-claim",
        title="Check the source: frameworks that ensure compliance with international law?",
        prompt=(
            "The article says the legal and policy frameworks establish clear obligations, "
            '"ensuring actions are compliant with international law". Which verdict does the '
            "evidence in this lesson support?"
        ),
        options={
            "a": Option(
                "accurate",
                why=(
                    "No. The frameworks do not spell out every obligation with one shared "
                    "definition of terrorism (section 7), and a human-rights clause cannot make "
                    "sure of compliance: the Special Rapporteur's 2019 report and FATF's 2023 "
                    "revision of Recommendation 8 document measures that went beyond it."
                ),
            ),
            "b": Option(
                "misleading",
                why=(
                    "Yes. There are real obligations and a duty to respect international law, "
                    "but no agreed definition of terrorism, and documented misuse shows that "
                    "compliance is not ensured: true in part, overstated in 'clear' and "
                    "'ensuring'."
                ),
            ),
            "c": Option(
                "inaccurate",
                why=(
                    "No. The frameworks do mention international law and human rights: "
                    "resolution 1456, the Strategy's fourth pillar and the Council of Europe's "
                    "2005 Convention all do (section 9)."
                ),
            ),
            "d": Option(
                "unverifiable",
                why=(
                    "No. The texts, who is bound by them, and documented misuse can all be "
                    "checked; the lesson did so."
                ),
            ),
        },
        key="9d558ce0544bd84941c448d8ffef4ad542ef2ae47f373aa86e96c72f8198c727",
        hints=[
            "Split the sentence into its parts: obligations, 'clear', and 'ensuring'. Which "
            "parts does the evidence support?",
            "Think of the Comprehensive Convention (section 7) and of the human-rights "
            "reports (section 9).",
        ],
        explanation=(
            "The frameworks create real obligations, and require that counter-terrorism respect "
            "international law (resolution 1456, the Strategy's fourth pillar, regional texts). "
            "But there is no agreed definition of terrorism, regional definitions differ, and "
            "documented misuse shows that requiring compliance is not ensuring it. True in part, "
            "overstated as a whole: misleading."
        ),
    ),
    Matching(
        id="08.consent-kinds",
        title="Reading the UN Treaty Collection's letters",
        prompt=(
            "The UNTC prints a letter after the date of a state's consent to be bound (or none). "
            "Match each mark to the kind of consent it stands for, as `treaty_participation` "
            "decodes it."
        ),
        left={
            "no_letter": "no letter after the date",
            "small_a": "a",
            "capital_a": "A",
            "double_a": "AA",
            "small_d": "d",
        },
        right={
            "rat": "ratification (after signing)",
            "acc": "accession (without having signed)",
            "acp": "acceptance",
            "app": "approval",
            "suc": "succession (a new state takes over its predecessor's obligations)",
        },
        key="27ba0c7a8d266eafdb4c5d8e1a92777b685649a0914d0ce8cd2654dc45119404",
        hints=[
            "The commonest kind of consent needs no letter at all.",
            "Capital letters belong to the two alternatives to ratification; the small 'a' "
            "is for states that never signed.",
        ],
        explanation=(
            "No letter: ratification; a: accession; A: acceptance; AA: approval; d: succession. "
            "Only states that signed can ratify; others accede. Successions in these data are "
            "all states that emerged from Czechoslovakia and Yugoslavia."
        ),
    ),
    Numeric(
        id="08.financing-after-1373",
        title="The year after resolution 1373",
        prompt=(
            "How many states deposited their instrument for the Financing Convention in the "
            "twelve months from 28 September 2001 (that day included, 28 September 2002 "
            "excluded)? Use `treaties`."
        ),
        expected=financing_joins_year_after_1373,
        tolerance=0,
        unit="states",
        hints=[
            "Keep the Financing Convention's rows, then look at the `bound` column.",
            "`Series.between(start, end, inclusive='left')` counts a half-open interval; "
            "`pd.DateOffset(years=1)` adds a year.",
        ],
        explanation=(
            "In the year before 28 September 2001 only a handful of states had become bound; "
            "in the year from it, dozens did, and many of them (though not most) had signed before "
            "1373, so their ratifications may already have been under way. The jump is "
            "consistent with a push in late 2001, but it does not show which push it was."
        ),
    ),
    CodeExercise(
        id="08.nuclear-signatories",
        title="Signed but not bound (code)",
        prompt=(
            "Make `result`: a DataFrame with the columns `participant` and `iso3` of every "
            "state that signed the Nuclear Terrorism Convention but was not bound by it in the "
            "2014 data (its `status` is `signatory`). Start from `treaties`; sort by "
            "`participant` and reset the index."
        ),
        expected=nuclear_signatories_not_bound,
        check_order=True,
        hints=[
            "Two conditions on `treaties`: the `convention` column and the `status` column.",
            "Combine them with `&`, select the two columns, then `.sort_values('participant')"
            ".reset_index(drop=True)`.",
        ],
        explanation=(
            "About a third of the Nuclear Terrorism Convention's participants in 2014 had "
            "signed without becoming bound: a signature expresses support, not obligation. Some "
            "of them may have joined since; the 2014 data cannot say."
        ),
    ),
    CodeExercise(
        id="08.accessions",
        title="Joining without signing (code)",
        prompt=(
            "Make `result`: a Series giving, for each `convention_name`, how many states became "
            "bound by accession. Start from `treaties`."
        ),
        expected=accessions_per_convention,
        check_order=False,
        hints=[
            "Keep the rows whose `consent` is `accession`.",
            "Then count rows per convention: `.groupby('convention_name', observed=True).size()`.",
        ],
        explanation=(
            "Accession is how most states joined the older conventions: they had not signed "
            "while the treaty was open for signature. For the Financing Convention, adopted "
            "in 1999 and opened for signature in 2000, ratification is commoner."
        ),
    ),
    MultiSelect(
        id="08.not-proof",
        title="Why the jump after 1373 is not proof",
        prompt=(
            "The number of new parties jumped after 28 September 2001. Which of these are good "
            "reasons why that chart alone does **not** prove that resolution 1373 caused the "
            "joins? Choose all that apply."
        ),
        options={
            "other": Option(
                "The 11 September attacks and FATF's October 2001 plenary came in the same "
                "weeks and could explain the same jump.",
                why="Yes: other causes at the same moment are confounders.",
            ),
            "signed": Option(
                "Many Financing Convention parties of 2001-2002 had signed before 1373.",
                why="Yes: their ratifications may have been under way already.",
            ),
            "counter": Option(
                "We cannot observe how many states would have joined without 1373.",
                why="Yes: there is no counterfactual in the data.",
            ),
            "nodates": Option(
                "The treaty data hold no dates, so no jump can be seen at all.",
                why="No. `treaty_participation` dates every instrument of the 2014 status; "
                "only the four later Financing parties are undated.",
            ),
            "binding": Option(
                "Resolution 1373 was not adopted under Chapter VII, so it bound nobody.",
                why="No. 1373 is a Chapter VII resolution that binds all UN members (lesson "
                "03); that is not why the chart falls short of proof.",
            ),
        },
        key="cd3568f22a71cd00023399f085f64642451e9d265f5ca3f1e702f8d19016ac33",
        hints=[
            "Proof of a cause needs more than 'after': ask what else happened, and what would "
            "have happened anyway.",
            "Two of the five statements are false statements about the data or the law.",
        ],
        explanation=(
            "A rise after an event is consistent with the event causing it, but also with other "
            "events at the same time and with processes already under way. Without a "
            "comparison (a counterfactual), the chart shows timing, not cause."
        ),
    ),
    Ordering(
        id="08.timeline",
        title="A timeline of frameworks",
        prompt="Put these in the order they were adopted or signed, earliest first.",
        items={
            "ets": "Council of Europe: European Convention on the Suppression of Terrorism",
            "saarc": "SAARC Regional Convention on Suppression of Terrorism",
            "arab": "Arab Convention for the Suppression of Terrorism",
            "icsft": "UN: International Convention for the Suppression of the Financing of "
            "Terrorism",
            "r1373": "UN Security Council resolution 1373",
            "gcts": "UN General Assembly: Global Counter-Terrorism Strategy",
            "asean": "ASEAN Convention on Counter Terrorism",
            "eu": "EU Directive 2017/541 on combating terrorism",
        },
        key="b0686a83eb98fdaef694c1ed86b1107f686b7e61b82fd88ff0ffb5eb70b51682",
        hints=[
            "One of these is from the 1970s and one from the 1980s.",
            "The UN's Strategy came five years after resolution 1373.",
        ],
        explanation=(
            "1977 Council of Europe; 1987 SAARC; April 1998 Arab Convention; December 1999 "
            "Financing Convention; September 2001 resolution 1373; September 2006 Strategy; "
            "January 2007 ASEAN; March 2017 EU Directive."
        ),
    ),
    MultipleChoice(
        id="08.strategy-vs-definition",
        title="A strategy without a definition",
        prompt="Which statement about the General Assembly's work is correct?",
        options={
            "a": Option(
                "The Comprehensive Convention on International Terrorism was adopted together "
                "with the Strategy in September 2006, and it has since become the twentieth "
                "universal instrument, with the definition the sectoral treaties lacked.",
                why="No. The convention has never been agreed; none of the 19 instruments is "
                "a comprehensive convention.",
            ),
            "b": Option(
                "The Strategy binds every UN member like a Security Council decision.",
                why="No. General Assembly resolutions are recommendations (Charter, Articles "
                "10-14); the Council's decisions bind under Article 25.",
            ),
            "c": Option(
                "The Strategy and its reviews were adopted without a vote, while the "
                "comprehensive convention, on the agenda since 1996, is still not agreed.",
                why="Yes: consensus on a policy, no consensus on a definition.",
            ),
            "d": Option(
                "Each review of the Strategy was adopted by a narrow recorded vote.",
                why="No. `ga_ct_strategy` records every one as adopted without a vote.",
            ),
        },
        key="477cc241935940844b703ea437a7ca848a357a05623ae5c28a5c5c580f3ca9ae",
        hints=[
            "Look at `adopted_without_vote` in `ga_ct_strategy`.",
            "Section 7 checks whether a comprehensive convention is among the 19 instruments.",
        ],
        explanation=(
            "States could agree on a strategy (what to do) but not on a treaty definition of "
            "terrorism, which would decide, among other things, how struggles for "
            "self-determination are treated."
        ),
    ),
    MultipleChoice(
        id="08.recommendation-8",
        title="FATF Recommendation 8 and non-profits",
        prompt="Why did FATF revise its Recommendation 8 on non-profit organisations in 2023?",
        options={
            "a": Option(
                "Because countries had misapplied it, imposing disproportionate measures on "
                "non-profits that chilled legitimate charitable and humanitarian work.",
                why="Yes: FATF said so, and now requires focused, risk-based measures.",
            ),
            "b": Option(
                "To require every charity, however small and whatever its risk, to be "
                "registered, supervised and inspected like a bank, and to check the identity of "
                "all its donors.",
                why="No. The revision says the opposite: non-profits are not to be treated "
                "as obliged entities like banks.",
            ),
            "c": Option(
                "Because a UN treaty on non-profits replaced it.",
                why="No. No such treaty exists; FATF's standards are not treaties.",
            ),
            "d": Option(
                "To add terrorist financing to FATF's work for the first time.",
                why="No. FATF took up terrorist financing in October 2001 (lesson 04).",
            ),
        },
        key="73dee76ec8964b84c4d75b207ea1c0168af48617004468037673b12efec352f0",
        hints=[
            "The revision was a response to criticism from the non-profit sector.",
            "FATF spoke of a 'chilling effect'.",
        ],
        explanation=(
            "The revision (approved October 2023, published 16 November 2023) answers a "
            "mainstream criticism: counter-terrorism-financing rules applied too broadly harm "
            "civil society. The UN Special Rapporteur's 2019 report made a similar point about "
            "overbroad definitions of terrorism."
        ),
    ),
]
