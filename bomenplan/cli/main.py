"""The `bomenplan` command line: batch work over the same services as the GUI.

Each feature module exposes `add_commands(subparsers)`; its parsers set `func(args) -> int`.
"""

from __future__ import annotations

import argparse
import os
import sys

from bomenplan.cli import (
    area_commands,
    audit_command,
    backup_commands,
    bomenbank_commands,
    complaints_commands,
    demo_commands,
    field_commands,
    inspection_commands,
    lanen_commands,
    register_commands,
    report_commands,
    rule_3_30_300_command,
    species_commands,
    standplaats_commands,
    users_commands,
    work_order_commands,
)
from bomenplan.cli.dutch_argparse import DutchArgumentParser
from bomenplan.cli.error_text import os_error_text
from bomenplan.cli.gui_args import add_gui_arguments
from bomenplan.cli.progress_line import progress_lines_closed
from bomenplan.domain.errors import BomenplanError

FEATURE_MODULES = (
    register_commands,
    demo_commands,
    species_commands,
    lanen_commands,
    complaints_commands,
    standplaats_commands,
    bomenbank_commands,
    work_order_commands,
    inspection_commands,
    report_commands,
    rule_3_30_300_command,
    users_commands,
    audit_command,
    area_commands,
    field_commands,
    backup_commands,
)


def build_parser() -> argparse.ArgumentParser:
    parser = DutchArgumentParser(prog="bomenplan", description="Bomenregister en Bomenplan")
    parser.add_argument("--gebruiker", dest="acting_user", default="",
                        help="werk als deze geregistreerde gebruiker (anders BOMENPLAN_USER of "
                             "de inlognaam)")
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
    previous = os.environ.get("BOMENPLAN_USER")
    if args.acting_user:  # who acts, for the role checks in the services (issue 15 §3)
        os.environ["BOMENPLAN_USER"] = args.acting_user
    try:
        with progress_lines_closed():
            return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("afgebroken", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `bomenplan … | head`: the reader left; end quietly
        return quiet_broken_pipe()
    except BomenplanError as exc:  # e.g. no register at --db, unreachable server
        print(f"fout: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # e.g. a missing output folder, no write permission
        print(f"fout: {os_error_text(exc)}", file=sys.stderr)
        return 2
    finally:
        if args.acting_user:
            _restore_env("BOMENPLAN_USER", previous)


def _restore_env(name: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


def quiet_broken_pipe() -> int:
    """Point stdout at devnull so the interpreter's final flush does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout replaced (e.g. captured in tests)
        pass
    return 141  # 128 + SIGPIPE, as shells report it
