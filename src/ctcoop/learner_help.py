"""Short course notes after the errors beginners meet most, printed below the traceback.

A wrong column name, a name that is not defined and a bracket left open give
long tracebacks that say what failed but not what to do. In a course notebook,
IPython's own hooks add a few lines after the normal traceback (which is never
hidden or shortened):

- ``KeyError`` on a DataFrame column: the columns the table has, and the closest one;
- ``NameError``: the defined names that look like the missing one;
- ``SyntaxError`` with an unclosed bracket: where that bracket opened.

The first two come through ``InteractiveShell.set_custom_exc``. A syntax error
in a cell never reaches that hook (IPython reports it before running any code),
so the third uses IPython's ``post_run_cell`` event, which fires after the
error is shown. ``install()`` is cheap and idempotent; ``ctcoop`` calls it on
import when IPython is running.
"""

from __future__ import annotations

import difflib
import io
import sys
import tokenize
import weakref
from collections.abc import Iterable
from types import TracebackType
from typing import Any

__all__ = ["install", "key_error_note", "name_error_note", "unclosed_bracket_note"]

_HANDLED = (KeyError, NameError)
_INSTALLED: weakref.WeakSet[Any] = weakref.WeakSet()
_MAX_LISTED = 15
_PAIRS = {"(": ")", "[": "]", "{": "}"}


def _note(lines: Iterable[str]) -> str:
    return "\n".join(["", "Course note:", *(f"  {line}" for line in lines)])


def _closest(name: str, candidates: Iterable[str], count: int = 3) -> list[str]:
    """Candidates spelled like ``name``: same letters in another case first, then similar."""
    pool = sorted(set(candidates))
    same_case = [c for c in pool if c.casefold() == name.casefold() and c != name]
    similar = difflib.get_close_matches(name, pool, n=count, cutoff=0.6)
    return list(dict.fromkeys(same_case + similar))[:count]


def _same_but_case(name: str, candidates: list[str]) -> bool:
    return any(c.casefold() == name.casefold() for c in candidates)


def _dataframe_lookup(tb: TracebackType | None) -> tuple[Any, Any] | None:
    """The DataFrame and the key of the first ``frame[key]`` in the traceback, if any."""
    pandas = sys.modules.get("pandas")
    if pandas is None:  # no pandas loaded, so no DataFrame can have raised
        return None
    while tb is not None:
        frame = tb.tb_frame
        table = frame.f_locals.get("self")
        if frame.f_code.co_name == "__getitem__" and isinstance(table, pandas.DataFrame):
            return table, frame.f_locals.get("key")
        tb = tb.tb_next
    return None


def key_error_note(tb: TracebackType | None) -> str | None:
    """For ``table["colum"]``: the table's columns and the closest match; else None."""
    found = _dataframe_lookup(tb)
    if found is None:
        return None
    table, key = found
    columns = [str(column) for column in table.columns]
    keys = key if isinstance(key, list) else [key]
    missing = [str(k) for k in keys if str(k) not in columns]
    if not missing:
        return None
    listed = ", ".join(repr(c) for c in columns[:_MAX_LISTED])
    more = f" and {len(columns) - _MAX_LISTED} more" if len(columns) > _MAX_LISTED else ""
    lines = [
        f"The table has no column {', '.join(map(repr, missing))}.",
        f"Its columns are: {listed}{more}." if columns else "The table has no columns at all.",
    ]
    for name in missing:
        close = _closest(name, columns, count=1)
        if close:
            case = " (upper and lower case count)" if _same_but_case(name, close) else ""
            lines.append(f"Did you mean {close[0]!r}? Column names must match exactly{case}.")
    return _note(lines)


def name_error_note(name: str | None, defined: Iterable[str]) -> str:
    """For an undefined ``name``: the defined names like it, or the usual reason."""
    close = _closest(name, defined) if name else []
    if close:
        case = " Python tells upper and lower case apart." if _same_but_case(name, close) else ""
        lines = [f"{name!r} is not defined. Defined names that look like it: {', '.join(close)}."]
        lines[0] += case
    else:
        lines = [
            f"{name!r} is not defined yet." if name else "A name is not defined yet.",
            "If a cell above defines or imports it, run that cell first "
            "(Run > Run All Above Selected Cell); after a restart every cell must run again.",
        ]
    return _note(lines)


def unclosed_bracket_note(source: str) -> str | None:
    """Where the innermost bracket that is never closed opened; None if all are closed."""
    opened: list[tuple[str, int, int]] = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type != tokenize.OP:
                continue
            if token.string in _PAIRS:
                opened.append((token.string, *token.start))
            elif token.string in _PAIRS.values():
                if not opened or _PAIRS[opened[-1][0]] != token.string:
                    return None  # a stray or mismatched closer: Python's message says it
                opened.pop()
    except (tokenize.TokenError, SyntaxError):
        pass  # the end of the cell came inside a bracket: exactly the case to explain
    if not opened:
        return None
    bracket, line, column = opened[-1]
    text = source.splitlines()[line - 1]
    return _note(
        [
            f"The {bracket!r} on line {line} is never closed: add {_PAIRS[bracket]!r} "
            "where that part ends.",
            f"    {text}",
            f"    {' ' * column}^",
        ]
    )


def _on_error(shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: Any = None):
    """IPython's custom-exception handler: the normal traceback first, then a note."""
    shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
    if isinstance(value, NameError):
        hidden = getattr(shell, "user_ns_hidden", {})
        names = [n for n in shell.user_ns if not n.startswith("_") and n not in hidden]
        note: str | None = name_error_note(getattr(value, "name", None), names)
    else:
        note = key_error_note(tb)
    if note:
        print(note)
    return None


def _after_cell(result: Any) -> None:
    """``post_run_cell``: explain an unclosed bracket once IPython has shown the error."""
    error = getattr(result, "error_before_exec", None)
    if isinstance(error, SyntaxError):
        note = unclosed_bracket_note(getattr(result.info, "raw_cell", "") or "")
        if note:
            print(note)


def install(shell: Any = None) -> bool:
    """Add the notes to ``shell`` (default: the running IPython). True if they are active.

    Calling it again changes nothing; a shell that already has other custom
    exception handlers is left alone.
    """
    if shell is None:
        ipython = sys.modules.get("IPython")
        shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        return False
    if shell in _INSTALLED:
        return True
    if shell.custom_exceptions:
        return False
    shell.set_custom_exc(_HANDLED, _on_error)
    shell.events.register("post_run_cell", _after_cell)
    _INSTALLED.add(shell)
    return True
