"""Printed tables that a screen reader can read: no header cell is left empty.

pandas writes the corner above an unnamed index, and the blanks beside a named
one, as empty ``<th></th>`` cells. A screen reader announces each as a header
with no name, and axe-core reports them (rule ``empty-table-header``). Such a
cell heads nothing, so it becomes an ordinary empty data cell (``<td>``).

The one function serves both places a learner reads a table: in a notebook
kernel, :func:`install` makes IPython render every DataFrame through it
(``import ctcoop`` calls it); the website build (``ctcoop.tools.site``) runs
it over the stored outputs of every page.
"""

from __future__ import annotations

import re
import sys
from typing import Any

__all__ = ["install", "without_empty_headers"]

_EMPTY_HEADER = re.compile(r"<th(\s[^>]*)?>(?:\s|&nbsp;|&#160;)*</th>", re.IGNORECASE)


def without_empty_headers(html: str) -> str:
    """``html`` with every empty ``<th>`` cell written as a ``<td>`` (attributes kept).

    >>> without_empty_headers('<tr><th></th><th>year</th></tr><tr><th class="blank">&nbsp;</th>')
    '<tr><td></td><th>year</th></tr><tr><td class="blank"></td>'
    """
    return _EMPTY_HEADER.sub(lambda match: f"<td{match.group(1) or ''}></td>", html)


def _dataframe_html(frame: Any) -> str | None:
    html = frame._repr_html_()
    return None if html is None else without_empty_headers(html)


def install(shell: Any = None) -> bool:
    """Render DataFrames in ``shell`` (default: the running IPython) without empty headers.

    Returns True if the shell now does. Registered by type name, so pandas is
    not imported until a notebook imports it.
    """
    if shell is None:
        ipython = sys.modules.get("IPython")
        shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        return False
    formatter = shell.display_formatter.formatters["text/html"]
    formatter.for_type_by_name("pandas.core.frame", "DataFrame", _dataframe_html)
    return True
