"""Spot checks of ``article_scorecard`` against the fact-check notes and the lesson notebooks."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from ctcoop import data
from ctcoop.bank import get
from ctcoop.paths import repo_root
from ctcoop.tools.build.scorecard import (
    LESSON_CLAIMS,
    VERDICTS,
    parse_factcheck_claims,
    verdict_word,
)
from ctcoop.tools.build.sources import default_sources

SOURCES = Path(default_sources())
needs_sources = pytest.mark.skipif(not SOURCES.is_dir(), reason="source snapshots not present")


@pytest.fixture(scope="module")
def scorecard() -> pd.DataFrame:
    return data.load("article_scorecard")


def _notebook_text(lesson: int) -> str:
    (path,) = (repo_root() / "notebooks").glob(f"{lesson:02d}_*.ipynb")
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    text = " ".join("".join(c["source"]) for c in cells)
    return re.sub(r"\s+", " ", re.sub(r"\n>\s?", " ", text))  # blockquote lines joined


def test_verdict_word_takes_the_first_of_the_four_words() -> None:
    assert verdict_word("**inaccurate**") == "inaccurate"
    assert verdict_word("unverifiable / misleading") == "unverifiable"
    assert verdict_word("accurate (incomplete)") == "accurate"
    with pytest.raises(ValueError):
        verdict_word("probably fine")


@needs_sources
def test_every_factcheck_claim_is_a_row(scorecard: pd.DataFrame) -> None:
    text = (SOURCES / "factcheck.md").read_text(encoding="utf-8")
    numbered = re.findall(r"^\| (\d+) \|", text, re.M)
    assert len(numbered) == 17
    rated = scorecard.dropna(subset=["factcheck_claim"])
    assert sorted(rated["factcheck_claim"].astype(int)) == [int(n) for n in numbered]
    assert len(parse_factcheck_claims(text)) == 17


def test_known_verdicts_match_the_factcheck(scorecard: pd.DataFrame) -> None:
    """Claims 3 (INTERPOL 'conducts' operations), 8 (Abbottabad 'jointly') and 12
    (Al-Shabaab 'dismantled'), as factcheck.md rates them."""
    by_claim = scorecard.dropna(subset=["factcheck_claim"]).set_index("factcheck_claim")
    assert by_claim.loc[3, "verdict"] == "misleading"
    assert by_claim.loc[8, "verdict"] == "inaccurate"
    assert by_claim.loc[12, "verdict"] == "inaccurate"
    assert by_claim.loc[8, "section"] == "Successful Case Studies"
    assert by_claim.loc[11, "verdict_detail"] == "unverifiable / misleading"
    assert by_claim.loc[9, "evidence"] == "Bin Laden was killed in the raid."


def test_ai_claim_is_judged_in_lesson_10(scorecard: pd.DataFrame) -> None:
    ai = scorecard[scorecard["factcheck_claim"] == 16].iloc[0]
    assert ai["verdict"] == "unverifiable" and ai["lesson"] == 10


def test_verdicts_use_the_four_words_only(scorecard: pd.DataFrame) -> None:
    assert set(scorecard["verdict"].astype(str)) <= set(VERDICTS)
    assert scorecard["claim_no"].tolist() == list(range(1, len(scorecard) + 1))


@pytest.mark.parametrize("claim", LESSON_CLAIMS, ids=lambda c: c[6])
def test_lesson_claims_are_in_their_lesson(claim: tuple) -> None:
    """Each lesson-added claim is quoted in its lesson's notebook, and its exercise exists."""
    lesson, _, text, _, _, _, exercise_id = claim
    phrase = text.split('"')[1] if '"' in text else text
    assert phrase.lower() in _notebook_text(lesson).lower()
    assert exercise_id.startswith(f"{lesson:02d}.")
    exercise = get(exercise_id)
    right = [o.text for key, o in exercise.options.items() if exercise.check(key).solved]
    assert right == [claim[3]], f"{exercise_id}: the lesson's answer is {right}"


def test_every_lesson_named_has_a_check_the_source_box(scorecard: pd.DataFrame) -> None:
    lessons = {int(n) for cell in scorecard["lessons"].dropna() for n in cell.split(", ") if n}
    assert lessons == set(range(13))
    for lesson in lessons:
        assert "Check the source" in _notebook_text(lesson)
