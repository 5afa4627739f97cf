"""Load the course tables from ``data/`` as typed pandas DataFrames.

The column types come from ``data/datapackage.json`` (the Frictionless schema
the build code writes), so a notebook gets dates as ``datetime64``, counts as
nullable ``Int64``, flags as ``boolean`` and short vocabularies as categories
without any per-table code. Every file's sha256 is checked against the package
on first read: a damaged or hand-edited table fails loudly, with the way to
restore it, instead of silently teaching wrong numbers.

Only pandas and the standard library are imported, so ``import ctcoop.data``
stays fast.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from ctcoop.paths import DATA_ENV, data_dir

__all__ = ["DataError", "catalogue", "clear_cache", "describe", "load", "load_world_map", "notes"]

PACKAGE_FILE = "datapackage.json"


class DataError(Exception):
    """A course data file is missing, damaged or does not match its description."""


def _restore_hint(file_name: str) -> str:
    return (
        f"Restore it with `git checkout data/{file_name}` or rebuild the tables with "
        "`python -m ctcoop.tools.build`."
    )


def _folder_problem(folder: Path) -> str | None:
    """Why ``folder`` cannot hold the course tables, or None if it can."""
    if folder.is_dir():
        return None
    origin = f" (set by ${DATA_ENV})" if os.environ.get(DATA_ENV) else ""
    what = "is a file, not a folder" if folder.exists() else "does not exist"
    return (
        f"The course data folder {folder}{origin} {what}. Point ${DATA_ENV} at the "
        "checkout's data/ folder, or unset it to use the checkout's own."
    )


_RESOURCE_KEYS = {"name": str, "path": str, "format": str, "hash": str, "rows": int, "schema": dict}
_FIELD_KEYS = {"name": str, "type": str}
_FIELD_TYPES = {"string", "integer", "number", "boolean", "date"}


def _package_problem(package: object) -> str | None:
    """What is wrong with the parsed package's structure, or None if the loaders can use it."""
    if not isinstance(package, dict) or not isinstance(package.get("resources"), list):
        return "it must be an object with a list of 'resources'"
    for index, resource in enumerate(package["resources"]):
        if not isinstance(resource, dict):
            return f"resource {index} is not an object"
        label = f"resource {resource.get('name', index)!r}"
        for key, kind in _RESOURCE_KEYS.items():
            value = resource.get(key)
            if not isinstance(value, kind) or isinstance(value, bool):
                return f"{label}: '{key}' is missing or not of type {kind.__name__}"
        if resource["format"] not in ("csv", "geojson"):
            return f"{label}: unknown format {resource['format']!r}"
        fields = resource["schema"].get("fields")
        if not isinstance(fields, list) or not fields:
            return f"{label}: 'schema.fields' must be a non-empty list"
        for field in fields:
            if not isinstance(field, dict) or any(
                not isinstance(field.get(key), kind) for key, kind in _FIELD_KEYS.items()
            ):
                return f"{label}: every field needs a text 'name' and 'type'"
            if field["type"] not in _FIELD_TYPES:
                return f"{label}: field {field['name']!r} has unknown type {field['type']!r}"
            enum = field.get("constraints", {}).get("enum", [])
            if not isinstance(enum, list) or not all(isinstance(v, str) for v in enum):
                return f"{label}: field {field['name']!r} has an enum that is not a list of text"
    return None


@lru_cache(maxsize=8)
def _package(folder: str) -> dict[str, Any]:
    problem = _folder_problem(Path(folder))
    if problem:
        raise DataError(problem)
    path = Path(folder) / PACKAGE_FILE
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{path} is missing. {_restore_hint(PACKAGE_FILE)}") from None
    except OSError as error:
        raise DataError(
            f"{path} cannot be read ({error.strerror}). {_restore_hint(PACKAGE_FILE)}"
        ) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise DataError(
            f"{path} cannot be parsed ({error}). {_restore_hint(PACKAGE_FILE)}"
        ) from None
    problem = _package_problem(package)
    if problem:
        raise DataError(f"{path} is malformed: {problem}. {_restore_hint(PACKAGE_FILE)}")
    return package


def _resources() -> dict[str, dict[str, Any]]:
    return {r["name"]: r for r in _package(str(data_dir())).get("resources", [])}


def _resource(name: str) -> dict[str, Any]:
    resources = _resources()
    if name not in resources:
        raise KeyError(f"no course table named {name!r}; available: {', '.join(resources)}")
    return resources[name]


@lru_cache(maxsize=64)
def _verified_bytes(path: str, expected: str) -> bytes:
    """The file's bytes, after checking them against the package's sha256 (once per file)."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{file} is missing. {_restore_hint(file.name)}") from None
    except OSError as error:  # a folder where the table should be, no permission, ...
        raise DataError(
            f"{file} cannot be read ({error.strerror}). {_restore_hint(file.name)}"
        ) from None
    actual = "sha256:" + hashlib.sha256(data).hexdigest()
    if actual != expected:
        raise DataError(
            f"{file} is damaged or was edited: its checksum does not match "
            f"datapackage.json. {_restore_hint(file.name)}"
        )
    return data


def _read(resource: dict[str, Any]) -> bytes:
    return _verified_bytes(str(data_dir() / resource["path"]), resource["hash"])


def _typed(column: pd.Series, field: dict[str, Any]) -> pd.Series:
    """One text column converted to the pandas dtype its schema field declares."""
    kind = field["type"]
    missing = column == ""
    if kind in ("integer", "number"):
        # pd.array parses each text with int() or float(): strict, and faster than to_numeric
        dtype = "Int64" if kind == "integer" else "float64"
        values = pd.array(column.mask(missing).to_numpy(), dtype=dtype)
        return pd.Series(values, index=column.index, name=column.name)
    if kind == "boolean":
        values = column.map({"true": True, "false": False, "": pd.NA})
        if values.isna().sum() != missing.sum():
            raise ValueError(f"column {field['name']} holds values that are not true/false")
        return values.astype("boolean")
    if kind == "date":
        return pd.to_datetime(
            column.mask(missing), format=field.get("format", "%Y-%m-%d"), errors="raise"
        )
    enum = field.get("constraints", {}).get("enum")
    if enum is not None:
        categories = [value for value in enum if value != ""]
        return pd.Series(
            pd.Categorical(column.mask(missing), categories=categories),
            index=column.index,
            name=column.name,
        )
    return column.mask(missing)


def _check_enum(raw: pd.DataFrame, fields: list[dict[str, Any]]) -> None:
    for field in fields:
        enum = field.get("constraints", {}).get("enum")
        if enum is None:
            continue
        unknown = set(raw[field["name"]]) - set(enum)
        if unknown:
            raise ValueError(
                f"column {field['name']} has values outside its schema: {sorted(unknown)[:5]}"
            )


def _geojson(resource: dict[str, Any], data: bytes) -> dict[str, Any]:
    """A GeoJSON resource parsed; DataError if it is not a FeatureCollection."""
    try:
        layer = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise DataError(
            f"{data_dir() / resource['path']} cannot be parsed as JSON ({error}). "
            f"{_restore_hint(resource['path'])}"
        ) from None
    features = layer.get("features") if isinstance(layer, dict) else None
    if not isinstance(features, list) or not all(isinstance(f, dict) for f in features):
        raise DataError(
            f"{data_dir() / resource['path']} is not a GeoJSON FeatureCollection. "
            f"{_restore_hint(resource['path'])}"
        )
    return layer


def _check_rows(resource: dict[str, Any], count: int) -> None:
    """A table cut short (or padded) fails even if its checksum was updated to match."""
    if count != resource["rows"]:
        raise DataError(
            f"{data_dir() / resource['path']} has {count} rows, but "
            f"datapackage.json declares {resource['rows']}. "
            f"{_restore_hint(resource['path'])}"
        )


@lru_cache(maxsize=32)
def _load(folder: str, name: str) -> pd.DataFrame:
    resource = _resource(name)
    data = _read(resource)
    fields = resource["schema"]["fields"]
    try:
        if resource["format"] == "geojson":
            features = _geojson(resource, data)["features"]
            raw = pd.DataFrame([f.get("properties") for f in features], dtype=str).fillna("")
        else:
            raw = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8")
        _check_rows(resource, len(raw))
        names = [f["name"] for f in fields]
        if list(raw.columns) != names:
            raise ValueError(f"columns {list(raw.columns)} differ from the schema {names}")
        _check_enum(raw, fields)
        return pd.DataFrame({f["name"]: _typed(raw[f["name"]], f) for f in fields})
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, pd.errors.ParserError) as error:
        raise DataError(
            f"{data_dir() / resource['path']} does not match its schema ({error}). "
            f"{_restore_hint(resource['path'])}"
        ) from None


def load(name: str) -> pd.DataFrame:
    """A course table as a typed DataFrame (a fresh copy: change it freely).

    ``load("world_map")`` gives the map's attributes without geometry; use
    :func:`load_world_map` for the shapes.
    """
    return _load(str(data_dir()), name).copy()


def load_world_map() -> dict[str, Any]:
    """The world map as a parsed GeoJSON FeatureCollection (a fresh object each call)."""
    resource = _resource("world_map")
    layer = _geojson(resource, _read(resource))
    _check_rows(resource, len(layer["features"]))
    return layer


def catalogue() -> pd.DataFrame:
    """One row per table: name, title, rows, source, licence, retrieval date and file."""
    rows = [
        {
            "name": r["name"],
            "title": r["title"],
            "rows": r["rows"],
            "source": "; ".join(s["title"] for s in r.get("sources", [])),
            "licence": "; ".join(lic["title"] for lic in r.get("licenses", [])),
            "retrieved": r.get("retrieved", ""),
            "path": r["path"],
        }
        for r in _resources().values()
    ]
    return pd.DataFrame(rows).astype({"rows": "Int64"})


def describe(name: str) -> pd.DataFrame:
    """The columns of a table: name, type, description and allowed values."""
    fields = _resource(name)["schema"]["fields"]
    return pd.DataFrame(
        [
            {
                "column": f["name"],
                "type": f["type"],
                "description": f.get("description", ""),
                "allowed_values": ", ".join(
                    v for v in f.get("constraints", {}).get("enum", []) if v
                ),
            }
            for f in fields
        ]
    )


def notes(name: str) -> list[str]:
    """The table's caveats and gaps, as written in the data package."""
    return list(_resource(name).get("notes", []))


def clear_cache() -> None:
    """Forget cached files, e.g. after rebuilding the tables in a running kernel."""
    _package.cache_clear()
    _verified_bytes.cache_clear()
    _load.cache_clear()
