"""Lesson 08's grouping of the Security Council's terrorism resolutions by kind.

Lesson 08 (section 6) teaches this rule step by step; lesson 09 reuses it to follow
the Council's themes over time, so that both lessons group the same resolutions the
same way. The rule is reproducible: it relies only on ``unsc_resolutions`` (its
``terrorism_related`` flag, ``terrorism_rule`` and ``terrorism_link`` columns) and
on the short list of thematic resolutions below, named one by one because the
Council's topics do not separate them from the rest. The first matching kind wins.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["KINDS", "LATER_KIND", "OTHER", "THEMATIC", "terrorism_resolutions"]

THEMATIC = {
    1373: "obligations on all states; Counter-Terrorism Committee (2001)",
    1540: "weapons of mass destruction and non-state actors (2004)",
    1566: "terrorist acts described; a working group (2004)",
    1624: "incitement to commit terrorist acts (2005)",
    2178: "foreign terrorist fighters (2014)",
    2396: "returning and relocating foreign terrorist fighters (2017)",
    2462: "terrorist financing (2019)",
}

KINDS = [
    "thematic (named)",
    "sanctions on Libya or Sudan",
    "1267 and 1988 regimes (where stated)",
    "Somalia and Al-Shabaab",
]
OTHER = "other terrorism-related"

# The Library's tables (to June 2022) do not flag Somalia mandates or the Al-Shabaab
# sanctions; the compiled list after them does. So this kind exists only from July 2022,
# and a comparison across periods must leave it out to use one coding throughout.
LATER_KIND = KINDS[3]


def terrorism_resolutions(
    resolutions: pd.DataFrame, thematic: dict[int, str] = THEMATIC
) -> pd.DataFrame:
    """The flagged resolutions plus the named thematic ones, with a ``kind`` column.

    ``thematic`` names the resolutions of the first kind; resolution 1540 is among
    them although its topic (non-proliferation) is not flagged as terrorism-related.
    """
    flagged = resolutions["terrorism_related"].fillna(False) | resolutions["res_no"].isin(thematic)
    terror = resolutions[flagged].copy()
    rule_text = terror["terrorism_rule"].astype(str)
    link = terror["terrorism_link"].fillna("")
    conditions = [
        terror["res_no"].isin(thematic),
        rule_text.str.contains("Libya|Sudan"),
        rule_text.str.contains("1267") | link.str.contains("1267|1988"),
        link.str.contains("Shabaab"),
    ]
    terror["kind"] = np.select(conditions, KINDS, default=OTHER)
    return terror
