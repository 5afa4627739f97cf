"""Figures of lesson 05, Intelligence security and confidentiality.

The function takes the table the lesson has just built, draws the figure and
returns it with its caption, computed from the same table, so the lesson cell
reads ``plots.show(*figures.listings_per_year(...))``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ctcoop.palette import PALETTE
from ctcoop.plots import plt, set_margins

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["listings_per_year"]


def listings_per_year(per_year: pd.DataFrame, regime: str) -> tuple[Figure, str]:
    """Stacked bars of current entries per year of listing: individuals, then entities.

    ``per_year`` has one row per year (years with no entry included, as 0) and the
    columns ``individual`` and ``entity``.
    """
    fig, ax = plt.subplots(figsize=(9, 4))
    ax.bar(per_year.index, per_year["individual"], color=PALETTE[4], label="individuals")
    ax.bar(
        per_year.index,
        per_year["entity"],
        bottom=per_year["individual"],
        color=PALETTE[0],
        label="entities",
    )
    ax.set_title(f"Current {regime} list entries, by year of listing")
    ax.set_xlabel("year of listing")
    ax.set_ylabel("entries still on the list")
    ax.legend()
    totals = per_year.sum(axis=1)
    top = totals.nlargest(3, keep="all")
    zero_years = [str(y) for y in totals.index[totals == 0]]
    caption = (
        f"Bar chart of the {int(totals.sum())} current entries of the {regime} regime "
        f"({per_year['individual'].sum()} individuals, blue; {per_year['entity'].sum()} "
        f"entities, orange) by year of listing, {per_year.index.min()}–{per_year.index.max()}. "
        f"The years with most entries are "
        + ", ".join(f"{y} ({n})" for y, n in top.items())
        + f". Years with no entry still listed: {', '.join(zero_years) or 'none'}. Entries "
        "delisted since are not in the data, so earlier years are undercounted."
    )
    set_margins(fig)
    return fig, caption
