"""Figures of lesson 01, Why states cooperate: each returns a figure and its caption.

The lesson computes the tables (conflicts per year, helping states, one
conflict's intensity); these functions draw them with the course palette and
write the caption, the figure's text alternative, from the same numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from ctcoop import plots
from ctcoop.plots import plt, set_margins

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["conflicts_and_helpers", "helpers_map", "intensity_bars"]


def conflicts_and_helpers(
    per_year: pd.DataFrame, states_per_year: pd.DataFrame
) -> tuple[Figure, str]:
    """Two panels: active conflicts per year (and those with foreign troops); helping states.

    ``per_year`` has the columns ``conflicts`` and ``with foreign troops``;
    ``states_per_year`` has one column per line to draw, the first being all
    conflicts and the second the count without the multinational outliers.
    """
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 7), sharex=True)
    years = per_year.index.astype(int)
    top.bar(years, per_year["conflicts"], color=plots.PALETTE[1], label="all conflicts")
    top.bar(
        years,
        per_year["with foreign troops"],
        color=plots.PALETTE[4],
        label="with at least one foreign state on the government side",
    )
    top.set_ylabel("conflicts active that year")
    top.set_title("Conflicts with al-Qaida, IS, Al-Shabaab and affiliates, per year")
    top.legend(loc="upper left", fontsize=9)
    colours = [plots.PALETTE[5], plots.PALETTE[0]]
    for column, colour, style in zip(states_per_year, colours, ["-", "--"], strict=False):
        bottom.plot(years, states_per_year[column], style, color=colour, linewidth=2, label=column)
    bottom.set_ylabel("states fighting as secondary parties")
    bottom.set_xlabel("year")
    bottom.set_title("Other states fighting on a government's side against these groups")
    bottom.legend(loc="upper left", fontsize=9)
    set_margins(fig)

    conflicts = per_year["conflicts"]
    jump = int(conflicts.diff().idxmax())
    every, without = states_per_year.columns[:2]
    peak = int(states_per_year[every].idxmax())
    caption = (
        f"Two charts, {years.min()}–{years.max()}. Top: bars of active conflicts per year, from "
        f"{conflicts.iloc[0]} in {years.min()} to {conflicts.max()} at most "
        f"({conflicts.idxmax()}); the largest rise from one year to the next comes in {jump} "
        f"({conflicts.loc[jump - 1]} to {conflicts.loc[jump]}). The darker part of each bar "
        "marks conflicts with foreign troops on the government side "
        f"({per_year['with foreign troops'].iloc[-1]} of {conflicts.iloc[-1]} in "
        f"{years.max()}). Bottom: lines of distinct states fighting as secondary parties, "
        f"peaking at {states_per_year.loc[peak, every]} in {peak}; {without}, the peak is "
        f"{states_per_year[without].max()} ({states_per_year[without].idxmax()})."
    )
    return fig, caption


def helpers_map(
    world: Mapping[str, Any],
    bands: pd.Series,
    per_state: pd.Series,
    names: pd.Series,
    not_drawn: list[str],
) -> tuple[Figure, str]:
    """A world map of the helping states, shaded by the band of their conflict count.

    ``bands`` maps ISO3 to a band label (an ordered categorical), ``per_state``
    ISO3 to the number of conflicts, ``names`` ISO3 to a country name.
    """
    labels = list(bands.cat.categories)
    fig = plots.world_map(
        world,
        {iso3: str(band) for iso3, band in bands.items()},
        plots.sequential_colours(labels),
        title="States that fought on another government's side against these groups, by conflicts",
        no_data_label="not listed as a secondary party",
    )
    top = per_state.sort_values(ascending=False).head(3)
    caption = (
        f"World map of the {len(per_state)} states that UCDP lists as secondary warring parties "
        "on the government side in at least one conflict with al-Qaida, IS, Al-Shabaab or an "
        f"affiliate, shaded from light (1 conflict) to dark ({per_state.max()}). The most "
        "conflicts: "
        + ", ".join(f"{names[iso3]} ({n})" for iso3, n in top.items())
        + ". Grey: not listed. Not drawn (no shape at this scale): "
        + (", ".join(not_drawn) or "none")
        + "."
    )
    return fig, caption


def intensity_bars(intensity: pd.Series, title: str) -> tuple[Figure, str]:
    """One bar per active year, at height 1 (minor) or 2 (war), coloured by level."""
    fig, ax = plt.subplots(figsize=(10, 2.8))
    colours = intensity.map({1: plots.PALETTE[1], 2: plots.PALETTE[5]})
    ax.bar(intensity.index.astype(int), intensity, color=list(colours))
    ax.set_yticks([1, 2], ["minor (25–999)", "war (1,000+)"])
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("year")
    ax.set_ylabel("intensity")
    ax.set_title(title)
    set_margins(fig, left=1.6)
    minor = [str(year) for year in intensity.index[intensity == 1]]
    caption = (
        f"Bar chart of the conflict's intensity per year, {intensity.index.min()}–"
        f"{intensity.index.max()}: a bar in {len(intensity)} years, at war intensity in "
        f"{int((intensity == 2).sum())} of them"
        + (f" (minor only in {', '.join(minor)})." if minor else ".")
    )
    return fig, caption
