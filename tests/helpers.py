"""Shared test helpers: real data location and plain SQL on either backend."""

from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def shared_file(*parts: str) -> Path:
    """Path into ../shared/data, or skip the test cleanly when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"real data not available: {path}")
    return path


def sql_rows(db, sql: str) -> list[tuple]:
    """Rows of a plain SQL query on an SQLite file path or a database URL (both backends)."""
    from sqlalchemy import text

    from bomenplan.persistence.database import make_engine

    engine = make_engine(db)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql))]
    finally:
        engine.dispose()
