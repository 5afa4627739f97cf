"""The course website: every lesson and exercises notebook as a static page (Jupyter Book 1.x).

``./course site`` (``ctcoop-site``) writes a table of contents in course order
from the notebooks that exist, so a new lesson appears without an edit here,
and builds from the stored outputs (nothing is executed) with warnings as
errors. Solutions notebooks and the instructor guide are left out: the site
must never show answers. Launch buttons (Binder, and a JupyterHub through
nbgitpuller) come from ``site/_config.yml``, the one place that names the
course's repository and hub. Templates in ``site/_templates`` give the theme's
page parts landmarks and names (checked by axe-core in
``tests/test_accessibility.py``), and every page's printed tables are written
without empty header cells (``ctcoop.tables``), as a notebook kernel shows them.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

from ctcoop.paths import repo_root
from ctcoop.tables import without_empty_headers

__all__ = [
    "CONFIG",
    "binder_url",
    "build",
    "main",
    "nbgitpuller_url",
    "pages",
    "settings",
    "sync_links",
    "table_of_contents",
]

CONFIG = Path("site") / "_config.yml"
OUTPUT = Path("build") / "site"
LINKED_DOCS = ("README.md", "INSTRUCTORS.md")
_BINDER = re.compile(r"https://mybinder\.org/v2/gh/[^/\s)]+/[^/\s)]+/[^?\s)]+\?urlpath=lab/tree/")
_PULLER = re.compile(
    r"https://\S+?/hub/user-redirect/git-pull\?repo=[^&\s]+&urlpath=lab/tree/[^/\s]+/"
)


def settings(root: Path) -> dict[str, str]:
    """The course's repository, branch and hub, from ``site/_config.yml``."""
    import yaml

    config = yaml.safe_load((root / CONFIG).read_text())
    return {
        "repository": config["repository"]["url"].rstrip("/"),
        "branch": config["repository"].get("branch", "main"),
        "hub": (config["launch_buttons"].get("jupyterhub_url") or "").rstrip("/"),
    }


def binder_url(config: dict[str, str], notebook: str = "") -> str:
    """Binder's link that opens ``notebook`` (a path in the repository) in JupyterLab."""
    slug = config["repository"].removeprefix("https://github.com/")
    return f"https://mybinder.org/v2/gh/{slug}/{config['branch']}?urlpath=lab/tree/{notebook}"


def nbgitpuller_url(config: dict[str, str], notebook: str = "") -> str:
    """The hub link that clones (or updates) the course and opens ``notebook``."""
    hub = config["hub"] or "https://YOUR-HUB.example.org"
    folder = config["repository"].rsplit("/", 1)[-1]
    return (
        f"{hub}/hub/user-redirect/git-pull?repo={quote(config['repository'], safe='')}"
        f"&urlpath=lab/tree/{folder}/{notebook}"
    )


def sync_links(root: Path, write: bool = True) -> list[str]:
    """Make every Binder and nbgitpuller link in the guides follow the settings.

    Returns the guides that were (or, with ``write=False``, would be) changed.
    """
    config = settings(root)
    changed = []
    for name in LINKED_DOCS:
        path = root / name
        text = path.read_text()
        new = _BINDER.sub(binder_url(config), text)
        new = _PULLER.sub(nbgitpuller_url(config), new)
        if new != text:
            changed.append(name)
            if write:
                path.write_text(new)
    return changed


def pages(root: Path) -> dict[str, list[str]]:
    """Site pages by part, in course order, as paths without suffix relative to ``root``."""
    lessons = sorted(p for p in (root / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    exercises = sorted(p for p in (root / "exercises").glob("[0-9][0-9]_*.ipynb"))
    return {
        "Lessons": [str(p.relative_to(root).with_suffix("")) for p in lessons],
        "Exercises": [str(p.relative_to(root).with_suffix("")) for p in exercises],
    }


def table_of_contents(root: Path) -> str:
    """Jupyter Book's ``_toc.yml`` for the course, with ``site/index.md`` as the home page."""
    lines = ["format: jb-book", "root: site/index", "parts:"]
    for caption, files in pages(root).items():
        lines += [f"  - caption: {caption}", "    chapters:"]
        lines += [f"      - file: {name}" for name in files]
    return "\n".join(lines) + "\n"


def build(root: Path, output: Path) -> Path:
    """Build the site into ``output``; returns the folder holding ``index.html``.

    Tables stored in the notebooks before ``ctcoop.tables`` existed still have
    empty header cells; the build writes them as a kernel now would.

    Raises ``subprocess.CalledProcessError`` when Jupyter Book reports any warning.
    """
    with tempfile.TemporaryDirectory(prefix="ctcoop-site-") as scratch:
        toc = Path(scratch) / "_toc.yml"
        toc.write_text(table_of_contents(root))
        if output.exists():
            shutil.rmtree(output)
        command = [
            str(Path(sys.executable).with_name("jupyter-book")),
            "build",
            str(root),
            "--config",
            str(root / CONFIG),
            "--toc",
            str(toc),
            "--path-output",
            str(output),
            "--warningiserror",
            "--nitpick",
            "--keep-going",
        ]
        subprocess.run(command, check=True)
    html = output / "_build" / "html"
    for page in html.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if (fixed := without_empty_headers(text)) != text:
            page.write_text(fixed, encoding="utf-8")
    return html


def main(argv: list[str] | None = None) -> int:
    """Command line: ``ctcoop-site [--output DIR]`` or ``ctcoop-site --links``."""
    parser = argparse.ArgumentParser(prog="ctcoop-site", description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=None, help=f"default: {OUTPUT}")
    parser.add_argument(
        "--links",
        action="store_true",
        help=f"rewrite the Binder and hub links in {', '.join(LINKED_DOCS)} "
        f"from {CONFIG}, then stop",
    )
    args = parser.parse_args(argv)
    root = repo_root()
    if args.links:
        for name in sync_links(root):
            print(f"updated the links in {name}")
        return 0
    try:
        html = build(root, args.output or root / OUTPUT)
    except subprocess.CalledProcessError:
        print("The site did not build: see Jupyter Book's warnings above.", file=sys.stderr)
        return 1
    print(f"Built the course website: {html / 'index.html'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
