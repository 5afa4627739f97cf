"""Exercises of lesson 05, Intelligence security and confidentiality.

Facts behind the options and explanations: `shared/sources/factcheck.md` claim 17, RFC 4226
and RFC 6238, and `data/README.md` and `shared/sources/un/PROVENANCE.md` on the sanctions
list. The access-control exercise uses the invented teaching tables of
`ctcoop.lessons.l05_intelligence_security.security`
(made up, not a factual claim). Numeric and code answers are computed when checked, by the
private helpers below.
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
from ctcoop.lessons.l05_intelligence_security.security import may_read, time_step

TITLE = "Intelligence security and confidentiality"

ISIL_REGIME = "ISIL (Da'esh) & Al-Qaida"


def _isil_listings_per_year() -> pd.Series:
    """Current ISIL (Da'esh) & Al-Qaida list entries, counted by year of listing."""
    from ctcoop.data import load

    table = load("sanctions_list")
    regime = table[table["regime"] == ISIL_REGIME]
    return regime.groupby(regime["listed_on"].dt.year).size()


def _totp_counter() -> int:
    """The RFC 6238 time step T of the Unix time 1234567890 (30-second steps, T0 = 0)."""
    return time_step(1_234_567_890, step=30)


EXERCISES = [
    MultipleChoice(
        id="05.claim17-verdict",
        title="Check the source: the article's security practices",
        prompt=(
            "The article's section on intelligence security lists its key practices: "
            '"end-to-end encryption", "multi-factor authentication" and "routine security '
            'assessments". Which verdict fits the evidence best?'
        ),
        options={
            "a": Option(
                "accurate",
                why=(
                    "Not quite. The practices are sound, but the article names no agreement, "
                    "network or evidence, so nothing in it shows that they are what "
                    "counter-terrorism cooperation actually relies on. There is nothing to "
                    "check it against."
                ),
            ),
            "b": Option(
                "misleading",
                why=(
                    "No. The article makes no claim that overstates a fact (it does not say, "
                    "for example, that these practices stopped particular leaks); it only lists "
                    "practices. Judge the claim it makes, not one it does not make."
                ),
            ),
            "c": Option(
                "inaccurate",
                why=(
                    "No. These are standard information-security practices, and nothing "
                    "suggests they play no part in sharing intelligence. The problem is that "
                    "the claim is generic and unsupported, not that it is false."
                ),
            ),
            "d": Option(
                "unverifiable",
                why=(
                    "Yes: sound but generic information-security advice, true of any "
                    "organisation, with no mechanism, agreement or evidence specific to "
                    "counter-terrorism cooperation that could be checked."
                ),
            ),
        },
        key="95189e040219a493b2b7042ca8d3cf4d05fb619f25ae98e920dd2c29851b58b3",
        hints=[
            "Ask: could you check this claim? Against what source, which agreement, which network?",
            "A claim can be true in general and still tell the reader nothing that can be "
            "verified about the topic at hand.",
        ],
        explanation=(
            'The course\'s fact-check rates claim 17 "unverifiable (generic advice)". Real '
            "mechanisms the article could have named include INTERPOL's I-24/7 network, "
            "Europol's SIENA and the platform of the Counter Terrorism Group (2016)."
        ),
    ),
    MultiSelect(
        id="05.crypto-limits",
        title="What the cryptography protects, and what it cannot",
        prompt=(
            "A report travels encrypted with AES-GCM (its header as associated data) and "
            "signed with Ed25519, as in the lesson. Which of these does that protect against "
            "or detect? Tick all that apply."
        ),
        options={
            "eavesdrop": Option(
                "Someone on the network path reads the report.",
                why="Yes: without the key the ciphertext reveals nothing of the report but its "
                "length. The clear header, and who talks to whom, stay visible.",
            ),
            "flip": Option(
                "Someone on the path changes one byte of the ciphertext.",
                why="Yes: decryption fails with InvalidTag, so the change is detected (not "
                "prevented, and the report is lost until it is sent again).",
            ),
            "header": Option(
                "Someone changes the classification written in the clear header.",
                why="Yes: the header is associated data, so it is authenticated too; any change "
                "makes decryption fail.",
            ),
            "forge": Option(
                "An outsider without the signing key sends a report pretending to be the sender.",
                why="Yes: the signature does not verify under the sender's public key "
                "(InvalidSignature).",
            ),
            "forward": Option(
                "The recipient decrypts the report and passes it on to a third country.",
                why="No: once decrypted, the text is in the recipient's hands. Only rules and "
                "trust (the third-party rule, originator control) cover onward use.",
            ),
            "withhold": Option(
                "A partner decides not to share an important report at all.",
                why="No: cryptography protects what is sent; it cannot make anyone send.",
            ),
            "insider": Option(
                "Someone at the sending agency who holds the signing key signs a false report.",
                why="No: the signature proves which key signed, not that the content is true. "
                "That is a matter of vetting, audit and trust.",
            ),
        },
        key="a25cfacdec4645269384a9e5fe443f96f002c48017ee8574708c7c9b0992a083",
        hints=[
            "Four of the seven are right.",
            "Cryptography protects data between the two ends. Ask for each option: does it "
            "happen on the way, or at one of the ends?",
        ],
        explanation=(
            "Authenticated encryption gives confidentiality and integrity in transit; a "
            "signature gives origin and integrity. None of it controls what the people at "
            "either end choose to do: that rests on agreements, audits and trust."
        ),
    ),
    MultiSelect(
        id="05.minimise-fields",
        title="What does the analysis need?",
        prompt=(
            "You want to count UN sanctions listings per year and regime, and to count the "
            "nationalities of listed individuals. Which fields of the original UN list does "
            "that analysis need? Tick all that apply."
        ),
        options={
            "listed_on": Option(
                "the date of listing",
                why="Yes: listings per year are counted from it.",
            ),
            "regime": Option(
                "the sanctions regime (e.g. ISIL (Da'esh) & Al-Qaida)",
                why="Yes: it splits the counts by regime.",
            ),
            "nationality": Option(
                "the nationality",
                why="Yes: the nationality counts need it (the course keeps it as ISO3 codes).",
            ),
            "name": Option(
                "the person's full name",
                why="No: no count in this analysis uses a name. (The course keeps the UN's "
                "reference number as each row's key, so rows can be checked against the official "
                "list; the lesson explains why that makes the table pseudonymous, not "
                "anonymous.)",
            ),
            "dob": Option(
                "the date of birth",
                why="No: the analysis does not use age; the UN needs it to identify people, "
                "the course does not.",
            ),
            "address": Option(
                "the address",
                why="No: nothing here is counted by address, and it is among the most "
                "sensitive fields.",
            ),
            "aliases": Option(
                "the aliases",
                why="No: aliases help banks screen names; this analysis screens no one.",
            ),
        },
        key="15510e95c0cbdbb453a8a05b8d13cec9eb9ac9a110a4635178ac4b58389fb389",
        hints=[
            "Go through the analysis step by step: which column does each count group by?",
            "Only the fields that a count groups by are needed. A field that tells you who "
            "someone is, rather than which group they fall in, is not.",
        ],
        explanation=(
            "Data minimisation: keep only what the purpose needs. The course's `sanctions_list` "
            "keeps reference number, individual/entity, regime, listing date and nationality, "
            "and drops names, birth dates, addresses and aliases. The reference number is kept "
            "as a key for checking each row against the official list; since the public list "
            "prints it next to each name, the table is pseudonymous, not anonymous."
        ),
    ),
    MultipleChoice(
        id="05.pseudonymous",
        title="Anonymous or pseudonymous?",
        prompt=(
            "The course's `sanctions` table has no names, but it keeps each entry's "
            "`reference_number`, and the public UN list prints that number next to each "
            "listed person's name. Which describes the table's rows on individuals?"
        ),
        options={
            "a": Option(
                "Anonymous: no row names anyone, so no row can be traced back to a person.",
                why="No. With the public list, each reference number leads straight back to a "
                "named person; that is what anonymous data must rule out.",
            ),
            "b": Option(
                "Pseudonymous: each row can be traced to a named person, with the public "
                "list as the key.",
                why="Yes: no name is stored, but the link to one is, so the rows are still "
                "personal data.",
            ),
            "c": Option(
                "Encrypted: the reference numbers are ciphertexts of the names, which only the "
                "UN can decrypt.",
                why="No. A reference number is a plain identifier that the UN assigns (letters "
                "for the regime, i for an individual or e for an entity, and a number); nothing "
                "is encrypted, and anyone can look it up.",
            ),
            "d": Option(
                "Not personal data at all, because everything in the table is already "
                "published in the UN's own list.",
                why="No. Public information about a person is still personal data; being "
                "published does not make it anonymous.",
            ),
        },
        key="9822e59dca34a7baea58007a75fa54b66a139b62f45830cb63f4120cd9bf47e6",
        hints=[
            "Ask whether anyone could find out whom a row is about, and with what.",
            "Data that can be linked back to a person with additional information are "
            "pseudonymous; anonymous data cannot be linked back by any reasonable means.",
        ],
        explanation=(
            "The table is pseudonymous: codes stand where the names were. The General Data "
            "Protection Regulation is stricter: data count as pseudonymised only if the "
            "information linking codes to people is kept separately and protected (Article "
            "4(5)), and even then they remain personal data (Recital 26); here the UN publishes "
            "the link, so the rows are personal data about identifiable people. The course "
            "keeps the reference numbers so that every row can be checked against the official "
            "list, and says so; the lesson also shows that many individuals are the only one with "
            "their regime, listing date and nationality, so dropping the numbers alone would "
            "not make the table anonymous."
        ),
    ),
    Matching(
        id="05.practice-match",
        title="Which safeguard for which risk?",
        prompt="Match each safeguard with the risk it addresses.",
        left={
            "encryption": "Authenticated encryption (AES-GCM, ChaCha20-Poly1305)",
            "signature": "Digital signature (Ed25519)",
            "mfa": "Multi-factor authentication (e.g. a TOTP code)",
            "audit": "Audit logs and routine security assessments",
            "third_party": "The third-party rule (originator control)",
            "need_to_know": "Need-to-know access control",
        },
        right={
            "1": "a message that claims to come from a partner but was forged",
            "2": "misuse by authorised users that must be found and investigated afterwards",
            "3": "a recipient passing shared information on without the originator's consent",
            "4": "reading or altering a report while it is in transit",
            "5": "a cleared analyst browsing reports unrelated to their work",
            "6": "an attacker logging in with a stolen password",
        },
        key="e8c7efacd64a849a9fd1af80e297e6fe13bfbf6a828fbe85f21482176053e2be",
        hints=[
            "Start with the technical ones: which risk is about the network, which about "
            "who wrote a message, which about a password?",
            "The two that are rules rather than technology concern what people do with "
            "access they legitimately have.",
        ],
        explanation=(
            "Technology covers transit (encryption), origin (signatures) and log-in (MFA). "
            "Audits find misuse after the fact; need-to-know and the third-party rule limit "
            "what legitimate users may see and pass on."
        ),
    ),
    Numeric(
        id="05.totp-counter",
        title="The TOTP time step",
        prompt=(
            "RFC 6238 turns a Unix time into a counter T, the number of whole 30-second steps "
            "since 1 January 1970 (T0 = 0), and then computes HOTP of T. What is T for the "
            "Unix time 1234567890?"
        ),
        expected=_totp_counter,
        tolerance=0,
        unit="time steps",
        hints=[
            "Whole steps: divide and drop the remainder.",
            "In Python: `1234567890 // 30`.",
        ],
        explanation=(
            f"T = floor(1234567890 / 30) = {1_234_567_890 // 30}. Every time from "
            f"{1_234_567_890 // 30 * 30} to {1_234_567_890 // 30 * 30 + 29} "
            "gives the same T, and so the same code: that is why a TOTP code is valid for a "
            "30-second window, and why client and server clocks must roughly agree."
        ),
    ),
    CodeExercise(
        id="05.access-control",
        title="Who may read which report? (invented data)",
        prompt=(
            "Using the invented tables `reports`, `releasability` and `analysts`, make "
            "`result`: a DataFrame with columns `report_id` and `analyst_id`, one row for each "
            "pair where the analyst may read the report. All three rules must hold: clearance "
            "at least the classification (use `LEVELS`), nationality among the report's "
            "`releasable_to` partners, and `desk` equal to the report's `topic`."
        ),
        expected=may_read,
        check_order=False,
        hints=[
            "Start from every (report, analyst) pair, then apply the three rules one at a time.",
            "Every pair: `reports.merge(analysts, how='cross')`.",
            "Compare levels with `.map(LEVELS)` on `clearance` and `classification`, keep "
            "rows where `desk == topic`, then merge with `releasability` on "
            "`left_on=['report_id', 'nationality'], right_on=['report_id', 'releasable_to']`.",
            "Finish with `[['report_id', 'analyst_id']]`.",
        ],
        explanation=(
            "Each rule removes different pairs: clearance alone stops A4 reading R6, "
            "releasability alone stops A8 (Westland) reading R2 and R6, need-to-know alone "
            "stops A2 reading R1. Real "
            "systems add more rules (caveats, compartments, expiry), but the logic is the "
            "same: access is the intersection of several conditions."
        ),
    ),
    CodeExercise(
        id="05.isil-per-year",
        title="ISIL (Da'esh) & Al-Qaida listings per year",
        prompt=(
            "From `sanctions`, make `result`: a Series counting the entries of the regime "
            '"ISIL (Da\'esh) & Al-Qaida" by the year of `listed_on`, indexed by year in '
            "ascending order (years without a listing simply do not appear)."
        ),
        expected=_isil_listings_per_year,
        check_order=True,
        hints=[
            "Keep the rows of that regime, then count them by year of listing.",
            "Filter with `sanctions[sanctions['regime'] == \"ISIL (Da'esh) & Al-Qaida\"]`.",
            "With `isil` as the filtered table: `isil.groupby(isil['listed_on'].dt.year).size()`; "
            "`.value_counts().sort_index()` on the year also works.",
        ],
        explanation=(
            "Two clusters stand out: 2001–2003, and 2014–2015 (when ISIL held large "
            "territory in Iraq and Syria). The counts alone do not explain them. And the list "
            "holds current entries only: people and entities delisted since are missing, so "
            "the early years are undercounted."
        ),
    ),
]
