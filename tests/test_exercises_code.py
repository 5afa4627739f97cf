"""Code exercises: the comparison says what differs (type, columns, rows, labels, values)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from support.samples import COMMON

from ctcoop.exercises import CodeExercise

TABLE = pd.DataFrame({"body": ["EU", "FATF", "SCO"], "members": [27, 38, 10]})
COUNTS = pd.Series([27, 38, 10], index=pd.Index(["EU", "FATF", "SCO"], name="body"), name="n")


def code(expected, **options) -> CodeExercise:
    return CodeExercise(
        id="01.code", title="t", prompt="p", expected=lambda: expected, **options, **COMMON
    )


def test_same_rows_in_another_order_pass_when_order_does_not_matter() -> None:
    shuffled = TABLE.iloc[[2, 0, 1]].reset_index(drop=True)
    assert code(TABLE).check(shuffled).solved
    assert code(TABLE).check(TABLE[["members", "body"]]).solved  # column order is free


def test_order_counts_when_asked() -> None:
    feedback = code(TABLE, check_order=True).check(TABLE.iloc[::-1].reset_index(drop=True))
    assert feedback.status == "incorrect"
    assert "The right rows, but in a different order." in feedback.message


def test_wrong_type_is_named_with_a_tip() -> None:
    feedback = code(TABLE).check(TABLE["members"])
    assert feedback.message.startswith("Expected a table (DataFrame), got a Series.")
    assert "df[['a', 'b']]" in feedback.message
    one_column = code(COUNTS).check(COUNTS.to_frame())
    assert "got a DataFrame with one column" in one_column.message


def test_missing_and_extra_columns() -> None:
    feedback = code(TABLE).check(TABLE.rename(columns={"members": "count"}))
    assert (
        feedback.message == "The columns differ.\n- Missing: 'members'.\n- Not expected: 'count'."
    )


def test_index_hint_when_a_column_is_in_the_index() -> None:
    feedback = code(TABLE).check(TABLE.set_index("body"))
    assert "Missing: 'body'" in feedback.message and ".reset_index()" in feedback.message


def test_wrong_number_of_rows() -> None:
    assert code(TABLE).check(TABLE.head(2)).message == "Expected 3 rows, got 2."


def test_values_show_up_to_three_example_cells() -> None:
    wrong = TABLE.assign(members=[26, 39, 11])
    feedback = code(TABLE, check_order=True).check(wrong)
    assert feedback.summary == "3 cells differ."
    assert "row 0, column 'members': yours is 26" in feedback.message
    many = pd.DataFrame({"x": range(10)})
    assert len(code(many).check(many + 1).details) == 3


def test_numbers_within_rtol_pass_and_nan_equals_nan() -> None:
    floats = pd.DataFrame({"x": [0.1 + 0.2, np.nan]})
    assert code(floats).check(pd.DataFrame({"x": [0.3, np.nan]})).solved
    assert not code(floats).check(pd.DataFrame({"x": [0.31, np.nan]})).solved
    assert code(floats, rtol=0.1).check(pd.DataFrame({"x": [0.31, np.nan]})).solved


def test_labelled_index_is_compared() -> None:
    relabelled = COUNTS.rename(index={"SCO": "ASEAN"})
    feedback = code(COUNTS).check(relabelled)
    assert feedback.summary == "The row labels (index) differ in 1 row."
    assert "Missing: 'SCO'." in feedback.message and "Not expected: 'ASEAN'." in feedback.message
    changed = code(COUNTS).check(COUNTS.replace(10, 9))
    assert changed.message == "1 value differs.\n- row 'SCO': yours is 9"
    plain = code(COUNTS).check(COUNTS.reset_index(drop=True))
    assert "plain row numbers" in plain.message


def test_grouped_series_in_another_order_passes() -> None:
    assert code(COUNTS).check(COUNTS.sort_values()).solved


def test_dtype_only_when_asked() -> None:
    as_float = TABLE.astype({"members": float})
    assert code(TABLE).check(as_float).solved
    feedback = code(TABLE, check_dtype=True).check(as_float)
    assert "column 'members': expected int64, got float64" in feedback.message


def test_scalars_and_lists() -> None:
    assert code(42).check(42.0).solved
    assert "too high" in code(42).check(43).message
    assert ".iloc[0]" in code(42).check(pd.Series([42])).message
    assert "upper/lower case" in code("FATF").check(" fatf").message
    assert code(["b", "a"]).check(("a", "b")).solved
    assert code({"a", "b"}, check_order=True).check(["b", "a"]).solved
    assert "Expected 2 values, got 3." == code(["a", "b"]).check(["a", "b", "c"]).message


def test_unsortable_cells_still_compare() -> None:
    mixed = pd.DataFrame({"x": [1, "a", None, [1, 2]]})
    assert code(mixed).check(mixed.iloc[::-1]).solved


def test_none_gets_advice() -> None:
    feedback = code(TABLE).check(None)
    assert feedback.status == "not_answered" and "inplace=True" in feedback.message


def test_failing_expected_callable_is_a_course_problem() -> None:
    def broken() -> pd.DataFrame:
        raise FileNotFoundError("data/memberships.csv")

    feedback = CodeExercise(id="01.code", title="t", prompt="p", expected=broken, **COMMON).check(1)
    assert feedback.status == "invalid"
    assert "FileNotFoundError: data/memberships.csv" in feedback.message


@pytest.mark.parametrize("value", [b"bytes", [[1, [2]]], {"a": 1}, object()])
def test_other_objects_are_incorrect_with_a_message(value) -> None:
    feedback = code(TABLE).check(value)
    assert feedback.status == "incorrect" and feedback.message.startswith("Expected a table")
