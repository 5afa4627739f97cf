"""Figures of lesson 04, Differing national interests and legal systems.

Each function takes the tables the lesson has just built, draws one figure and
returns it with its caption, computed from the same tables, so the lesson cell
reads ``plots.show(*figures.name(...))``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from ctcoop.palette import PALETTE
from ctcoop.plots import plt, set_margins, world_map

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["DATING_COLOURS", "GROUP_COLOURS", "grey_spells", "list_sizes", "listed_map"]

_LIST_COLOURS = {"grey": PALETTE[4], "black": PALETTE[5]}

DATING_COLOURS = {
    "exactly dated": PALETTE[4],
    "uncertain start or end": PALETTE[0],
    "still running (censored)": PALETTE[2],
}
"""Colour of a grey-list spell by how well it is dated (the lesson's ``dating`` column)."""

GROUP_COLOURS = {
    "grey list only": PALETTE[0],
    "black list only": PALETTE[7],
    "both lists": PALETTE[4],
}
"""Colour of a listed jurisdiction on the map, by the lists it has been on."""


def _span(dates: pd.Index) -> str:
    return f"{dates.min():%Y}-{dates.max():%Y}" if len(dates) else "none"


def list_sizes(counts: pd.DataFrame, lists: pd.DataFrame) -> tuple[Figure, str]:
    """Jurisdictions per list at each plenary; missing plenaries break the line and get a cross.

    ``counts`` has one row per plenary of the full schedule (NaN where the list
    is not covered) and the columns ``grey`` and ``black``.
    """
    fig, ax = plt.subplots(figsize=(10, 4.5))
    for i, name in enumerate(["grey", "black"]):
        colour = _LIST_COLOURS[name]
        ax.plot(
            counts.index, counts[name], marker="o", markersize=3, color=colour, label=f"{name} list"
        )
        missing = counts.index[counts[name].isna()]
        ax.plot(
            missing,
            [-1.5 - 1.5 * i] * len(missing),
            "x",
            color=colour,
            label=f"{name} list: plenary not in the data",
        )
    ax.set_title("Jurisdictions on FATF's lists at each plenary, 2010-2026")
    ax.set_xlabel("plenary date")
    ax.set_ylabel("jurisdictions listed")
    ax.set_ylim(-4.5, 34)
    ax.legend(fontsize=8, ncol=2, loc="upper center")
    ax.grid(alpha=0.3)
    grey, black = counts["grey"], counts["black"]
    black_peak = black.idxmax()
    tier2 = (
        lists["plenary_date"].eq(black_peak)
        & lists["black_category"].eq("strategic_deficiencies_insufficient_progress")
    ).sum()
    caption = (
        f"Line chart of the number of jurisdictions on each list at each plenary. The grey list "
        f"ranges from {int(grey.min())} ({grey.idxmin():%B %Y}) to {int(grey.max())} "
        f"(first reached {grey.idxmax():%B %Y}); the black list from {int(black.max())} "
        f"({black_peak:%B %Y}, {tier2} of them in the lighter second tier) down to "
        f"{int(black.iloc[-1])} at the latest plenary. Crosses below zero mark plenaries "
        f"missing from the data: {int(grey.isna().sum())} for the grey list "
        f"({_span(counts.index[grey.isna()])}) and {int(black.isna().sum())} for the black "
        f"list; the lines break there."
    )
    set_margins(fig)
    return fig, caption


def grey_spells(grey: pd.DataFrame, counts: pd.DataFrame) -> tuple[Figure, str]:
    """Each grey-list spell as a bar, coloured by its ``dating``; grey bands: missing plenaries."""
    fig, ax = plt.subplots(figsize=(10, 8))
    for label, colour in DATING_COLOURS.items():
        part = grey[grey["dating"] == label]
        ax.hlines(
            part.index,
            part["first_listed"],
            part["last_listed"],
            color=colour,
            linewidth=2.5,
            label=label,
        )
        ax.plot(part["first_listed"], part.index, "|", color=colour, markersize=4)
    gap_dates = counts.index[counts["grey"].isna()]
    for i, d in enumerate(gap_dates):
        ax.axvspan(
            d - pd.Timedelta(days=60),
            d + pd.Timedelta(days=60),
            color="0.85",
            zorder=0,
            label="grey list not in the data" if i == 0 else None,
        )
    ax.set_title("Grey-list spells, 2010-2026, by how well they are dated")
    ax.set_xlabel("plenary date (first to last plenary listed)")
    ax.set_ylabel("spells, in order of first listing")
    ax.legend(loc="lower right", fontsize=8)
    n_dating = grey["dating"].value_counts()
    caption = (
        f"Horizontal bars, one for each of the {len(grey)} grey-list spells in the data, from "
        f"the first to the last plenary listed. {n_dating.get('exactly dated', 0)} are exactly "
        f"dated, {n_dating.get('uncertain start or end', 0)} have an uncertain start or end "
        f"(they began before the data, or begin or end next to the {_span(gap_dates)} gaps, "
        f"shown as grey bands), and {n_dating.get('still running (censored)', 0)} are still "
        f"running at the latest plenary."
    )
    set_margins(fig)
    return fig, caption


def listed_map(
    world: Mapping[str, Any], group: pd.Series, names: pd.Series, not_drawn: Sequence[str]
) -> tuple[Figure, str]:
    """World map of the listed jurisdictions by group; names those too small to draw."""
    fig = world_map(
        world,
        group.to_dict(),
        GROUP_COLOURS,
        title="Jurisdictions on FATF's grey or black list at any plenary, 2010-2026",
        no_data_label="never listed in the data",
    )
    shown = group[~group.index.isin(list(not_drawn))].value_counts()
    caption = (
        f"World map of the {len(group)} jurisdictions listed at any covered plenary: "
        f"{shown.get('grey list only', 0)} drawn in orange (grey list only), "
        f"{shown.get('black list only', 0)} in black (black list only) and "
        f"{shown.get('both lists', 0)} in blue (both lists). {len(not_drawn)} listed "
        f"jurisdictions have no polygon at this scale and do not appear: "
        f"{', '.join(names[list(not_drawn)])}. Light grey: never listed in the data."
    )
    return fig, caption
