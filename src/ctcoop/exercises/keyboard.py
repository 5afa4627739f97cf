"""Keyboard use of an exercise inside JupyterLab: arrow keys stay in the control.

JupyterLab handles key presses on the whole page: in command mode the arrow
keys move to another cell, ``a`` inserts a cell, ``d d`` deletes one. A focused
radio button, drop-down or button is not an editable field, so JupyterLab
takes those keys from it. ipywidgets cannot change that from Python, so each
exercise holds one invisible ``KeyboardSupport`` widget whose small front-end
module (through anywidget) does three things in the exercise's box:

- key presses without Ctrl, Alt or Meta stay inside the exercise
  (``stopPropagation``; Escape and Shift+Enter still reach JupyterLab, so a
  learner can leave the exercise or run the cell);
- the radio buttons of a question get one ``name``, which makes them one group
  that the arrow keys move within (as in any web form);
- that group gets ``role="radiogroup"`` and the exercise heading as its label.
"""

from __future__ import annotations

import anywidget

__all__ = ["KEYBOARD_ESM", "KeyboardSupport"]

KEYBOARD_ESM = """
function groupRadios(box) {  // idempotent: also run on focus, for radios drawn later
  const heading = box.querySelector("h3");
  if (heading && !heading.id) heading.id = "ctc-" + Math.random().toString(36).slice(2);
  box.querySelectorAll(".widget-radio-box").forEach((group, n) => {
    group.setAttribute("role", "radiogroup");
    if (heading) group.setAttribute("aria-labelledby", heading.id);
    group.querySelectorAll("input[type=radio]").forEach((radio) => {
      radio.name = (heading ? heading.id : "ctc") + "-" + n;
    });
  });
}

function setUp(box) {
  if (box.dataset.ctcKeyboard) return;
  box.dataset.ctcKeyboard = "on";
  box.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.altKey || event.metaKey || event.key === "Escape") return;
    if (event.shiftKey && event.key === "Enter") return;
    event.stopPropagation();
  });
  box.addEventListener("focusin", () => groupRadios(box));
  groupRadios(box);
}

function render({ el }) {
  el.style.display = "none";
  let tries = 0;
  const find = () => {  // the box is an ancestor once ipywidgets has attached the view
    const box = el.closest(".ctc-exercise");
    if (box) setUp(box);
    else if (tries++ < 600) requestAnimationFrame(find);
  };
  find();
}

export default { render };
"""


class KeyboardSupport(anywidget.AnyWidget):
    """Invisible; its front end keeps key presses inside the exercise that holds it."""

    _esm = KEYBOARD_ESM
