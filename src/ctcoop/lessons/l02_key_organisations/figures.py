"""Figures of lesson 02, Key international organisations: each returns a figure and its caption.

The lesson computes the counts (members per state, overlaps, joining years);
these functions only draw them and say in words what they show, so the
caption, the figure's text alternative, always quotes the computed numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from ctcoop import plots

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["growth_lines", "membership_map", "overlap_heatmap"]


def membership_map(
    world: Mapping[str, Any], bodies_per_state: pd.Series, bodies: list[str]
) -> tuple[Figure, str]:
    """A world map shading each state by how many of ``bodies`` it fully belongs to."""
    most = int(bodies_per_state.max())
    labels = [f"{n} bod{'y' if n == 1 else 'ies'}" for n in range(1, most + 1)]
    category = {iso3: labels[int(n) - 1] for iso3, n in bodies_per_state.items()}
    fig = plots.world_map(
        world,
        category,
        plots.sequential_colours(labels),
        title=f"In how many of the {len(bodies)} bodies is each state a full member?",
    )
    caption = (
        f"World map, each country shaded by the number of bodies ({', '.join(bodies)}) "
        f"it belongs to as a full member, from light (1) to dark ({most}). "
        f"{int((bodies_per_state == most).sum())} states belong to {most}; "
        f"{int((bodies_per_state <= 2).sum())} belong to 2 or fewer. "
        "Grey: not a member of any, or no data."
    )
    return fig, caption


def overlap_heatmap(overlap: pd.DataFrame) -> tuple[Figure, str]:
    """The table of shared member states as a heatmap, with the pairs the lesson discusses."""
    fig = plots.overlap_heatmap(
        overlap, "Member states shared by each pair of bodies", "states in both"
    )
    caption = (
        "Heatmap of states that are full members of two bodies at once; the diagonal is each "
        f"body's size. {overlap.loc['GCTF', 'INTERPOL']} of the {overlap.loc['GCTF', 'GCTF']} "
        f"GCTF member states are in INTERPOL; only {overlap.loc['SCO', 'FATF']} of the "
        f"{overlap.loc['SCO', 'SCO']} SCO member states are full FATF members, and "
        f"{overlap.loc['SCO', 'EU']} are in both the SCO and the EU."
    )
    return fig, caption


def growth_lines(
    joined: Mapping[str, pd.Series], unknown: pd.Series, start: int = 1945, end: int = 2026
) -> tuple[Figure, str]:
    """Step lines of member states per body by year of joining; unknown years are not drawn."""
    fig = plots.cumulative_counts(
        joined, "Member states of each body, by year of joining", "member states", start, end
    )
    lines = []
    for body, years in joined.items():
        known = years.dropna().astype(int)
        if len(known):
            lines.append(f"{body} from {known.min()} ({len(known)} by {end})")
    caption = (
        f"Step lines of member states by year, {start} to {end}, one per body: "
        + "; ".join(lines)
        + f". Members with no known joining year are not counted: {int(unknown.sum())} in all."
    )
    return fig, caption
