"""Where the build reads its inputs: a local folder, or a base URL mirroring its layout.

Builders only ever see a local folder; for a URL the needed files are fetched
once with :mod:`urllib` into a cache folder laid out the same way.
"""

from __future__ import annotations

import os
import shutil
import urllib.parse
import urllib.request
from collections.abc import Iterable
from pathlib import Path

from ..paths import repo_root

SOURCES_ENV = "CTCOOP_SOURCES"
TIMEOUT_S = 120


def default_sources() -> str:
    """``$CTCOOP_SOURCES``, else ``../shared/sources`` next to the checkout."""
    return os.environ.get(SOURCES_ENV) or str(repo_root().parent / "shared" / "sources")


def is_url(location: str) -> bool:
    """True for http(s) and file URLs."""
    return urllib.parse.urlparse(location).scheme in {"http", "https", "file"}


def fetch(base_url: str, relative_paths: Iterable[str], cache: Path) -> Path:
    """Download ``base_url/<path>`` for each path into ``cache`` (kept across calls)."""
    base = base_url if base_url.endswith("/") else base_url + "/"
    for relative in relative_paths:
        target = cache / relative
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        url = urllib.parse.urljoin(base, urllib.parse.quote(relative))
        partial = target.with_suffix(target.suffix + ".part")
        with urllib.request.urlopen(url, timeout=TIMEOUT_S) as response, \
                partial.open("wb") as out:
            shutil.copyfileobj(response, out)
        partial.replace(target)
    return cache


def resolve(location: str, relative_paths: Iterable[str], cache: Path) -> Path:
    """A local folder holding ``relative_paths``: ``location`` itself or a fetched copy."""
    if is_url(location):
        return fetch(location, relative_paths, cache)
    folder = Path(location)
    missing = [p for p in relative_paths if not (folder / p).exists()]
    if missing:
        raise FileNotFoundError(f"source files missing under {folder}: {missing}")
    return folder
