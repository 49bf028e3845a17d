"""`uow.backups`: backup and restore of the open register, for services/backup.py.

SQLite: the online backup API (register_backup.py). PostgreSQL: the server's own tools —
`pg_dump --format=custom` for a backup and `pg_restore --clean --single-transaction` for a restore
(after a pg_dump of the current database, kept next to the backup), run when they are on PATH;
otherwise the Dutch message says which command to run."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from sqlalchemy import Engine

from bomenplan.domain.progress import CancelledFn, ProgressFn, never_cancelled, no_progress
from bomenplan.persistence.register_backup import (
    BackupFacts,
    BackupRefused,
    backup_sqlite,
    check_backup_file,
    kept_copy_path,
    restore_sqlite,
    sqlite_path,
)


class RegisterBackups:
    def __init__(self, engine: Engine):
        self.engine = engine

    @property
    def is_sqlite(self) -> bool:
        return sqlite_path(self.engine) is not None

    def backup_to(self, target, progress: ProgressFn = no_progress,
                  cancelled: CancelledFn = never_cancelled) -> BackupFacts | None:
        """Write a backup to `target`; facts of the copy (None for PostgreSQL: a pg_dump file)."""
        db = sqlite_path(self.engine)
        if db is not None:
            return backup_sqlite(db, Path(target), progress, cancelled)
        pg_dump(self.engine, Path(target))
        return None

    def check(self, path) -> BackupFacts:
        return check_backup_file(Path(path))

    def restore_from(self, path, progress: ProgressFn = no_progress,
                     cancelled: CancelledFn = never_cancelled) -> Path:
        """Replace the register by the backup `path`; returns the kept copy of the current one."""
        if self.is_sqlite:
            return restore_sqlite(Path(path), self.engine, progress, cancelled)
        return pg_restore(self.engine, Path(path))


def libpq_url(engine: Engine) -> str:
    """The URL as the PostgreSQL tools take it (no `+psycopg` driver part, password kept)."""
    return engine.url.set(drivername="postgresql").render_as_string(hide_password=False)


def pg_dump(engine: Engine, target: Path) -> None:
    tool = _tool("pg_dump", f"pg_dump --format=custom --file {target} "
                            f"'{engine.url.set(drivername='postgresql')}'")
    from bomenplan.services.safe_files import replacing

    with replacing(target) as temp:
        _run([tool, "--format=custom", "--no-owner", f"--file={temp}",
              f"--dbname={libpq_url(engine)}"], target)


def pg_restore(engine: Engine, backup: Path) -> Path:
    shown_url = engine.url.set(drivername="postgresql")
    tool = _tool("pg_restore", f"pg_restore --clean --if-exists --single-transaction --no-owner "
                               f"--dbname '{shown_url}' {backup}")
    with open(backup, "rb") as f:
        if f.read(5) != b"PGDMP":
            raise BackupRefused(f"{backup} is geen pg_dump-reservekopie (formaat 'custom')")
    _run([tool, "--list", str(backup)], backup)  # a damaged archive is refused before any change
    kept = kept_copy_path(backup.resolve().with_name("register.dump")).with_suffix(".dump")
    pg_dump(engine, kept)
    engine.dispose()
    _run([tool, "--clean", "--if-exists", "--single-transaction", "--no-owner",
          f"--dbname={libpq_url(engine)}", str(backup)], backup)
    return kept


def _tool(name: str, example: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupRefused(f"{name} staat niet op het PATH; een PostgreSQL-register maakt u een "
                            f"reservekopie van (of zet u terug) met de PostgreSQL-programma's, bijv.: "
                            f"{example}")
    return found


def _run(command: list[str], file: Path) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise BackupRefused(f"{Path(command[0]).name} mislukt voor {file}: "
                            f"{detail[-1] if detail else 'afsluitcode ' + str(done.returncode)}")
