"""Driver errors become domain errors with a Dutch message, so the layers above never see
SQLAlchemy or DBAPI exceptions (SQLite "database is locked", a lost PostgreSQL connection …)."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm.exc import StaleDataError

from bomenplan.domain.errors import (
    BomenplanError,
    ConcurrentEditError,
    StorageBusyError,
    StorageUnavailableError,
)

_BUSY = ("database is locked", "database is busy", "database table is locked",
         "could not obtain lock", "lock timeout", "deadlock detected")


def _driver_text(exc: SQLAlchemyError) -> str:
    original = getattr(exc, "orig", None)
    return str(original if original is not None else exc).strip().splitlines()[0]


def translate(exc: BaseException) -> BomenplanError | None:
    """The domain error for a storage exception, or None when `exc` is not one."""
    if isinstance(exc, StaleDataError):
        return ConcurrentEditError("de gegevens zijn intussen door iemand anders gewijzigd")
    if not isinstance(exc, SQLAlchemyError):
        return None
    detail = _driver_text(exc)
    if isinstance(exc, OperationalError) and any(b in detail.lower() for b in _BUSY):
        return StorageBusyError(
            "de database is bezet: er schrijft nu iets anders in (bijvoorbeeld een import). "
            f"Er is niets opgeslagen; probeer het zo opnieuw. ({detail})")
    if isinstance(exc, IntegrityError):
        return BomenplanError(f"de gegevens passen niet bij wat al is opgeslagen (dubbel of een "
                              f"verwijzing die niet bestaat). Er is niets opgeslagen. ({detail})")
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return StorageUnavailableError(
            f"de verbinding met de database is verbroken. Er is niets opgeslagen. ({detail})")
    return StorageUnavailableError(
        f"de database kon niet worden gelezen of geschreven. Er is niets opgeslagen. ({detail})")
