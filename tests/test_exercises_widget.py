"""The exercise widget: labelled controls, Check, graduated hints, feedback, attempts, repr."""

from __future__ import annotations

import ipywidgets as widgets
import pytest
from support.samples import sample_exercises

from ctcoop.exercises import Feedback
from ctcoop.exercises.widget import ExerciseWidget


@pytest.fixture
def samples() -> dict[str, ExerciseWidget]:
    return {definition.id: ExerciseWidget(definition) for definition in sample_exercises()}


def descendants(widget: widgets.Widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from descendants(child)


def with_class(widget: widgets.Widget, name: str) -> list[widgets.Widget]:
    return [w for w in descendants(widget) if name in getattr(w, "_dom_classes", ())]


def controls(widget: widgets.Widget, kind: type) -> list:
    return [w for w in descendants(widget) if type(w) is kind]


def test_css_classes_for_styling_and_browser_tests(samples) -> None:
    widget = samples["01.mc"]
    for name in ("ctc-exercise", "ctc-check", "ctc-hint", "ctc-feedback", "ctc-hints"):
        assert len(with_class(widget, name)) == 1, name


def test_every_control_is_labelled(samples) -> None:
    for widget in samples.values():
        for control in descendants(widget):
            inputs = (widgets.RadioButtons, widgets.Checkbox, widgets.Text, widgets.Dropdown)
            if isinstance(control, (*inputs, widgets.Button)):
                assert control.description.strip(), (widget.definition.id, control)


def recording(definition) -> tuple[ExerciseWidget, list[tuple[str, Feedback, str]]]:
    """A widget whose "store" is a plain list of ``on_attempt`` calls."""
    store: list[tuple[str, Feedback, str]] = []
    return ExerciseWidget(definition, on_attempt=lambda *call: store.append(call)), store


def test_multiple_choice_starts_unselected_and_checks_via_button() -> None:
    widget, store = recording(sample_exercises()[0])
    (radio,) = controls(widget, widgets.RadioButtons)
    assert radio.value is None and radio.index is None
    check = with_class(widget, "ctc-check")[0]
    check.click()
    assert widget.feedback.status == "not_answered"
    assert store == []  # the placeholder is not an attempt
    radio.value = "a"
    check.click()
    feedback_area = with_class(widget, "ctc-feedback")[0]
    assert "No: national police arrest." in feedback_area.value
    radio.value = "b"
    check.click()
    assert "Correct!" in feedback_area.value
    assert [(exercise_id, feedback.status) for exercise_id, feedback, _ in store] == [
        ("01.mc", "incorrect"),
        ("01.mc", "correct"),
    ]


def test_only_judged_attempts_are_reported() -> None:
    for definition in sample_exercises():
        widget, store = recording(definition)
        widget.submit(None)
        widget.submit(object())  # unreadable: invalid, or incorrect for a code exercise
        assert all(feedback.judged for _, feedback, _ in store), definition.id


def test_the_same_answer_gives_the_same_fingerprint_however_it_is_spelled() -> None:
    samples = {definition.id: definition for definition in sample_exercises()}
    spellings = {
        "01.mc": ["b", "B", " b) ", ["b"]],
        "01.multi": [["a", "c"], "c, a", {"c", "a"}, ("A", "c", "a")],
        "01.number": [193, "193", 193.0, "193 states"],
        "01.order": [["c", "a", "b", "d"], "cabd", ("c", "a", "b", "d")],
        "01.match": [{"a": "2", "b": "1", "c": "3"}, [("c", "3"), ("a", "2"), ("b", "1")]],
    }
    for exercise_id, answers in spellings.items():
        widget, store = recording(samples[exercise_id])
        for answer in answers:
            widget.submit(answer)
        fingerprints = {fingerprint for _, _, fingerprint in store}
        assert len(store) == len(answers) and len(fingerprints) == 1, exercise_id
        (fingerprint,) = fingerprints
        assert len(fingerprint) == 16 and int(fingerprint, 16) >= 0
        other = {"01.number": 200, "01.order": "abcd", "01.match": {"a": "1", "b": "2", "c": "3"}}
        widget.submit(other.get(exercise_id, "a"))
        assert len(store) == len(answers) + 1 and store[-1][2] != fingerprint, exercise_id


def test_code_answers_are_fingerprinted_by_their_content() -> None:
    widget, store = recording(sample_exercises()[-1])
    table = sample_exercises()[-1].expected()
    widget.check(table)
    widget.check(table.copy())
    widget.check(table.assign(members=table["members"] + 1))
    first, again, other = (fingerprint for _, _, fingerprint in store)
    assert first == again != other


def test_a_failing_callback_becomes_a_note_not_an_error() -> None:
    def broken(*_: object) -> None:
        raise OSError("disk full")

    widget = ExerciseWidget(sample_exercises()[0], on_attempt=broken)
    note = with_class(widget, "ctc-note")[0]
    assert note.layout.display == "none"
    feedback = widget.submit("b")
    assert feedback.solved
    assert "could not be saved (OSError: disk full)" in note.value
    assert note.layout.display != "none"


def test_saved_status_is_shown_when_given() -> None:
    definition = sample_exercises()[0]
    shown = ExerciseWidget(definition, saved="Done ✓, 1 Dec")
    (saved,) = with_class(shown, "ctc-saved")
    assert "Done ✓, 1 Dec" in saved.value and saved.layout.display != "none"
    (hidden,) = with_class(ExerciseWidget(definition), "ctc-saved")
    assert hidden.value == "" and hidden.layout.display == "none"


def test_hints_are_revealed_one_at_a_time(samples) -> None:
    widget = samples["01.number"]
    button = with_class(widget, "ctc-hint")[0]
    area = with_class(widget, "ctc-hints")[0]
    assert area.value == "" and button.description == "Hint"
    button.click()
    assert "Hint 1 of 2:</strong> First, gentle." in area.value and "Second" not in area.value
    assert widget.hint() == "Hint 2 of 2: Second, stronger."
    assert button.disabled and button.description == "No more hints"
    assert widget.hint() == "Hint 2 of 2: Second, stronger."  # asking again is harmless


def test_repr_is_a_stable_plain_text_summary(samples) -> None:
    widget = samples["01.mc"]
    assert repr(widget) == "Exercise 01.mc: Powers\nRun this cell to show the exercise."
    widget.hint()
    widget.submit("b")
    text = repr(widget)
    assert text.startswith("Exercise 01.mc: Powers\nRun this cell to show the exercise.\n")
    assert "Correct! Because the data say so." in text
    assert "0x" not in text and "model" not in text
    bundle = widget._repr_mimebundle_()
    assert bundle["text/plain"] == text  # not cut at 110 characters as ipywidgets would
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_stored_text_never_shows_a_saved_status() -> None:
    widget = ExerciseWidget(sample_exercises()[0], saved="Done ✓, 1 Dec")
    assert "Done" not in repr(widget) and "Done" not in widget._repr_mimebundle_()["text/html"]


def test_multi_select_checkboxes(samples) -> None:
    widget = samples["01.multi"]
    boxes = controls(widget, widgets.Checkbox)
    assert [box.description for box in boxes][:2] == [
        "a) INTERPOL officers arrest suspects abroad",
        "b) INTERPOL circulates notices",
    ]
    boxes[0].value = boxes[2].value = True
    with_class(widget, "ctc-check")[0].click()
    assert widget.feedback.solved


def test_numeric_text_box(samples) -> None:
    widget = samples["01.number"]
    (box,) = controls(widget, widgets.Text)
    assert box.description == "Your answer (states)"
    box.value = "1,93"
    with_class(widget, "ctc-check")[0].click()
    assert widget.feedback.status == "invalid"
    box.value = "193"
    with_class(widget, "ctc-check")[0].click()
    assert widget.feedback.solved


def test_ordering_position_dropdowns(samples) -> None:
    widget = samples["01.order"]
    # The menus come in the shuffled shown order, so address them by their year.
    menus = {
        menu.description.removeprefix("Position of: "): menu
        for menu in controls(widget, widgets.Dropdown)
    }
    assert sorted(menus) == ["1923", "1945", "1989", "2001"]
    assert all(menu.label == "—" and menu.value is None for menu in menus.values())  # unset
    check = with_class(widget, "ctc-check")[0]
    menus["1945"].value = 2
    check.click()
    assert widget.feedback.message.startswith("Give every item a position.")
    for year, position in {"1945": 2, "1989": 2, "1923": 1, "2001": 4}.items():
        menus[year].value = position
    check.click()
    assert "2 used twice" in widget.feedback.message
    for year, position in {"1945": 2, "1989": 3, "1923": 1, "2001": 4}.items():
        menus[year].value = position
    check.click()
    assert widget.feedback.solved


def test_matching_dropdowns(samples) -> None:
    widget = samples["01.match"]
    menus = controls(widget, widgets.Dropdown)
    assert [menu.description for menu in menus] == ["FATF", "INTERPOL", "UNOCT"]
    check = with_class(widget, "ctc-check")[0]
    check.click()
    assert widget.feedback.status == "not_answered"
    menus[0].value = "2"
    check.click()
    assert widget.feedback.status == "invalid" and "INTERPOL; UNOCT" in widget.feedback.message
    menus[1].value, menus[2].value = "1", "3"
    check.click()
    assert widget.feedback.solved


def test_code_exercise_has_no_check_button_and_uses_check(samples) -> None:
    widget = samples["01.code"]
    assert with_class(widget, "ctc-check") == []
    assert widget.check(...).status == "not_answered"
    assert repr(widget).endswith("then run the cell that calls .check(result).")


def test_code_exercise_feedback_appears_once(samples) -> None:
    """Only where ``.check(result)`` returns it, not again in the widget above."""
    widget = samples["01.code"]
    feedback = widget.check(sample_exercises()[-1].expected())
    assert feedback.solved and widget.feedback is feedback
    assert with_class(widget, "ctc-feedback")[0].value == ""


def test_every_exercise_carries_its_keyboard_support(samples) -> None:
    """The front end that keeps arrow keys in the controls (checked for real in test_browser)."""
    from ctcoop.exercises.keyboard import KeyboardSupport

    for widget in samples.values():
        found = [w for w in descendants(widget) if isinstance(w, KeyboardSupport)]
        assert len(found) == 1, widget.definition.id


def test_style_gives_a_visible_focus_ring_and_hanging_indents(samples) -> None:
    header = samples["01.mc"].children[0].value
    assert ":focus-visible {outline: 3px solid #0072B2" in header
    assert "text-indent: -1.5em" in header and "line-height: 1.4" in header
