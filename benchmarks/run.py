"""Measure each course notebook's wall time and peak kernel memory against a baseline.

The course promises (COURSE.md, "Quality bars", tightened by issue 15) that its
own code costs a learner little: at most 1 s per notebook beyond a notebook that
only imports the same libraries, at most 200 MB peak per kernel (Binder
guarantees 1 GB), and at most 0.3 s to import the package and every helper
beyond pandas. This script measures those figures; it is deliberately not a
test, because timings on a shared CI machine are too noisy to fail a build on
by default: ``--enforce`` makes it fail on them when asked.

Usage (from the repository root)::

    .venv/bin/python benchmarks/run.py                      # every notebook
    .venv/bin/python benchmarks/run.py notebooks/00_start_here.ipynb --repeats 5
    .venv/bin/python benchmarks/run.py --json bench.json --enforce

Each run starts a fresh kernel, executes the notebook with nbclient, and reads
the kernel's peak resident memory (``VmHWM`` in ``/proc/<pid>/status``, exact
and free of sampling gaps) before shutting it down. The wall time covers kernel
start and execution, so "overhead" (notebook minus baseline) is what the course
adds. The runs are taken in rounds (baseline, every notebook once, baseline), so
a slow spell of the machine spoils at most one run of any notebook, and the
baseline's median over all its runs is what each notebook is compared with.
See benchmarks/README.md for how to read the table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from ctcoop.paths import scratch_progress

REPO = Path(__file__).resolve().parents[1]
BASELINE = Path(__file__).resolve().parent / "baseline.ipynb"
NOTEBOOK_FOLDERS = ("notebooks", "exercises", "solutions")

OVERHEAD_BUDGET_S = 1.0
PEAK_BUDGET_MB = 200.0
IMPORT_BUDGET_S = 0.3

_ALL_HELPERS = "import ctcoop\nfor _name in ctcoop.__all__:\n    getattr(ctcoop, _name)"
IMPORT_PROBES = {  # label -> (imported first, untimed; timed)
    "import ctcoop": ("", "import ctcoop"),
    # Notebooks reach the helpers through lazy attributes; touching every one
    # loads all the package's submodules, the most a notebook can pay.
    "import ctcoop + all helpers": ("", _ALL_HELPERS),
    # The same once the baseline notebook's libraries are loaded (every lesson
    # imports them anyway): what the course's own code adds.
    "import ctcoop + all helpers, after the baseline's libraries": (
        "import numpy, matplotlib.pyplot, ipywidgets",
        _ALL_HELPERS,
    ),
}
"""What to time beyond ``import pandas``, each in a fresh interpreter."""


@dataclass
class NotebookResult:
    """Figures for one notebook over all its runs."""

    notebook: str
    walls_s: list[float] = field(default_factory=list)
    peaks_mb: list[float] = field(default_factory=list)
    error: str | None = None

    @property
    def wall_s(self) -> float | None:
        return statistics.median(self.walls_s) if self.walls_s else None

    @property
    def peak_mb(self) -> float | None:
        """The largest peak over the runs: a memory budget is about the worst case."""
        return max(self.peaks_mb) if self.peaks_mb else None

    def summary(self, baseline: NotebookResult | None = None) -> dict[str, object]:
        """Plain data for the JSON report."""
        data: dict[str, object] = {**asdict(self), "wall_s": self.wall_s, "peak_mb": self.peak_mb}
        if baseline is not None and self.wall_s is not None and baseline.wall_s is not None:
            data["overhead_s"] = self.wall_s - baseline.wall_s
        return data


def peak_rss_mb(pid: int) -> float:
    """Peak resident memory of ``pid`` and its live children, in MB (VmHWM).

    A child's own peak is added as if all peaks coincided, which can only
    overstate: the right direction for a budget.
    """
    import psutil

    total_kb = 0
    process = psutil.Process(pid)
    for proc in (process, *process.children(recursive=True)):
        try:
            status = Path(f"/proc/{proc.pid}/status").read_text()
        except (FileNotFoundError, ProcessLookupError):
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                total_kb += int(line.split()[1])
    return total_kb / 1024


def run_notebook(path: Path, timeout: int) -> tuple[float, float]:
    """Execute ``path`` once in a fresh kernel; return (wall seconds, peak MB).

    We own the kernel manager so that the kernel outlives nbclient's execution
    and its peak memory can be read before it is shut down.
    """
    notebook = nbformat.read(path, as_version=4)
    # A fresh progress file per run: earlier runs must not change what a
    # notebook shows (e.g. a dashboard), and the learner's file stays untouched.
    with scratch_progress():
        manager = KernelManager(kernel_name="python3")
        start = time.perf_counter()
        manager.start_kernel(cwd=str(path.parent))
        try:
            client = NotebookClient(
                notebook,
                km=manager,
                timeout=timeout,
                resources={"metadata": {"path": str(path.parent)}},
            )
            client.execute()
            wall = time.perf_counter() - start
            peak = peak_rss_mb(manager.provisioner.process.pid)  # type: ignore[union-attr]
            if client.kc is not None:
                client.kc.stop_channels()
        finally:
            manager.shutdown_kernel(now=False)
    return wall, peak


def run_into(result: NotebookResult, path: Path, timeout: int) -> None:
    """Run ``path`` once more and add its figures to ``result`` (or its error, once)."""
    if result.error is not None:
        return
    try:
        wall, peak = run_notebook(path, timeout)
    except CellExecutionError as error:
        result.error = f"{error.ename}: {error.evalue}".replace("|", "\\|")
        return
    except (CellTimeoutError, DeadKernelError) as error:
        result.error = type(error).__name__
        return
    result.walls_s.append(wall)
    result.peaks_mb.append(peak)
    print(f"  {result.notebook}: {wall:.2f} s, {peak:.0f} MB", file=sys.stderr)


def measure_in_rounds(
    notebooks: list[Path], repeats: int, timeout: int
) -> tuple[NotebookResult, list[NotebookResult]]:
    """The baseline's figures and each notebook's, ``repeats`` runs each, taken in rounds.

    Each round runs the baseline, every notebook once, and the baseline again. A
    slow spell of the machine (another program, a busy neighbour on a shared
    host) then costs any notebook at most the run it fell on, which the median
    leaves out, instead of all its runs at once; and the baseline is measured
    on both sides of every round.
    """
    baseline = NotebookResult(notebook=display_path(BASELINE))
    results = [NotebookResult(notebook=display_path(path)) for path in notebooks]
    # One untimed run first, so that disk caches are equally warm for everyone.
    run_into(NotebookResult(notebook="warm-up"), BASELINE, timeout)
    for round_number in range(1, repeats + 1):
        print(f"Round {round_number} of {repeats}", file=sys.stderr)
        run_into(baseline, BASELINE, timeout)
        for result, path in zip(results, notebooks, strict=True):
            run_into(result, path, timeout)
        run_into(baseline, BASELINE, timeout)
    return baseline, results


def import_time_beyond_pandas(setup: str, code: str, repeats: int) -> float:
    """Median seconds ``code`` takes in a fresh interpreter that has imported pandas and run
    ``setup`` (untimed)."""
    probe = (
        f"import time\nimport pandas\n{setup}\n_t = time.perf_counter()\n"
        f"{code}\nprint(time.perf_counter() - _t)\n"
    )
    times = []
    for _ in range(repeats):
        done = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True
        )
        times.append(float(done.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO))
    except ValueError:
        return str(path)


def default_notebooks() -> list[Path]:
    found = []
    for folder in NOTEBOOK_FOLDERS:
        found += sorted(
            p for p in (REPO / folder).glob("*.ipynb") if ".ipynb_checkpoints" not in p.parts
        )
    return found


def verdict(ok: bool) -> str:
    return "ok" if ok else "**OVER**"


def markdown_report(
    baseline: NotebookResult, results: list[NotebookResult], imports: dict[str, float | str]
) -> tuple[str, bool]:
    """The report as Markdown, and whether every figure is within budget.

    A notebook that failed to run, or a baseline that failed, counts as over
    budget: a figure we could not measure is not a figure within budget.
    """
    if baseline.wall_s is None or baseline.peak_mb is None:
        header = f"Baseline ({baseline.notebook}) failed: {baseline.error}"
    else:
        header = (
            f"Baseline ({baseline.notebook}): {baseline.wall_s:.2f} s, "
            f"{baseline.peak_mb:.0f} MB peak"
        )
    all_ok = baseline.error is None
    lines = [
        header,
        "",
        "| notebook | wall s (median) | overhead s | peak MB | Δ MB vs baseline "
        f"| overhead ≤ {OVERHEAD_BUDGET_S:g} s | peak ≤ {PEAK_BUDGET_MB:g} MB |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    for result in results:
        if result.wall_s is None or result.peak_mb is None:
            all_ok = False
            lines.append(f"| {result.notebook} | — | — | — | — | **ERROR** | {result.error} |")
            continue
        peak_ok = result.peak_mb <= PEAK_BUDGET_MB
        if baseline.wall_s is None or baseline.peak_mb is None:
            overhead_cell = extra_cell = "—"
            time_ok = False
        else:
            overhead = result.wall_s - baseline.wall_s
            overhead_cell = f"{overhead:+.2f}"
            extra_cell = f"{result.peak_mb - baseline.peak_mb:+.0f}"
            time_ok = overhead <= OVERHEAD_BUDGET_S
        all_ok &= time_ok and peak_ok
        lines.append(
            f"| {result.notebook} | {result.wall_s:.2f} | {overhead_cell} | "
            f"{result.peak_mb:.0f} | {extra_cell} | {verdict(time_ok)} | {verdict(peak_ok)} |"
        )
    lines += [
        "",
        f"| import, beyond pandas | s (median) | ≤ {IMPORT_BUDGET_S:g} s |",
        "|---|---:|---|",
    ]
    for label, seconds in imports.items():
        if isinstance(seconds, str):
            all_ok = False
            lines.append(f"| {label} | — | **ERROR**: {seconds} |")
        else:
            ok = seconds <= IMPORT_BUDGET_S
            all_ok &= ok
            lines.append(f"| {label} | {seconds:.3f} | {verdict(ok)} |")
    return "\n".join(lines), all_ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "notebooks",
        nargs="*",
        type=Path,
        help="notebooks to measure (default: all in notebooks/, exercises/, solutions/)",
    )
    parser.add_argument("--repeats", type=int, default=3, help="runs per notebook (default 3)")
    parser.add_argument(
        "--import-repeats", type=int, default=5, help="fresh interpreters per import probe"
    )
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument(
        "--enforce", action="store_true", help="exit 1 if any figure is over budget or failed"
    )
    args = parser.parse_args(argv)

    # Figures must not depend on a display, and the kernels inherit this.
    os.environ["MPLBACKEND"] = "Agg"
    notebooks = args.notebooks or default_notebooks()

    baseline, results = measure_in_rounds(notebooks, args.repeats, args.timeout)

    imports: dict[str, float | str] = {}
    for label, (setup, code) in IMPORT_PROBES.items():
        try:
            imports[label] = import_time_beyond_pandas(setup, code, args.import_repeats)
        except subprocess.CalledProcessError as error:
            imports[label] = (error.stderr.strip().splitlines() or ["failed"])[-1]

    report, all_ok = markdown_report(baseline, results, imports)
    print(report)
    if args.enforce and not all_ok:
        print(
            "Over budget (or failed): see the rows marked **OVER** or **ERROR**.", file=sys.stderr
        )
    if args.json:
        figures = {
            "machine": {
                "python": platform.python_version(),
                "platform": platform.platform(),
                "cpus": os.cpu_count(),
            },
            "repeats": args.repeats,
            "budgets": {
                "overhead_s": OVERHEAD_BUDGET_S,
                "peak_mb": PEAK_BUDGET_MB,
                "import_s": IMPORT_BUDGET_S,
            },
            "baseline": baseline.summary(),
            "notebooks": [result.summary(baseline) for result in results],
            "imports_s": imports,
            "within_budget": all_ok,
        }
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    return 1 if args.enforce and not all_ok else 0


if __name__ == "__main__":
    sys.exit(main())
