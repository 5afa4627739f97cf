"""Test set-up for every test run, notebooks included (nbval collects them here).

No test may touch a real learner's progress file or the network, or leave files
in the checkout, so all three are settled when pytest starts, before any
notebook kernel is launched: kernels inherit this process's environment.

Each notebook that nbval runs gets a progress file of its own, as a newcomer's
notebook would: what one notebook records (a solved exercise) must not change
what the next one shows, whichever order and whichever xdist worker runs them.
"""

from __future__ import annotations

import ipaddress
import os
import re
import socket
import tempfile
from pathlib import Path

import pytest

from ctcoop.paths import PROGRESS_ENV
from ctcoop.plots import CHECK_FIGURES_ENV

_SCRATCH = Path(tempfile.mkdtemp(prefix="ctcoop-tests-"))
os.environ[PROGRESS_ENV] = str(_SCRATCH / "progress.json")
# Hypothesis keeps its example database in ./.hypothesis unless told otherwise
# (read when it first touches the disk, after this file is imported).
os.environ["HYPOTHESIS_STORAGE_DIRECTORY"] = str(_SCRATCH / "hypothesis")
# Every figure a notebook shows is measured, and fails its cell if it reaches past its edge.
os.environ[CHECK_FIGURES_ENV] = "1"

_connect = socket.socket.connect


def _loopback_only(self: socket.socket, address: object) -> None:
    """Refuse connections that leave the machine; tests must run offline."""
    if self.family in (socket.AF_INET, socket.AF_INET6):
        host = address[0] if isinstance(address, tuple) else address
        try:
            local = ipaddress.ip_address(host).is_loopback
        except ValueError:
            local = host == "localhost"
        if not local:
            raise OSError(f"network access blocked in tests: {address!r}")
    return _connect(self, address)


socket.socket.connect = _loopback_only  # type: ignore[method-assign]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Before nbval starts a notebook's kernel, point it at that notebook's own progress file."""
    if type(item).__module__.startswith("nbval") and item.parent is not None:
        folder = re.sub(r"[^A-Za-z0-9_.-]+", "_", item.parent.nodeid)
        os.environ[PROGRESS_ENV] = str(_SCRATCH / "notebooks" / folder / "progress.json")


SLOW_FIRST = ("newcomer", "hub", "browser", "site")
"""Markers of the tests that start servers or install packages: a minute or more per file."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the longest files first, so that under pytest-xdist none is left for the end.

    ``./course test`` hands out whole files in this order (``--dist loadfile
    --no-loadscope-reorder``); a server test started last would keep one worker
    busy for a minute after the other has finished. The sort is stable: within a
    file, and within a notebook, the order stays as collected.
    """
    items.sort(key=lambda item: not any(item.get_closest_marker(name) for name in SLOW_FIRST))
