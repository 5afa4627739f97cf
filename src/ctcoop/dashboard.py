"""The progress dashboard of the start notebook: every exercise, done / tried / not yet.

The list comes from the registry (``ctcoop.bank``), so it covers the whole
series, including lessons not opened yet; this is where the bank's list meets
the store's records (through ``ctcoop.record.export.progress_rows``). Status is shown
with a symbol and a word as well as an Okabe-Ito colour, so it reads the same
with colour-blind vision and with a screen reader. The plain-text form (what
nbval compares) holds only the counts; "solution viewed" is counted only where
it happened, so a fresh learner's dashboard reads "done, tried, not yet".

CSS classes: ``ctc-dashboard`` (box), ``ctc-refresh``, ``ctc-export``,
``ctc-learner-name``, ``ctc-dashboard-message``.
"""

from __future__ import annotations

import html
import os
from collections import Counter
from typing import Any

import ipywidgets as widgets

from ctcoop.exercises.widget import SummaryBox
from ctcoop.record.export import HUB_USER_ENV, download_link, export_progress, progress_rows
from ctcoop.record.progress import STATUS_COLOURS, STATUS_LABELS, STATUSES

__all__ = ["Dashboard", "dashboard"]

_SYMBOLS = {"done": "✓", "tried": "◐", "not_yet": "○", "solution_viewed": "◇"}


def _counts(rows: list[dict[str, Any]]) -> str:
    tally = Counter(row["status"] for row in rows)
    shown = [s for s in STATUSES if s != "solution_viewed" or tally[s]]
    parts = ", ".join(f"{tally[s]} {STATUS_LABELS[s]}" for s in shown)
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
        self._name = widgets.Text(
            description="Name or ID",
            placeholder="optional: your name or student ID",
            tooltip="Put on the export, so that your instructor knows it is yours",
        )
        self._name.add_class("ctc-learner-name")
        export = widgets.Button(
            description="Export for instructor",
            icon="download",
            tooltip="Write your progress to a CSV file in this folder",
        )
        export.add_class("ctc-export")
        export.on_click(lambda _: self.export())
        controls = [refresh, export]
        if not os.environ.get(HUB_USER_ENV):  # on a hub, the hub's user name is used
            controls.insert(1, self._name)
        super().__init__(children=[self._table, widgets.HBox(controls), self._message])
        self.add_class("ctc-dashboard")
        self.refresh()

    def refresh(self) -> None:
        """Re-read the progress file (other notebooks may have written to it)."""
        from ctcoop.bank import lessons

        self._rows = progress_rows()
        self._lessons = lessons()
        self._table.value = self._render()

    def export(self) -> None:
        """Write the instructor export, say where and offer a download; never raises."""
        try:
            path = export_progress(name=self._name.value or None)
            link = download_link(path)
        except OSError as error:
            self._message.value = f"<p>Could not write the export: {html.escape(str(error))}</p>"
            return
        self._message.value = (
            f"<p>Saved for your instructor: <code>{html.escape(str(path))}</code>. {link}</p>"
        )

    def _by_lesson(self) -> dict[int, list[dict[str, Any]]]:
        groups: dict[int, list[dict[str, Any]]] = {lesson: [] for lesson in self._lessons}
        for row in self._rows:
            groups.setdefault(int(row["lesson"]), []).append(row)
        return groups

    def _render(self) -> str:
        parts = [f"<h3>Your progress: {html.escape(_counts(self._rows))}</h3>"]
        for lesson, rows in self._by_lesson().items():
            title = html.escape(self._lessons.get(lesson, ""))
            parts.append(f"<h4>Lesson {lesson:02d} {title}: {html.escape(_counts(rows))}</h4><ul>")
            for row in rows:
                status = row["status"]
                parts.append(
                    f"<li><span style='color:{STATUS_COLOURS[status]};font-weight:bold'>"
                    f"{_SYMBOLS[status]} "
                    f"{STATUS_LABELS[status]}</span> {html.escape(row['id'])}: "
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
