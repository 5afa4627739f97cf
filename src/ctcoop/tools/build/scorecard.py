"""The article's scorecard: every claim of the seed article that the course has checked.

Two inputs. The fact-check notes (``factcheck.md``) give claims 1-17 with their section,
verdict and evidence; they are parsed from its claims table, never retyped. The lessons'
"Check the source" boxes add claims the fact-check did not rate; those are listed in
:data:`LESSON_CLAIMS` with the lesson that judged them, and ``tests/test_tables_scorecard.py``
checks each against the lesson notebook and its exercise's right answer.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .schema import RETRIEVED, Field, Source, Table

__all__ = [
    "EVIDENCE_CORRECTIONS",
    "FACTCHECK_LESSONS",
    "LESSON_CLAIMS",
    "TABLES",
    "VERDICTS",
    "build_article_scorecard",
    "parse_factcheck_claims",
    "verdict_word",
]

FACTCHECK = "factcheck.md"
VERDICTS = ("accurate", "misleading", "inaccurate", "unverifiable")

# Fact-check claim -> the lessons whose "Check the source" box (or lesson 00's worked example)
# judges it, first lesson first.
FACTCHECK_LESSONS: dict[int, tuple[int, ...]] = {
    1: (2,),
    2: (2,),
    3: (2,),
    4: (2,),
    5: (2, 4),
    6: (2,),
    7: (2,),
    8: (0, 6),
    9: (0, 6),
    10: (6,),
    11: (6,),
    12: (1, 6),
    13: (1, 6),
    14: (3,),
    15: (3,),
    16: (10,),
    17: (5,),
}

# The fact-check's own notes on "how the errors work", by claim.
ERROR_PATTERNS: dict[int, str] = {
    3: "powers overstated",
    5: "powers overstated",
    8: "tidier story",
    9: "tidier story",
    12: "tidier story",
    11: "outcome asserted without evidence",
    16: "outcome asserted without evidence",
}

# Corrections to the fact-check's evidence sentence, by claim: (the words as the notes give
# them, the words the primary source supports). The build fails if the notes no longer hold
# the old words, so a correction never outlives the error it fixes.
EVIDENCE_CORRECTIONS: dict[int, tuple[str, str]] = {
    # Resolution 1373 "decides" that all states shall criminalise terrorist financing (para. 1)
    # but only "calls upon" them to join the conventions (para. 3(d)) and to report to the
    # Counter-Terrorism Committee (para. 6); lessons 03 and 08 word it so.
    15: (
        "Resolution 1373 requires every state to criminalise the financing of and support for "
        "terrorism, to report to the Counter-Terrorism Committee, and to become party to the "
        'international conventions "as soon as possible".',
        "Resolution 1373 decides that every state shall criminalise the financing of and "
        "support for terrorism, and calls upon every state to report to the Counter-Terrorism "
        'Committee and to become party to the international conventions "as soon as possible".',
    ),
}

# Claims the lessons judged that the fact-check did not rate: (lesson, section, claim, verdict,
# verdict as the lesson words it, evidence, exercise id). The claim text is a phrase of the box.
LESSON_CLAIMS: tuple[tuple[int, str, str, str, str, str, str], ...] = (
    (
        4,
        "Challenges: differing national interests and legal systems",
        "differing national interests and legal systems make counter-terrorism cooperation harder",
        "unverifiable",
        "unverifiable",
        "FATF's lists record which jurisdictions FATF found deficient, not how much cooperation "
        "was hindered.",
        "04.differing-interests",
    ),
    (
        6,
        "Successful Case Studies",
        'coordinated efforts "lead to impactful results"',
        "misleading",
        "misleading",
        "Cooperation was real in all three cases, but the article's accounts of their results "
        "are inaccurate (Abbottabad, Al-Shabaab) or unverifiable (Madrid).",
        "06.impactful-results",
    ),
    (
        7,
        "Impact of Technology",
        'secure digital platforms "enable rapid transmission of intelligence"',
        "unverifiable",
        "unverifiable",
        "Such platforms exist (I-24/7, SIENA, the CTG platform) but the article names none and "
        "gives no evidence of what they carry or how fast.",
        "07.platforms-claim",
    ),
    (
        7,
        "Impact of Technology",
        "disparities in technological capability among nations may hinder cooperation",
        "unverifiable",
        "accurate in its factual part, unverifiable in its causal part",
        "Internet use shows large, lasting gaps between states that must cooperate; the data "
        "hold no measure of cooperation.",
        "07.disparity-claim",
    ),
    (
        8,
        "Legal and Policy Frameworks",
        'frameworks establish clear obligations, "ensuring actions are compliant with '
        'international law"',
        "misleading",
        "misleading",
        "No agreed definition of terrorism; a UN Special Rapporteur (2019) and FATF (2023) "
        "documented measures that went beyond international law.",
        "08.compliance-claim",
    ),
    (
        9,
        "The future: emerging threats and adaptive strategies",
        'terrorist networks "increasingly adapt by employing sophisticated tactics, such as '
        'encrypted communications, online radicalization, and cyber-attacks"',
        "unverifiable",
        "unverifiable",
        "The course data count conflicts and deaths, not tactics; the Council's resolutions "
        "document states' concern, not a measured trend.",
        "09.tactics-claim",
    ),
    (
        11,
        "The future: strengthening multilateral partnerships",
        '"joint training exercises are vital"; partnerships "require clear communication '
        'channels and mutual trust"',
        "unverifiable",
        "unverifiable",
        "No evidence is given, and memberships and votes are not trust: the course data "
        "cannot test either sentence as written.",
        "11.partnership-claim",
    ),
    (
        12,
        "The role of military operations in facilitating collaboration",
        'military efforts help "dismantle terrorist networks more effectively"',
        "misleading",
        "misleading",
        "Of the groups that ended in the RAND study (648 groups, 1968-2006), military force was "
        "the main reason for 7%; joining politics (43%) and policing (40%) were far more common.",
        "12.dismantle-claim",
    ),
)

_ROW = re.compile(r"^\|\s*(\d+)\s*\|(.*)\|\s*$")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]\"])\.\s+(?=[A-Z])")


def verdict_word(raw: str) -> str:
    """The first of the four verdict words in a fact-check cell; raises if there is none."""
    text = raw.replace("*", "").lower()
    found = [(text.find(word), word) for word in VERDICTS if word in text]
    if not found:
        raise ValueError(f"no verdict word in {raw!r}")
    return min(found)[1]


def _plain(cell: str) -> str:
    """Markdown cell to plain text: no emphasis; a bulleted list becomes one sentence."""
    text = cell.replace("*", "").replace(":<br>• ", ": ").replace("<br>• ", "; ")
    return re.sub(r"\s+", " ", re.sub(r"<br>", ". ", text)).strip()


def parse_factcheck_claims(text: str) -> pd.DataFrame:
    """The claims table of ``factcheck.md``: number, claim, section, verdict, facts, sources."""
    rows = []
    for line in text.splitlines():
        match = _ROW.match(line)
        if not match:
            continue
        cells = [c.strip() for c in match.group(2).split(" | ")]
        if len(cells) != 5:
            raise ValueError(f"fact-check claim {match.group(1)}: expected 6 cells")
        claim, section, verdict, facts, sources = cells
        rows.append(
            {
                "factcheck_claim": int(match.group(1)),
                "claim": _plain(claim),
                "section": _plain(section),
                "verdict_raw": _plain(verdict),
                "facts": _plain(facts),
                "sources": _plain(sources),
            }
        )
    frame = pd.DataFrame(rows)
    if frame.empty or list(frame["factcheck_claim"]) != list(range(1, len(frame) + 1)):
        raise ValueError("fact-check claims are not numbered 1..n in order")
    return frame


def _first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text, maxsplit=1)[0].rstrip(".") + "."


def _corrected(claim: int, evidence: str) -> str:
    """The evidence sentence with the course's correction for ``claim``, if it has one."""
    if claim not in EVIDENCE_CORRECTIONS:
        return evidence
    old, new = EVIDENCE_CORRECTIONS[claim]
    if old not in evidence:
        raise ValueError(f"fact-check claim {claim}: the corrected words are no longer there")
    return evidence.replace(old, new)


def _lessons_text(lessons: tuple[int, ...]) -> str:
    return ", ".join(f"{n:02d}" for n in lessons)


def build_article_scorecard(sources: Path) -> pd.DataFrame:
    """One row per checked claim: fact-check claims first, then those the lessons added."""
    checked = parse_factcheck_claims((sources / FACTCHECK).read_text(encoding="utf-8"))
    missing = set(checked["factcheck_claim"]) ^ set(FACTCHECK_LESSONS)
    if missing:
        raise ValueError(f"claims without a lesson entry, or entries without a claim: {missing}")
    lessons = checked["factcheck_claim"].map(FACTCHECK_LESSONS)
    from_factcheck = pd.DataFrame(
        {
            "factcheck_claim": checked["factcheck_claim"].astype("Int64"),
            "section": checked["section"],
            "claim": checked["claim"],
            "verdict": checked["verdict_raw"].map(verdict_word),
            "verdict_detail": checked["verdict_raw"],
            "verdict_by": "fact-check",
            "lesson": lessons.map(lambda ls: ls[0] if ls else pd.NA).astype("Int64"),
            "lessons": lessons.map(_lessons_text),
            "exercise": "",
            "evidence": [
                _corrected(claim, _first_sentence(facts))
                for claim, facts in zip(checked["factcheck_claim"], checked["facts"], strict=True)
            ],
            "error_pattern": checked["factcheck_claim"].map(ERROR_PATTERNS).fillna(""),
            "sources": checked["sources"],
        }
    )
    added = pd.DataFrame(
        [
            {
                "factcheck_claim": pd.NA,
                "section": section,
                "claim": claim,
                "verdict": verdict,
                "verdict_detail": detail,
                "verdict_by": f"lesson {lesson:02d}",
                "lesson": lesson,
                "lessons": f"{lesson:02d}",
                "exercise": exercise,
                "evidence": evidence,
                "error_pattern": "",
                "sources": f"notebooks/{lesson:02d}_*.ipynb, Check the source",
            }
            for lesson, section, claim, verdict, detail, evidence, exercise in LESSON_CLAIMS
        ]
    )
    frame = pd.concat(
        [from_factcheck, added.astype({"factcheck_claim": "Int64", "lesson": "Int64"})],
        ignore_index=True,
    )
    frame.insert(0, "claim_no", pd.array(range(1, len(frame) + 1), dtype="Int64"))
    return frame


TABLES = (
    Table(
        retrieved=RETRIEVED,  # the fact-check's own date ('Checked: 2026-11-28')
        name="article_scorecard",
        title="The article's scorecard: every claim the course has checked, with its verdict",
        description="The seed article's claims rated by the course's fact-check notes "
        "(claims 1-17) and those that lessons 04-12 added in their 'Check the source' boxes: "
        "article section, verdict in lesson 00's four words, the lesson that judges it, the "
        "evidence in one sentence and the sources.",
        build=build_article_scorecard,
        inputs=(FACTCHECK,),
        # The fact-check notes and the lessons have no public address of their own; the
        # sources named here are the primary pages the rows rest on most (each row has its own).
        sources=(
            Source(
                "UCDP/PRIO Armed Conflict Dataset v25.1 (claims 8, 12, 13)",
                "https://ucdp.uu.se/downloads/",
            ),
            Source(
                "INTERPOL Constitution, Article 3 (claim 3)",
                "https://www.interpol.int/en/About-INTERPOL/Legal-materials/"
                "Neutrality-Article-3-of-the-Constitution",
            ),
            Source(
                "UN Audiovisual Library of International Law, the Financing Convention (claim 14)",
                "https://legal.un.org/avl/ha/icsft/icsft.html",
            ),
        ),
        licences=("compiled-facts",),
        primary_key=("claim_no",),
        sort_by=("claim_no",),
        fields=(
            Field(
                "claim_no", "integer", "Running number in this table.", required=True, unique=True
            ),
            Field(
                "factcheck_claim",
                "integer",
                "Claim number in the fact-check notes; empty for claims a lesson added.",
            ),
            Field(
                "section",
                "string",
                "Section of the article the claim is in, as the fact-check or the lesson names it.",
            ),
            Field("claim", "string", "The claim, quoted or closely paraphrased."),
            Field(
                "verdict",
                "string",
                "One of lesson 00's four verdicts; for a split verdict "
                "the first word the source gives.",
                enum=VERDICTS,
            ),
            Field(
                "verdict_detail",
                "string",
                "The verdict as the fact-check or lesson words it, with its qualifier.",
            ),
            Field("verdict_by", "string", "Who gave the verdict: 'fact-check' or 'lesson NN'."),
            Field(
                "lesson",
                "integer",
                "First lesson that judges the claim; empty if no lesson judges it.",
            ),
            Field("lessons", "string", "Every lesson that judges the claim, comma-separated."),
            Field("exercise", "string", "The in-lesson exercise id, for claims a lesson added."),
            Field(
                "evidence",
                "string",
                "The evidence in one sentence (the first sentence of "
                "the fact-check's correct facts, or the lesson's).",
            ),
            Field(
                "error_pattern",
                "string",
                "The fact-check's own grouping of how the error works; empty where it gives none.",
                enum=("", "powers overstated", "tidier story", "outcome asserted without evidence"),
            ),
            Field("sources", "string", "The fact-check's sources, or the lesson notebook."),
        ),
        notes=(
            "Split verdicts keep their first word in 'verdict' and the full wording in "
            "'verdict_detail' (claim 11 'unverifiable / misleading'; lesson 07's "
            "disparity claim).",
            "A claim judged in several lessons is one row; 'lessons' lists them.",
            "Compiled from the course's fact-check notes (shared/sources/factcheck.md, "
            "checked 2026-11-28) and the 'Check the source' boxes of lessons 00-12; "
            "'sources' names each row's pages.",
        ),
    ),
)
