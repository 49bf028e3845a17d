"""`bomenplan backup` and `bomenplan restore`: reservekopie en herstel of a register."""

from __future__ import annotations

from bomenplan.cli.context import add_db_argument, fail, progress_printer, uow_factory
from bomenplan.domain.errors import BomenplanError
from bomenplan.services.backup import backup_summary, make_backup, restore_backup


def add_commands(subparsers) -> None:
    backup = subparsers.add_parser(
        "backup", help="maak een reservekopie van het register",
        description="Maak een reservekopie van het register, ook terwijl het programma het open "
                    "heeft. SQLite: één gecontroleerd bestand (online backup). PostgreSQL: "
                    "pg_dump --format=custom (moet op het PATH staan).")
    add_db_argument(backup)
    backup.add_argument("--out", required=True, help="doelbestand, bijv. register-2026-11-30.sqlite")
    backup.set_defaults(func=run_backup)

    restore = subparsers.add_parser(
        "restore", help="zet een reservekopie terug",
        description="Vervang het register door een reservekopie. Het bestand wordt eerst "
                    "gecontroleerd (schema, integriteit); het huidige register blijft bewaard "
                    "als <naam>.voor-herstel-<tijd>.sqlite. PostgreSQL: pg_restore van een "
                    "pg_dump-bestand, na een pg_dump van de huidige database.")
    add_db_argument(restore)
    restore.add_argument("file", help="de reservekopie")
    restore.set_defaults(func=run_restore)


def run_backup(args) -> int:
    try:
        result = make_backup(uow_factory(args.db)(), args.out,
                             progress=progress_printer("reservekopie"))
    except BomenplanError as exc:
        return fail(exc, 2)
    print(backup_summary(result))
    return 0


def run_restore(args) -> int:
    try:
        kept = restore_backup(uow_factory(args.db)(), args.file,
                              progress=progress_printer("terugzetten"))
    except BomenplanError as exc:
        return fail(f"{exc}; het register is niet gewijzigd", 2)
    print(f"reservekopie {args.file} teruggezet in {args.db}")
    print(f"het vorige register is bewaard als {kept}")
    return 0
