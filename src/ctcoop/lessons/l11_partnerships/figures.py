"""Figures of lesson 11, Strengthening multilateral partnerships.

Each function takes what the lesson has just computed (a count, a network, a
table of years), draws it with the course palette, builds the caption (the
figure's text alternative) from the same numbers, and shows both through
:func:`ctcoop.plots.show`.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from ctcoop.palette import NEUTRAL
from ctcoop.plots import PALETTE, plt, set_margins, show

__all__ = ["bodies_per_state", "bridges_by_year", "club_network"]


def bodies_per_state(counts: pd.Series, bodies: int) -> None:
    """Bars of how many states (values) belong to how many bodies (index)."""
    fig, ax = plt.subplots(figsize=(8, 4))
    ax.bar(counts.index.astype(str), counts.to_numpy(), color=PALETTE[4])
    for x, value in enumerate(counts.to_numpy()):
        ax.text(x, value + 1, str(int(value)), ha="center", fontsize=9)
    ax.set_title(f"How many of the {bodies} bodies in the network each state belongs to")
    ax.set_xlabel("bodies the state is a full member of (its degree in the network)")
    ax.set_ylabel("states")
    ax.grid(axis="y", alpha=0.3)
    set_margins(fig)
    modal = counts.idxmax()
    show(
        fig,
        (
            f"Bar chart of {int(counts.sum())} states by the number of bodies they belong to, from "
            f"{counts.index.min()} to {counts.index.max()}. The commonest count is {modal} "
            f"({int(counts.max())} states); {int(counts[counts.index >= 6].sum())} states belong "
            f"to 6 or more; {int(counts[counts.index <= 2].sum())} belong to 2 or fewer."
        ),
    )


def club_network(clubs: nx.Graph, regional: set[str], partial: set[str]) -> None:
    """Draw the bodies (nodes, sized by members) linked by the states they share (edge
    width). ``regional`` are the FATF-style regional bodies, ``partial`` bodies whose
    member list is incomplete."""
    fig, ax = plt.subplots(figsize=(9, 7.5))
    order = sorted(clubs, key=lambda body: (body in regional, body))
    position = nx.circular_layout(order)
    # Nodes and lines in a sorted order: the drawing (and the stored SVG) is then the same
    # whatever order the graph was built in.
    lines = sorted(tuple(sorted(edge)) for edge in clubs.edges)
    widths = [0.4 + clubs.edges[line]["weight"] / 3 for line in lines]
    nx.draw_networkx_edges(
        clubs, position, edgelist=lines, ax=ax, width=widths, edge_color=NEUTRAL, alpha=0.45
    )
    colours = [PALETTE[0] if body in regional else PALETTE[4] for body in order]
    sizes = [200 + 25 * clubs.nodes[body]["members"] for body in order]
    nx.draw_networkx_nodes(
        clubs,
        position,
        nodelist=order,
        ax=ax,
        node_color=colours,
        node_size=sizes,
        edgecolors=["black" if body in partial else "white" for body in order],
    )
    labels = {body: f"{body}\n(partial)" if body in partial else body for body in order}
    nx.draw_networkx_labels(clubs, position, labels, ax=ax, font_size=8)
    ax.plot([], [], "o", color=PALETTE[4], label="global or other club")
    ax.plot([], [], "o", color=PALETTE[0], label="FATF-style regional body")
    ax.legend(loc="lower left", fontsize=8, frameon=False)
    ax.set_title("Bodies linked by the member states they share (UN and INTERPOL left out)")
    ax.set_axis_off()
    edges = sorted(
        ((*sorted((a, b)), weight) for a, b, weight in clubs.edges(data="weight")),
        key=lambda edge: (-edge[2], edge[0], edge[1]),
    )
    a, b, top = edges[0]
    single = sum(1 for *_, weight in edges if weight == 1)
    possible = len(clubs) * (len(clubs) - 1) // 2
    set_margins(fig, left=0.2, bottom=0.2)
    show(
        fig,
        (
            f"Network of {len(clubs)} bodies on a circle: blue global or other clubs, orange the "
            f"FATF-style regional bodies; a circle's size grows with its member states, and a line "
            f"joins two bodies that share at least one, thicker for more. {len(edges)} of the "
            f"{possible} possible pairs share a member. The thickest line is {a}-{b} "
            f"({top} states); {single} pairs share a single state. Bodies marked partial have "
            "incomplete lists."
        ),
    )


def bridges_by_year(counts: pd.DataFrame, marks: dict[int, str]) -> None:
    """Step lines of states in two bodies at once (columns) per year (index), with a
    dashed line and a label at each year in ``marks``."""
    fig, ax = plt.subplots(figsize=(10, 4.5))
    for (pair, series), colour in zip(
        counts.items(), [PALETTE[5], PALETTE[4], PALETTE[2]], strict=False
    ):
        ax.step(series.index, series, where="post", color=colour, linewidth=2.2, label=pair)
    top = counts.to_numpy().max()
    for step, (year, label) in enumerate(marks.items()):
        ax.axvline(year, color="black", linestyle="--", linewidth=0.8)
        ax.text(year - 0.15, top + 1.3 - 0.4 * step, label, fontsize=8, va="top", ha="right")
    ax.set_ylim(0, top + 1.5)
    ax.set_title("States that belong to both bodies, year by year")
    ax.set_xlabel("year (membership at the end of the year)")
    ax.set_ylabel("states in both")
    ax.legend(loc="upper left", fontsize=9)
    ax.grid(alpha=0.3)
    parts = "; ".join(
        f"{pair}: {int(series.iloc[0])} in {series.index[0]}, at most {int(series.max())} "
        f"(first in {series.idxmax()}), {int(series.iloc[-1])} in {series.index[-1]}"
        for pair, series in counts.items()
    )
    set_margins(fig, left=0.55)
    show(
        fig,
        (
            f"Step lines of the number of states that were full members of two bodies at once, "
            f"{counts.index.min()} to {counts.index.max()}. {parts}. Dashed lines mark "
            + ", ".join(f"{year} ({label})" for year, label in marks.items())
            + "."
        ),
    )
