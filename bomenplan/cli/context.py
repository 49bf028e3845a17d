"""Composition for command-line work: open the database and hand out units of work."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from bomenplan.persistence.database import default_database_path, open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services.species_catalogue import ensure_catalogue

DB_HELP = "databasebestand of SQLAlchemy-URL"


def add_db_argument(parser) -> None:
    """The required `--db` option every database subcommand takes."""
    parser.add_argument("--db", required=True, help=DB_HELP)


def fail(message, code: int = 1) -> int:
    """Report `fout: message` on stderr; returns the exit code to give back."""
    print(f"fout: {message}", file=sys.stderr)
    return code


def uow_factory(db: str | Path | None) -> Callable[[], SqlUnitOfWork]:
    _engine, sessions = open_database(db or default_database_path())
    ensure_catalogue(SqlUnitOfWork(sessions))  # empty catalogue → shipped species resource
    return lambda: SqlUnitOfWork(sessions)


def progress_printer(label: str) -> Callable[[float], None]:
    """Progress on stderr as a single updating line."""
    last = [-1]

    def report(fraction: float) -> None:
        pct = int(fraction * 100)
        if pct != last[0]:
            last[0] = pct
            print(f"\r{label}: {pct:3d}%", end="" if pct < 100 else "\n", file=sys.stderr, flush=True)

    return report
