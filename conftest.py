"""Test set-up for every test run, notebooks included (nbval collects them here).

No test may touch a real learner's progress file or the network, or leave files
in the checkout, so all three are settled when pytest starts, before any
notebook kernel is launched: kernels inherit this process's environment.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import tempfile
from pathlib import Path

from ctcoop.paths import PROGRESS_ENV

_SCRATCH = Path(tempfile.mkdtemp(prefix="ctcoop-tests-"))
os.environ[PROGRESS_ENV] = str(_SCRATCH / "progress.json")
# Hypothesis keeps its example database in ./.hypothesis unless told otherwise
# (read when it first touches the disk, after this file is imported).
os.environ["HYPOTHESIS_STORAGE_DIRECTORY"] = str(_SCRATCH / "hypothesis")

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
