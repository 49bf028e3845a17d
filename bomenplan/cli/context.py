"""Composition for command-line work: open the database and hand out units of work."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from bomenplan.cli.progress_line import progress_printer  # noqa: F401 (the commands import it here)
from bomenplan.domain.errors import ValidationError
from bomenplan.persistence.database import default_database_path
from bomenplan.persistence.database_check import open_checked
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services.species_catalogue import ensure_catalogue

DB_HELP = "databasebestand of SQLAlchemy-URL"


def parse_day(text: str) -> date:
    """A JJJJ-MM-DD argument, or a Dutch ValidationError naming it."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError("datum", f"'{text}' is geen datum JJJJ-MM-DD") from None


def add_db_argument(parser) -> None:
    """The required `--db` option every database subcommand takes."""
    parser.add_argument("--db", required=True, help=DB_HELP)


def fail(message, code: int = 1) -> int:
    """Report `fout: message` on stderr; returns the exit code to give back."""
    print(f"fout: {message}", file=sys.stderr)
    return code


def uow_factory(db: str | Path | None, create: bool = False) -> Callable[[], SqlUnitOfWork]:
    """Units of work on `db`. Only commands that make a register (import, demo) pass
    create=True; all others need an existing one (StorageUnavailableError otherwise)."""
    _engine, sessions = open_checked(db or default_database_path(), must_exist=not create)
    ensure_catalogue(SqlUnitOfWork(sessions))  # empty catalogue → shipped species resource
    return lambda: SqlUnitOfWork(sessions)


def new_register_path(db: str | Path | None) -> Path | None:
    """The file `db` names when it does not exist yet (an import would create it), else None."""
    if db is None or "://" in str(db):
        return None
    path = Path(db).expanduser()
    return None if path.exists() else path


def discard_new_register(path: Path | None) -> None:
    """A failed import into a new file leaves no register behind (nor its WAL side files)."""
    if path is None:
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
