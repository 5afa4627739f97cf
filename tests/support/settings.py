"""The environment variables the tests read, named once, and what they switch.

``CTCOOP_REQUIRE_BROWSER=1`` (set by ``.ci/run``) turns a missing Chromium or
Node proxy from a skip into a failure, so CI can never pass by skipping the
browser, site and hub tests. ``CTCOOP_SCREENSHOTS=<folder>`` keeps a PNG of
every final browser page.
"""

from __future__ import annotations

import os

import pytest

__all__ = ["REQUIRE_BROWSER_ENV", "SCREENSHOTS_ENV", "need"]

REQUIRE_BROWSER_ENV = "CTCOOP_REQUIRE_BROWSER"
SCREENSHOTS_ENV = "CTCOOP_SCREENSHOTS"


def need(present: bool, what: str) -> None:
    """Skip the test when ``what`` is missing; fail instead where CI requires it."""
    if present:
        return
    if os.environ.get(REQUIRE_BROWSER_ENV) == "1":
        pytest.fail(f"{REQUIRE_BROWSER_ENV}=1 but {what} is missing")
    pytest.skip(f"{what} is missing")
