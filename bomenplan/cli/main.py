"""The `bomenplan` command line: batch work over the same services as the GUI.

Each feature module exposes `add_commands(subparsers)`; its parsers set `func(args) -> int`.
"""

from __future__ import annotations

import argparse
import sys

from bomenplan.optional_modules import import_if_present

FEATURE_MODULES = (
    "bomenplan.cli.register_commands",
    "bomenplan.cli.demo_commands",
    "bomenplan.cli.species_commands",
    "bomenplan.cli.lanen_commands",
    "bomenplan.cli.complaints_commands",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bomenplan", description="Bomenregister en Bomenplan")
    sub = parser.add_subparsers(dest="command")
    _add_gui_arguments(sub.add_parser("gui", help="open het programma (standaard)"))
    for name in FEATURE_MODULES:
        module = import_if_present(name)
        if module is not None:
            module.add_commands(sub)
    return parser


def _add_gui_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="databasebestand of SQLAlchemy-URL")


def parse_gui_args(argv: list[str]) -> argparse.Namespace:
    """The GUI's arguments alone: the window opens without importing every batch command."""
    parser = argparse.ArgumentParser(prog="bomenplan gui", description="Bomenregister en Bomenplan")
    _add_gui_arguments(parser)
    return parser.parse_args(argv[1:] if argv[:1] == ["gui"] else argv)


def run_cli(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("afgebroken", file=sys.stderr)
        return 130
