"""Figures and captions of lesson 06, Case studies: Abbottabad 2011, Madrid 2004, Al-Shabaab.

Each ``*_figure`` function draws one figure from a small table the lesson has
computed; the matching ``*_caption`` function words the same numbers as the
figure's text alternative. Years missing from a table are left as gaps in the
line, never drawn as zero.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
from matplotlib.ticker import MaxNLocator

from ctcoop.palette import NEUTRAL, PALETTE
from ctcoop.plots import plt, set_margins

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "band_caption",
    "band_figure",
    "bars_caption",
    "bars_figure",
    "support_caption",
    "support_figure",
]


# Colours for up to five kinds of support: Okabe-Ito, skipping yellow (weak on white) and the
# blue and black used for the other lines.
KIND_COLOURS = [PALETTE[0], PALETTE[1], PALETTE[2], PALETTE[5], PALETTE[6]]


def _year_axis(ax: Axes) -> None:
    """Whole years on the x axis, never 2002.5."""
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("year")


def _all_years(frame: pd.DataFrame | pd.Series) -> pd.DataFrame | pd.Series:
    """The same rows on every year from the first to the last, missing years as NaN."""
    return frame.reindex(range(int(frame.index.min()), int(frame.index.max()) + 1))


def band_figure(
    deaths: pd.DataFrame, title: str, ylabel: str, mark: dict[int, str] | None = None
) -> Figure:
    """UCDP's best estimate per year as a line, its low-high range as a shaded band.

    ``deaths`` is indexed by year with columns ``best``, ``low`` and ``high``;
    ``mark`` puts a labelled vertical line at some years.
    """
    full = _all_years(deaths[["best", "low", "high"]].astype(float))
    fig, ax = plt.subplots(figsize=(10, 5))
    ax.fill_between(
        full.index, full["low"], full["high"], color=PALETTE[1], alpha=0.35, label="low-high range"
    )
    ax.plot(
        full.index, full["best"], marker="o", markersize=3, color=PALETTE[4], label="best estimate"
    )
    middle = (full.index.min() + full.index.max()) / 2
    for year, label in (mark or {}).items():
        right = year > middle  # labels near the right edge go to the left of their line
        ax.axvline(year, color=NEUTRAL, linestyle="--", linewidth=1)
        ax.annotate(
            label,
            (year, ax.get_ylim()[1]),
            xytext=(-3 if right else 3, -12),
            textcoords="offset points",
            fontsize=8,
            color=NEUTRAL,
            ha="right" if right else "left",
        )
    ax.set_title(title)
    _year_axis(ax)
    ax.set_ylabel(ylabel)
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), fontsize=8, ncol=2)
    ax.grid(alpha=0.3)
    set_margins(fig, left=0.85, bottom=1.0)
    return fig


def band_caption(deaths: pd.DataFrame, what: str) -> str:
    """Caption for :func:`band_figure`: the range of the best estimate and the widest band."""
    best = deaths["best"]
    width = deaths["high"] - deaths["low"]
    wide = width.idxmax()
    missing = sorted(
        set(range(int(deaths.index.min()), int(deaths.index.max()) + 1)) - set(deaths.index)
    )
    gaps = f" No row for {', '.join(map(str, missing))}: the line breaks there." if missing else ""
    return (
        f"Line chart of {what}, {deaths.index.min()}-{deaths.index.max()}. UCDP's best "
        f"estimate ranges from {int(best.min()):,} ({best.idxmin()}) to {int(best.max()):,} "
        f"({best.idxmax()}). The shaded band is UCDP's low-high range; it is widest in {wide} "
        f"({int(deaths.loc[wide, 'low']):,} to {int(deaths.loc[wide, 'high']):,}).{gaps}"
    )


def support_figure(kinds: pd.DataFrame, troops_acd: pd.Series, title: str) -> Figure:
    """Supporters per year by kind of support (ESD), with the ACD's count of troop senders.

    ``kinds`` is indexed by year, one column per kind (how many supporters gave it);
    ``troops_acd`` counts the secondary warring states per year in the ACD.
    """
    fig, ax = plt.subplots(figsize=(10, 5.4))
    styles = ["-", "--", "-.", ":", (0, (5, 1, 1, 1))]
    for (kind, counts), colour, style in zip(kinds.items(), KIND_COLOURS, styles, strict=False):
        full = _all_years(counts)
        ax.plot(
            full.index,
            full,
            linestyle=style,
            color=colour,
            linewidth=2,
            marker="o",
            markersize=3,
            label=f"{kind} (ESD)",
        )
    full = _all_years(troops_acd)
    ax.plot(
        full.index,
        full,
        color=PALETTE[7],
        linewidth=1.5,
        marker="s",
        markersize=4,
        label="states fighting alongside (ACD secondary parties)",
    )
    ax.set_title(title)
    _year_axis(ax)
    ax.set_ylabel("number of supporters")
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), fontsize=8, ncol=3)
    ax.grid(alpha=0.3)
    set_margins(fig, bottom=1.2)
    return fig


def support_caption(kinds: pd.DataFrame, troops_acd: pd.Series, who: str) -> str:
    """Caption for :func:`support_figure`, naming each kind's peak."""
    peaks = "; ".join(
        f"{kind}: up to {int(col.max())} ({col.idxmax()})" for kind, col in kinds.items()
    )
    return (
        f"Line chart of how many outside supporters gave {who} each kind of support, "
        f"{kinds.index.min()}-{kinds.index.max()}, in the External Support Dataset ({peaks}). "
        f"The black line with squares counts the states that the Armed Conflict Dataset lists "
        f"as fighting alongside, {troops_acd.index.min()}-{troops_acd.index.max()}: from "
        f"{int(troops_acd.iloc[0])} to {int(troops_acd.max())} at most; where it agrees with "
        f"the troops line, it hides it. The support data end in {kinds.index.max()}."
    )


def bars_figure(values: pd.Series, title: str, ylabel: str, mark: int) -> Figure:
    """One bar per year (zeros shown as empty), with a dashed line at ``mark``."""
    fig, ax = plt.subplots(figsize=(10, 4.2))
    ax.bar(values.index, values.to_numpy(), color=PALETTE[5], width=0.8)
    ax.axvline(mark - 0.5, color=NEUTRAL, linestyle="--", linewidth=1)
    ax.annotate(
        f"from {mark}",
        (mark - 0.5, ax.get_ylim()[1]),
        xytext=(3, -12),
        textcoords="offset points",
        fontsize=8,
        color=NEUTRAL,
    )
    ax.set_title(title)
    _year_axis(ax)
    ax.set_ylabel(ylabel)
    ax.grid(alpha=0.3, axis="y")
    set_margins(fig)
    return fig


def bars_caption(values: pd.Series, what: str, mark: int) -> str:
    """Caption for :func:`bars_figure`: totals before and from ``mark``, and the top years."""
    before, after = values[values.index < mark], values[values.index >= mark]
    top = values.sort_values(ascending=False).head(3)
    return (
        f"Bar chart of {what} per year, {values.index.min()}-{values.index.max()}: "
        f"{int(before.sum()):,} before {mark} in {int((before > 0).sum())} years with any, and "
        f"{int(after.sum()):,} from {mark} on in {int((after > 0).sum())} years with any. "
        f"Largest years: {', '.join(f'{y} ({int(v):,})' for y, v in top.items())}. "
        f"Years with no bar have a count of zero."
    )
