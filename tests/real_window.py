"""The real main window on a fresh SQLite register, for UI tests of whole feature screens."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.ui.main_window import MainWindow
from bomenplan.ui.settings import Settings


@contextmanager
def shown_main_window(qtbot, tmp_path, fill: Callable[[Callable], None],
                      db: str | None = None) -> Iterator[MainWindow]:
    """Register in tmp_path (or at the URL `db`) filled by `fill(uow_factory)`; the window is shown
    and exposed, and closed (database disposed) when the block ends."""
    engine, sessions = open_database(db or tmp_path / "register.sqlite")
    factory = lambda: SqlUnitOfWork(sessions)  # noqa: E731
    fill(factory)
    win = MainWindow(factory, settings=Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    engine.dispose()
