"""Backup and restore of an SQLite register with SQLite's online backup API.

The backup reads one consistent snapshot (a read transaction held on the source in WAL mode)
while the app keeps the register open and may write; it is written next to the target and only
renamed into place when complete and checked. A restore first checks the file (SQLite header,
`PRAGMA integrity_check`, a bomenplan schema this version knows), keeps a copy of the current
register, then copies the backup into the open register in one write transaction."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from bomenplan.domain.errors import BomenplanError, Cancelled
from bomenplan.domain.progress import CancelledFn, ProgressFn, never_cancelled, no_progress
from bomenplan.persistence.schema_version import _ASSIGNMENT, VERSIONS, schema_is_current
from bomenplan.services.safe_files import replacing

PAGES_PER_STEP = 1024  # 4 MB at the default page size: ~25 progress steps for a 300k register
_SQLITE_HEADER = b"SQLite format 3\x00"
_REQUIRED_TABLES = ("alembic_version", "tree", "site", "import_run")


class BackupRefused(BomenplanError):
    """A file is no usable bomenplan register backup, or a backup cannot be made."""


@dataclass(frozen=True)
class BackupFacts:
    path: Path
    trees: int
    revisions: frozenset[str]


def sqlite_path(engine: Engine) -> Path | None:
    """The register file behind `engine`; None for a server database."""
    if engine.dialect.name != "sqlite" or not engine.url.database:
        return None
    return Path(engine.url.database)


def backup_sqlite(source: Path, target: Path, progress: ProgressFn = no_progress,
                  cancelled: CancelledFn = never_cancelled) -> BackupFacts:
    """Copy the register `source` to `target` (a self-contained file, no -wal side file)."""
    target = Path(target)
    if target.resolve() == Path(source).resolve():
        raise BackupRefused(f"{target}: de reservekopie kan niet het register zelf zijn")
    with replacing(target) as temp:
        src = sqlite3.connect(source, isolation_level=None, timeout=30)
        dst = sqlite3.connect(temp, isolation_level=None)
        try:
            src.execute("BEGIN")  # one snapshot for every step; writers go on in the WAL
            src.execute("SELECT count(*) FROM sqlite_master").fetchone()
            src.backup(dst, pages=PAGES_PER_STEP, progress=_step_hook(progress, cancelled, 0.9))
            src.execute("COMMIT")
            dst.execute("PRAGMA journal_mode=DELETE")  # the copy is one file
            _require_integrity(dst, temp, shown=target)
        except sqlite3.Error as exc:  # e.g. disk full: the half copy is removed by replacing()
            raise BackupRefused(f"reservekopie naar {target} mislukt ({exc})") from exc
        finally:
            dst.close()
            src.close()
        facts = check_backup_file(temp, shown=target)
    progress(1.0)
    return BackupFacts(target, facts.trees, facts.revisions)


def check_backup_file(path: Path, shown: Path | None = None) -> BackupFacts:
    """Raise BackupRefused (Dutch, naming the file) unless `path` is an intact bomenplan register
    with a schema this version knows (older schemas are brought up to date when opened)."""
    shown = shown or Path(path)
    try:
        with open(path, "rb") as f:
            head = f.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise BackupRefused(f"{shown} kan niet worden gelezen ({exc.strerror})") from exc
    if head != _SQLITE_HEADER:
        raise BackupRefused(f"{shown} is geen reservekopie van een register (geen SQLite-bestand)")
    try:
        connection = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise BackupRefused(f"{shown} kan niet worden geopend ({exc})") from exc
    try:
        _require_integrity(connection, path, shown)
        tables = {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = [t for t in _REQUIRED_TABLES if t not in tables]
        if missing:
            raise BackupRefused(f"{shown} is geen bomenplan-register (tabel ontbreekt: "
                                f"{', '.join(missing)})")
        revisions = frozenset(r[0] for r in connection.execute(
            "SELECT version_num FROM alembic_version"))
        trees = connection.execute("SELECT count(*) FROM tree").fetchone()[0]
    except sqlite3.Error as exc:
        raise BackupRefused(f"{shown} is beschadigd of geen register ({exc})") from exc
    finally:
        connection.close()
    unknown = sorted(revisions - known_revisions())
    if unknown:
        raise BackupRefused(f"{shown} is gemaakt met een nieuwere versie van bomenplan "
                            f"(schema {', '.join(unknown)}); werk het programma eerst bij")
    return BackupFacts(Path(shown), int(trees), revisions)


def restore_sqlite(backup: Path, engine: Engine, progress: ProgressFn = no_progress,
                   cancelled: CancelledFn = never_cancelled) -> Path:
    """Replace the register behind `engine` by `backup`; returns the kept copy of the register
    as it was. A refused file or a failure leaves the register as it was."""
    db = sqlite_path(engine)
    if db is None:
        raise BackupRefused("terugzetten met dit programma kan alleen bij een SQLite-register")
    backup = Path(backup)
    if backup.resolve() == db.resolve():
        raise BackupRefused(f"{backup} is het geopende register zelf")
    check_backup_file(backup)
    progress(0.05)
    kept = kept_copy_path(db)
    backup_sqlite(db, kept, lambda f: progress(0.05 + 0.4 * f), cancelled)
    engine.dispose()  # no pooled connection keeps reading the old pages
    src = sqlite3.connect(f"file:{backup.resolve()}?mode=ro", uri=True)
    dst = sqlite3.connect(db, isolation_level=None, timeout=30)
    try:
        src.backup(dst, pages=PAGES_PER_STEP, progress=_step_hook(
            lambda f: progress(0.45 + 0.5 * f), cancelled, 1.0))
    except sqlite3.Error as exc:
        raise BackupRefused(f"terugzetten van {backup} mislukt ({exc}); het register is "
                            "ongewijzigd") from exc
    finally:
        src.close()
        dst.close()
    if not schema_is_current(engine):  # a backup made by an older version
        from bomenplan.persistence.database import upgrade

        upgrade(engine)
    progress(1.0)
    return kept


def kept_copy_path(db: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return db.with_name(f"{db.stem}.voor-herstel-{stamp}.sqlite")


def known_revisions() -> set[str]:
    """Every migration revision this version ships (read from the files, no Alembic import)."""
    import ast

    found = set()
    for path in VERSIONS.glob("*.py"):
        for name, value in _ASSIGNMENT.findall(path.read_text(encoding="utf-8")):
            if name == "revision":
                found.add(ast.literal_eval(value))
    return found


def _step_hook(progress: ProgressFn, cancelled: CancelledFn, share: float):
    def step(_status, remaining: int, total: int) -> None:
        if cancelled():
            raise Cancelled()
        progress(share * (total - remaining) / total if total else share)

    return step


def _require_integrity(connection: sqlite3.Connection, path: Path, shown: Path) -> None:
    problems = [row[0] for row in connection.execute("PRAGMA integrity_check(5)")]
    if problems != ["ok"]:
        raise BackupRefused(f"{shown} is beschadigd (integriteitscontrole: {problems[0]})")
