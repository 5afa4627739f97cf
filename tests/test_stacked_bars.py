"""``plots.stacked_bars``: the stacks the lessons draw, without the bars nobody can see."""

from __future__ import annotations

import pandas as pd
import pytest

from ctcoop import plots

COLOURS = {"first": "#0072B2", "second": "#E69F00"}


def _stack(table: pd.DataFrame, **options: object) -> tuple[list, pd.Series]:
    fig, ax = plots.plt.subplots()
    totals = plots.stacked_bars(ax, table, COLOURS, **options)
    bars = [(c.get_label(), p) for c in ax.containers for p in c.patches]
    labels = [tick.get_text() for tick in ax.get_xticklabels()]
    plots.plt.close(fig)
    return bars, totals, labels


def test_zero_bars_are_left_out_and_the_totals_count_everything() -> None:
    table = pd.DataFrame({"first": [2, 0, 1], "second": [0, 3, 4]}, index=[2001, 2002, 2003])
    bars, totals, _ = _stack(table)
    drawn = [
        (label, bar.get_x() + bar.get_width() / 2, bar.get_y(), bar.get_height())
        for label, bar in bars
    ]
    assert drawn == [
        ("first", 2001, 0, 2),
        ("first", 2003, 0, 1),
        ("second", 2002, 0, 3),
        ("second", 2003, 1, 4),
    ]
    assert totals.tolist() == [2, 3, 5]


def test_text_labels_keep_their_order_when_the_first_series_skips_one() -> None:
    table = pd.DataFrame({"first": [0, 1], "second": [2, 2]}, index=["1990-1994", "1995-1999"])
    bars, _, labels = _stack(table)
    assert labels == ["1990-1994", "1995-1999"]
    assert [(label, bar.get_x() + bar.get_width() / 2) for label, bar in bars] == [
        ("first", 1),
        ("second", 0),
        ("second", 1),
    ]


def test_a_date_index_keeps_the_width_in_days() -> None:
    quarters = pd.date_range("1998-01-01", periods=3, freq="QS")
    table = pd.DataFrame({"first": [1, 0, 2], "second": [1, 1, 1]}, index=quarters)
    bars, _, _ = _stack(table, width=80, align="edge")
    assert [bar.get_width() for _, bar in bars] == pytest.approx([80] * 5)


def test_a_series_of_zeros_still_has_its_legend_entry() -> None:
    table = pd.DataFrame({"first": [0, 0], "second": [1, 2]}, index=[1, 2])
    bars, _, _ = _stack(table)
    assert [label for label, _ in bars].count("first") == 2
