"""Links in the course notebooks lead somewhere, and the start notebook leads to lesson 01."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(
    path
    for folder in ("notebooks", "exercises", "solutions")
    for path in (ROOT / folder).glob("[0-9][0-9]_*.ipynb")
)
LINK = re.compile(r"\]\((?P<target>[^)#\s]+)(?:#[^)]*)?\)")


def markdown(path: Path) -> list[str]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    sources = (cell["source"] for cell in cells if cell["cell_type"] == "markdown")
    return [text if isinstance(text, str) else "".join(text) for text in sources]


def local_links(text: str) -> list[str]:
    targets = (match["target"] for match in LINK.finditer(text))
    return [target for target in targets if not re.match(r"^[a-z]+:", target)]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_relative_link_resolves(path: Path) -> None:
    broken = [
        target
        for text in markdown(path)
        for target in local_links(text)
        if not (path.parent / target).exists()
    ]
    assert not broken, f"{path.name} links to missing files: {broken}"


def test_start_notebook_sends_learners_to_lesson_01() -> None:
    text = "\n".join(markdown(ROOT / "notebooks" / "00_start_here.ipynb"))
    after_next = text[text.rindex("## Next") :]
    assert [Path(target).name for target in local_links(after_next)][:1] == [
        next((ROOT / "notebooks").glob("01_*.ipynb")).name
    ]


def test_local_links_finds_relative_targets_only() -> None:
    text = "[a](01_x.ipynb) [b](../exercises/02_y.ipynb#top) [c](https://example.org/z)"
    assert local_links(text) == ["01_x.ipynb", "../exercises/02_y.ipynb"]
