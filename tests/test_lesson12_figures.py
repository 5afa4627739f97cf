"""Lesson 12's figure captions say what the data say, and keep the data's gaps as gaps."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from ctcoop.data import load
from ctcoop.lessons.l12_military_operations import figures


def test_peacekeeping_caption_names_the_peak_and_the_year_without_personnel() -> None:
    totals = load("peacekeeping_totals").set_index("year")
    caption = figures.peacekeeping_caption(totals)
    peak = totals["total_personnel"].idxmax()
    assert f"peak in {peak} at {int(totals.loc[peak, 'total_personnel']):,}" in caption
    last = totals["missions"].last_valid_index()
    assert pd.isna(totals.loc[last, "total_personnel"])  # the source's last year: missions only
    assert f"{last} has the number of missions only" in caption
    plt.close(figures.peacekeeping_figure(totals, "title"))


def test_peacekeeping_figure_draws_no_breakdown_before_the_source_has_one() -> None:
    totals = load("peacekeeping_totals").set_index("year")
    fig = figures.peacekeeping_figure(totals, "title")
    top = fig.axes[0]
    troop_bars = next(c for c in top.containers if c.get_label() == "troops")
    first_split = totals.index[totals["breakdown_in_source"]].min()
    assert min(bar.get_x() + bar.get_width() / 2 for bar in troop_bars) == first_split
    plt.close(fig)


def test_kinds_caption_reports_the_most_and_least_common_kind() -> None:
    shares = pd.DataFrame(
        {
            "a": {"troops": 0.2, "funding": 0.9, "intelligence": 0.1},
            "b": {"troops": 0.5, "funding": 0.4, "intelligence": 0.6},
        }
    )
    caption = figures.kinds_caption(shares, {"a": 10, "b": 1200})
    expected = "a (10 supported actor-years): most often funding (90%), least often intelligence"
    assert f"{expected} (10%)" in caption
    assert "b (1,200 supported actor-years): most often intelligence (60%)" in caption
    fig = figures.kinds_figure(shares, "title")
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == list(shares.index)
    plt.close(fig)


def test_forces_caption_names_the_largest_and_smallest_force() -> None:
    states = pd.DataFrame(
        {
            "conflict_years": [40, 31, 79],
            "armed_forces_personnel": pd.array([39850, 8500, 1347300], "Int64"),
        },
        index=["TCD", "SLE", "USA"],
    )
    names = {"TCD": "Chad", "SLE": "Sierra Leone", "USA": "United States"}
    caption = figures.forces_caption(states, names)
    assert "Largest force: United States (1,347,300); smallest: Sierra Leone (8,500)" in caption
    assert "conflict-years (31 to 79)" in caption
    plt.close(figures.forces_figure(states, "title"))
