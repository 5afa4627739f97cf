"""The capstone country profile: every state works, gaps are said in words, known facts hold."""

from __future__ import annotations

import pandas as pd
import pytest

from ctcoop import data
from ctcoop.lessons.l13_lessons_learned.profile import BODIES, country_profile, profile_html, states


@pytest.fixture(scope="module")
def everyone() -> dict[str, object]:
    return {iso3: country_profile(iso3) for iso3 in states().index}


def test_every_state_in_the_data_has_a_profile(everyone: dict) -> None:
    members = data.load("memberships")
    un = set(members.loc[members["body"] == "UN", "iso3"])
    assert un <= set(everyone) and len(everyone) >= 193
    for iso3, profile in everyone.items():
        assert profile.iso3 == iso3 and profile.name
        assert list(profile.memberships["body"]) == list(BODIES)
        assert len(profile.treaties) == 5
        assert profile.gaps, iso3  # every profile says what the data leave out
        html = profile_html(profile)
        assert "What these data do not say" in html and "nan" not in html.lower().split()


def test_missing_data_is_said_in_words(everyone: dict) -> None:
    statuses = pd.concat(p.memberships["status"] for p in everyone.values())
    assert statuses.isna().sum() == 0
    assert (statuses == "no membership recorded in the course data").any()
    no_internet = [p for p in everyone.values() if p.internet is None]
    for profile in no_internet:
        assert any("Internet use" in g for g in profile.gaps)


def test_unknown_code_raises_a_clear_error() -> None:
    with pytest.raises(KeyError, match="not a state"):
        country_profile("XXX")
    assert country_profile(" pak ").iso3 == "PAK"


def test_no_reference_numbers_in_the_sanctions_part(everyone: dict) -> None:
    refs = set(data.load("sanctions_list")["reference_number"])
    for profile in everyone.values():
        assert profile.sanctions_by_regime.name == "individuals"
        assert not refs & set(map(str, profile.sanctions_by_regime.index))


def test_pakistan() -> None:
    p = country_profile("PAK")
    joined = p.memberships.set_index("body")["joined"]
    assert joined["SCO"] == "2017-06-09"  # full member at the Astana summit, 9 June 2017
    assert joined["FATF"] == ""  # not a FATF member; APG member instead
    assert "APG" in set(p.fsrb["body"])
    grey = p.fatf_changes[p.fatf_changes["list"] == "grey"].set_index("plenary_date")["change"]
    assert grey[pd.Timestamp("2018-06-29")] == "added"
    assert grey[pd.Timestamp("2022-10-21")] == "removed"
    assert 418 in set(p.conflicts_as_supporter["conflict_id"])  # with the US against al-Qaida
    assert p.sanctions_by_regime.sum() > 0


def test_kenya() -> None:
    p = country_profile("KEN")
    joined = p.memberships.set_index("body")["joined"]
    assert joined["GCTF"] == "2023-09"  # admitted September 2023
    own = p.conflicts_as_government.set_index("opponent")
    assert (own.loc["Al-Shabaab", "first_year"], own.loc["Al-Shabaab", "last_year"]) == (2015, 2024)
    assert 337 in set(p.conflicts_as_supporter["conflict_id"])  # on Somalia's side
    grey = p.fatf_listings[p.fatf_listings["list"] == "grey"]
    assert grey["to_end_of_data"].any()  # grey-listed from February 2024


def test_spain() -> None:
    p = country_profile("ESP")
    joined = p.memberships.set_index("body")["joined"]
    assert joined["FATF"] == "1989" and joined["EU"] == "1993-11-01"
    assert p.fatf_listings.empty and p.sanctions_by_regime.empty
    eta = p.conflicts_as_government.set_index("opponent").loc["ETA"]
    assert (eta["first_year"], eta["last_year"]) == (1978, 1991)
    assert (p.treaties["status"] == "party").all()
