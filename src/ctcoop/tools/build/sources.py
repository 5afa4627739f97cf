"""Where the build reads its inputs: a local folder, or a base URL mirroring its layout.

Builders only ever see a local folder; for a URL the needed files are fetched
once with :mod:`urllib` into a cache folder laid out the same way.
"""

from __future__ import annotations

import os
import shutil
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Iterable
from pathlib import Path

from ctcoop.paths import repo_root

SOURCES_ENV = "CTCOOP_SOURCES"
TIMEOUT_S = 120
# Inputs the publisher itself serves in machine-readable form (``--official``). The
# other inputs were compiled from web pages and exist only as the snapshots.
OFFICIAL: dict[str, str] = {
    "un/un_sc_consolidated_sanctions_list_2025-11-20.xml": "https://scsanctions.un.org/resources/xml/en/consolidated.xml",
    "geo/ne_110m_admin_0_countries.geojson": "https://raw.githubusercontent.com/nvkelso/natural-earth-vector/master/geojson/"
    "ne_110m_admin_0_countries.geojson",
    "events/ucdp_prio_acd_v25_1.csv": "https://ucdp.uu.se/downloads/ucdpprio/ucdp-prio-acd-251-csv.zip",
}


def default_sources() -> str:
    """``$CTCOOP_SOURCES``, else ``../shared/sources`` next to the checkout."""
    return os.environ.get(SOURCES_ENV) or str(repo_root().parent / "shared" / "sources")


def is_url(location: str) -> bool:
    """True for http(s) and file URLs."""
    return urllib.parse.urlparse(location).scheme in {"http", "https", "file"}


def download(url: str, target: Path) -> None:
    """Save ``url`` at ``target``; from a ``.zip`` keep its single CSV member."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    with urllib.request.urlopen(url, timeout=TIMEOUT_S) as response, partial.open("wb") as out:
        shutil.copyfileobj(response, out)
    if url.endswith(".zip"):
        with zipfile.ZipFile(partial) as archive:
            (member,) = [n for n in archive.namelist() if n.lower().endswith(".csv")]
            partial.write_bytes(archive.read(member))
    partial.replace(target)


def fetch(
    base_url: str, relative_paths: Iterable[str], cache: Path, official: bool = False
) -> Path:
    """Download each path into ``cache`` (kept across calls): from the publisher's own
    URL when ``official`` and one is known, else from ``base_url/<path>``."""
    base = base_url if base_url.endswith("/") else base_url + "/"
    for relative in relative_paths:
        target = cache / relative
        if not target.exists():
            url = OFFICIAL.get(relative) if official else None
            download(url or urllib.parse.urljoin(base, urllib.parse.quote(relative)), target)
    return cache


def resolve(
    location: str, relative_paths: Iterable[str], cache: Path, official: bool = False
) -> Path:
    """A local folder holding ``relative_paths``: ``location`` itself or a fetched copy."""
    if official and not is_url(location):
        location = Path(location).resolve().as_uri()
    if is_url(location):
        return fetch(location, relative_paths, cache, official)
    folder = Path(location)
    missing = [p for p in relative_paths if not (folder / p).exists()]
    if missing:
        raise FileNotFoundError(f"source files missing under {folder}: {missing}")
    return folder
