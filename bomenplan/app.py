"""Composition root: engine, units of work, QApplication and the main window."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Entry point: no arguments (or `gui`) opens the GUI; anything else is batch work."""
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] == "gui" or argv[0].startswith("--db"):
        from bomenplan.cli.gui_args import parse_gui_args

        return run(parse_gui_args(argv).db)
    from bomenplan.cli.main import run_cli

    return run_cli(argv)


def run(db: str | None = None) -> int:
    """Open the database (a file path or SQLAlchemy URL; default in the user's data folder),
    migrate it, and start the GUI on it. The register's first stage (what map and first table
    screen need) is read in a plain thread meanwhile, so reading 300k rows overlaps importing
    and building the user interface; the window reads the rest in the background."""
    from concurrent.futures import ThreadPoolExecutor

    from bomenplan.domain.errors import BomenplanError
    from bomenplan.persistence.database import database_url, default_database_path
    from bomenplan.persistence.database_check import open_checked
    from bomenplan.persistence.unit_of_work import SqlUnitOfWork
    from bomenplan.services.register import load_register_first_stage

    target = db or default_database_path()
    try:
        _engine, sessions = open_checked(target, must_exist=False)
    except BomenplanError as exc:  # a dialog with one Dutch line, never a traceback
        from bomenplan.ui.dialogs.startup_error import show_startup_error

        return show_startup_error(str(exc))
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="register-preload") as loader:
        preload = loader.submit(load_register_first_stage, SqlUnitOfWork(sessions))
        from bomenplan.reports.registry import register_report_writers
        from bomenplan.ui.application import run_gui

        register_report_writers()
        from bomenplan.persistence.field_checkout import install_field_work
        from bomenplan.services.server_address import without_password

        name = (str(target).rsplit("/", 1)[-1] if "://" not in str(target)
                else without_password(database_url(target)))  # a password never shows
        banner = install_field_work(target, sessions)  # a field file says so in the title bar
        title = f"{name} — Bomenplan" + (f" — {banner}" if banner else "")
        return run_gui(lambda: SqlUnitOfWork(sessions), title,
                       demo_opener(target), preload.result, server_access(str(target)))


def server_access(opened: str = ""):
    """How Bestand → Verbinding met server… tests and opens a PostgreSQL register; `opened` is
    the register of this start (a server URL joins the recent servers, without password)."""
    from bomenplan.persistence.server_connection import check_server, open_server
    from bomenplan.persistence.unit_of_work import SqlUnitOfWork
    from bomenplan.services.server_address import is_server_url, without_password
    from bomenplan.ui.server_menu import ServerAccess

    def open_register(url: str, password: str):
        _engine, sessions = open_server(url, password or None)
        return (lambda: SqlUnitOfWork(sessions)), f"{url} — Bomenplan"

    current = without_password(opened) if is_server_url(opened) else ""
    return ServerAccess(lambda url, password: check_server(url, password or None), open_register,
                        current)


def demo_opener(register):
    """Opens the demo municipality in its own file next to the register (never into it)."""

    def open_demo(progress):
        from bomenplan.persistence.database import demo_database_path, open_database
        from bomenplan.persistence.unit_of_work import SqlUnitOfWork
        from bomenplan.services.demo import create_demo, demo_is_needed
        from bomenplan.services.species_catalogue import ensure_catalogue

        path = demo_database_path(register)
        _engine, sessions = open_database(path)

        def factory():
            return SqlUnitOfWork(sessions)

        if demo_is_needed(factory()):
            ensure_catalogue(factory())  # the demo's species link to the catalogue
            create_demo(factory, progress=progress)
        return factory, f"{path.name} — Bomenplan (demogemeente)"

    return open_demo
