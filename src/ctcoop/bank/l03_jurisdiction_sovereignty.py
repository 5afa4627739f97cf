"""Exercises of lesson 03, Jurisdiction and sovereignty.

Facts behind the options and explanations: `shared/sources/factcheck.md`
claims 1, 14 and 15; the texts of the Hague Convention (1970), the Financing
Convention (1999) and Security Council resolutions 1373 (2001), 1730 (2006)
and 1904 (2009); the tables `ct_instruments`, `unsc_resolutions` and
`unsc_vetoes` in `data/` (see `data/README.md`). Numeric and code answers are
computed from `data/` when checked, by the private helpers below.
"""

from __future__ import annotations

import re

import pandas as pd

from ctcoop.exercises import (
    CodeExercise,
    MultipleChoice,
    MultiSelect,
    Numeric,
    Option,
    Ordering,
)

TITLE = "Jurisdiction and sovereignty"


def _load(name: str) -> pd.DataFrame:
    from ctcoop.data import load

    return load(name)


_ICAO_COUNT = re.compile(r"ICAO status list.* gives (\d+) parties")


def _hague_growth() -> int:
    """Parties to the Hague Convention 1970: ICAO's count (quoted in `notes`) minus 2001's.

    ICAO's status list is preferred to the Wikipedia mirror behind
    `parties_reported` (the lesson shows both); the count is read from the
    row's `notes`, where the compilers quote it.
    """
    row = _load("ct_instruments").set_index("short_name").loc["Hague Convention 1970"]
    found = _ICAO_COUNT.search(str(row["notes"]))
    if found is None:
        raise ValueError("the Hague row's notes no longer quote ICAO's status list")
    return int(found.group(1)) - int(row["parties_2001"])


def _unanimous_share() -> pd.Series:
    """Share of resolutions adopted unanimously, 1946-2022: all and terrorism-related."""
    table = _load("unsc_resolutions")
    dhl = table[table["part"] == "dhl_1946_2022"]
    return pd.Series(
        {
            "all": dhl["unanimous"].mean(),
            "terrorism-related": dhl.loc[dhl["terrorism_related"], "unanimous"].mean(),
        }
    )


def _vetoes_per_decade() -> pd.Series:
    """Vetoed drafts per decade (1940 = 1940-1949)."""
    table = _load("unsc_vetoes")
    return table.groupby(table["year"] // 10 * 10).size()


def _slowest_instruments() -> pd.DataFrame:
    """Instruments that took more than 7 years to enter into force, longest first."""
    table = _load("ct_instruments")
    slow = table[table["years_to_entry_into_force"] > 7]
    columns = ["short_name", "years_to_entry_into_force"]
    return (
        slow[columns]
        .sort_values("years_to_entry_into_force", ascending=False)
        .reset_index(drop=True)
    )


EXERCISES = [
    MultipleChoice(
        id="03.signatory-states",
        title="Check the source: who is bound by the Financing Convention?",
        prompt=(
            "The article says treaties like the International Convention for the Suppression "
            'of the Financing of Terrorism "obligate signatory states to adopt specific legal '
            'measures". Which verdict fits the evidence?'
        ),
        options={
            "a": Option(
                "accurate",
                why=(
                    "Yes, if loosely worded. The obligations are real (criminalise terrorist "
                    "financing, freeze and seize funds, no refusals on grounds of bank "
                    "secrecy), but they bind the states parties, those that ratified or "
                    "acceded, not states that only signed."
                ),
            ),
            "b": Option(
                "misleading",
                why=(
                    'Not quite. "Signatory" is the wrong word, but it does not give a false '
                    "picture of what the Convention requires: its obligations are real and bind "
                    "every state that has joined. The course's fact-check rates the claim "
                    "accurate, with a note on the wording."
                ),
            ),
            "c": Option(
                "inaccurate",
                why=(
                    "No. The General Assembly adopted the text (resolution 54/109), but the "
                    "Convention itself is a treaty; since it entered into force on 10 April "
                    "2002 it binds every state that has become a party."
                ),
            ),
            "d": Option(
                "unverifiable",
                why=(
                    "No. The text is public (UN Audiovisual Library of International Law), and "
                    "the UN Secretary-General, its depositary, publishes its status in the UN "
                    "Treaty Collection (chapter XVIII-11)."
                ),
            ),
        },
        key="0cfddf215e62956c4f64e5908fb0a8d26f8cf08b77ed755e566c3ed77ca2d137",
        hints=[
            'Look at one word in the claim: "signatory". Is a state that signs the same as a '
            "state that ratifies?",
            "A treaty binds its parties. Signing usually comes first and ratification later; "
            "some states never ratify what they signed.",
        ],
        explanation=(
            "The claim is accurate in substance: parties must criminalise terrorist financing, "
            "freeze and seize funds, and may not use bank secrecy to refuse cooperation. But "
            '"signatory" is the wrong word: the Convention binds its states parties. Sources: '
            "UN Audiovisual Library of International Law, note on the Convention; the course's "
            "fact-check notes, claim 14."
        ),
    ),
    MultipleChoice(
        id="03.harmonisation",
        title="Check the source: harmonising national laws",
        prompt=(
            'The article says Security Council resolutions and regional pacts "promote '
            'harmonization of national laws". Which verdict fits the evidence?'
        ),
        options={
            "a": Option(
                "accurate",
                why=(
                    "Yes, if incomplete. Resolution 1373 decides that every state shall "
                    "criminalise terrorist financing, and regional pacts such as the SCO's "
                    "Shanghai Convention (2001) set shared rules for their members; national "
                    "laws still differ, for example in how they define terrorism."
                ),
            ),
            "b": Option(
                "misleading",
                why=(
                    'Not quite. "Promote" is a modest word and it fits: resolution 1373 pushes '
                    "every state's law the same way without making laws identical. It does not "
                    "define terrorism, and national definitions still differ, but the claim "
                    "never said they were the same."
                ),
            ),
            "c": Option(
                "inaccurate",
                why=(
                    "No. Resolution 1373 (2001), adopted under Chapter VII, decides that every "
                    "state shall criminalise the financing of terrorism, among other measures; "
                    "UN members agreed in the Charter (Article 25) to carry out the Council's "
                    "decisions."
                ),
            ),
            "d": Option(
                "unverifiable",
                why=(
                    "No. The text of resolution 1373 is public, and states report on what they "
                    "did to the Counter-Terrorism Committee."
                ),
            ),
        },
        key="0303ae3fde5b24677b068793e959de13f3806685b64caa5d7b5cf070f2aaa4ad",
        hints=[
            '"Promote harmonization" is a modest claim: it says the rules push laws towards '
            "each other, not that they make them identical.",
            "Think of what resolution 1373 requires of every state, and what it leaves out "
            "(a definition).",
        ],
        explanation=(
            "The fact-check rates the claim accurate. 1373 binds all states (its paragraphs 1 "
            'and 2 begin "Decides"), created the Counter-Terrorism Committee to follow up '
            'and "calls upon" states to report to it; regional pacts set common rules for '
            "their members. The article leaves out the criticism: without a shared definition, "
            "national laws vary, and some are broad enough to worry human-rights bodies. "
            "Sources: resolution 1373 (2001); the course's fact-check notes, claims 1 and 15."
        ),
    ),
    MultipleChoice(
        id="03.prosecute-or-extradite",
        title="Prosecute or extradite",
        prompt=(
            "Counter-terrorism conventions such as the Hague Convention (1970) and the "
            "Financing Convention (1999) contain the principle *aut dedere aut judicare*, "
            '"prosecute or extradite". What does it oblige a state party to do?'
        ),
        options={
            "a": Option(
                "Extradite every suspect that another state asks for, whatever the suspect's "
                "nationality and whatever the charge.",
                why="No. The state may keep the person and submit the case to its own "
                "prosecutors instead; what it may not do is neither.",
            ),
            "b": Option(
                "Convict the suspect if it does not extradite them.",
                why="No. It must submit the case to its competent authorities for the purpose "
                "of prosecution; they decide under their normal rules, and a trial may end in "
                "acquittal.",
            ),
            "c": Option(
                "Either extradite an alleged offender found on its territory, or submit the "
                "case to its own prosecutors.",
                why="Yes: hand over or judge, one or the other.",
            ),
            "d": Option(
                "Leave prosecution to the state where the act took place, and hand the "
                "suspect over to that state whenever it asks.",
                why="No. The conventions oblige each party to give its courts jurisdiction "
                "even when the act happened abroad, if the alleged offender is on its territory "
                "and it does not extradite.",
            ),
        },
        key="0686c88ffde7c553662f69ef2602647d3a6c1007aed8ae8f825d0060a70a2f33",
        hints=[
            "The obligation leaves the state a choice between two things, and rules out a third.",
            'The Latin means "either hand over or judge"; "judge" here means passing the '
            "case to the prosecutors, who decide under their normal rules.",
        ],
        explanation=(
            "The principle closes safe havens without forcing any state to hand someone over: "
            "a party may always prosecute at home instead. The Hague Convention set out the "
            "obligation in its Article 7, and later conventions followed it."
        ),
    ),
    Ordering(
        id="03.instrument-order",
        title="A timeline of the instruments",
        prompt="Put these counter-terrorism instruments in the order they were adopted, earliest "
        "first.",
        items={
            "financing": "International Convention for the Suppression of the Financing of "
            "Terrorism",
            "tokyo": "Tokyo Convention on offences committed on board aircraft",
            "nuclear": "International Convention for the Suppression of Acts of Nuclear Terrorism",
            "hague": "Hague Convention on the unlawful seizure of aircraft",
            "beijing": "Beijing Convention on unlawful acts relating to international civil "
            "aviation",
            "hostages": "International Convention against the Taking of Hostages",
        },
        key="c61b2446a2fcd6e5473fe8d8a2622c203a0db806840d4449bfcca323bc75f6ae",
        hints=[
            "The two oldest are both about aircraft; the newest is too.",
            "Use `instruments.sort_values('adopted')[['short_name', 'adopted']]`.",
        ],
        explanation=(
            "Tokyo 1963, The Hague 1970, Hostages 1979, Financing 1999, Nuclear Terrorism 2005, "
            "Beijing 2010. The early ones answer hijackings; the later ones follow new concerns: "
            "money, nuclear material, new forms of attack on aviation."
        ),
    ),
    MultiSelect(
        id="03.listing-safeguards",
        title="Safeguards for people on sanctions lists",
        prompt=(
            "People and entities on the Security Council's sanctions lists have their assets "
            "frozen without a trial. Which of these statements about the safeguards are true? "
            "Tick all that apply."
        ),
        options={
            "ombudsperson": Option(
                "Resolution 1904 (2009) created an Office of the Ombudsperson to handle "
                "delisting requests for the ISIL (Da'esh) and Al-Qaida list.",
                why="True.",
            ),
            "focal-point": Option(
                "Resolution 1730 (2006) set up a Focal Point that receives delisting requests.",
                why="True: it remains the route for the regimes the Ombudsperson does not cover.",
            ),
            "kadi": Option(
                "In the Kadi judgment (2008) the EU Court of Justice annulled the EU measure "
                "that froze the applicants' assets under a UN listing, because they could not "
                "effectively be heard or challenge the listing in court.",
                why="True: the judgment put pressure on the Council to improve its procedures.",
            ),
            "all-regimes": Option(
                "The Ombudsperson hears delisting requests under every UN sanctions regime.",
                why="No: only for the ISIL (Da'esh) and Al-Qaida list. The 1988 Taliban list "
                "and the country regimes go through the Focal Point.",
            ),
            "court": Option(
                "A UN court tries each person before they are listed.",
                why="No: a committee of the Council's members decides on listings; there is "
                "no trial. That is the heart of the due-process criticism.",
            ),
            "national-court": Option(
                "The Security Council needs a national court's approval before it lists anyone.",
                why="No: no court approves listings; the Council's sanctions committees decide.",
            ),
        },
        key="28f02480171355aab1736ea206b9d17a80064effef32d0fcc05d1ae6c9b8cf4f",
        hints=[
            "Three of the six are true.",
            "The safeguards came late, and one of them covers only one list. Nothing in the "
            "system is a trial.",
        ],
        explanation=(
            "The Focal Point (2006) and the Ombudsperson (2009) were the Council's answers to "
            "the due-process criticism, which the Kadi judgment (2008) made urgent. Critics "
            "note that the Ombudsperson covers only one list and that the Council keeps the "
            "last word."
        ),
    ),
    Numeric(
        id="03.hague-growth",
        title="The Hague Convention, then and now",
        prompt=(
            "The Hague Convention 1970 is the only instrument in `instruments` with a 2001 "
            "count (`parties_2001`) and a later one. Its `parties_reported` comes from a "
            "Wikipedia mirror; its `notes` quote the status list kept by ICAO. Using ICAO's "
            "count, how many more parties does the Convention have than in 2001?"
        ),
        expected=_hague_growth,
        tolerance=0,
        unit="parties",
        hints=[
            "Print the Hague row's `notes` and find ICAO's count in the text.",
            "Subtract `parties_2001` from ICAO's count, not from `parties_reported`.",
        ],
        explanation=(
            "A small rise: the Convention was already near-universal in 2001. The mirror's "
            "count (`parties_reported`, dated 2025) would give two more; ICAO's status list is "
            "the better source, but the copy the compilers saw is undated. Before quoting a "
            "count, check the current list of ICAO or of the depositaries (the governments of "
            "the Russian Federation, the United Kingdom and the United States)."
        ),
    ),
    CodeExercise(
        id="03.unanimous-share",
        title="Unanimous: terrorism resolutions against all",
        prompt=(
            'Make `result`: a Series with two values, labelled "all" and '
            '"terrorism-related": the share of resolutions adopted unanimously, among all '
            "resolutions and among the terrorism-related ones. Use only the rows of "
            '`resolutions` whose `part` is "dhl_1946_2022", and take the mean of the '
            "`unanimous` column (pandas skips the few empty cells)."
        ),
        expected=_unanimous_share,
        rtol=1e-6,
        hints=[
            "Two means of the same column: one over every row of the `dhl_1946_2022` part, one "
            "over its terrorism-related rows.",
            "`dhl = resolutions[resolutions['part'] == 'dhl_1946_2022']`; then "
            "`dhl['unanimous'].mean()` is the first value; for the second, filter with "
            "`dhl['terrorism_related']` first. Build the Series with "
            "`pd.Series({'all': ..., 'terrorism-related': ...})`.",
        ],
        explanation=(
            "Overall, terrorism-related resolutions were adopted unanimously more often than "
            "resolutions in general. But that is mostly a composition effect: most of them "
            "date from the 2000s onwards, when nearly every resolution was unanimous. Compared "
            "with resolutions of the same decade (lesson 03, section 5), the difference "
            "vanishes before 2010, where they were if anything less often unanimous; only "
            "from 2010 to June 2022 are they more often unanimous. The 2022-2025 rows are left "
            "out because that part lists only terrorism-related resolutions: mixing them in "
            'would bias "all". Read on their own, they show abstentions on several terrorism '
            "resolutions, so the unanimity of 2010-2022 did not last."
        ),
    ),
    MultipleChoice(
        id="03.composition-effect",
        title="Why the decade comparison changes the picture",
        prompt=(
            "Overall, terrorism-related resolutions were adopted unanimously more often than "
            "resolutions in general. Compared with resolutions of their own decade, the "
            "difference almost vanishes. What explains that?"
        ),
        options={
            "a": Option(
                "Most terrorism-related resolutions were adopted after 2000, in decades when "
                "nearly every resolution of any kind was unanimous.",
                why="Yes: a composition effect. The raw comparison mixes them with the divided "
                "Council of the 1940s to 1980s, when they hardly existed.",
            ),
            "b": Option(
                "The decade comparison leaves out the terrorism-related resolutions that were "
                "not unanimous, which hides the votes that divided the Council.",
                why="No. Both comparisons keep every resolution with a printed result; only the "
                "few with none are skipped, in both.",
            ),
            "c": Option(
                "The decade comparison counts each terrorism-related resolution twice, once on "
                "its own and once among all resolutions, which cancels the gap out.",
                why="No. Each resolution counts once in its decade's share, exactly as it counts "
                "once among all resolutions in the overall comparison.",
            ),
            "d": Option(
                "Before 2010 vetoes were counted as abstentions, so the earlier resolutions look "
                "less unanimous than they really were.",
                why="No. A vetoed draft is not a resolution at all: the resolutions table holds "
                "adopted resolutions only, and vetoes are in a table of their own.",
            ),
        },
        key="2a95c910f7d9cd9ba77eeee200295cc14589558b0c344b32047bfb555f77d996",
        hints=[
            "Look at when the terrorism-related resolutions were adopted, decade by decade.",
            "Compare the unanimous share of all resolutions in the 1960s with that in the "
            "2000s, and ask which of those decades most terrorism-related resolutions fall in.",
        ],
        explanation=(
            "When two groups differ in make-up (here, in the decades they come from), a raw "
            "comparison can show a difference that belongs to the make-up, not to the groups. "
            "Holding the decade fixed, as lesson 03 does in section 5, removes it: before 2010 "
            "terrorism-related resolutions were, if anything, less often unanimous than their "
            "decade; only from 2010 to June 2022, where the comparable data end, have they "
            "been more often unanimous."
        ),
    ),
    CodeExercise(
        id="03.vetoes-per-decade",
        title="Vetoes per decade",
        prompt=(
            "Make `result`: a Series counting the vetoed drafts in `vetoes` per decade, "
            "labelled by the decade's first year (1940, 1950, …, 2020)."
        ),
        expected=_vetoes_per_decade,
        hints=[
            "The decade of a year is `year // 10 * 10`.",
            "`vetoes.groupby(vetoes['year'] // 10 * 10).size()`.",
        ],
        explanation=(
            "Vetoes were frequent during the Cold War (the 1940s and the 1980s have the most), "
            "fell sharply in the 1990s and rose again in the 2010s, mostly on Middle East "
            "agenda items. Each row is one vetoed draft, however many members vetoed it."
        ),
    ),
    CodeExercise(
        id="03.slowest-instruments",
        title="The slowest instruments",
        prompt=(
            "Make `result`: a DataFrame with the columns `short_name` and "
            "`years_to_entry_into_force`, one row for each instrument that took more than 7 "
            "years to enter into force, longest first, with a plain 0, 1, 2, … index."
        ),
        expected=_slowest_instruments,
        hints=[
            "Three steps: keep the slow rows, keep two columns, sort from the longest wait.",
            "Filter with `instruments[instruments['years_to_entry_into_force'] > 7]`, keep two "
            "columns with double brackets, then `.sort_values(..., ascending=False)` "
            "and `.reset_index(drop=True)`.",
        ],
        explanation=(
            "All of them were negotiated at the IAEA or at ICAO. The slowest, the 2005 "
            "Amendment to the nuclear-material convention, could enter into force only once "
            "two thirds of the parties to the original convention had ratified it; that took "
            "more than ten years."
        ),
    ),
]
