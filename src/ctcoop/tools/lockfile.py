"""The course's locked environment: exact versions and hashes of every package.

Three lock files, made by ``uv pip compile`` from ``pyproject.toml``:

- ``requirements/runtime.txt``: what a learner's kernel needs. Binder installs it
  (``binder/requirements.txt`` points at it), and ``./course start`` too.
- ``requirements/dev.txt``: the same runtime pins plus the test and website
  tools. ``./course test`` and CI install it, so the tests run on exactly the
  versions Binder and a hub get.
- ``requirements/installer.txt``: uv alone, at the dev lock's version. ``./course``
  installs it with pip into a new ``.venv`` and then installs the other locks
  with uv, which takes seconds where pip takes a minute and, from uv's cache,
  works offline (the newcomer and Binder tests rely on that).

Each file starts with a fingerprint of the dependency lists in
``pyproject.toml``; :func:`stale_locks` compares it offline, so a test fails as
soon as someone edits a dependency without running ``./course lock``.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tomllib
from pathlib import Path

__all__ = [
    "INSTALLER", "LOCKS", "fingerprint", "recorded_fingerprint", "refresh", "stale_locks", "main",
]  # fmt: skip

# lock file (relative to the checkout) -> the pyproject extras it includes
LOCKS: dict[str, tuple[str, ...]] = {
    "requirements/runtime.txt": (),
    "requirements/dev.txt": ("test", "site"),
}
INSTALLER = "requirements/installer.txt"  # uv, pinned as in the dev lock
_MARK = "# pyproject-fingerprint: "
PYTHON = "3.11"  # the oldest Python the course supports; Binder's runtime.txt names it too


def fingerprint(pyproject: Path) -> str:
    """A short hash of the dependency lists (runtime and every extra) in ``pyproject``."""
    project = tomllib.loads(pyproject.read_text())["project"]
    declared = {
        "requires-python": project.get("requires-python"),
        "dependencies": project.get("dependencies", []),
        "optional-dependencies": project.get("optional-dependencies", {}),
    }
    canonical = json.dumps(declared, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def recorded_fingerprint(lock: Path) -> str | None:
    """The fingerprint a lock file was made from, or None if it has none."""
    for line in lock.read_text().splitlines():
        if line.startswith(_MARK):
            return line[len(_MARK) :].strip()
    return None


def stale_locks(root: Path) -> list[str]:
    """Lock files that are missing or were not made from the current ``pyproject.toml``."""
    current = fingerprint(root / "pyproject.toml")
    return [
        name
        for name in (*LOCKS, INSTALLER)
        if not (root / name).is_file() or recorded_fingerprint(root / name) != current
    ]


def _compile(root: Path, source: str, name: str, *options: str) -> None:
    """``uv pip compile`` ``source`` (a file, or ``-`` for stdin) into ``name``, hashed."""
    command = [
        sys.executable, "-m", "uv", "pip", "compile", source,
        "--universal", "--generate-hashes", "--python-version", PYTHON, "--quiet",
        "--custom-compile-command", "./course lock", "-o", name, *options,
    ]  # fmt: skip
    stdin = "uv\n" if source == "-" else None  # the installer lock's one requirement
    subprocess.run(command, cwd=root, check=True, input=stdin, text=True)
    path = root / name
    path.write_text(f"{_MARK}{fingerprint(root / 'pyproject.toml')}\n" + path.read_text())


def refresh(root: Path) -> None:
    """Re-make the lock files with ``uv pip compile`` (needs the package index)."""
    runtime, dev = LOCKS
    _compile(root, "pyproject.toml", runtime)
    # The dev lock keeps exactly the runtime lock's versions; the installer, the dev lock's uv.
    extras = [option for extra in LOCKS[dev] for option in ("--extra", extra)]
    _compile(root, "pyproject.toml", dev, *extras, "--constraint", runtime)
    _compile(root, "-", INSTALLER, "--constraint", dev)


def main(argv: list[str] | None = None) -> int:
    """``python -m ctcoop.tools.lockfile [--check]``: refresh the locks, or report stale ones."""
    args = sys.argv[1:] if argv is None else argv
    root = Path.cwd()
    if args == ["--check"]:
        stale = stale_locks(root)
        for name in stale:
            print(f"{name} is stale: run ./course lock")
        return 1 if stale else 0
    refresh(root)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
