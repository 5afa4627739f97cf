"""Read and write notebooks exactly as JupyterLab saves them.

JupyterLab saves through ``jupyter_server``, which writes with ``nbformat``:
each multi-line text (a cell's source, a stream's text) becomes a list of
lines, keys are sorted, the indent is one space and the file ends with a
newline. Writing the same way means that opening a course notebook in
JupyterLab and saving it changes nothing, and that a one-word edit is a
one-line diff. Every notebook is validated against the nbformat schema on the
way in and on the way out.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat import NotebookNode

__all__ = ["NotebookNode", "from_text", "read", "render", "write"]


def from_text(text: str) -> NotebookNode:
    """A notebook parsed from its JSON text and validated (nbformat 4)."""
    notebook = nbformat.reads(text, as_version=4)
    nbformat.validate(notebook)
    return notebook


def read(path: Path) -> NotebookNode:
    """The notebook stored at ``path``, validated."""
    return from_text(path.read_text(encoding="utf-8"))


def render(notebook: NotebookNode | dict) -> str:
    """The text JupyterLab would save for ``notebook`` (validated first)."""
    node = nbformat.from_dict(notebook)
    nbformat.validate(node)
    return nbformat.writes(node, version=nbformat.NO_CONVERT) + "\n"


def write(notebook: NotebookNode | dict, path: Path) -> bool:
    """Save ``notebook`` at ``path`` in JupyterLab's form; False if the file was already so."""
    text = render(notebook)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True
