"""The package's layers, lowest first: importing a layer never loads a higher one.

The folders of ``src/ctcoop`` are the layers of ``DESIGN.md``. Each layer is imported alone in
a fresh interpreter and every ``ctcoop`` module that this loads must belong to the same layer or
a lower one. Beyond the order, the record keeps exercise ids as plain strings (it never loads
the engine) and a lesson's helpers load neither the engine nor the record. The maintainer tools
are the top layer, so nothing a learner's kernel imports can load them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import ctcoop

# (layer, the module prefixes it owns, other layers it must never load)
LAYERS: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    (
        "foundation",
        ("ctcoop", "ctcoop.paths", "ctcoop.palette", "ctcoop.learner_help", "ctcoop.tables"),
        (),
    ),
    ("data and plots", ("ctcoop.data", "ctcoop.plots"), ()),
    ("engine", ("ctcoop.exercises",), ()),
    ("record", ("ctcoop.record",), ("engine",)),
    ("lessons", ("ctcoop.lessons",), ("engine", "record")),
    ("content", ("ctcoop.bank",), ("record",)),
    ("course", ("ctcoop.course", "ctcoop.dashboard"), ()),
    ("tools", ("ctcoop.tools",), ()),
]
NAMES = [name for name, _, _ in LAYERS]
PACKAGE = Path(ctcoop.__file__).parent

# In the fresh interpreter: import every module under the layer's prefixes, list what loaded.
PROBE = """
import importlib, json, pkgutil, sys
for prefix in {prefixes!r}:
    module = importlib.import_module(prefix)
    if prefix != "ctcoop" and hasattr(module, "__path__"):
        for info in pkgutil.walk_packages(module.__path__, prefix + "."):
            if not info.name.endswith("__main__"):
                importlib.import_module(info.name)
print(json.dumps(sorted(name for name in sys.modules if name.split(".")[0] == "ctcoop")))
"""


def layer_of(module: str) -> str:
    """The layer that owns ``module``: the one with the longest prefix of its dotted name."""
    best, length = "foundation", 0
    for name, prefixes, _ in LAYERS:
        for prefix in prefixes:
            owns = module == prefix or module.startswith(prefix + ".")
            if owns and len(prefix) > length and prefix != "ctcoop":
                best, length = name, len(prefix)
    return best


def loaded_by(prefixes: tuple[str, ...]) -> list[str]:
    code = PROBE.format(prefixes=list(prefixes))
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def test_every_module_of_the_package_has_a_layer() -> None:
    everything = loaded_by(tuple(prefix for _, prefixes, _ in LAYERS for prefix in prefixes))
    top_level = {name for name in everything if name.count(".") == 1}
    unplaced = [name for name in top_level if layer_of(name) == "foundation"]
    assert sorted(unplaced) == [
        "ctcoop.learner_help",
        "ctcoop.palette",
        "ctcoop.paths",
        "ctcoop.tables",
    ]
    modules = [path for path in PACKAGE.glob("*.py") if path.name != "__init__.py"]
    assert len(modules) <= 10  # few modules directly in src/ctcoop: the folders are the layers


@pytest.mark.parametrize(("layer", "prefixes", "never"), LAYERS, ids=NAMES)
def test_a_layer_loads_no_higher_layer(
    layer: str, prefixes: tuple[str, ...], never: tuple[str, ...]
) -> None:
    loaded = loaded_by(prefixes)
    rank = NAMES.index(layer)
    assert any(layer_of(name) == layer for name in loaded)  # the probe really imported it
    higher = [name for name in loaded if NAMES.index(layer_of(name)) > rank]
    assert higher == [], f"{layer} loads a higher layer"
    forbidden = [name for name in loaded if layer_of(name) in never]
    assert forbidden == [], f"{layer} loads what it must never load"


def test_the_rule_tells_a_lesson_helper_from_a_tool() -> None:
    assert layer_of("ctcoop.lessons.l10_ai_automation.screening_rates") == "lessons"
    assert layer_of("ctcoop.tools.build.un") == "tools"
    assert layer_of("ctcoop.record.progress") == "record"
    assert layer_of("ctcoop.dashboard") == "course"
