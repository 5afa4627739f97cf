"""Figures of lesson 08, Legal and policy frameworks.

Each function takes the table the lesson has just computed, draws it with the
course palette, builds the caption (the figure's text alternative) from the
same numbers, and shows both through :func:`ctcoop.plots.show`.
"""

from __future__ import annotations

import pandas as pd

from ctcoop.lessons.l08_legal_frameworks.resolution_kinds import LATER_KIND
from ctcoop.plots import NO_DATA, PALETTE, plt, set_margins, show, stacked_bars

__all__ = ["cumulative_parties", "joins_per_quarter", "regional_timeline", "resolutions_by_kind"]


def _colours(labels: list[str]) -> dict[str, str]:
    """Palette colours for up to seven series, skipping yellow (too pale for thin lines)."""
    readable = [c for i, c in enumerate(PALETTE) if i != 3]
    return dict(zip(labels, readable, strict=False))


def cumulative_parties(cumulative: pd.DataFrame, in_force: pd.Series) -> None:
    """Step lines of parties per convention (columns) by date (index), with a dot at the
    date each convention entered into force."""
    colours = _colours(list(cumulative.columns))
    fig, ax = plt.subplots(figsize=(10, 5))
    for name, series in cumulative.items():
        ax.step(series.index, series, where="post", color=colours[name], linewidth=2, label=name)
        day = in_force[name]
        ax.plot(
            [day],
            [series[series.index <= day].iloc[-1]],
            "o",
            color=colours[name],
            markersize=7,
            markeredgecolor="black",
        )
    ax.set_title("Parties to five UN counter-terrorism conventions (UNTC status of 2014)")
    ax.set_xlabel("date the instrument of ratification, accession, ... was deposited")
    ax.set_ylabel("states bound (cumulative)")
    ax.legend(loc="upper left", fontsize=9)
    ax.grid(alpha=0.3)
    final = cumulative.iloc[-1].astype(int)
    totals = "; ".join(f"{name} {count}" for name, count in final.items())
    set_margins(fig)
    show(
        fig,
        (
            f"Step lines, one per convention, of how many states had deposited an instrument of "
            f"consent to be bound, from {cumulative.index.min():%Y} to {cumulative.index.max():%Y}."
            f" Counts at the end of the data: {totals}. A dot marks each convention's entry into "
            f"force. States that joined after the 2014 snapshot are not drawn."
        ),
    )


def joins_per_quarter(quarterly: pd.DataFrame, marker: pd.Timestamp, label: str) -> None:
    """Stacked bars of new parties per quarter (index: quarter start), one colour per
    convention (columns), with a vertical line at ``marker``."""
    colours = _colours(list(quarterly.columns))
    fig, ax = plt.subplots(figsize=(10, 4.5))
    bottom = stacked_bars(ax, quarterly, colours, width=80, align="edge")
    ax.axvline(marker, color="black", linestyle="--", linewidth=1.2)
    ax.text(marker, bottom.max() * 0.8, f"{label} ", fontsize=9, va="top", ha="right")
    ax.set_title("New parties per quarter, by convention")
    ax.set_xlabel("quarter in which the instrument was deposited")
    ax.set_ylabel("states becoming bound")
    ax.legend(loc="upper left", fontsize=8)  # the right holds the peak quarters
    ax.grid(axis="y", alpha=0.3)
    before = bottom[bottom.index < marker]
    after = bottom[bottom.index >= marker]
    peak = bottom.idxmax()
    set_margins(fig)
    show(
        fig,
        (
            f"Stacked bars of how many states became bound to each convention per quarter, "
            f"{quarterly.index.min():%Y} to {quarterly.index.max():%Y}, with a dashed line at "
            f"{marker:%d %B %Y} ({label}). Before the line the quarters average "
            f"{before.mean():.1f} new parties; from the line on they average {after.mean():.1f}. "
            f"The highest quarter starts {peak:%B %Y}, with {int(bottom.max())}."
        ),
    )


def resolutions_by_kind(counts: pd.DataFrame, coded_later: str = LATER_KIND) -> None:
    """Stacked bars of Security Council resolutions per period (index) and kind (columns).

    The caption compares periods without ``coded_later``, the kind the table counts only
    from July 2022: a "busiest period" that mixed two codings would be an artefact.
    """
    colours = _colours(list(counts.columns))
    fig, ax = plt.subplots(figsize=(10, 4.5))
    bottom = stacked_bars(ax, counts, colours)
    ax.set_title("Security Council resolutions on terrorism, by kind and five-year period")
    ax.set_xlabel("period (the last one is incomplete and partly compiled)")
    ax.tick_params(axis="x", labelrotation=30)
    ax.set_ylabel("resolutions")
    ax.legend(loc="upper left", fontsize=8)
    ax.grid(axis="y", alpha=0.3)
    set_margins(fig, bottom=1.0)
    totals = counts.sum()
    parts = "; ".join(f"{kind} {int(n)}" for kind, n in totals.items())
    same = bottom - counts[coded_later]
    recent = "; ".join(f"{period} {int(n)}" for period, n in same.tail(3).items())
    show(
        fig,
        (
            f"Stacked bars of {int(totals.sum())} resolutions per five-year period, coloured by "
            f"kind. Totals: {parts}. The kind '{coded_later}' is counted only from July 2022, a "
            f"change of coding; without it the busiest period is {same.idxmax()}, with "
            f"{int(same.max())}, and the last three periods have {recent}. "
            f"Before 1990 there are {int(bottom[[str(p) < '1990' for p in counts.index]].sum())}."
        ),
    )


def regional_timeline(frameworks: pd.DataFrame) -> None:
    """One row per regional instrument: a bar from adoption to entry into force, or a
    hollow dot where the entry into force is not in the data."""
    rows = frameworks.sort_values("year").reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(11, 5))
    start = rows["adopted"].fillna(pd.to_datetime(rows["year"].astype(str) + "-07-01"))
    known = rows["entry_into_force"].notna()
    ax.hlines(
        rows.index[known],
        start[known],
        rows.loc[known, "entry_into_force"],
        color=PALETTE[4],
        linewidth=4,
        label="adoption to entry into force",
    )
    ax.plot(
        start[~known],
        rows.index[~known],
        "o",
        markerfacecolor="white",
        markeredgecolor=PALETTE[5],
        markersize=8,
        label="entry into force not in the data",
    )
    ax.plot(start[known], rows.index[known], "|", color="black", markersize=10)
    ax.set_yticks(
        rows.index,
        [f"{o}, {y}" for o, y in zip(rows["organisation"], rows["year"], strict=True)],
        fontsize=8,
    )
    ax.invert_yaxis()
    ax.set_title("Regional counter-terrorism instruments: adoption and entry into force")
    ax.set_xlabel("date (a year without a day is drawn at mid-year)")
    ax.grid(axis="x", alpha=0.3, color=NO_DATA)
    ax.legend(loc="lower left", fontsize=8)
    set_margins(fig, left=3.95)
    waits = (rows.loc[known, "entry_into_force"] - start[known]).dt.days / 365.25
    show(
        fig,
        (
            f"Timeline of {len(rows)} regional instruments, {rows['year'].min()} to "
            f"{rows['year'].max()}. For the {int(known.sum())} whose entry into force is in the "
            f"data, a bar runs from adoption to entry into force: between {waits.min():.1f} and "
            f"{waits.max():.1f} years. {int((~known).sum())} have a hollow dot only: the date "
            f"was not found, the sources disagree, or (EU acts) there is no ratification."
        ),
    )
