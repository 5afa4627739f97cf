"""The engine stands on its own: it imports neither the bank, the progress store nor the data."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import ctcoop.exercises

HIGHER = ("ctcoop.bank", "ctcoop.progress", "ctcoop.course", "ctcoop.dashboard", "ctcoop.data")


def engine_modules() -> list[str]:
    return [
        f"ctcoop.exercises.{info.name}" for info in pkgutil.iter_modules(ctcoop.exercises.__path__)
    ]


def test_importing_the_engine_loads_no_higher_layer() -> None:
    names = ["ctcoop.exercises", *engine_modules()]
    code = (
        "import importlib, json, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = [name for name in run.stdout.split('"') if name.startswith(HIGHER)]
    assert loaded == []
    assert '"ctcoop.exercises.widget"' in run.stdout  # the check really imported the engine


def test_every_engine_module_declares_its_public_names() -> None:
    for name in ["ctcoop.exercises", *engine_modules()]:
        module = importlib.import_module(name)
        assert isinstance(getattr(module, "__all__", None), list), name
        assert all(hasattr(module, public) for public in module.__all__), name


def test_the_engine_no_longer_builds_exercises_from_the_bank() -> None:
    assert not hasattr(ctcoop.exercises, "exercise")
