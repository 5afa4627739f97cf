"""``benchmarks/run.py --enforce`` judges figures against the budgets (no timing here).

The figures are made up; what is tested is the verdict the report gives them.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from ctcoop.paths import repo_root


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_run", repo_root() / "benchmarks/run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def _result(bench, name: str, walls: list[float], peaks: list[float]):
    return bench.NotebookResult(notebook=name, walls_s=walls, peaks_mb=peaks)


def test_within_budget_is_ok(bench):
    baseline = _result(bench, "baseline", [1.0, 1.2, 1.1], [120, 121, 122])
    lesson = _result(bench, "lesson", [1.9, 2.0, 2.1], [190, 150, 150])
    report, ok = bench.markdown_report(baseline, [lesson], {"import ctcoop": 0.01})
    assert ok
    assert "| lesson | 2.00 | +0.90 | 190 | +68 | ok | ok |" in report


@pytest.mark.parametrize(
    ("walls", "peaks", "imports"),
    [
        ([2.2, 2.3, 2.4], [150], 0.01),  # 1.2 s over the baseline's median
        ([1.5], [150, 201], 0.01),  # the worst run's peak counts
        ([1.5], [150], 0.31),  # import over 0.3 s
    ],
)
def test_over_budget_fails_and_says_where(bench, walls, peaks, imports):
    baseline = _result(bench, "baseline", [1.0, 1.1, 1.2], [120])
    report, ok = bench.markdown_report(
        baseline, [_result(bench, "lesson", walls, peaks)], {"import ctcoop": imports}
    )
    assert not ok
    assert "**OVER**" in report


def test_a_failed_notebook_is_not_within_budget(bench):
    baseline = _result(bench, "baseline", [1.0], [120])
    broken = bench.NotebookResult(notebook="lesson", error="NameError: x")
    report, ok = bench.markdown_report(baseline, [broken], {})
    assert not ok
    assert "**ERROR**" in report
