"""Figures of lesson 09, Emerging threats and adaptive strategies.

Each function takes the table the lesson has just computed, draws it with the
course palette, builds the caption (the figure's text alternative) from the
same numbers, and shows both through :func:`ctcoop.plots.show`.
"""

from __future__ import annotations

import pandas as pd

from ctcoop.plots import PALETTE, plt, set_margins, show, stacked_bars

__all__ = ["listing_years", "reference_numbers", "regions_per_year", "themes_timeline"]


def _colours(labels: list[str]) -> dict[str, str]:
    """Palette colours for up to seven series, skipping yellow (too pale for thin lines)."""
    readable = [c for i, c in enumerate(PALETTE) if i != 3]
    return dict(zip(labels, readable, strict=False))


def regions_per_year(counts: pd.DataFrame, title: str, ylabel: str, what: str) -> None:
    """Stacked bars of a count per year (index) and region (columns); ``what`` names the
    counted thing in the caption ("conflicts", "countries")."""
    colours = _colours(list(counts.columns))
    fig, ax = plt.subplots(figsize=(10, 4.5))
    bottom = stacked_bars(ax, counts, colours, width=0.85)
    ax.set_title(title)
    ax.set_xlabel("year")
    ax.set_ylabel(ylabel)
    ax.legend(loc="upper left", fontsize=9)
    ax.grid(axis="y", alpha=0.3)
    first, last = counts.index.min(), counts.index.max()
    lead = counts.loc[last].idxmax()
    set_margins(fig)
    show(
        fig,
        (
            f"Stacked bars, one per year from {first} to {last}, of the {what} per region. "
            f"Totals: {int(bottom.loc[first])} in {first}, {int(bottom.max())} at the peak "
            f"({bottom.idxmax()}), {int(bottom.loc[last])} in {last}. In {last} the largest "
            f"region is {lead}, with {int(counts.loc[last, lead])}."
        ),
    )


def themes_timeline(themed: pd.DataFrame) -> None:
    """One dot per thematic resolution (``year``, ``theme``), labelled with ``res_no``."""
    order = list(dict.fromkeys(themed.sort_values("year")["theme"]))
    row = {theme: i for i, theme in enumerate(order)}
    fig, ax = plt.subplots(figsize=(10, 0.5 * len(order) + 1.5))
    ax.scatter(
        themed["year"],
        themed["theme"].map(row),
        s=60,
        color=PALETTE[0],
        edgecolor="black",
        zorder=3,
    )
    same_year = themed.groupby(["theme", "year"]).cumcount()
    for (_, r), nth in zip(themed.iterrows(), same_year, strict=True):
        ax.annotate(
            str(r["res_no"]),
            (r["year"], row[r["theme"]]),
            xytext=(0, 7 + 9 * nth),
            textcoords="offset points",
            ha="center",
            fontsize=8,
        )
    ax.set_yticks(range(len(order)), order)
    ax.invert_yaxis()
    ax.set_ylim(len(order) - 0.4, -0.8)
    ax.set_title("Thematic Security Council resolutions on terrorism, by theme")
    ax.set_xlabel("year adopted")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="x", alpha=0.3)
    set_margins(fig, left=2.25)
    firsts = themed.groupby("theme")["year"].min().sort_values()
    listing = "; ".join(f"{theme} {year}" for theme, year in firsts.items())
    show(
        fig,
        (
            f"Dots, one per resolution ({len(themed)} in all), placed by year and theme and "
            f"labelled with the resolution number. Each resolution has one theme in the "
            f"course's list, so a theme's first year is that of the first resolution filed "
            f"under it, not the first time the Council took up the subject: {listing}."
        ),
    )


def listing_years(per_year: pd.Series) -> None:
    """Bars of current list entries (values) by the year they were listed (index)."""
    fig, ax = plt.subplots(figsize=(10, 4))
    ax.bar(per_year.index, per_year, color=PALETTE[0], width=0.8)
    ax.set_title("ISIL (Da'esh) & Al-Qaida list: entries still listed, by year of listing")
    ax.set_xlabel("year the entry was listed")
    ax.set_ylabel("entries on the list today")
    ax.grid(axis="y", alpha=0.3)
    top = per_year.nlargest(3)
    set_margins(fig)
    show(
        fig,
        (
            f"Bars of the {int(per_year.sum())} entries on the list in its November 2025 file, by "
            f"the year each was listed, {per_year.index.min()} to {per_year.index.max()}. The "
            f"three largest years: "
            + ", ".join(f"{y} ({n})" for y, n in top.items())
            + ". Entries removed before November 2025 are not in the file, so no bar counts them."
        ),
    )


def reference_numbers(blocks: pd.DataFrame) -> None:
    """Stacked bars per block of reference numbers (index): ``on the list`` and ``not on
    the list``, with the median listing year of the block's entries in ``median year``."""
    fig, ax = plt.subplots(figsize=(10, 4.5))
    ax.bar(blocks.index, blocks["on the list"], color=PALETTE[0], label="on the list")
    ax.bar(
        blocks.index,
        blocks["not on the list"],
        bottom=blocks["on the list"],
        color=PALETTE[1],
        label="number not on the list",
    )
    labels = [f"{block}\n({year})" for block, year in blocks["median year"].items()]
    ax.set_xticks(range(len(blocks)), labels, fontsize=8)
    ax.set_title("Individuals' reference numbers QDi.001 onwards, in blocks of 50")
    ax.set_xlabel("block of reference numbers (median listing year of those still listed)")
    ax.set_ylabel("reference numbers")
    ax.set_ylim(0, 62)
    ax.legend(loc="upper center", ncol=2, fontsize=9)
    ax.grid(axis="y", alpha=0.3)
    share = blocks["not on the list"] / (blocks["on the list"] + blocks["not on the list"])
    set_margins(fig, bottom=0.8)
    show(
        fig,
        (
            f"Stacked bars for {len(blocks)} blocks of 50 reference numbers: numbers held by an "
            f"entry on today's list, and numbers up to the highest one that no entry holds. The "
            f"share of numbers not on the list falls from {share.iloc[0]:.0%} in the first block "
            f"to {share.iloc[-1]:.0%} in the last."
        ),
    )
