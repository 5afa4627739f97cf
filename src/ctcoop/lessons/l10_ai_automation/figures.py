"""Figures and the interactive control of lesson 10, Artificial intelligence and automation.

Each figure function takes what the lesson computed and returns
``(figure, caption)``; the lesson shows them with ``plots.show``. Captions are
built from the numbers drawn, so they are the figures' text alternative.
:func:`screening_explorer` is the lesson's slider control: it only displays
what :func:`ctcoop.lessons.l10_ai_automation.screening_rates.expected` computes.
Every population here is **invented**.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

import anywidget
import ipywidgets as widgets
import pandas as pd
from matplotlib.ticker import FuncFormatter, PercentFormatter

from ctcoop.lessons.l10_ai_automation.screening_rates import Outcome, expected
from ctcoop.plots import PALETTE, plt, set_margins

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "EXPLORER_CLASS",
    "precision_by_prevalence",
    "rates_by_group",
    "outcome_html",
    "screening_explorer",
]

EXPLORER_CLASS = "ctc-screening-explorer"  # the browser test finds the control by it


def _percent(share: float) -> str:
    """A share as a percentage with enough digits to tell small values from zero."""
    return f"{share:.3%}" if share < 0.01 else f"{share:.1%}"


def precision_by_prevalence(
    prevalences: Sequence[float], tools: pd.DataFrame
) -> tuple[Figure, str]:
    """Precision against prevalence (log scale), one line per tool.

    ``tools`` has one row per tool, indexed by its label, with ``sensitivity`` and
    ``specificity`` columns.
    """
    fig, ax = plt.subplots(figsize=(8.5, 4.2))
    parts = []
    for colour, (label, tool) in zip(PALETTE[4:] + PALETTE, tools.iterrows(), strict=False):
        values = [
            expected(1, p, tool["sensitivity"], tool["specificity"]).precision for p in prevalences
        ]
        ax.plot(prevalences, values, marker="o", markersize=3, color=colour, label=label)
        parts.append(
            f"{label}: {_percent(values[0])} at a prevalence of 1 in "
            f"{1 / prevalences[0]:,.0f}, {_percent(values[-1])} at 1 in "
            f"{1 / prevalences[-1]:,.0f}"
        )
    ax.set_xscale("log")
    # "1 in 1,000" as the caption says it; also spares the mathtext of the default 10^-3 labels
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"1 in {1 / value:,.0f}"))
    ax.set_ylim(0, 1)
    ax.set_xlabel("prevalence: share of the screened who really are cases (log scale)")
    ax.set_ylabel("precision: share of alarms that are right")
    ax.yaxis.set_major_formatter(PercentFormatter(1))
    ax.set_title("The rarer the cases, the more alarms are false (invented screenings)")
    ax.legend(fontsize=9, loc="upper left")
    ax.grid(alpha=0.3)
    set_margins(fig, left=0.85, bottom=0.65)
    caption = (
        "Line chart of precision against prevalence on a logarithmic scale, for tools "
        "labelled sensitivity / specificity, screening invented populations. "
        + "; ".join(parts)
        + "."
    )
    return fig, caption


def rates_by_group(rates: pd.DataFrame) -> tuple[Figure, str]:
    """Side-by-side bars of false-alarm rate and recall for each invented group."""
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.6))
    columns = {
        "false_alarm_rate": "false-alarm rate (share of non-cases flagged)",
        "recall": "recall (share of cases flagged)",
    }
    for ax, (column, label) in zip(axes, columns.items(), strict=True):
        ax.bar(rates.index, rates[column], color=[PALETTE[4], PALETTE[5]][: len(rates)])
        ax.set_title(label, fontsize=10)
        ax.set_xlabel("invented group")
        ax.set_ylabel("share of the group's people")
        ax.yaxis.set_major_formatter(PercentFormatter(1, decimals=1))
        ax.grid(axis="y", alpha=0.3)
    fig.suptitle("One model, one threshold, two invented groups")
    set_margins(fig, left=0.8, top=0.7, wspace=0.3)
    parts = "; ".join(
        f"group {g}: {_percent(r['false_alarm_rate'])} of non-cases flagged, "
        f"{r['recall']:.0%} of cases flagged"
        for g, r in rates.iterrows()
    )
    caption = (
        "Two bar charts comparing the invented groups under the same model and the "
        f"same threshold: {parts}."
    )
    return fig, caption


def _number(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 or value == 0 else f"{value:,.1f}"


def outcome_html(outcome: Outcome, population: int) -> str:
    """The confusion matrix and its three rates as a small HTML table."""
    rows = "".join(
        f"<tr><th scope='row'>{escape(truth)}</th>"
        + "".join(f"<td style='text-align:right'>{_number(v)}</td>" for v in values)
        + "</tr>"
        for truth, values in outcome.table().iterrows()
    )
    share = "no alarm at all" if not outcome.flagged else f"{outcome.precision:.1%}"
    return (
        f"<p>Expected outcome of screening an <b>invented</b> population of {population:,} "
        "people once:</p>"
        "<table><thead><tr><td></td><th scope='col'>flagged</th><th scope='col'>cleared</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
        f"<p class='ctc-precision'>Precision (share of alarms that are right): <b>{share}</b>. "
        f"Recall: {outcome.recall:.1%}. Accuracy: {outcome.accuracy:.2%}.</p>"
    )


class _SliderNames(anywidget.AnyWidget):
    """Gives each slider's handle its label as accessible name (invisible, one per explorer).

    ipywidgets draws a slider as a ``role="slider"`` handle beside a ``<label>`` that
    names nothing, so a screen reader announces "slider, 0.99" with no name; Python
    cannot reach the handle, so this small front-end module links the two.
    """

    _esm = """
function render({ el }) {
  el.style.display = "none";
  let tries = 0;
  const link = () => {
    const box = el.closest(".{box}");
    const sliders = box ? [...box.querySelectorAll(".widget-slider")] : [];
    let named = 0;
    sliders.forEach((slider, n) => {
      const label = slider.querySelector(".widget-label");
      const handle = slider.querySelector("[role=slider]");
      if (!label || !handle) return;
      if (!label.id) label.id = "ctc-slider-" + Math.random().toString(36).slice(2) + n;
      handle.setAttribute("aria-labelledby", label.id);
      named += 1;
    });
    if ((!sliders.length || named < sliders.length) && tries++ < 600) requestAnimationFrame(link);
  };
  link();
}
export default { render };
""".replace("{box}", EXPLORER_CLASS)


def screening_explorer(
    population: int = 1_000_000,
    prevalence: float = 0.0001,
    sensitivity: float = 0.99,
    specificity: float = 0.99,
) -> widgets.VBox:
    """Three labelled sliders and the expected outcome, recomputed on every change."""
    if (
        isinstance(population, bool)
        or not isinstance(population, numbers.Integral)
        or population < 1
    ):
        raise ValueError(
            f"population must be a whole number of people, 1 or more (got {population!r:.40})"
        )
    style = {"description_width": "17em"}
    layout = widgets.Layout(width="42em")
    sliders = {
        "prevalence": widgets.FloatLogSlider(
            value=prevalence,
            base=10,
            min=-6,
            max=-0.3,
            step=0.1,
            readout_format=".6f",
            description="prevalence (share of cases)",
            style=style,
            layout=layout,
        ),
        "sensitivity": widgets.FloatSlider(
            value=sensitivity,
            min=0.5,
            max=1.0,
            step=0.001,
            readout_format=".3f",
            description="sensitivity (cases flagged)",
            style=style,
            layout=layout,
        ),
        "specificity": widgets.FloatSlider(
            value=specificity,
            min=0.5,
            max=1.0,
            step=0.0001,
            readout_format=".4f",
            description="specificity (others cleared)",
            style=style,
            layout=layout,
        ),
    }
    result = widgets.HTML()
    result.add_class("ctc-screening-result")

    def update(_change: object = None) -> None:
        outcome = expected(population, **{k: s.value for k, s in sliders.items()})
        result.value = outcome_html(outcome, population)

    for slider in sliders.values():
        slider.observe(update, names="value")
    update()
    box = widgets.VBox(
        [
            widgets.HTML(
                "<b>Screening explorer</b> (an invented population; move a slider or type a value)"
            ),
            *sliders.values(),
            _SliderNames(),
            result,
        ]
    )
    box.add_class(EXPLORER_CLASS)
    return box
