"""Figures of lesson 03, Jurisdiction and sovereignty.

Each function takes the table the lesson has just built, draws one figure and
returns it with its caption, computed from the same table, so the lesson cell
reads ``plots.show(*figures.name(table))``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pandas as pd

from ctcoop.palette import PALETTE
from ctcoop.plots import plt, set_margins, stacked_bars

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "FORUM_COLOURS",
    "count_year",
    "instrument_timeline",
    "party_counts",
    "unanimity_by_decade",
    "vetoes_by_subject",
]

FORUM_COLOURS = {
    "ICAO": PALETTE[0],
    "UN General Assembly": PALETTE[4],
    "IMO": PALETTE[2],
    "IAEA": PALETTE[5],
}
"""One colour per forum that negotiated an instrument (the lesson's ``forum`` column)."""

_TOPIC_COLOURS = [PALETTE[i] for i in (1, 0, 2, 5, 7)]


def count_year(as_of: object) -> str:
    """The year of a party count, from the free text of ``parties_as_of``.

    "undated" when the source gives no date of its own (a year quoted inside an
    undated text belongs to another count), "" when there is no text at all.
    """
    if pd.isna(as_of):
        return ""
    text = str(as_of)
    if "undated" in text:
        return "undated"
    found = re.search(r"(19|20)\d\d", text)
    return found.group(0) if found else "undated"


def instrument_timeline(instruments: pd.DataFrame) -> tuple[Figure, str]:
    """Each instrument as a line from adoption to entry into force, coloured by forum."""
    timeline = instruments.sort_values("adopted", ascending=False).reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(9, 6.5))
    for y, row in timeline.iterrows():
        colour = FORUM_COLOURS.get(row["forum"], PALETTE[7])
        ax.plot([row["adopted"], row["entry_into_force"]], [y, y], color=colour, linewidth=3)
        ax.plot(row["adopted"], y, "o", color=colour)
    ax.set_yticks(range(len(timeline)), timeline["short_name"], fontsize=8)
    for label, colour in FORUM_COLOURS.items():
        ax.plot([], [], color=colour, linewidth=3, label=label)
    ax.legend(title="negotiated in", loc="upper right", fontsize=8)
    ax.set_xlabel("year (dot: adopted; end of line: entered into force)")
    ax.set_title("The 19 counter-terrorism instruments: from adoption to entry into force")
    ax.grid(axis="x", alpha=0.3)
    waits = instruments["years_to_entry_into_force"]
    slowest = instruments.loc[waits.idxmax()]
    fastest = instruments.loc[waits.idxmin()]
    forums = ", ".join(f"{k} {v}" for k, v in instruments["forum"].value_counts().items())
    caption = (
        f"Horizontal lines, one per instrument, from adoption to entry into force, "
        f"{instruments['adopted'].dt.year.min()} to "
        f"{instruments['entry_into_force'].dt.year.max()}. The median wait was "
        f"{waits.median():.1f} years; the fastest was the {fastest['short_name']} "
        f"({fastest['years_to_entry_into_force']:.1f} years), the slowest the "
        f"{slowest['short_name']} ({slowest['years_to_entry_into_force']:.1f} years). "
        f"Forums: {forums}."
    )
    set_margins(fig, left=2.4)
    return fig, caption


def party_counts(instruments: pd.DataFrame) -> tuple[Figure, str]:
    """The 2001 and the latest party counts of each instrument, the latest labelled by year."""
    shown = instruments.sort_values("adopted", ascending=False).reset_index(drop=True)
    years = shown["parties_as_of"].map(count_year)
    fig, ax = plt.subplots(figsize=(9, 6.5))
    ax.scatter(
        shown["parties_2001"],
        shown.index,
        marker="o",
        s=60,
        color=PALETTE[0],
        label="around Sept 2001 (UK Parliament annex)",
        zorder=3,
    )
    ax.scatter(
        shown["parties_reported"],
        shown.index,
        marker="s",
        s=50,
        color=PALETTE[4],
        label="latest reported, with the year of its source",
        zorder=3,
    )
    for y, row in shown.iterrows():
        if pd.notna(row["parties_reported"]):
            ax.text(
                row["parties_reported"] + 3,
                y,
                f"{row['parties_reported']} ({years[y]})",
                va="center",
                fontsize=7,
            )
        elif pd.isna(row["parties_2001"]):
            ax.text(5, y, "no count in the data", va="center", fontsize=8, style="italic")
    ax.set_yticks(range(len(shown)), shown["short_name"], fontsize=8)
    ax.set_xlim(0, 230)
    ax.set_ylim(-0.6, len(shown) - 0.4)
    ax.set_xlabel("number of states parties")
    ax.set_title("States parties to each instrument: the counts the data hold")
    ax.legend(loc="upper left", fontsize=8)
    ax.grid(axis="x", alpha=0.3)
    both = shown[shown["parties_2001"].notna() & shown["parties_reported"].notna()]
    neither = shown[shown["parties_2001"].isna() & shown["parties_reported"].isna()]
    latest = shown["parties_reported"].notna()
    oldest = years[latest & years.str.fullmatch(r"\d{4}")].astype(int)
    oldest_row = shown.loc[oldest.idxmin()]
    caption = (
        f"Dot chart of party counts. Circles: {shown['parties_2001'].notna().sum()} counts "
        f"from around September 2001; squares: {latest.sum()} later counts, each labelled "
        f"with the year of its source ({(years[latest] == 'undated').sum()} undated). "
        + "; ".join(
            f"The {r['short_name']} has both: {r['parties_2001']} in 2001 and "
            f"{r['parties_reported']} as of {years[i]}"
            for i, r in both.iterrows()
        )
        + f". The oldest later count is the {oldest_row['short_name']}'s "
        f"{oldest_row['parties_reported']} parties, as of {oldest.min()}. No count at all for: "
        + ", ".join(neither["short_name"])
        + "."
    )
    set_margins(fig, left=2.4)
    return fig, caption


def unanimity_by_decade(by_decade: pd.DataFrame, overall: pd.Series) -> tuple[Figure, str]:
    """Grouped bars: share unanimous per decade, all resolutions against terrorism-related.

    ``by_decade`` has the lesson's two-level columns (``all`` and
    ``terrorism-related``, each with ``share unanimous`` and ``resolutions``).
    """
    fig, ax = plt.subplots(figsize=(8, 4))
    decades = by_decade.index.to_numpy()
    width = 3.5
    ax.bar(
        decades - width / 2,
        by_decade[("all", "share unanimous")],
        width,
        color=PALETTE[4],
        label="all resolutions",
    )
    ax.bar(
        decades + width / 2,
        by_decade[("terrorism-related", "share unanimous")],
        width,
        color=PALETTE[0],
        label="terrorism-related",
    )
    for d, r in by_decade["terrorism-related"].dropna().iterrows():
        if r["resolutions"] > 0:
            ax.text(
                d + width / 2,
                r["share unanimous"] + 0.02,
                f"n={r['resolutions']:.0f}",
                ha="center",
                fontsize=7,
            )
    ax.set_xticks(decades, [f"{d}s" for d in decades])
    ax.set_ylim(0, 1.1)
    ax.set_xlabel(
        "decade of adoption (the 2020s run to June 2022); n = terrorism-related resolutions"
    )
    ax.set_ylabel("share adopted unanimously")
    ax.set_title("Security Council resolutions adopted unanimously, 1946–2022")
    ax.legend(loc="upper left", fontsize=8)
    ax.grid(axis="y", alpha=0.3)
    share_all = by_decade[("all", "share unanimous")]
    terr = by_decade["terrorism-related"].dropna()
    caption = (
        f"Grouped bars per decade. All resolutions: the unanimous share rises from "
        f"{share_all.iloc[0]:.0%} in the {share_all.index[0]}s to a peak of "
        f"{share_all.max():.0%} in the {share_all.idxmax()}s. Terrorism-related resolutions "
        f"(none before the {terr.index.min()}s): "
        + "; ".join(
            f"{d}s {r['share unanimous']:.0%} of {int(r['resolutions'])}"
            for d, r in terr.iterrows()
        )
        + " (the 2020s run to June 2022)"
        + f". Overall {overall['terrorism-related']:.0%} against "
        f"{overall['all resolutions']:.0%}."
    )
    set_margins(fig)
    return fig, caption


def vetoes_by_subject(by_topic: pd.DataFrame, vetoes: pd.DataFrame) -> tuple[Figure, str]:
    """Stacked bars of vetoed drafts per decade, one colour per subject group."""
    named = dict(zip(by_topic.columns, _TOPIC_COLOURS, strict=False))
    colours = {group: named.get(group, PALETTE[7]) for group in by_topic.columns}
    fig, ax = plt.subplots(figsize=(8, 4))
    stacked_bars(ax, by_topic, colours, width=7)
    ax.set_xticks(by_topic.index, [f"{d}s" for d in by_topic.index])
    ax.set_xlabel("decade")
    ax.set_ylabel("vetoed drafts")
    ax.set_title("Vetoed Security Council drafts per decade, by subject group, 1946–2022")
    ax.legend(fontsize=8)
    ax.grid(axis="y", alpha=0.3)
    per_decade = by_topic.sum(axis=1)
    totals = by_topic.sum()
    membership = by_topic["UN membership"]
    caption = (
        f"Stacked bars of {len(vetoes)} vetoed drafts by decade. Most vetoes fell in the "
        f"{per_decade.idxmax()}s ({per_decade.max()}), and fewest in the "
        f"{per_decade.idxmin()}s ({per_decade.min()}; the data end on "
        f"{vetoes['date'].max():%d %B %Y}). By subject group over the whole period: "
        + ", ".join(f"{g} {n}" for g, n in totals.sort_values(ascending=False).items())
        + f". The last UN membership vetoes fall in the "
        f"{membership[membership > 0].index.max()}s; Middle East vetoes occur in "
        f"{(by_topic['Middle East'] > 0).sum()} of the {len(by_topic)} decades; vetoes on a "
        f"terrorism agenda item: {totals['terrorism']}."
    )
    set_margins(fig)
    return fig, caption
