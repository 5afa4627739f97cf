"""Figures for the course: one colour-blind-safe palette, maps, and captions.

Every figure in the course goes through :func:`show`, which draws it and puts
a caption under it in words, so that the figure has a text alternative for
screen readers and for anyone who cannot tell the colours apart.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pandas as pd

from ctcoop.palette import NO_DATA, OKABE_ITO, PALETTE, SEQUENTIAL

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "NO_DATA",
    "OKABE_ITO",
    "PALETTE",
    "SEQUENTIAL",
    "alt_text",
    "cumulative_counts",
    "overlap_heatmap",
    "sequential_colours",
    "show",
    "world_map",
]

_styled = False


def pyplot() -> ModuleType:
    """``matplotlib.pyplot`` with the course's style (palette colour cycle, 100 dpi).

    Importing pyplot costs most of a second on a small machine, so it happens
    here, when a figure is first drawn, never when the package is imported: a
    notebook that only loads data or answers exercises does not pay for it.
    The style is applied once, so a learner's own later settings stand.
    """
    global _styled
    import matplotlib.pyplot

    if not _styled:
        matplotlib.pyplot.rcParams.update(
            {"axes.prop_cycle": matplotlib.pyplot.cycler(color=PALETTE), "figure.dpi": 100}
        )
        _styled = True
    return matplotlib.pyplot


class _LazyPyplot:
    """Stands for ``matplotlib.pyplot`` (as ``plt``) and imports it on first use.

    The lesson figure modules draw with ``from ctcoop.plots import plt``, so that
    importing them stays cheap and every figure gets the course's style.
    """

    def __getattr__(self, name: str) -> Any:
        return getattr(pyplot(), name)


plt: Any = _LazyPyplot()


def _rings(geometry: Mapping[str, Any]) -> list[list[list[float]]]:
    """Outer rings of a GeoJSON Polygon or MultiPolygon."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    if geometry["type"] == "MultiPolygon":
        return [polygon[0] for polygon in geometry["coordinates"]]
    return []


def world_map(
    world: Mapping[str, Any],
    category_by_iso3: Mapping[str, str],
    colours: Mapping[str, str],
    title: str,
    no_data_label: str = "no data / not a member",
    ax: Axes | None = None,
) -> Figure:
    """Colour each country of a GeoJSON world layer by a category.

    ``category_by_iso3`` maps ISO3 codes to category labels, ``colours`` maps
    those labels to colours (in legend order). Countries missing from the
    mapping are drawn grey; Antarctica is left out to save space.
    """
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Patch, Polygon

    if ax is None:
        fig, ax = plt.subplots(figsize=(11, 5.2))
    else:
        fig = ax.figure
    patches, facecolours = [], []
    for feature in world["features"]:
        props = feature["properties"]
        if props.get("iso3") == "ATA":
            continue
        colour = colours.get(category_by_iso3.get(props.get("iso3"), ""), NO_DATA)
        for ring in _rings(feature["geometry"]):
            patches.append(Polygon(ring, closed=True))
            facecolours.append(colour)
    ax.add_collection(
        PatchCollection(patches, facecolor=facecolours, edgecolor="white", linewidth=0.3)
    )
    ax.set_xlim(-180, 180)
    ax.set_ylim(-58, 84)
    ax.set_aspect("equal")
    ax.set_xlabel("longitude (degrees)")
    ax.set_ylabel("latitude (degrees)")
    ax.set_title(title)
    handles = [Patch(facecolor=c, label=label) for label, c in colours.items()]
    handles.append(Patch(facecolor=NO_DATA, label=no_data_label))
    ax.legend(handles=handles, loc="lower left", fontsize=8, frameon=True)
    return fig


def sequential_colours(labels: list[str]) -> dict[str, str]:
    """Colours for ordered categories, light (first) to dark (last), from cividis."""
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    cmap = colormaps[SEQUENTIAL]
    steps = max(len(labels) - 1, 1)
    return {label: to_hex(cmap(0.95 - 0.8 * i / steps)) for i, label in enumerate(labels)}


def overlap_heatmap(matrix: pd.DataFrame, title: str, label: str) -> Figure:
    """A square table of counts (e.g. states in both bodies) as an annotated heatmap."""
    fig, ax = plt.subplots(figsize=(6.5, 5.5))
    image = ax.imshow(matrix.to_numpy(), cmap=SEQUENTIAL)
    ax.set_xticks(range(len(matrix.columns)), matrix.columns, rotation=30, ha="right")
    ax.set_yticks(range(len(matrix.index)), matrix.index)
    threshold = matrix.to_numpy().max() / 2
    for row in range(len(matrix.index)):
        for col in range(len(matrix.columns)):
            value = matrix.iat[row, col]
            ax.text(
                col,
                row,
                f"{value}",
                ha="center",
                va="center",
                color="black" if value > threshold else "white",
                fontsize=9,
            )
    ax.set_xlabel(matrix.columns.name or "")
    ax.set_ylabel(matrix.index.name or "")
    ax.set_title(title)
    fig.colorbar(image, ax=ax, label=label, shrink=0.8)
    fig.tight_layout()
    return fig


def cumulative_counts(
    years_by_group: Mapping[str, pd.Series], title: str, ylabel: str, start: int, end: int
) -> Figure:
    """Step lines of how many members each group had, year by year.

    Each series holds one year per member (missing years are left out, so a
    line can only undercount; say so in the caption).
    """
    fig, ax = plt.subplots(figsize=(10, 5))
    years = range(start, end + 1)
    for (group, joined), colour in zip(years_by_group.items(), PALETTE, strict=False):
        counts = joined.dropna().astype(int).value_counts()
        totals = [int(counts[counts.index <= year].sum()) for year in years]
        ax.step(list(years), totals, where="post", label=group, color=colour, linewidth=2)
    ax.set_xlabel("year")
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend(loc="upper left", fontsize=9)
    ax.grid(alpha=0.3)
    return fig


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'“])")


def alt_text(caption: str) -> str:
    """The first sentence of ``caption``: the ``alt`` of the figure's image.

    A screen reader announces the image by it, then reads the whole caption below.
    """
    return _SENTENCE_END.split(caption.strip(), maxsplit=1)[0]


def show(fig: Figure, caption: str) -> None:
    """Display a figure with a text alternative, followed by its caption.

    The image is written as HTML, not as a bare PNG output, because JupyterLab
    draws a PNG output without any ``alt``; in HTML it carries the caption's
    first sentence (:func:`alt_text`) in JupyterLab, Voila and on the website.
    """
    import base64
    import io

    from IPython.display import HTML, display

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")  # as the inline backend draws it
    plt.close(fig)
    png = base64.b64encode(buffer.getvalue()).decode("ascii")
    display(
        HTML(
            f'<img src="data:image/png;base64,{png}" alt="{escape(alt_text(caption))}"'
            ' style="max-width:100%">'
        )
    )
    display(HTML(f'<p class="ctc-caption"><em>Figure.</em> {escape(caption)}</p>'))
