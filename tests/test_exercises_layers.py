"""The engine's public names (its place among the layers is held by ``test_layers.py``)."""

from __future__ import annotations

import importlib
import pkgutil

import ctcoop.exercises


def engine_modules() -> list[str]:
    return [
        f"ctcoop.exercises.{info.name}" for info in pkgutil.iter_modules(ctcoop.exercises.__path__)
    ]


def test_every_engine_module_declares_its_public_names() -> None:
    for name in ["ctcoop.exercises", *engine_modules()]:
        module = importlib.import_module(name)
        assert isinstance(getattr(module, "__all__", None), list), name
        assert all(hasattr(module, public) for public in module.__all__), name


def test_the_engine_no_longer_builds_exercises_from_the_bank() -> None:
    assert not hasattr(ctcoop.exercises, "exercise")
