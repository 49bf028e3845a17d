"""Is the schema already at every migration head? Read from the migration files' own
`revision` / `down_revision` lines, so opening an up-to-date register needs no Alembic import
(~1 s of start-up); anything unusual leaves the decision to Alembic."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

VERSIONS = Path(__file__).parent / "migrations" / "versions"
_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.M)


def migration_heads(folder: Path = VERSIONS) -> set[str] | None:
    """Revisions no other migration builds on; None when a file cannot be read this way."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in folder.glob("*.py"):
        found = dict(_ASSIGNMENT.findall(path.read_text(encoding="utf-8")))
        if "revision" not in found:
            continue
        try:
            revision = ast.literal_eval(found["revision"])
            down = ast.literal_eval(found.get("down_revision", "None"))
        except (ValueError, SyntaxError):
            return None
        if not isinstance(revision, str):
            return None
        revisions.add(revision)
        parents.update([down] if isinstance(down, str) else (down or ()))
    return revisions - parents


def schema_is_current(engine: Engine) -> bool:
    heads = migration_heads()
    if not heads:
        return False
    try:
        with engine.connect() as connection:
            stored = {row[0] for row in connection.execute(
                text("SELECT version_num FROM alembic_version"))}
    except SQLAlchemyError:  # no version table yet: a new database
        return False
    return stored == heads
