"""Before a database is opened: is the location usable? One Dutch sentence when it is not, so a
mistyped --db never creates an empty register and a wrong file never shows a traceback."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.exc import OperationalError, SQLAlchemyError

from bomenplan.domain.errors import StorageUnavailableError
from bomenplan.persistence.storage_errors import translate
from bomenplan.services.server_address import explain_failure, is_server_url

_SQLITE_HEADER = b"SQLite format 3\x00"


class RegisterMissing(StorageUnavailableError):
    """A reading command named a register file that does not exist."""


def check_location(db: str | Path, must_exist: bool) -> None:
    """Raise StorageUnavailableError (RegisterMissing) when `db` cannot be the register."""
    text = str(db)
    if "://" in text:  # a server URL: reachability shows when connecting
        return
    path = Path(text).expanduser()
    if path.is_dir():
        raise StorageUnavailableError(f"{path} is een map, geen databasebestand")
    if not path.exists():
        if not path.parent.is_dir():
            raise RegisterMissing(f"map {path.parent} bestaat niet (databasebestand {path})")
        if must_exist:
            raise RegisterMissing(f"register {path} bestaat niet; controleer --db (een nieuw "
                                  "register maakt u met 'bomenplan import' of 'bomenplan demo')")
        return
    try:
        with path.open("rb") as f:
            head = f.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise StorageUnavailableError(f"{path} kan niet worden gelezen ({exc.strerror})") from exc
    if head and head != _SQLITE_HEADER:
        raise StorageUnavailableError(f"{path} is geen database (geen SQLite-bestand)")
    if not head and must_exist:
        raise RegisterMissing(f"register {path} is leeg (0 bytes); controleer --db")


def open_checked(db: str | Path, must_exist: bool, password: str | None = None):
    """open_database after check_location; driver errors (e.g. an unreachable PostgreSQL server)
    become StorageUnavailableError with a Dutch message."""
    from bomenplan.persistence.database import open_database

    check_location(db, must_exist)
    try:
        return open_database(db, password=password)
    except OperationalError as exc:
        if is_server_url(str(db)):  # unreachable, login refused, database missing: say which
            from bomenplan.persistence.server_connection import ServerConnectionError

            raise ServerConnectionError(explain_failure(str(db), str(exc.orig))) from exc
        raise translate(exc) from exc
    except SQLAlchemyError as exc:
        raise translate(exc) from exc
