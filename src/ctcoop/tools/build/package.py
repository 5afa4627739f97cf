"""Write tables and ``datapackage.json`` deterministically (same input, same bytes)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path
from typing import Any

import pandas as pd

from .schema import LICENCES, RETRIEVED, Table

PACKAGE_NAME = "ctcoop-course-data"
PACKAGE_TITLE = "Counter-Terrorism Cooperation, with Data: course tables"
MEDIATYPES = {"csv": "text/csv", "geojson": "application/geo+json"}


def csv_text(frame: pd.DataFrame) -> str:
    """CSV with LF endings, booleans as true/false, missing values as empty cells."""
    out = frame.copy()
    for column in out.columns:
        if isinstance(out[column].dtype, pd.BooleanDtype):
            out[column] = out[column].map({True: "true", False: "false"}).fillna("")
    return out.to_csv(index=False, lineterminator="\n", encoding="utf-8")


def geojson_text(collection: dict[str, Any]) -> str:
    """Compact GeoJSON, one feature per line so diffs stay readable."""
    features = ",\n".join(
        json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in collection["features"]
    )
    return f'{{"type":"FeatureCollection","features":[\n{features}\n]}}\n'


def render(table: Table, built: Any) -> str:
    """The file text of a freshly built table."""
    if table.format == "geojson":
        return geojson_text(built)
    return csv_text(table.conform(built))


def write_text(path: Path, text: str) -> None:
    """Write atomically, so an interrupted build never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(text.encode("utf-8"))
    partial.replace(path)


def sha256(path: Path) -> str:
    """Hex sha256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count_rows(table: Table, path: Path) -> int:
    """Records in a written file (CSV records, not lines: fields may hold newlines)."""
    text = path.read_text(encoding="utf-8")
    if table.format == "geojson":
        return len(json.loads(text)["features"])
    return sum(1 for _ in csv.reader(io.StringIO(text))) - 1


def resource(table: Table, folder: Path) -> dict[str, Any]:
    """The Frictionless resource descriptor of a written table."""
    path = folder / table.path
    schema: dict[str, Any] = {"fields": [f.descriptor() for f in table.fields]}
    if table.primary_key:
        schema["primaryKey"] = list(table.primary_key)
    if table.format == "csv":
        schema["missingValues"] = [""]
    return {
        "name": table.name,
        "title": table.title,
        "description": table.description,
        "path": table.path,
        "format": table.format,
        "mediatype": MEDIATYPES[table.format],
        "encoding": "utf-8",
        "bytes": path.stat().st_size,
        "hash": f"sha256:{sha256(path)}",
        "rows": count_rows(table, path),
        "retrieved": table.retrieved,
        "inputs": list(table.inputs),
        "sources": [{"title": s.title, "path": s.path} for s in table.sources],
        "licenses": [LICENCES[key] for key in table.licences],
        "notes": list(table.notes),
        "schema": schema,
    }


def datapackage(tables: list[Table], folder: Path) -> str:
    """``datapackage.json`` text describing every table file present in ``folder``."""
    used = sorted({key for t in tables for key in t.licences})
    package = {
        "profile": "data-package",
        "name": PACKAGE_NAME,
        "title": PACKAGE_TITLE,
        "description": "Tidy tables built by `python -m ctcoop.tools.build` from the snapshots "
        "described in the sources' PROVENANCE.md files. Gaps are left empty, never filled.",
        "retrieved": max((t.retrieved for t in tables), default=RETRIEVED),
        "licenses": [LICENCES[key] for key in used],
        "resources": [resource(t, folder) for t in tables if (folder / t.path).exists()],
    }
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"
