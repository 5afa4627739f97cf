"""The figure helpers of lessons 03-05 draw a figure and caption it with the numbers they plot."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.figure import Figure

from ctcoop import load, load_world_map
from ctcoop.lessons.l03_jurisdiction_sovereignty import figures as l03
from ctcoop.lessons.l04_interests_and_laws import figures as l04
from ctcoop.lessons.l05_intelligence_security import figures as l05


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _instruments() -> pd.DataFrame:
    instruments = load("ct_instruments")
    forums = {
        "ICAO": "ICAO",
        "IMO": "IMO",
        "IAEA": "IAEA",
        "General Assembly": "UN General Assembly",
    }
    instruments["forum"] = instruments["adopted_by"].map(
        lambda text: next((label for key, label in forums.items() if key in text), "other")
    )
    return instruments


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2025", "2025"),
        ("2012-07-16", "2012"),
        ("Wikipedia snapshot 2024-02", "2024"),
        ("Wikipedia mirror (undated; 188 as of 2018-10 in the same text)", "undated"),
        (None, ""),
    ],
)
def test_count_year_reads_the_year_and_keeps_undated_counts_undated(text, year):
    assert l03.count_year(text) == year


def test_instrument_timeline_caption_has_the_computed_waits():
    instruments = _instruments()
    fig, caption = l03.instrument_timeline(instruments)
    assert isinstance(fig, Figure)
    waits = instruments["years_to_entry_into_force"]
    assert f"{waits.median():.1f} years" in caption
    assert instruments.loc[waits.idxmax(), "short_name"] in caption


def test_party_counts_label_each_later_count_with_its_year():
    fig, caption = l03.party_counts(_instruments())
    labels = {text.get_text() for text in fig.axes[0].texts}
    assert "22 (2012)" in labels  # the SUA Protocol 2005, counted in July 2012
    assert "174 in 2001 and 187 as of 2025" in caption


def test_unanimity_and_veto_captions_quote_the_tables():
    resolutions = load("unsc_resolutions")
    dhl = resolutions[resolutions["part"] == "dhl_1946_2022"].copy()
    dhl["decade"] = dhl["year"] // 10 * 10

    def share(rows):
        table = rows.groupby("decade")["unanimous"].agg(
            **{"share unanimous": "mean", "resolutions": "size"}
        )
        return table.astype({"share unanimous": float})

    by_decade = pd.concat(
        {"all": share(dhl), "terrorism-related": share(dhl[dhl["terrorism_related"]])}, axis=1
    )
    terror = dhl.loc[dhl["terrorism_related"], "unanimous"].mean()
    overall = pd.Series({"all resolutions": dhl["unanimous"].mean(), "terrorism-related": terror})
    fig, caption = l03.unanimity_by_decade(by_decade, overall)
    assert isinstance(fig, Figure)
    assert f"Overall {terror:.0%} against {overall['all resolutions']:.0%}" in caption

    vetoes = load("unsc_vetoes")
    vetoes["decade"] = vetoes["year"] // 10 * 10
    per_decade = vetoes.groupby("decade").size()
    groups = ["UN membership", "Middle East", "Southern Africa", "terrorism"]
    by_topic = pd.DataFrame(0, index=per_decade.index, columns=groups).assign(other=per_decade)
    by_topic.loc[1940, "UN membership"] = 1
    fig, caption = l03.vetoes_by_subject(by_topic, vetoes)
    assert isinstance(fig, Figure)
    assert f"Stacked bars of {len(vetoes)} vetoed drafts" in caption


def _grey_counts() -> tuple[pd.DataFrame, pd.DataFrame]:
    lists = load("fatf_lists")
    schedule = load("fatf_plenary_coverage")["plenary_date"].sort_values()
    counts = lists.groupby(["plenary_date", "list"], observed=True).size().unstack("list")
    return lists, counts.reindex(schedule)


def test_list_sizes_caption_counts_the_missing_plenaries():
    lists, counts = _grey_counts()
    fig, caption = l04.list_sizes(counts, lists)
    assert isinstance(fig, Figure)
    assert f"{int(counts['grey'].isna().sum())} for the grey list" in caption
    assert f"to {int(counts['grey'].max())} " in caption


def test_grey_spells_and_map_captions_quote_their_counts():
    lists, counts = _grey_counts()
    spells = pd.DataFrame(
        {
            "first_listed": [counts.index[0], counts.index[10]],
            "last_listed": [counts.index[5], counts.index[-1]],
            "dating": ["exactly dated", "still running (censored)"],
        }
    )
    fig, caption = l04.grey_spells(spells, counts)
    assert isinstance(fig, Figure)
    assert "each of the 2 grey-list spells" in caption
    assert "1 are still running" in caption

    world = load_world_map()
    group = pd.Series({"FRA": "grey list only", "MLT": "both lists"})
    names = pd.Series({"FRA": "France", "MLT": "Malta"})
    fig, caption = l04.listed_map(world, group, names, ["MLT"])
    assert isinstance(fig, Figure)
    assert "1 drawn in orange" in caption
    assert "do not appear: Malta" in caption


def test_listings_per_year_caption_sums_the_bars():
    per_year = pd.DataFrame(
        {"individual": [3, 0, 5], "entity": [1, 0, 2]}, index=[2001, 2002, 2003]
    )
    fig, caption = l05.listings_per_year(per_year, "Test")
    assert isinstance(fig, Figure)
    assert "the 11 current entries of the Test regime (8 individuals" in caption
    assert "Years with no entry still listed: 2002." in caption
