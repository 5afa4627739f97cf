"""Figures are saved at their own size, so each must fit its canvas; the tests measure them.

``plots.show`` writes a figure as SVG without a tight box (which would draw it a
second time); the margins each figure sets (``plots.set_margins``) must hold its
labels. With ``CTCOOP_CHECK_FIGURES`` set, as for every notebook the tests run,
``show`` measures the figure and refuses one that reaches past its edge.
"""

from __future__ import annotations

import base64
import re

import IPython.display
import pytest
from matplotlib.figure import Figure

from ctcoop import plots

LONG = "a label far too long for the margin it was given"


def _bars(left: float) -> Figure:
    fig, ax = plots.plt.subplots(figsize=(6, 3))
    ax.barh([0, 1], [3, 4])
    ax.set_yticks([0, 1], ["short", LONG])
    ax.set_title("Invented bars")
    plots.set_margins(fig, left=left)
    return fig


def _shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj.data))
    return shown


def test_margins_are_inches_whatever_the_figure_size() -> None:
    for size in [(4, 3), (12, 6)]:
        fig, ax = plots.plt.subplots(figsize=size)
        plots.set_margins(fig, left=1.0, bottom=0.5, right=0.25, top=0.4)
        inches = fig.transFigure + fig.dpi_scale_trans.inverted()
        box = ax.get_position().transformed(inches)
        assert (box.x0, box.y0) == pytest.approx((1.0, 0.5))
        assert (size[0] - box.x1, size[1] - box.y1) == pytest.approx((0.25, 0.4))
        plots.plt.close(fig)


def test_overflow_names_the_side_a_label_reaches_past() -> None:
    tight, roomy = _bars(left=0.3), _bars(left=3.5)
    past = plots.overflow(tight)
    assert list(past) == ["left"] and past["left"] > 1
    assert plots.overflow(roomy) == {}
    plots.plt.close("all")


def test_checked_show_refuses_a_figure_that_would_be_cut_off(monkeypatch) -> None:
    monkeypatch.setenv(plots.CHECK_FIGURES_ENV, "1")
    shown = _shown(monkeypatch)
    with pytest.raises(plots.FigureOverflowError, match="left"):
        plots.show(_bars(left=0.3), "Invented bars. Nothing real.")
    assert shown == []
    plots.show(_bars(left=3.5), "Invented bars. Nothing real.")
    assert len(shown) == 2


def test_unchecked_show_does_not_measure(monkeypatch) -> None:
    """A learner's kernel draws the figure once: no measuring pass, even for a bad fit."""
    monkeypatch.delenv(plots.CHECK_FIGURES_ENV, raising=False)
    monkeypatch.setattr(plots, "overflow", lambda fig: pytest.fail("measured"))
    shown = _shown(monkeypatch)
    plots.show(_bars(left=0.3), "Invented bars. Nothing real.")
    assert len(shown) == 2


def test_the_image_is_the_same_svg_in_every_run_with_its_text_as_text(monkeypatch) -> None:
    shown = _shown(monkeypatch)
    for _ in range(2):
        plots.show(_bars(left=3.5), "Invented bars. Nothing real.")
    first, second = (
        base64.b64decode(re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', html).group(1))
        for html in shown[::2]
    )
    assert first == second
    svg = first.decode("utf-8")
    assert svg.startswith("<?xml") and "<dc:date>" not in svg
    assert ">Invented bars</text>" in svg and f">{LONG}</text>" in svg
