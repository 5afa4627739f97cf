"""Lesson figure helpers (`ctcoop.lessons`): a titled figure, a caption built from the numbers."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.figure import Figure

from ctcoop.lessons.l01_why_cooperate import figures as l01
from ctcoop.lessons.l02_key_organisations import figures as l02

WORLD = {
    "features": [
        {
            "properties": {"iso3": iso3},
            "geometry": {"type": "Polygon", "coordinates": [[[x, 0], [x + 1, 0], [x, 1], [x, 0]]]},
        }
        for x, iso3 in enumerate(["AAA", "BBB", "CCC"])
    ]
}


def titled(fig: Figure) -> str:
    title = fig.axes[0].get_title()
    plt.close(fig)
    return title


def test_membership_map_caption_counts_states() -> None:
    per_state = pd.Series({"AAA": 1, "BBB": 3, "CCC": 3, "DDD": 2})
    fig, caption = l02.membership_map(WORLD, per_state, ["UN", "EU", "SCO"])
    assert "3 bodies" in titled(fig)
    assert "(UN, EU, SCO)" in caption
    assert "2 states belong to 3" in caption
    assert "2 belong to 2 or fewer" in caption


def test_overlap_heatmap_caption_reads_the_table() -> None:
    bodies = ["INTERPOL", "EU", "SCO", "FATF", "GCTF"]
    overlap = pd.DataFrame(0, index=bodies, columns=bodies)
    overlap.loc["GCTF", "GCTF"], overlap.loc["GCTF", "INTERPOL"] = 31, 30
    overlap.loc["SCO", "SCO"], overlap.loc["SCO", "FATF"], overlap.loc["SCO", "EU"] = 10, 2, 1
    fig, caption = l02.overlap_heatmap(overlap)
    assert titled(fig)
    assert "30 of the 31 GCTF" in caption
    assert "only 2 of the 10 SCO" in caption
    assert "1 are in both" in caption


def test_growth_lines_caption_gives_first_years_and_unknowns() -> None:
    joined = {"UN": pd.Series([1945, 1945, 1960]), "GCTF": pd.Series([2011, None, 2023])}
    unknown = pd.Series({"UN": 0, "GCTF": 1})
    fig, caption = l02.growth_lines(joined, unknown, 1945, 2026)
    assert titled(fig)
    assert "UN from 1945 (3 by 2026)" in caption
    assert "GCTF from 2011 (2 by 2026)" in caption
    assert "1 in all" in caption


def test_conflicts_and_helpers_caption_finds_the_jump_and_peaks() -> None:
    years = pd.Index([2013, 2014, 2015, 2016], name="year")
    per_year = pd.DataFrame(
        {"conflicts": [4, 5, 12, 11], "with foreign troops": [1, 2, 6, 3]}, index=years
    )
    helpers = pd.DataFrame({"all conflicts": [3, 9, 7, 8], "without X": [3, 4, 6, 5]}, index=years)
    fig, caption = l01.conflicts_and_helpers(per_year, helpers)
    assert len(fig.axes) == 2 and all(ax.get_title() for ax in fig.axes)
    plt.close(fig)
    assert "from 4 in 2013 to 12 at most (2015)" in caption
    assert "comes in 2015 (5 to 12)" in caption
    assert "3 of 11 in 2016" in caption
    assert "peaking at 9 in 2014; without X, the peak is 6 (2015)" in caption


def test_helpers_map_caption_names_the_top_states_and_the_undrawn() -> None:
    per_state = pd.Series({"AAA": 5, "BBB": 1, "CCC": 2, "TON": 1})
    bands = pd.cut(per_state, bins=[0, 1, 5], labels=["1 conflict", "2–5"])
    names = pd.Series({"AAA": "State A", "BBB": "State B", "CCC": "State C", "TON": "Tonga"})
    fig, caption = l01.helpers_map(WORLD, bands, per_state, names, ["Tonga"])
    assert titled(fig)
    assert "the 4 states" in caption and "dark (5)" in caption
    assert "State A (5), State C (2)" in caption
    assert caption.endswith("Not drawn (no shape at this scale): Tonga.")


def test_intensity_bars_caption_counts_war_years() -> None:
    intensity = pd.Series([2, 1, 2, 2], index=pd.Index([2010, 2011, 2012, 2013], name="year"))
    fig, caption = l01.intensity_bars(intensity, "A conflict")
    assert titled(fig) == "A conflict"
    assert "2010–2013" in caption
    assert "at war intensity in 3 of them (minor only in 2011)" in caption


@pytest.mark.parametrize("module", [l01, l02])
def test_figure_modules_declare_their_api(module) -> None:
    assert module.__all__
    assert all(callable(getattr(module, name)) for name in module.__all__)
