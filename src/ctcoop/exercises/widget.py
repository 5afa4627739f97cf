"""The exercise as a notebook widget: prompt, controls, Check, graduated hints, feedback.

Feedback goes into an HTML widget, never printed into an Output widget, so a
notebook's saved text stays what nbval expects. The widget's plain-text form is
a deterministic summary (id, title, then the feedback after a check) for the same
reason, and its HTML form is the static form of ``ctcoop.exercises.static``:
both are what a reader sees before running the cell.

The widget knows nothing of where attempts are kept: whoever builds it (the
course layer) passes ``on_attempt``, called after every judged attempt with the
exercise id, the feedback and a fingerprint of the canonical answer, and
``saved``, a short status text to show (``"Done ✓, 1 Dec"``).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from ctcoop.exercises.answers import AnswerError
from ctcoop.exercises.base import Exercise, describe_error
from ctcoop.exercises.controls import build_controls
from ctcoop.exercises.feedback import Feedback
from ctcoop.exercises.keyboard import KeyboardSupport
from ctcoop.exercises.static import RUN_TO_SHOW, static_html
from ctcoop.exercises.text import render_inline, render_text
from ctcoop.palette import OKABE_ITO

__all__ = ["AttemptCallback", "ExerciseWidget", "SummaryBox"]

AttemptCallback = Callable[[str, Feedback, str], None]
"""``on_attempt(exercise_id, feedback, fingerprint)``, called after each judged attempt."""


class SummaryBox(widgets.VBox):
    """A VBox whose plain-text form is its full ``repr``.

    nbval compares that text, and ipywidgets would otherwise cut it at 110
    characters; subclasses write a deterministic ``__repr__``.
    """

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any] | None:
        """The widget view plus the full text summary (ipywidgets cuts it at 110 chars)."""
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is not None:
            bundle["text/plain"] = repr(self)
        return bundle


# Long option texts wrap at a normal line height, with a hanging indent (the
# lines after the first start under the text, not under "a)"); every drop-down's
# label gets the same width so that the controls line up; the keyboard focus is
# a thick ring that cannot be missed.
STYLE = """<style>
.ctc-exercise :is(.widget-radio-box label, .widget-checkbox .widget-label-basic) {height: auto;
  line-height: 1.4; white-space: normal; padding: 3px 0 3px 3.5em; text-indent: -1.5em;
  display: block; position: relative;}
.ctc-exercise :is(.widget-radio-box label, .widget-checkbox .widget-label-basic) input {
  position: absolute; left: 0; top: 0.3em; margin: 0.1em 0.3em;}
.ctc-exercise .widget-checkbox {height: auto;}
.ctc-exercise .widget-html-content {line-height: 1.4; white-space: normal;}
.ctc-exercise .widget-checkbox .widget-label-basic span {white-space: normal; overflow: visible;}
.ctc-exercise :is(input, select, button):focus-visible {outline: 3px solid {focus};
  outline-offset: 2px;}
.ctc-exercise .widget-dropdown {height: auto; align-items: center; margin: 3px 0;}
.ctc-exercise .widget-dropdown > .widget-label {width: 45% !important; max-width: 45%;
  white-space: normal; height: auto; line-height: 1.3; text-align: left; overflow: visible;}
.ctc-exercise .widget-dropdown > select {flex: 1 1 auto; min-width: 6em;}
</style>""".replace("{focus}", OKABE_ITO["blue"])


class ExerciseWidget(SummaryBox):
    """One exercise in a notebook. ``submit``/``check`` answer it from code.

    CSS classes for styling and browser tests: ``ctc-exercise`` (this box),
    ``ctc-feedback``, ``ctc-check``, ``ctc-hint``, ``ctc-hints``, ``ctc-saved``
    (the saved status) and ``ctc-note`` (a problem saving an attempt).
    """

    def __init__(
        self,
        definition: Exercise,
        *,
        on_attempt: AttemptCallback | None = None,
        saved: str | None = None,
    ) -> None:
        self.definition = definition
        self._on_attempt = on_attempt
        self.feedback: Feedback | None = None
        self.hints_shown = 0
        self._controls = build_controls(definition)
        header = widgets.HTML(
            f"{STYLE}<h3 style='margin:0.2em 0'>Exercise {html.escape(definition.id)}: "
            f"{render_inline(definition.title)}</h3>{render_text(definition.prompt)}"
        )
        self._check_button = widgets.Button(
            description="Check", tooltip="Check your answer", button_style="primary", icon="check"
        )
        self._check_button.add_class("ctc-check")
        self._check_button.on_click(lambda _: self._check_controls())
        self._hint_button = widgets.Button(description="Hint", icon="lightbulb-o")
        self._hint_button.add_class("ctc-hint")
        self._hint_button.on_click(lambda _: self.hint())
        self._hints = widgets.HTML("")
        self._hints.add_class("ctc-hints")
        self._feedback_area = widgets.HTML("")
        self._feedback_area.add_class("ctc-feedback")
        self._saved = widgets.HTML(
            f"<p><em>{html.escape(saved)}</em></p>" if saved else "",
            layout=widgets.Layout(display=None if saved else "none"),
        )
        self._saved.add_class("ctc-saved")
        self._note = widgets.HTML("", layout=widgets.Layout(display="none"))
        self._note.add_class("ctc-note")
        buttons = [self._hint_button]
        if self._controls.widgets:
            buttons.insert(0, self._check_button)
            body = [widgets.VBox(self._controls.widgets)]
        else:
            body = [widgets.HTML(render_text(definition.how_to_answer))]
        super().__init__(
            children=[
                header,
                self._saved,
                *body,
                widgets.HBox(buttons),
                self._hints,
                self._feedback_area,
                self._note,
                KeyboardSupport(),
            ]
        )
        self.add_class("ctc-exercise")
        self._update_hint_button()

    def submit(self, answer: Any) -> Feedback:
        """Check ``answer``, show it and the feedback, report the attempt. Never raises."""
        feedback = self.definition.check(answer)
        if feedback.answer is not None:
            try:  # the canonical answer, never the learner's own object
                self._controls.show(feedback.answer)
            except Exception:  # noqa: BLE001 - an answer the controls cannot show just isn't
                pass
        self._show(feedback)
        if feedback.judged and self._on_attempt is not None:
            self._report(feedback)
        return feedback

    check = submit

    def hint(self) -> str:
        """Reveal the next hint and return it as ``Hint k of n: ...``."""
        hints = self.definition.hints
        if self.hints_shown < len(hints):
            self.hints_shown += 1
            self._hints.value = "".join(
                f"<p><strong>Hint {i} of {len(hints)}:</strong> {render_inline(text)}</p>"
                for i, text in enumerate(hints[: self.hints_shown], start=1)
            )
            self._update_hint_button()
        return self._hint_line(self.hints_shown)

    def _hint_line(self, number: int) -> str:
        hints = self.definition.hints
        return f"Hint {number} of {len(hints)}: {hints[number - 1]}"

    def _update_hint_button(self) -> None:
        total = len(self.definition.hints)
        remaining = self.hints_shown < total
        self._hint_button.disabled = not remaining
        self._hint_button.description = (
            "Hint" if self.hints_shown == 0 else "Next hint" if remaining else "No more hints"
        )
        self._hint_button.tooltip = (
            f"Show hint {self.hints_shown + 1} of {total}" if remaining else "All hints are shown"
        )

    def _report(self, feedback: Feedback) -> None:
        """Hand a judged attempt to ``on_attempt``; its failure is a note, never an error."""
        try:
            fingerprint = self.definition.fingerprint(feedback.answer)
            self._on_attempt(self.definition.id, feedback, fingerprint)
        except Exception as error:  # noqa: BLE001 - saving must never break checking
            self._note.value = (
                "<p><em>Your answer was checked, but this attempt could not be saved "
                f"({html.escape(describe_error(error))}).</em></p>"
            )
            self._note.layout.display = None
        else:
            self._note.value = ""
            self._note.layout.display = "none"

    def _check_controls(self) -> None:
        try:
            answer = self._controls.read()
        except AnswerError as problem:
            self._show(Feedback("invalid", str(problem)))
            return
        self.submit(answer)

    def _show(self, feedback: Feedback) -> None:
        """Keep the verdict; show it here unless the exercise is answered in code only.

        A code exercise's ``.check(result)`` cell displays the returned Feedback
        right below the learner's code; showing it in the widget too would put
        the same feedback twice on the page.
        """
        self.feedback = feedback
        if self._controls.widgets:
            self._feedback_area.value = feedback.html

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any] | None:
        """The widget view, with a static HTML form for readers that cannot run it."""
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is not None:
            bundle["text/html"] = static_html(self.definition)
        return bundle

    def __repr__(self) -> str:
        """Id and title, "Run this cell ...", then the feedback after a check.

        Never a saved status: the stored text is what every reader sees, and
        another learner's status would be wrong for them.
        """
        lines = [f"Exercise {self.definition.id}: {self.definition.title}", RUN_TO_SHOW]
        if self.feedback:
            lines.append(self.feedback.message)
        return "\n".join(lines)
