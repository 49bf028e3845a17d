"""Qt user interface (PySide6 + pyqtgraph)."""

from bomenplan.ui.qt_workarounds import protect_none_refcount

protect_none_refcount()  # before any widget paints; see qt_workarounds
