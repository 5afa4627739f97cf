"""The ``ctcoop-author`` command: one sub-command per pipeline, plus the checks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ctcoop.paths import repo_root
from ctcoop.tools.authoring import pipelines
from ctcoop.tools.authoring.markers import AuthoringError

__all__ = ["main"]

COMMANDS = {
    "record": "run notebooks/ and solutions/ and store their outputs",
    "generate": "rewrite exercises/ from solutions/ (refuses stray markers and wrong keys)",
    "check": "exit 1 if exercises/ is out of date",
    "keys": "check every discrete key in the bank against its solution; print new ones",
    "format": "re-save notebooks in JupyterLab's form without running them",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ctcoop-author",
        description="Authoring tools for the course notebooks.",
        epilog="\n".join(f"  {name:9} {text}" for name, text in COMMANDS.items()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("command", choices=list(COMMANDS))
    parser.add_argument("--root", type=Path, default=repo_root(), help="course checkout")
    parser.add_argument(
        "notebooks",
        nargs="*",
        type=Path,
        help="only these notebooks (record: lessons or solutions; generate, keys: solutions)",
    )
    return parser


def _report(paths: list[Path], verb: str, root: Path) -> int:
    for path in paths:
        print(f"{verb} {path.relative_to(root) if path.is_relative_to(root) else path}")
    return 0


def _keys(root: Path, only: list[Path]) -> int:
    checks = pipelines.key_checks(root, only)
    for check in checks:
        print(check.describe())
    if not only:
        for exercise_id in pipelines.unchecked_keys(checks):
            print(f"unchecked {exercise_id}: no solutions notebook answers it")
    wrong = [check for check in checks if not check.agrees]
    if wrong:
        print(
            f"{len(wrong)} of {len(checks)} keys need attention: paste each key= shown into "
            "the exercise's definition in src/ctcoop/bank/ (a multi-select's solution should "
            "submit a set or list of option keys)",
            file=sys.stderr,
        )
    return 1 if wrong else 0


def _check(root: Path) -> int:
    problems = pipelines.stale_exercises(root)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print("run `ctcoop-author generate` to update exercises/", file=sys.stderr)
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    """Run one command; exit status 0 if all is well, 1 if a check fails, 2 on an error."""
    args = _parser().parse_intermixed_args(argv)
    root, only = args.root.resolve(), args.notebooks
    try:
        if args.command == "record":
            return _report(pipelines.record(root, only), "recorded", root)
        if args.command == "generate":
            return _report(pipelines.generate(root, only), "wrote", root)
        if args.command == "format":
            return _report(pipelines.format_notebooks(root, only), "formatted", root)
        if args.command == "keys":
            return _keys(root, only)
        return _check(root)
    except AuthoringError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
