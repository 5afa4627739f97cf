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
    "CHECK_FIGURES_ENV",
    "NO_DATA",
    "OKABE_ITO",
    "PALETTE",
    "SEQUENTIAL",
    "FigureOverflowError",
    "alt_text",
    "cumulative_counts",
    "overflow",
    "overlap_heatmap",
    "sequential_colours",
    "set_margins",
    "show",
    "stacked_bars",
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
        fig, ax = plt.subplots(figsize=(11, 5))
        set_margins(fig)
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


def set_margins(
    fig: Figure,
    *,
    left: float = 0.75,
    bottom: float = 0.6,
    right: float = 0.2,
    top: float = 0.4,
    wspace: float | None = None,
    hspace: float | None = None,
) -> None:
    """Place a figure's axes by margins in inches: the room its labels need.

    :func:`show` saves each figure at its own size without measuring it (a tight
    box would draw it twice), so every figure sets margins that hold its tick
    labels, axis labels, title and legends. Inches, not fractions, because a
    label takes the same room whatever the figure's size. The defaults suit one
    plot with a title and labelled axes; the tests measure every figure the
    notebooks show and fail if anything reaches past the edge (:func:`overflow`).
    """
    width, height = fig.get_size_inches()
    fig.subplots_adjust(
        left=left / width,
        right=1 - right / width,
        bottom=bottom / height,
        top=1 - top / height,
        wspace=wspace,
        hspace=hspace,
    )


def stacked_bars(
    ax: Axes, table: pd.DataFrame, colours: Mapping[str, str], **bar_options: Any
) -> pd.Series:
    """Stack the columns of ``table`` as bars over its index, in column order; return the totals.

    Bars of height zero are left out: they cannot be seen, and each would be one
    more artist to build and draw. Text in the index is placed by position, with
    the labels as ticks, so that leaving some bars out cannot reorder the labels.
    ``bar_options`` go to every ``ax.bar`` call (``width``, ``align``).
    """
    index = table.index
    numeric = pd.api.types.is_numeric_dtype(index) or pd.api.types.is_datetime64_any_dtype(index)
    labels = not numeric
    # The index itself, not a NumPy copy: a date index keeps ``width`` in days.
    x = pd.RangeIndex(len(table)) if labels else index
    bottom = pd.Series(0, index=index)
    for name, values in table.items():
        drawn = (values.fillna(0) != 0).to_numpy()
        if not drawn.any():
            drawn[:] = True  # an all-zero series keeps its (flat) bars, and so its legend entry
        ax.bar(
            x[drawn],
            values[drawn],
            bottom=bottom[drawn],
            color=colours[name],
            label=name,
            **bar_options,
        )
        bottom = bottom + values
    if labels:
        ax.set_xticks(x, [str(label) for label in index])
    return bottom


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
    set_margins(fig, left=1.15, bottom=0.8, right=0.2, top=0.3)
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
    set_margins(fig, right=0.35)
    return fig


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'“])")


def alt_text(caption: str) -> str:
    """The first sentence of ``caption``: the ``alt`` of the figure's image.

    A screen reader announces the image by it, then reads the whole caption below.
    """
    return _SENTENCE_END.split(caption.strip(), maxsplit=1)[0]


CHECK_FIGURES_ENV = "CTCOOP_CHECK_FIGURES"
"""Set (the tests and ``ctcoop-author record`` do) to measure every figure :func:`show` draws."""

_FIT_TOLERANCE_IN = 0.005  # half a pixel at 100 dpi: rounding, not overflow


class FigureOverflowError(ValueError):
    """A figure draws something past the edge of its canvas, where the image would cut it off."""


def overflow(fig: Figure) -> dict[str, float]:
    """How far, in inches, the figure's content reaches past each edge of its canvas.

    Empty when everything (titles, tick labels, legends) lies inside. Measuring
    costs about as much as drawing, so :func:`show` does it only when asked.
    """
    fig.draw_without_rendering()
    box = fig.get_tightbbox()
    width, height = fig.get_size_inches()
    past = {"left": -box.x0, "bottom": -box.y0, "right": box.x1 - width, "top": box.y1 - height}
    return {
        side: round(float(inches), 3) for side, inches in past.items() if inches > _FIT_TOLERANCE_IN
    }


def _svg(fig: Figure) -> bytes:
    """The figure as SVG, drawn once, the same bytes in every run.

    SVG rather than PNG: drawing it costs about half as much (no pixels, no
    second pass to find a tight box), and it stays sharp at any zoom. Text stays
    text (``svg.fonttype: none``), in the first of matplotlib's sans-serif
    fonts the reader's system has. A fixed ``hashsalt`` and no date make the
    stored notebook outputs stable.
    """
    import io

    import matplotlib

    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "ctcoop"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def show(fig: Figure, caption: str) -> None:
    """Display a figure with a text alternative, followed by its caption.

    The image is written as HTML, not as a bare image output, because JupyterLab
    draws an image output without any ``alt``; in HTML it carries the caption's
    first sentence (:func:`alt_text`) in JupyterLab, Voila and on the website.

    The figure is saved at its own size, with no tight box, so each figure sets
    margins that hold its labels (:func:`set_margins`). With
    ``CTCOOP_CHECK_FIGURES`` set, as in the tests, a figure whose content
    reaches past its canvas raises :class:`FigureOverflowError` instead.
    """
    import base64
    import os

    from IPython.display import HTML, display

    if os.environ.get(CHECK_FIGURES_ENV):
        past = overflow(fig)
        if past:
            plt.close(fig)
            raise FigureOverflowError(
                f"the figure reaches past its canvas by {past} (inches); "
                "widen those margins with plots.set_margins(fig, ...)"
            )
    svg = base64.b64encode(_svg(fig)).decode("ascii")
    plt.close(fig)
    display(
        HTML(
            f'<img src="data:image/svg+xml;base64,{svg}" alt="{escape(alt_text(caption))}"'
            ' style="max-width:100%">'
        )
    )
    display(HTML(f'<p class="ctc-caption"><em>Figure.</em> {escape(caption)}</p>'))
