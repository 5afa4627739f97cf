"""Lesson 11's computed answers, spot-checked against facts in the source notes.

The bank computes the expected results of its numeric and code exercises from
`memberships` and `fsrb_members`; these tests pin facts that the sources state
independently (orgs/PROVENANCE.md, the tables' notes), so a change in the
selection rules or the data shows up here, not in a learner's feedback.
"""

from __future__ import annotations

from ctcoop.bank import l11_partnerships as bank


def test_suspended_and_inactive_memberships_are_not_ties() -> None:
    assert "RUS" not in bank.members_of("FATF")  # suspended since 24 Feb 2023
    assert "AFG" not in bank.members_of("APG")  # an inactive APG member
    assert {"DEU", "GBR"}.isdisjoint(bank.members_of("MONEYVAL"))  # appointed FATF seats


def test_outside_fatf_network_holds_the_states_the_sources_name() -> None:
    outside = bank.outside_fatf_network()
    assert outside == sorted(outside)
    assert {"IRN", "PRK"} <= set(outside)  # in no FATF-style body (issue 6, fact-check of 04)
    assert "RUS" not in outside  # still an EAG founding member


def test_sco_bridges_follow_the_membership_sources() -> None:
    assert bank.members_of("SCO") & bank.members_of("FATF") == {"CHN", "IND"}
    assert bank.members_of("SCO") & bank.members_of("GCTF") == {"CHN", "IND", "PAK", "RUS"}
    assert bank.shared_members("SCO", "EU") == 0
