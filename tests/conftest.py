"""Shared test set-up: no test touches a real learner's progress file or the network."""

from __future__ import annotations

import ipaddress
import os
import socket
import tempfile
from pathlib import Path

import pytest

# Notebook kernels started by nbval inherit this process's environment, so the
# whole session gets a throw-away progress file before any kernel starts.
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


@pytest.fixture(autouse=True)
def progress_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point ``CTCOOP_PROGRESS`` at a fresh file in this test's temporary folder."""
    path = tmp_path / "progress" / "progress.json"
    monkeypatch.setenv("CTCOOP_PROGRESS", str(path))
    return path
