"""Command line: ``python -m ctcoop.tools.build [--sources PATH_OR_URL] [--out DIR] [--only T]``."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from ctcoop.paths import data_dir

from . import TABLES
from .package import count_rows, datapackage, render, write_text
from .sources import default_sources, resolve


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Options; ``--only`` restricts which tables are rebuilt (the package lists all)."""
    parser = argparse.ArgumentParser(prog="python -m ctcoop.tools.build", description=__doc__)
    parser.add_argument(
        "--sources",
        default=default_sources(),
        help="folder or base URL laid out like shared/sources "
        "(default: $CTCOOP_SOURCES or ../shared/sources)",
    )
    parser.add_argument("--out", type=Path, default=None, help="output folder (default: data/)")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=sorted(TABLES),
        metavar="TABLE",
        help=f"tables to rebuild, among: {', '.join(TABLES)}",
    )
    parser.add_argument(
        "--official",
        action="store_true",
        help="fetch the inputs the publishers serve as files (UN sanctions XML, "
        "UCDP ACD zip, Natural Earth GeoJSON) from their official URLs; the "
        "compiled inputs still come from --sources",
    )
    parser.add_argument(
        "--cache",
        type=Path,
        default=None,
        help="where URL sources are downloaded (default: a temporary folder)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Build the selected tables, then rewrite ``datapackage.json``; returns the exit code."""
    args = parse_args(argv)
    out = args.out or data_dir()
    names = args.only or list(TABLES)
    with tempfile.TemporaryDirectory(prefix="ctcoop-sources-") as tmp:
        cache = args.cache or Path(tmp)
        for i, name in enumerate(names, 1):
            table = TABLES[name]
            print(f"[{i}/{len(names)}] building {name} ...", end=" ", file=sys.stderr, flush=True)
            start = time.perf_counter()
            try:
                sources = resolve(args.sources, table.inputs, cache, args.official)
                write_text(out / table.path, render(table, table.build(sources)))
            except (OSError, ValueError) as error:
                print(f"FAILED: {error}", file=sys.stderr)
                return 1
            rows = count_rows(table, out / table.path)
            print(f"{rows} rows ({time.perf_counter() - start:.1f} s)", file=sys.stderr)
    write_text(out / "datapackage.json", datapackage(list(TABLES.values()), out))
    print(f"wrote {out / 'datapackage.json'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
