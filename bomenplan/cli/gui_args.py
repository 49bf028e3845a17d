"""The GUI's own arguments, parsed without importing any batch command (start-up stays lean)."""

from __future__ import annotations

import argparse


def add_gui_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="databasebestand of SQLAlchemy-URL")


def parse_gui_args(argv: list[str]) -> argparse.Namespace:
    """`bomenplan [gui] [--db DB]`: the window opens without importing every batch command."""
    parser = argparse.ArgumentParser(prog="bomenplan gui", description="Bomenregister en Bomenplan")
    add_gui_arguments(parser)
    return parser.parse_args(argv[1:] if argv[:1] == ["gui"] else argv)
