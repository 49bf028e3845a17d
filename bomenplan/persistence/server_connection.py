"""Testing and opening a register on a PostgreSQL server; failures become one Dutch sentence
(services/server_address.explain_failure). The password goes to the driver only."""

from __future__ import annotations

from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from bomenplan.domain.errors import StorageUnavailableError
from bomenplan.services.server_address import explain_failure

CONNECT_TIMEOUT_S = 5


class ServerConnectionError(StorageUnavailableError):
    """The server cannot be reached, refuses the login, or lacks the database."""


def check_server(url: str, password: str | None = None) -> None:
    """Connect once and run SELECT 1; raise ServerConnectionError with a Dutch sentence."""
    args: dict = {"connect_timeout": CONNECT_TIMEOUT_S}
    if password:
        args["password"] = password
    engine = create_engine(url, connect_args=args)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        raise ServerConnectionError(explain_failure(url, str(getattr(exc, "orig", exc)))) from exc
    finally:
        engine.dispose()


def open_server(url: str, password: str | None = None):
    """check_server, then open_database (migrated to the newest schema): (engine, sessions)."""
    from bomenplan.persistence.database_check import open_checked

    check_server(url, password)
    return open_checked(url, must_exist=True, password=password)
