"""Helpers for the course *Counter-Terrorism Cooperation, with Data*.

Notebooks use a handful of names from here::

    from ctcoop import load, catalogue, notes, exercise, dashboard, plots

They are imported lazily (module ``__getattr__``) so that ``import ctcoop``
stays cheap: widgets and plotting load only when a notebook first asks.
``catalogue`` is the list of data tables; the exercises' registry is
``ctcoop.bank.registry``.
"""

from __future__ import annotations

import sys
from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "load": "ctcoop.data",
    "catalogue": "ctcoop.data",
    "describe": "ctcoop.data",
    "load_world_map": "ctcoop.data",
    "DataError": "ctcoop.data",
    "notes": "ctcoop.data",
    "exercise": "ctcoop.course",
    "dashboard": "ctcoop.dashboard",
    "export_progress": "ctcoop.record.export",
}
_LAZY_MODULES = {"plots": "ctcoop.plots"}  # whole modules, used as ``plots.show(...)``

__all__ = sorted([*_LAZY, *_LAZY_MODULES])


def __getattr__(name: str) -> Any:
    if name in _LAZY_MODULES:
        value = import_module(_LAZY_MODULES[name])
    elif name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
    else:
        raise AttributeError(f"module 'ctcoop' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


# --- Course notes after common errors (owned by ctcoop.learner_help) ---------------------
# In a running IPython (a notebook kernel), add short notes below the tracebacks of the
# errors beginners meet most. Cheap: nothing is imported unless IPython already is.
if "IPython" in sys.modules:
    from ctcoop.learner_help import install as _install_learner_help

    _install_learner_help()
# --- end of course notes ------------------------------------------------------------------

# --- Printed tables without empty header cells (owned by ctcoop.tables) -------------------
if "IPython" in sys.modules:
    from ctcoop.tables import install as _install_tables

    _install_tables()
# --- end of printed tables ----------------------------------------------------------------
