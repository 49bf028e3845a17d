"""Reservekopie en herstel of the open register (menu Bestand and `bomenplan backup/restore`).

The work is done by the storage behind the unit of work (`uow.backups`, persistence layer):
SQLite's online backup API, or pg_dump/pg_restore for a PostgreSQL register."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bomenplan.domain.progress import CancelledFn, ProgressFn, never_cancelled, no_progress
from bomenplan.domain.roles import Permission
from bomenplan.services.authorization import authorize

BACKUP_SUFFIX = ".sqlite"


@dataclass(frozen=True)
class BackupResult:
    path: Path
    trees: int | None  # None when the server's tool made it (pg_dump)


def make_backup(uow, target, progress: ProgressFn = no_progress,
                cancelled: CancelledFn = never_cancelled) -> BackupResult:
    """Write a consistent copy of the register to `target` while it stays open."""
    with uow:
        facts = uow.backups.backup_to(Path(target), progress, cancelled)
    return BackupResult(Path(target), facts.trees if facts is not None else None)


def restore_backup(uow, source, progress: ProgressFn = no_progress,
                   cancelled: CancelledFn = never_cancelled) -> Path:
    """Replace the register by the backup `source` after checking it; returns where the
    previous register was kept. A refused file (BomenplanError) changes nothing."""
    with uow:  # replaces the whole register: the beheerder's call
        authorize(uow, Permission.SETTINGS)
    with uow:  # a new session: the check's read lock must not block pg_restore's DROP TABLE
        return uow.backups.restore_from(Path(source), progress, cancelled)


def backup_summary(result: BackupResult) -> str:
    if result.trees is None:
        return f"reservekopie gemaakt: {result.path}"
    return f"reservekopie gemaakt: {result.path} ({result.trees} bomen, gecontroleerd)"


def describe_backup(uow, source) -> BackupResult:
    """Check `source` before a restore (BomenplanError in Dutch when it is no usable backup)."""
    with uow:
        if not uow.backups.is_sqlite:
            return BackupResult(Path(source), None)
        return BackupResult(Path(source), uow.backups.check(Path(source)).trees)
