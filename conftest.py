"""Test set-up for every test run, notebooks included (nbval collects them here).

No test may touch a real learner's progress file or the network, so both are
settled when pytest starts, before any notebook kernel is launched: kernels
inherit this process's environment.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import tempfile
from pathlib import Path

os.environ["CTCOOP_PROGRESS"] = str(Path(tempfile.mkdtemp(prefix="ctcoop-")) / "progress.json")

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
