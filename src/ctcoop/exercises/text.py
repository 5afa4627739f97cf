"""Turning course text and learner values into safe, short strings.

Prompts, options and hints are written as plain text with a little markdown
(`code`, **bold**, *emphasis*, [links](https://...), blank-line paragraphs).
Everything is HTML-escaped first, so an author's ``<`` or a learner's value can
never inject markup into the notebook.
"""

from __future__ import annotations

import html
import math
import re

__all__ = [
    "Opaque",
    "format_number",
    "render_inline",
    "render_text",
    "safe_repr",
    "type_name",
]

_CODE = re.compile(r"`([^`]+)`")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^\s)]+)\)")


def _inline(escaped: str) -> str:
    pieces = _CODE.split(escaped)
    for i in range(0, len(pieces), 2):  # odd pieces are code: left as typed
        text = _LINK.sub(r'<a href="\2" target="_blank" rel="noopener">\1</a>', pieces[i])
        text = _BOLD.sub(r"<strong>\1</strong>", text)
        pieces[i] = _EMPHASIS.sub(r"<em>\1</em>", text)
    for i in range(1, len(pieces), 2):
        pieces[i] = f"<code>{pieces[i]}</code>"
    return "".join(pieces)


def render_inline(text: str) -> str:
    """One line of course text as HTML, without paragraph tags."""
    return _inline(html.escape(text, quote=True)).replace("\n", "<br>")


def render_text(text: str) -> str:
    """Course text as HTML paragraphs; blank lines separate paragraphs."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "".join(f"<p>{render_inline(p)}</p>" for p in paragraphs)


class Opaque:
    """A stand-in for a learner's object of a type the course does not know.

    It equals only itself, so the object's own ``__eq__`` never decides a
    comparison, and it keeps a safe description of the object for feedback.
    """

    __slots__ = ("text", "type_name")

    def __init__(self, value: object) -> None:
        self.text = safe_repr(value, 60)
        self.type_name = type_name(value)

    def __repr__(self) -> str:
        return self.text


def safe_repr(value: object, limit: int = 60) -> str:
    """A short description of any value, even one whose ``__repr__`` raises."""
    try:
        if type(value).__module__ == "numpy" and hasattr(value, "item"):
            value = value.item()  # 27, not np.int64(27)
        text = repr(value)
    except Exception:  # a learner's object may raise anything here
        return f"a {type(value).__name__} object"
    if not isinstance(text, str):
        return f"a {type(value).__name__} object"
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_number(value: float) -> str:
    """A readable number: thousands separators, no float noise."""
    if not math.isfinite(value):
        return str(value)
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    if abs(value) >= 1e15 or abs(value) < 1e-4:
        return f"{value:.4g}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def type_name(value: object) -> str:
    """What a learner would call the type of ``value`` ("a DataFrame", "text")."""
    names = {
        "str": "text",
        "bytes": "bytes",
        "NoneType": "None",
        "bool": "True/False",
        "ellipsis": "the ... placeholder",
    }
    if isinstance(value, Opaque):
        return value.type_name
    name = type(value).__name__
    if name in names:
        return names[name]
    return f"an {name}" if name[:1].lower() in "aeiou" else f"a {name}"
