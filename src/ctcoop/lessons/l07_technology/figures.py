"""Figures of lesson 07, Technology and cooperation: drawing and captions.

Each function takes what the lesson computed (a table, a few series) and
returns ``(figure, caption)``; the lesson shows them with ``plots.show``. The
captions are built from the same numbers the figure draws, so they are the
figure's text alternative.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator
from PIL import Image

from ctcoop.plots import PALETTE, plt, sequential_colours, set_margins, world_map

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "GROUP_COLOURS",
    "group_distributions",
    "internet_map",
    "medians_over_time",
    "screening_tradeoff",
    "image_row",
    "INTERNET_BINS",
]

GROUP_COLOURS: dict[str, str] = {
    "governments fighting jihadist groups": PALETTE[5],
    "states fighting on their side": PALETTE[0],
    "jurisdictions on a FATF list": PALETTE[6],
    "FATF member jurisdictions": PALETTE[4],
}
INTERNET_BINS: tuple[int, ...] = (0, 25, 50, 75, 90, 101)


def _bin_label(low: int, high: int) -> str:
    return f"{low}-{high - 1}%" if high <= 100 else f"{low}-100%"


def group_distributions(
    values: Mapping[str, pd.Series], year: int, label: str
) -> tuple[Figure, str]:
    """Box plots with every state as a dot, one row per group of states."""
    fig, ax = plt.subplots(figsize=(10, 4.2))
    names = list(values)
    rng = np.random.default_rng(7)  # fixed jitter: the same figure on every run
    for row, name in enumerate(names):
        data = values[name].dropna()
        ax.boxplot(
            data,
            positions=[row],
            vert=False,
            widths=0.5,
            showfliers=False,
            medianprops={"color": "black", "linewidth": 2},
        )
        ax.scatter(
            data,
            row + rng.uniform(-0.18, 0.18, len(data)),
            s=14,
            alpha=0.8,
            color=GROUP_COLOURS.get(name, PALETTE[7]),
            zorder=3,
        )
    ax.set_yticks(range(len(names)), [f"{n} ({values[n].notna().sum()})" for n in names])
    ax.set_xlim(0, 100)
    ax.set_xlabel(label)
    ax.set_title(f"{label.capitalize()}, {year}, by group of states (number with data)")
    ax.grid(axis="x", alpha=0.3)
    set_margins(fig, left=3.25, right=0.3)
    medians = "; ".join(
        f"{n}: median {values[n].median():.0f}% "
        f"(middle half {values[n].quantile(0.25):.0f}-"
        f"{values[n].quantile(0.75):.0f}%, {values[n].notna().sum()} with data "
        f"of {len(values[n])})"
        for n in names
    )
    caption = (
        f"Box plots of {label} in {year}, one dot per state; the box spans the middle "
        f"half of the states and the black bar is the median. {medians}. A state can "
        "belong to several groups."
    )
    return fig, caption


def internet_map(world: Mapping[str, Any], share: pd.Series, year: int) -> tuple[Figure, str]:
    """World map of internet use in bins, light (low) to dark (high)."""
    labels = [_bin_label(lo, hi) for lo, hi in zip(INTERNET_BINS, INTERNET_BINS[1:], strict=False)]
    binned = pd.cut(share, bins=list(INTERNET_BINS), right=False, labels=labels)
    category = binned.dropna().astype(str).to_dict()
    fig = world_map(
        world,
        category,
        sequential_colours(labels),
        title=f"Individuals using the internet, % of population, {year}",
        no_data_label=f"no value for {year}",
    )
    drawn = {f["properties"]["iso3"] for f in world["features"]} - {"ATA"}  # not drawn
    counts = binned[binned.index.isin(drawn)].value_counts().reindex(labels)
    missing = len(drawn - set(category))
    caption = (
        f"World map of internet use in {year}, in five bands from light (low) to dark "
        f"(high): "
        + ", ".join(f"{n} countries at {b}" for b, n in counts.items())
        + f". {missing} drawn countries have no value for {year} (light grey)."
    )
    return fig, caption


def medians_over_time(
    medians: Mapping[str, pd.DataFrame], counts: Mapping[str, Mapping[str, int]]
) -> tuple[Figure, str]:
    """One panel per indicator: the median of each group, year by year.

    ``counts`` gives, per indicator, how many states of each group the medians use.
    """
    fig, axes = plt.subplots(1, len(medians), figsize=(11, 4.3), sharex=False)
    parts = []
    for ax, (label, table) in zip(np.atleast_1d(axes), medians.items(), strict=True):
        for group in table.columns:
            ax.plot(
                table.index,
                table[group],
                marker="o",
                markersize=3,
                label=group,
                color=GROUP_COLOURS.get(group, PALETTE[7]),
            )
        ax.set_title(label)
        ax.set_xlabel("year")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylabel("median of the states in the group")
        ax.grid(alpha=0.3)
        first, last = table.index.min(), table.index.max()
        high, low = table.columns[-1], table.columns[0]
        sizes = ", ".join(f"{g} {n}" for g, n in counts[label].items())
        parts.append(
            f"{label} (states per group: {sizes}): {low} from "
            f"{table.loc[first, low]:.1f} ({first}) to {table.loc[last, low]:.1f} "
            f"({last}), {high} from {table.loc[first, high]:.1f} to "
            f"{table.loc[last, high]:.1f}"
        )
    np.atleast_1d(axes)[0].legend(fontsize=8, loc="upper left")
    fig.suptitle("Medians by group of states, over time")
    set_margins(fig, top=0.7, wspace=0.25)
    caption = (
        "Line charts of the median of each group, year by year, over the same states "
        "in every year (those with a value in each year). " + "; ".join(parts) + "."
    )
    return fig, caption


def screening_tradeoff(table: pd.DataFrame, n_listed: int, n_others: int) -> tuple[Figure, str]:
    """False alarms and misses against the alert threshold."""
    fig, ax = plt.subplots(figsize=(8.5, 4))
    ax.step(
        table.index,
        table["false_alarms"],
        where="mid",
        color=PALETTE[5],
        linewidth=2,
        label=f"false alarms (of {n_others} other people)",
    )
    ax.step(
        table.index,
        table["misses"],
        where="mid",
        color=PALETTE[4],
        linewidth=2,
        linestyle="--",
        label=f"misses (of {n_listed} listed people)",
    )
    ax.set_xlabel("alert threshold (score 0-100)")
    ax.set_ylabel("invented names")
    ax.set_title("Screening invented names: what each threshold costs")
    ax.legend(fontsize=9)
    ax.grid(alpha=0.3)
    set_margins(fig)
    both_zero = table[(table["false_alarms"] == 0) & (table["misses"] == 0)]
    lo, hi = table.index.min(), table.index.max()
    caption = (
        f"Step chart of false alarms (solid) and misses (dashed) as the threshold rises "
        f"from {lo} to {hi}: false alarms fall from {table['false_alarms'].iloc[0]} to "
        f"{table['false_alarms'].iloc[-1]}, misses rise from {table['misses'].iloc[0]} "
        f"to {table['misses'].iloc[-1]}. "
        + (
            "No threshold gives neither."
            if both_zero.empty
            else f"Both are zero at {list(both_zero.index)}."
        )
        + " All names are invented."
    )
    return fig, caption


def image_row(images: Mapping[str, Image.Image], hashes: pd.DataFrame) -> tuple[Figure, str]:
    """The images side by side, each titled with the start of its two hashes."""
    fig, axes = plt.subplots(1, len(images), figsize=(2.2 * len(images), 3.2))
    for ax, (name, image) in zip(np.atleast_1d(axes), images.items(), strict=True):
        ax.imshow(image, cmap="gray", vmin=0, vmax=255, interpolation="nearest")
        ax.set_title(
            f"{name}\nSHA {hashes.loc[name, 'sha256'][:6]}...\n"
            f"dhash {hashes.loc[name, 'perceptual']}",
            fontsize=8,
        )
        ax.set_xticks([])
        ax.set_yticks([])
    fig.suptitle("The images made in this notebook, with their hashes", fontsize=10)
    set_margins(fig, left=0.15, right=0.15, bottom=0.2, top=0.8, wspace=0.08)
    caption = (
        "Grey-scale images drawn with NumPy, each titled with the first six hex digits "
        "of its SHA-256 hash and its 16-digit perceptual hash: "
        + "; ".join(
            f"{n}: SHA {hashes.loc[n, 'sha256'][:6]}, perceptual {hashes.loc[n, 'perceptual']}"
            for n in images
        )
        + "."
    )
    return fig, caption
