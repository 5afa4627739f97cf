"""Binder's environment.yml and pyproject.toml must declare the same runtime packages."""

from __future__ import annotations

import re
import tomllib

from ctcoop.paths import repo_root

ROOT = repo_root()


def _split(requirement: str) -> tuple[str, str]:
    match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement)
    assert match, requirement
    return match[1].lower().replace("_", "-"), match[2].replace(" ", "")


def _conda_packages() -> dict[str, str]:
    packages = {}
    text = (ROOT / "environment.yml").read_text().split("\ndependencies:\n", 1)[1]
    for line in text.splitlines():
        item = re.match(r"^  - (?!pip\b)(\S.*)$", line)
        if item and not item[1].startswith("python"):
            name, spec = _split(item[1])
            packages[name] = spec
    return packages


def test_environment_yml_matches_pyproject():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    declared = dict(_split(r) for r in pyproject["project"]["dependencies"])
    assert _conda_packages() == declared


def test_environment_yml_installs_the_course_package_and_a_supported_python():
    text = (ROOT / "environment.yml").read_text()
    assert re.search(r"^  - python=3\.1[12]$", text, re.M)
    assert "      - -e ." in text
