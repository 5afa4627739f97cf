"""Figures of lesson 13, Lessons learned, and of the capstone country profile.

Each function draws what the lesson (or :mod:`ctcoop.lessons.l13_lessons_learned.profile`)
has computed, with the
course palette, builds the caption from the same numbers, and shows both through
:func:`ctcoop.plots.show`.
"""

from __future__ import annotations

import io

import pandas as pd

from ctcoop.data import load_world_map
from ctcoop.palette import OKABE_ITO
from ctcoop.plots import plt, set_margins, show, world_map

__all__ = ["VERDICT_COLOURS", "locator_png", "verdicts_by_section"]

VERDICT_COLOURS = {
    "accurate": OKABE_ITO["bluish green"],
    "misleading": OKABE_ITO["orange"],
    "inaccurate": OKABE_ITO["vermillion"],
    "unverifiable": OKABE_ITO["sky blue"],
}


def _verdict_list(counts: pd.Series) -> str:
    return ", ".join(f"{int(n)} {verdict}" for verdict, n in counts.items() if n)


def verdicts_by_section(counts: pd.DataFrame) -> None:
    """Horizontal stacked bars: claims per article section (rows) by verdict (columns)."""
    fig, ax = plt.subplots(figsize=(9, 0.6 * len(counts) + 1.6))
    left = pd.Series(0, index=counts.index)
    for verdict in counts.columns:
        ax.barh(
            counts.index,
            counts[verdict],
            left=left,
            color=VERDICT_COLOURS[verdict],
            label=verdict,
            edgecolor="white",
        )
        left = left + counts[verdict]
    ax.invert_yaxis()
    ax.set_title("The article's checked claims by section and verdict")
    ax.set_xlabel("claims checked by the course")
    ax.set_ylabel("section of the article")
    ax.legend(loc="lower right", fontsize=9)
    ax.xaxis.get_major_locator().set_params(integer=True)
    set_margins(fig, left=4.6)
    totals = counts.sum()
    parts = "; ".join(f"{section}: {_verdict_list(row)}" for section, row in counts.iterrows())
    show(
        fig,
        (
            f"Stacked bars of the {int(totals.sum())} claims in the scorecard, one bar per "
            f"section of the article, coloured by verdict. Overall: "
            f"{_verdict_list(totals)}. By section: {parts}."
        ),
    )


def locator_png(iso3: str, name: str) -> tuple[bytes, str]:
    """A small world map with one state highlighted, as PNG bytes, and its caption (the
    text alternative). States too small for the 1:110m map have no polygon; the caption
    says so."""
    world = load_world_map()
    drawn = {f["properties"]["iso3"] for f in world["features"]}
    fig = world_map(
        world,
        {iso3: name},
        {name: OKABE_ITO["vermillion"]},
        title=f"Where {name} is",
        no_data_label="other states",
    )
    fig.set_size_inches(6, 3.2)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=80, bbox_inches="tight")
    plt.close(fig)
    note = "" if iso3 in drawn else " It is too small to appear on this 1:110m map."
    return buffer.getvalue(), (
        f"World map with {name} ({iso3}) in vermillion and other states in grey.{note}"
    )
