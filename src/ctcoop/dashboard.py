"""The progress dashboard of the start notebook: every exercise, done / tried / not yet.

The list comes from the registry (``ctcoop.bank``), so it covers the whole
series, including lessons not opened yet. Status is shown with a symbol and a
word as well as an Okabe-Ito colour, so it reads the same with colour-blind
vision and with a screen reader. The plain-text form (what nbval compares)
holds only the counts.

CSS classes: ``ctc-dashboard`` (box), ``ctc-refresh``, ``ctc-export``,
``ctc-dashboard-message``.
"""

from __future__ import annotations

import html
from collections import Counter
from typing import Any

import ipywidgets as widgets

from ctcoop.exercises.widget import SummaryBox
from ctcoop.palette import NEUTRAL, OKABE_ITO
from ctcoop.progress import export_progress, progress_rows

STATUSES = ("done", "tried", "not yet")
_LOOK = {
    "done": ("✓", OKABE_ITO["bluish green"]),
    "tried": ("◐", OKABE_ITO["orange"]),
    "not yet": ("○", NEUTRAL),
}


def _counts(rows: list[dict[str, Any]]) -> str:
    tally = Counter(row["status"] for row in rows)
    parts = ", ".join(f"{tally[s]} {s}" for s in STATUSES)
    return f"{parts} (of {len(rows)})"


class Dashboard(SummaryBox):
    """Progress per lesson and overall, with Refresh and Export for instructor."""

    def __init__(self) -> None:
        self._table = widgets.HTML()
        self._message = widgets.HTML()
        self._message.add_class("ctc-dashboard-message")
        refresh = widgets.Button(
            description="Refresh", icon="refresh", tooltip="Read your progress again"
        )
        refresh.add_class("ctc-refresh")
        refresh.on_click(lambda _: self.refresh())
        export = widgets.Button(
            description="Export for instructor",
            icon="download",
            tooltip="Write your progress to a CSV file in this folder",
        )
        export.add_class("ctc-export")
        export.on_click(lambda _: self.export())
        super().__init__(children=[self._table, widgets.HBox([refresh, export]), self._message])
        self.add_class("ctc-dashboard")
        self.refresh()

    def refresh(self) -> None:
        """Re-read the progress file (other notebooks may have written to it)."""
        from ctcoop.bank import lessons

        self._rows = progress_rows()
        self._lessons = lessons()
        self._table.value = self._render()

    def export(self) -> None:
        """Write the instructor export and say where; a failure is shown, not raised."""
        try:
            path = export_progress()
        except OSError as error:
            self._message.value = f"<p>Could not write the export: {html.escape(str(error))}</p>"
            return
        self._message.value = (
            f"<p>Saved for your instructor: <code>{html.escape(str(path))}</code></p>"
        )

    def _by_lesson(self) -> dict[int, list[dict[str, Any]]]:
        groups: dict[int, list[dict[str, Any]]] = {lesson: [] for lesson in self._lessons}
        for row in self._rows:
            groups.setdefault(row["lesson"], []).append(row)
        return groups

    def _render(self) -> str:
        parts = [f"<h3>Your progress: {html.escape(_counts(self._rows))}</h3>"]
        for lesson, rows in self._by_lesson().items():
            title = html.escape(self._lessons.get(lesson, ""))
            parts.append(f"<h4>Lesson {lesson:02d} {title}: {html.escape(_counts(rows))}</h4><ul>")
            for row in rows:
                symbol, colour = _LOOK[row["status"]]
                parts.append(
                    f"<li><span style='color:{colour};font-weight:bold'>{symbol} "
                    f"{row['status']}</span> {html.escape(row['id'])}: "
                    f"{html.escape(row['title'])}</li>"
                )
            parts.append("</ul>")
        return "".join(parts)

    def __repr__(self) -> str:
        lines = [f"Progress dashboard: {_counts(self._rows)}"]
        for lesson, rows in self._by_lesson().items():
            lines.append(f"Lesson {lesson:02d} {self._lessons.get(lesson, '')}: {_counts(rows)}")
        return "\n".join(lines)


def dashboard() -> Dashboard:
    """The progress dashboard widget for the start notebook."""
    return Dashboard()
