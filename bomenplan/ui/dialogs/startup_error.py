"""The register cannot be opened at start (no such folder, not a database, server unreachable):
one Dutch message in a dialog (and on stderr), never a traceback."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox


def show_startup_error(message: str) -> int:
    from bomenplan.ui.application import make_application

    make_application()
    print(f"fout: {message}", file=sys.stderr)
    QMessageBox.critical(None, QCoreApplication.translate("startup", "Register niet te openen"),
                         QCoreApplication.translate("startup", "Het register kan niet worden "
                                                    "geopend:\n\n{0}").format(message))
    return 2
