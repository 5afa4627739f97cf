"""The capstone country profile: every state works, gaps are said in words, known facts hold."""

from __future__ import annotations

import pandas as pd
import pytest

from ctcoop import data
from ctcoop.lessons.l13_lessons_learned.profile import (
    BODIES,
    TIERS,
    country_profile,
    profile_html,
    states,
)


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


def _interstate_parties() -> pd.DataFrame:
    """Every (conflict, side, ISO3) of a government named on side A or B of a conflict
    between states (type 2), from the course tables, not from the profile's own code."""
    conflicts = data.load("ucdp_conflicts")
    violence = data.load("ucdp_organized_violence")
    iso3 = violence.dropna(subset=["gwno"]).drop_duplicates("gwno")
    iso3 = iso3.set_index(iso3["gwno"].astype(int).astype(str))["iso3"]
    rows = []
    for row in conflicts[conflicts["type_of_conflict"] == 2].itertuples():
        for side, codes in (("A", row.gwno_a), ("B", row.gwno_b)):
            for code in str(codes).split(","):
                if code.strip() in iso3.index:
                    rows.append((row.conflict_id, side, iso3[code.strip()]))
    return pd.DataFrame(rows, columns=["conflict_id", "side", "iso3"]).drop_duplicates()


def test_states_on_both_sides_of_interstate_conflicts(everyone: dict) -> None:
    parties = _interstate_parties()
    assert set(parties["side"]) == {"A", "B"}
    for row in parties.itertuples():
        if row.iso3 not in everyone:
            continue
        own = everyone[row.iso3].conflicts_as_government
        sides = set(own.loc[own["conflict_id"] == row.conflict_id, "side"].str[0])
        assert row.side in sides, (row.iso3, row.conflict_id, row.side)


@pytest.mark.parametrize(
    ("iso3", "conflict_id", "opponent", "first_year"),
    [
        ("UKR", 13243, "Government of Russia (Soviet Union)", 2022),  # Russia-Ukraine war
        ("KWT", 371, "Government of Iraq", 1990),  # the 1990-91 invasion
        ("KOR", 235, "Government of North Korea", 1949),  # the Korean War
        ("IRQ", 228, "Government of Israel", 1948),  # a government listed second on side A
    ],
)
def test_known_interstate_wars_appear(
    iso3: str, conflict_id: int, opponent: str, first_year: int
) -> None:
    own = country_profile(iso3).conflicts_as_government.set_index("conflict_id")
    assert own.loc[conflict_id, "opponent"] == opponent
    assert own.loc[conflict_id, "first_year"] == first_year


def test_every_fatf_tier_in_the_data_is_shown(everyone: dict) -> None:
    lists = data.load("fatf_lists")
    for code in lists["black_category"].dropna().astype(str).unique():
        label = TIERS[code]
        holders = set(lists.loc[lists["black_category"] == code, "iso3"])
        for iso3 in holders & set(everyone):
            assert label in " ".join(everyone[iso3].fatf_listings["tier"]), (iso3, code)
    black = lists[lists["list"] == "black"]
    for profile in everyone.values():
        spells = profile.fatf_listings
        if profile.iso3 in set(black["iso3"]):
            assert (spells.loc[spells["list"] == "black", "tier"] != "").all(), profile.iso3


def test_kenya_and_pakistan_black_spells_were_the_lighter_tier() -> None:
    for iso3 in ("KEN", "PAK"):
        black = country_profile(iso3).fatf_listings.query("list == 'black'")
        assert not black.empty
        assert black["tier"].str.contains("lighter tier").all(), iso3
        assert not black["tier"].str.contains("countermeasures").any(), iso3


def test_membership_notes_are_shown() -> None:
    members = data.load("memberships")
    noted = members[(members["member_type"] == "state") & members["note"].notna()]
    for row in noted.itertuples():
        if row.body not in BODIES:
            continue
        shown = country_profile(row.iso3).memberships.set_index("body")["note"]
        assert shown[row.body] == row.note, (row.iso3, row.body)
    gctf = country_profile("USA").memberships.set_index("body").loc["GCTF", "note"]
    assert "withdraw" in gctf


def test_treaty_gap_says_all_five_gained_parties_and_only_one_has_them_in_the_data() -> None:
    treaties = data.load("treaty_participation")
    in_2014 = treaties[treaties["status"] == "party"].groupby("convention", observed=True).size()
    later = {  # ct_instruments rows of the five conventions, by their number
        "protected_persons_1973": 4,
        "hostages_1979": 5,
        "bombings_1997": 11,
        "financing_1999": 12,
        "nuclear_2005": 13,
    }
    reported = data.load("ct_instruments").set_index("no")["parties_reported"]
    assert set(in_2014.index) == set(later)
    for convention, no in later.items():
        assert reported[no] > in_2014[convention], convention  # all five gained parties
    added = treaties.loc[treaties["status_source"] != "untc_2014", "convention"]
    assert set(added.astype(str)) == {"financing_1999"}
    profile = country_profile("SSD")  # South Sudan: a later party to the Financing Convention
    text = " ".join(profile.gaps)
    assert "All five conventions have gained parties since" in text
    assert "Financing Convention only" in text
    assert "only the Financing Convention has later parties" not in text


@pytest.mark.parametrize("bad", [None, 5, 3.5, b"KEN", ["KEN"]])
def test_non_strings_get_a_clear_message(bad: object) -> None:
    with pytest.raises(TypeError, match="valid code is three letters of ISO 3166-1 alpha-3"):
        country_profile(bad)  # type: ignore[arg-type]


def test_a_huge_string_is_described_not_echoed() -> None:
    huge = "x" * 10_000_000
    with pytest.raises(KeyError) as raised:
        country_profile(huge)
    message = str(raised.value)
    assert "valid code is three letters" in message and "10,000,000 characters" in message
    assert len(message) < 400


def test_profile_view_with_an_unknown_code_says_so() -> None:
    pytest.importorskip("ipywidgets")
    from ctcoop.lessons.l13_lessons_learned.profile import profile_view

    view = profile_view("XXX")
    picker, _, _, details = view.children
    assert picker.value is None
    assert "not a state in the course data" in details.value
    assert "valid code is three letters" in details.value
    picker.value = "KEN"  # choosing a state afterwards shows its profile
    assert "Kenya (KEN)" in details.value
