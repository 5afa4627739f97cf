"""Small security helpers for lesson 05 (intelligence security and confidentiality).

* :func:`hotp` and :func:`totp`: one-time passwords as specified in RFC 4226 (HOTP) and
  RFC 6238 (TOTP), written with the standard library only (``hmac``, ``hashlib``,
  ``struct``) so that a learner can read every step. The time is always passed in
  explicitly: nothing here reads the clock.
* :func:`access_tables`: a tiny **invented** table of reports, releasability and analysts
  for the need-to-know exercise. It is teaching data, not a factual claim about any real
  agency, country, person or report.
"""

from __future__ import annotations

import hashlib
import hmac
import struct

import pandas as pd

__all__ = [
    "CLASSIFICATION_LEVELS",
    "access_tables",
    "hotp",
    "may_read",
    "time_step",
    "totp",
]

_ALGORITHMS = {"sha1": hashlib.sha1, "sha256": hashlib.sha256, "sha512": hashlib.sha512}


def hotp(secret: bytes, counter: int, digits: int = 6, algorithm: str = "sha1") -> str:
    """HMAC-based one-time password (RFC 4226), as a zero-padded string of ``digits`` digits.

    1. HMAC of the counter, packed as an 8-byte big-endian integer, under ``secret``;
    2. "dynamic truncation": the low 4 bits of the last byte pick an offset, and the 31
       low bits of the 4 bytes found there make a number;
    3. that number modulo 10**digits, padded with leading zeros.
    """
    if algorithm not in _ALGORITHMS:
        raise ValueError(f"algorithm must be one of {sorted(_ALGORITHMS)}, not {algorithm!r}")
    if not 6 <= digits <= 10:
        raise ValueError("digits must be between 6 and 10")
    if counter < 0:
        raise ValueError("counter must not be negative")
    mac = hmac.new(secret, struct.pack(">Q", counter), _ALGORITHMS[algorithm]).digest()
    offset = mac[-1] & 0x0F
    number = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)


def time_step(for_time: int, step: int = 30, t0: int = 0) -> int:
    """The RFC 6238 counter T: whole ``step``-second intervals since ``t0`` (Unix seconds)."""
    if step <= 0:
        raise ValueError("step must be a positive number of seconds")
    return (int(for_time) - t0) // step


def totp(
    secret: bytes,
    for_time: int,
    digits: int = 8,
    step: int = 30,
    algorithm: str = "sha1",
) -> str:
    """Time-based one-time password (RFC 6238): HOTP of the time step of ``for_time``.

    ``for_time`` is a Unix time in seconds, passed in by the caller (never read from the
    clock here), so results are reproducible. Authenticator apps use 6 digits; the RFC's
    test vectors use 8, hence the default.

    RFC 6238's test vectors (Appendix B) for T = 59 s, one per hash; the seeds are
    the ASCII digits "1234567890" repeated to 20, 32 and 64 bytes:

    >>> seed = b"1234567890" * 7
    >>> totp(seed[:20], 59)
    '94287082'
    >>> totp(seed[:32], 59, algorithm="sha256")
    '46119246'
    >>> totp(seed[:64], 59, algorithm="sha512")
    '90693936'
    >>> totp(seed[:20], 1111111109)
    '07081804'
    """
    return hotp(secret, time_step(for_time, step), digits=digits, algorithm=algorithm)


# --- Invented teaching data for the need-to-know exercise ---------------------------------

CLASSIFICATION_LEVELS = {"RESTRICTED": 1, "CONFIDENTIAL": 2, "SECRET": 3}
"""Order of the (invented) classification levels: higher number, more sensitive."""

_REPORTS = [
    # report_id, topic, classification, originator
    ("R1", "finance", "RESTRICTED", "Northland"),
    ("R2", "finance", "SECRET", "Northland"),
    ("R3", "travel", "CONFIDENTIAL", "Eastland"),
    ("R4", "travel", "SECRET", "Southland"),
    ("R5", "online", "CONFIDENTIAL", "Westland"),
    ("R6", "finance", "CONFIDENTIAL", "Eastland"),
]
_RELEASABLE = {  # who may receive each report, the originator included
    "R1": ["Northland", "Eastland", "Southland", "Westland"],
    "R2": ["Northland"],
    "R3": ["Eastland", "Northland", "Westland"],
    "R4": ["Southland", "Eastland"],
    "R5": ["Westland", "Southland"],
    "R6": ["Eastland", "Southland"],
}
_ANALYSTS = [
    # analyst_id, nationality, clearance, desk (need to know)
    ("A1", "Northland", "SECRET", "finance"),
    ("A2", "Northland", "CONFIDENTIAL", "travel"),
    ("A3", "Eastland", "SECRET", "travel"),
    ("A4", "Eastland", "RESTRICTED", "finance"),
    ("A5", "Southland", "CONFIDENTIAL", "finance"),
    ("A6", "Southland", "SECRET", "travel"),
    ("A7", "Westland", "CONFIDENTIAL", "online"),
    ("A8", "Westland", "SECRET", "finance"),
]


def access_tables() -> dict[str, pd.DataFrame]:
    """The invented tables ``reports``, ``releasability`` and ``analysts`` (fresh copies).

    Countries, analysts and reports are made up for the exercise; they describe no real
    agency or arrangement.
    """
    reports = pd.DataFrame(_REPORTS, columns=["report_id", "topic", "classification", "originator"])
    releasability = pd.DataFrame(
        [(rid, partner) for rid, partners in _RELEASABLE.items() for partner in partners],
        columns=["report_id", "releasable_to"],
    )
    analysts = pd.DataFrame(_ANALYSTS, columns=["analyst_id", "nationality", "clearance", "desk"])
    return {"reports": reports, "releasability": releasability, "analysts": analysts}


def may_read() -> pd.DataFrame:
    """Every (report_id, analyst_id) pair allowed by the three rules, sorted.

    An analyst may read a report when (1) their clearance is at least the report's
    classification, (2) their nationality is among the report's releasable partners, and
    (3) their desk is the report's topic (need to know).
    """
    t = access_tables()
    pairs = t["reports"].merge(t["analysts"], how="cross")
    cleared = pairs["clearance"].map(CLASSIFICATION_LEVELS) >= pairs["classification"].map(
        CLASSIFICATION_LEVELS
    )
    need = pairs["desk"] == pairs["topic"]
    pairs = pairs[cleared & need]
    pairs = pairs.merge(
        t["releasability"],
        left_on=["report_id", "nationality"],
        right_on=["report_id", "releasable_to"],
    )
    result = pairs[["report_id", "analyst_id"]].sort_values(["report_id", "analyst_id"])
    return result.reset_index(drop=True)
