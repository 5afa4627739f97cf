"""Lesson figure helpers (`ctcoop.figures`): a titled figure, a caption built from the numbers."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.figure import Figure

from ctcoop.figures import l02_key_organisations as l02

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


@pytest.mark.parametrize("module", [l02])
def test_figure_modules_declare_their_api(module) -> None:
    assert module.__all__
    assert all(callable(getattr(module, name)) for name in module.__all__)
