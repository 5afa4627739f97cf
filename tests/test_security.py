"""HOTP/TOTP against the RFCs' own test vectors, and the invented access-control table."""

from __future__ import annotations

import pytest

from ctcoop.lessons.l05_intelligence_security.security import (
    CLASSIFICATION_LEVELS,
    access_tables,
    hotp,
    may_read,
    time_step,
    totp,
)

# RFC 6238, Appendix B: the seeds are ASCII digits repeated to the hash's block-size key length.
SEED_SHA1 = b"12345678901234567890"
SEED_SHA256 = b"12345678901234567890123456789012"
SEED_SHA512 = b"1234567890123456789012345678901234567890123456789012345678901234"

RFC6238 = [
    # time, SHA1, SHA256, SHA512 (8 digits, step 30, T0 0)
    (59, "94287082", "46119246", "90693936"),
    (1111111109, "07081804", "68084774", "25091201"),
    (1111111111, "14050471", "67062674", "99943326"),
    (1234567890, "89005924", "91819424", "93441116"),
    (2000000000, "69279037", "90698825", "38618901"),
    (20000000000, "65353130", "77737706", "47863826"),
]


@pytest.mark.parametrize(("for_time", "sha1", "sha256", "sha512"), RFC6238)
def test_totp_matches_rfc6238_appendix_b(for_time, sha1, sha256, sha512):
    assert totp(SEED_SHA1, for_time) == sha1
    assert totp(SEED_SHA256, for_time, algorithm="sha256") == sha256
    assert totp(SEED_SHA512, for_time, algorithm="sha512") == sha512


def test_hotp_matches_rfc4226_appendix_d():
    expected = [
        "755224",
        "287082",
        "359152",
        "969429",
        "338314",
        "254676",
        "287922",
        "162583",
        "399871",
        "520489",
    ]
    assert [hotp(SEED_SHA1, counter) for counter in range(10)] == expected


def test_totp_is_hotp_of_the_time_step():
    assert time_step(59) == 1
    assert time_step(1111111109) == 0x23523EC
    assert totp(SEED_SHA1, 1111111109, digits=6) == hotp(SEED_SHA1, 0x23523EC)
    # the same code for the whole 30-second window, a new one after it
    assert totp(SEED_SHA1, 60) == totp(SEED_SHA1, 89) != totp(SEED_SHA1, 90)


def test_totp_keeps_leading_zeros():
    assert totp(SEED_SHA1, 1111111109) == "07081804"
    assert len(totp(SEED_SHA1, 1111111109, digits=6)) == 6


def test_totp_agrees_with_the_cryptography_library():
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.twofactor.totp import TOTP

    reference = TOTP(SEED_SHA1, 6, hashes.SHA1(), 30, enforce_key_length=False)
    for for_time in (0, 29, 30, 1_700_000_000, 1_800_000_017):
        assert totp(SEED_SHA1, for_time, digits=6) == reference.generate(for_time).decode()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"algorithm": "md5"}, "algorithm"),
        ({"digits": 4}, "digits"),
        ({"step": 0}, "step"),
    ],
)
def test_bad_parameters_are_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        totp(SEED_SHA1, 59, **kwargs)


def test_access_tables_are_consistent():
    tables = access_tables()
    reports, releasability, analysts = (
        tables["reports"],
        tables["releasability"],
        tables["analysts"],
    )
    assert reports["report_id"].is_unique and analysts["analyst_id"].is_unique
    assert set(releasability["report_id"]) == set(reports["report_id"])
    assert set(reports["classification"]) <= set(CLASSIFICATION_LEVELS)
    assert set(analysts["clearance"]) <= set(CLASSIFICATION_LEVELS)
    # every originator may receive its own report
    own = reports.merge(
        releasability,
        left_on=["report_id", "originator"],
        right_on=["report_id", "releasable_to"],
    )
    assert len(own) == len(reports)
    # fresh copies: a learner's edits do not leak into the expected answer
    tables["reports"].loc[0, "classification"] = "SECRET"
    assert access_tables()["reports"].loc[0, "classification"] == "RESTRICTED"


def test_may_read_applies_all_three_rules():
    pairs = set(may_read().itertuples(index=False, name=None))
    assert ("R1", "A4") in pairs  # RESTRICTED report, RESTRICTED clearance
    assert ("R2", "A5") not in pairs  # clearance too low
    assert ("R2", "A8") not in pairs  # cleared, right desk, but not releasable to Westland
    assert ("R1", "A2") not in pairs  # releasable and cleared, but no need to know
    assert ("R4", "A6") in pairs
    assert len(pairs) == len(may_read())  # no duplicates
