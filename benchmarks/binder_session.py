"""Peak memory of one Binder learner who runs lessons 00-13 one after another.

Run it with the Python of a Binder-like environment (a venv made only from
``binder/requirements.txt`` and ``binder/postBuild``), from the repository root::

    /path/to/binder-venv/bin/python benchmarks/binder_session.py

A learner's session is one JupyterLab server and one kernel per notebook
opened. JupyterLab keeps a kernel running when its tab is closed, so the worst
case, measured here, is every lesson's kernel still alive at the end: the
script starts JupyterLab, then runs each lesson in a fresh kernel of this
Python with nbclient and leaves it running. It reports, in MB, each kernel's
peak resident memory (``VmHWM``), the server's, and the session's peak: the
largest sum of resident memory of the server and all kernels, sampled after
each lesson, and the sum of all peaks (an upper bound). mybinder.org gives a
session at most 2 GB. Not a test: it takes minutes and measures a machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import psutil
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

from ctcoop.paths import scratch_progress

MB = 1024 * 1024


def _hwm(pid: int) -> float:
    """A process's peak resident memory in MB (``VmHWM``)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _rss(pids: list[int]) -> float:
    return sum(psutil.Process(pid).memory_info().rss for pid in pids) / MB


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the figures here")
    arguments = parser.parse_args()
    lessons = sorted(Path("notebooks").glob("[01][0-9]_*.ipynb"))
    lessons = [path for path in lessons if int(path.name[:2]) <= 13]
    kernels: list[KernelManager] = []
    with scratch_progress():
        server = subprocess.Popen(
            [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--port=18900",
             "--ServerApp.token=", "--LabApp.news_url=None",
             *(["--allow-root"] if os.geteuid() == 0 else [])],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        figures: dict[str, object] = {"python": sys.version.split()[0], "kernels": {}}
        session_peak = 0.0
        try:
            time.sleep(10)
            if server.poll() is not None:
                raise SystemExit(f"JupyterLab did not start (exit {server.returncode})")
            for path in lessons:
                manager = KernelManager(kernel_name="python3")
                manager.start_kernel(cwd=str(path.parent))
                kernels.append(manager)
                notebook = nbformat.read(path, as_version=4)
                NotebookClient(notebook, km=manager, timeout=600).execute()
                pid = manager.provisioner.process.pid
                pids = [server.pid] + [k.provisioner.process.pid for k in kernels]
                session_peak = max(session_peak, _rss(pids))
                figures["kernels"][path.name] = round(_hwm(pid))
                print(f"{path.name}: kernel peak {_hwm(pid):.0f} MB, "
                      f"session now {_rss(pids):.0f} MB", flush=True)  # fmt: skip
            figures["server_peak_mb"] = round(_hwm(server.pid))
            figures["session_peak_mb"] = round(session_peak)
            figures["sum_of_peaks_mb"] = round(
                figures["server_peak_mb"] + sum(figures["kernels"].values())
            )
            figures["largest_kernel_mb"] = max(figures["kernels"].values())
        finally:
            for manager in kernels:
                manager.shutdown_kernel(now=True)
            server.terminate()
            server.wait(timeout=30)
    print(json.dumps(figures, indent=1))
    if arguments.json:
        arguments.json.write_text(json.dumps(figures, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
