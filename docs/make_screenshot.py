"""Make docs/screenshot.png: the main window offscreen on a fresh demo database.

Usage: python docs/make_screenshot.py [OUT.png]
"""

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The default window layout, not the one saved in this user's settings.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="bomenplan-shot-")

from PySide6.QtCore import QTimer  # noqa: E402

from bomenplan.persistence.database import open_database  # noqa: E402
from bomenplan.persistence.unit_of_work import SqlUnitOfWork  # noqa: E402
from bomenplan.services.demo import create_demo  # noqa: E402
from bomenplan.services.register import load_register  # noqa: E402
from bomenplan.ui.application import make_application  # noqa: E402
from bomenplan.ui.main_window import MainWindow  # noqa: E402

# Centrum with the Brink, the Nobellaan, the Vaart and the Hoofdlaan in the Asserbos.
VIEW = (232250.0, 554750.0, 234450.0, 557950.0)


def _detect_lanen(factory) -> None:
    """Accept the detected lanen, so the map shows them coloured by quality (when present)."""
    try:
        from bomenplan.services.lanen import detect_and_store
    except ModuleNotFoundError:
        return
    detect_and_store(factory(), accept=True)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "screenshot.png")
    app = make_application([])
    with tempfile.TemporaryDirectory() as folder:
        engine, sessions = open_database(Path(folder) / "demo.sqlite")
        factory = lambda: SqlUnitOfWork(sessions)  # noqa: E731
        create_demo(factory)
        _detect_lanen(factory)
        columns = load_register(factory())
        window = MainWindow(factory, title="Bomenplan — demo.sqlite")
        window.resize(1400, 850)
        window.show()
        app.processEvents()
        window.map_view.zoom_to(*VIEW)
        # An old beech of the Hoofdlaan (stumps, empty sites and small replacements around it).
        hoofdlaan = columns.id[(columns.straat == "Hoofdlaan") & (columns.status == "levend")]
        window.select_tree_ids([int(hoofdlaan[40])])

        def grab() -> None:
            app.processEvents()
            window.grab().save(str(out))
            app.quit()  # without close(): the user's saved window layout stays as it was

        QTimer.singleShot(1500, grab)
        app.exec()
        engine.dispose()
    print(f"screenshot: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
