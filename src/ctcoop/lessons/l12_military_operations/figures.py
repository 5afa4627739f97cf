"""Figures and captions of lesson 12, Military operations and collaboration.

Each ``*_figure`` function draws one figure from a small table the lesson has
computed; the matching ``*_caption`` function words the same numbers as the
figure's text alternative. Gaps in a table stay gaps: a year without a
breakdown is drawn without one, never as zero.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from matplotlib.ticker import FuncFormatter, MaxNLocator

from ctcoop.palette import NEUTRAL, PALETTE
from ctcoop.plots import plt, set_margins

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "forces_caption",
    "forces_figure",
    "kinds_caption",
    "kinds_figure",
    "peacekeeping_caption",
    "peacekeeping_figure",
]


def _percent(share: float) -> str:
    return f"{share:.0%}"


def kinds_figure(shares: pd.DataFrame, title: str) -> Figure:
    """Horizontal grouped bars: the share of supported actor-years with each kind of support.

    ``shares`` has one row per kind of support and one column per group of
    actor-years (values between 0 and 1).
    """
    fig, ax = plt.subplots(figsize=(10, 5))
    rows = np.arange(len(shares))
    height = 0.8 / len(shares.columns)
    for number, (group, values) in enumerate(shares.items()):
        ax.barh(
            rows + number * height,
            values,
            height=height,
            color=PALETTE[[4, 1][number % 2]],
            label=group,
            hatch=["", "//"][number % 2],
            edgecolor="white",
        )
    ax.set_yticks(rows + height * (len(shares.columns) - 1) / 2, shares.index)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:.0%}"))
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of supported actor-years in which at least one supporter gave it")
    ax.set_title(title)
    ax.legend(loc="lower right", fontsize=9)
    ax.grid(axis="x", alpha=0.3)
    set_margins(fig, left=1.8, right=0.35)
    return fig


def kinds_caption(shares: pd.DataFrame, counts: dict[str, int]) -> str:
    """Caption for :func:`kinds_figure`, with each group's most and least common kinds."""
    parts = []
    for group, values in shares.items():
        parts.append(
            f"{group} ({counts[group]:,} supported actor-years): most often "
            f"{values.idxmax()} ({_percent(values.max())}), least often {values.idxmin()} "
            f"({_percent(values.min())}), troops {_percent(values['troops'])}"
        )
    return (
        "Grouped bar chart of the kinds of outside support given to governments at war, "
        "UCDP External Support Dataset 1975-2017. " + "; ".join(parts) + "."
    )


def peacekeeping_figure(totals: pd.DataFrame, title: str) -> Figure:
    """UN peacekeeping per year: personnel (by kind where the source breaks it down), missions.

    ``totals`` is indexed by year with the columns of ``peacekeeping_totals``.
    """
    fig, (top, bottom) = plt.subplots(
        2, 1, figsize=(10, 6.5), sharex=True, gridspec_kw={"height_ratios": [2, 1]}
    )
    split = totals[totals["breakdown_in_source"]]
    whole = totals[~totals["breakdown_in_source"]]["total_personnel"].dropna()
    top.bar(whole.index, whole, color=NEUTRAL, label="total (no breakdown in the source)")
    bottom_of_bar = pd.Series(0.0, index=split.index)
    for column, colour in zip(
        ["troops", "police", "military_observers"],
        [PALETTE[4], PALETTE[1], PALETTE[0]],
        strict=True,
    ):
        values = split[column].astype(float)
        top.bar(
            split.index, values, bottom=bottom_of_bar, color=colour, label=column.replace("_", " ")
        )
        bottom_of_bar += values
    top.set_ylabel("personnel (December)")
    top.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.0f}"))
    top.set_title(title)
    top.legend(loc="upper left", fontsize=8)
    top.grid(axis="y", alpha=0.3)
    bottom.plot(totals.index, totals["missions"], color=PALETTE[5], marker="o", markersize=3)
    bottom.set_ylabel("missions")
    bottom.set_ylim(bottom=0)
    bottom.yaxis.set_major_locator(MaxNLocator(integer=True))
    bottom.xaxis.set_major_locator(MaxNLocator(integer=True))
    bottom.set_xlabel("year")
    bottom.grid(alpha=0.3)
    set_margins(fig, left=1.05, hspace=0.1)
    return fig


def peacekeeping_caption(totals: pd.DataFrame) -> str:
    """Caption for :func:`peacekeeping_figure`: the peaks and the last year with each number."""
    personnel = totals["total_personnel"].dropna()
    peak = personnel.idxmax()
    with_parts = totals[totals["breakdown_in_source"]]
    troops_share = (with_parts["troops"] / with_parts["total_personnel"]).astype(float)
    return (
        f"Bar chart of UN peacekeeping personnel each December, {personnel.index.min()}-"
        f"{personnel.index.max()}, and a line of the number of missions, "
        f"{totals.index.min()}-{totals['missions'].last_valid_index()}. Personnel peak in "
        f"{peak} at {int(personnel.loc[peak]):,}; missions peak at "
        f"{int(totals['missions'].max())} ({totals['missions'].idxmax()}). From "
        f"{with_parts.index.min()} the source splits personnel into troops, police and "
        f"military observers; troops are {_percent(troops_share.min())} to "
        f"{_percent(troops_share.max())} of the total. Before that, grey bars show totals "
        f"only. {totals['missions'].last_valid_index()} has the number of missions only."
    )


def forces_figure(states: pd.DataFrame, title: str) -> Figure:
    """Scatter: conflict-years as a secondary party against armed forces personnel (log scale).

    ``states`` is indexed by ISO3 with the columns ``conflict_years`` and
    ``armed_forces_personnel``.
    """
    fig, ax = plt.subplots(figsize=(10, 5.5))
    ax.scatter(
        states["conflict_years"],
        states["armed_forces_personnel"].astype(float),
        color=PALETTE[4],
        s=40,
        zorder=3,
    )
    for iso3, row in states.iterrows():
        left = row["conflict_years"] % 2 == 0  # neighbours one year apart label on both sides
        ax.annotate(
            iso3,
            (row["conflict_years"], float(row["armed_forces_personnel"])),
            xytext=(-4 if left else 4, 3),
            textcoords="offset points",
            fontsize=8,
            ha="right" if left else "left",
        )
    ax.set_yscale("log")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.0f}"))
    ax.set_xlabel("conflict-years on a government's side against these groups (UCDP, to 2024)")
    ax.set_ylabel("armed forces personnel, 2015 (log scale)")
    ax.set_title(title)
    ax.grid(alpha=0.3)
    set_margins(fig, left=1.2)
    return fig


def forces_caption(states: pd.DataFrame, names: dict[str, str]) -> str:
    """Caption for :func:`forces_figure`: the largest and smallest forces among the states."""
    personnel = states["armed_forces_personnel"].astype(float)
    big, small = personnel.idxmax(), personnel.idxmin()
    return (
        f"Scatter plot of the {len(states)} states that most often fought as secondary parties "
        f"on a government's side against al-Qaida, IS, Al-Shabaab or an affiliate: conflict-"
        f"years ({int(states['conflict_years'].min())} to "
        f"{int(states['conflict_years'].max())}) against armed forces personnel in 2015. "
        f"Largest force: {names[big]} ({int(personnel[big]):,}); smallest: {names[small]} "
        f"({int(personnel[small]):,}). The vertical axis is logarithmic."
    )
