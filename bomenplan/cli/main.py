"""The `bomenplan` command line: batch work over the same services as the GUI.

Each feature module exposes `add_commands(subparsers)`; its parsers set `func(args) -> int`.
"""

from __future__ import annotations

import argparse
import sys

from bomenplan.cli import (
    bomenbank_commands,
    complaints_commands,
    demo_commands,
    lanen_commands,
    register_commands,
    species_commands,
    standplaats_commands,
)
from bomenplan.cli.gui_args import add_gui_arguments

FEATURE_MODULES = (
    register_commands,
    demo_commands,
    species_commands,
    lanen_commands,
    complaints_commands,
    standplaats_commands,
    bomenbank_commands,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bomenplan", description="Bomenregister en Bomenplan")
    sub = parser.add_subparsers(dest="command")
    add_gui_arguments(sub.add_parser("gui", help="open het programma (standaard)"))
    for module in FEATURE_MODULES:
        module.add_commands(sub)
    return parser


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
