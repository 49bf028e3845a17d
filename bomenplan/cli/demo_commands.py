"""`bomenplan demo --db FILE [--seed N] [--force]`: create the demo municipality."""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from bomenplan.cli.context import progress_printer, uow_factory
from bomenplan.services.demo import DEFAULT_SEED, create_demo, demo_is_needed, demo_is_present
from bomenplan.services.register import load_register


def add_commands(subparsers) -> None:
    parser = subparsers.add_parser(
        "demo", help="maak de demogemeente Bomenstad (naar Assen)",
        description="Vul een bomenregister met de demogemeente Bomenstad: wijken, lanen met "
                    "ontbrekende bomen en stobben, solitaire bomen, boomweides en controles.")
    parser.add_argument("--db", required=True, help="databasebestand of SQLAlchemy-URL")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED,
                        help=f"startgetal van de generator (standaard {DEFAULT_SEED})")
    parser.add_argument("--force", action="store_true",
                        help="voeg de demo ook toe als het register al bomen bevat")
    parser.set_defaults(func=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    factory = uow_factory(args.db, create=True)
    if not demo_is_needed(factory()) and not args.force:
        if demo_is_present(factory()):  # so "demo && open" can be run again
            print(f"{args.db} bevat de demogemeente al; er is niets toegevoegd")
            return 0
        print(f"{args.db}: het register bevat al bomen; de demo wordt niet toegevoegd "
              "(gebruik --force om dat toch te doen)", file=sys.stderr)
        return 1
    stored = create_demo(factory, seed=args.seed, progress=progress_printer("demo"))
    print(summary(factory, args.db, stored))
    return 0


def summary(factory, db: str, stored: int) -> str:
    columns = load_register(factory())
    statuses = Counter(columns.status.tolist())
    wijken = sorted(set(columns.wijk.tolist()) - {""})
    lines = [f"Demogemeente Bomenstad in {db}: {stored} bomen toegevoegd "
             f"({len(columns)} in het register)",
             "  status: " + ", ".join(f"{k} {v}" for k, v in statuses.most_common()),
             f"  {len(wijken)} wijken: " + ", ".join(wijken),
             f"  {len(set(columns.straat.tolist()) - {''})} straten en parken, "
             f"{len(set(columns.species_name.tolist()) - {''})} soorten"]
    return "\n".join(lines)
