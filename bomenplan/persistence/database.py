"""Engine creation and schema migration (Alembic). No engine is made at import time."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from bomenplan.persistence.schema_version import schema_is_current

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"


def default_database_path() -> Path:
    folder = Path(user_data_dir("bomenplan", "bomenplan"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "bomenregister.sqlite"


DEMO_FILE_NAME = "bomenplan-demo.sqlite"


def demo_database_path(register: str | Path) -> Path:
    """The demo municipality's own file: next to the register file (for a database URL, in the
    user's data folder)."""
    text = str(register)
    if "://" in text:
        return default_database_path().parent / DEMO_FILE_NAME
    return Path(text).expanduser().resolve().parent / DEMO_FILE_NAME


def database_url(db: str | Path) -> str:
    """Accept a file path or an SQLAlchemy URL."""
    text = str(db)
    return text if "://" in text else f"sqlite:///{Path(text).expanduser().resolve()}"


def make_engine(db: str | Path, password: str | None = None) -> Engine:
    """`password` (a server's) goes to the driver only, never into the URL or settings."""
    url = database_url(db)
    engine = create_engine(url, connect_args={"password": password}) if password else create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA secure_delete=ON")  # purged personal data does not linger in free pages
    cursor.close()


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config  # imported only when a migration may be needed

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration."""
    from alembic import command

    command.upgrade(alembic_config(engine), "heads")


def open_database(db: str | Path, migrate: bool = True,
                  password: str | None = None) -> tuple[Engine, sessionmaker[Session]]:
    engine = make_engine(db, password)
    if migrate and not schema_is_current(engine):
        upgrade(engine)
    return engine, sessionmaker(bind=engine, expire_on_commit=False)
