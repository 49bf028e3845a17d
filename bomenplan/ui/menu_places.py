"""Where features put their entries in the Bestand menu: above the separator that precedes
Afsluiten, so Afsluiten stays last whatever order the features install in."""

from __future__ import annotations

from PySide6.QtGui import QAction


def above_quit(menu) -> QAction | None:
    """The action to insert before (the separator above Afsluiten, else Afsluiten), or None."""
    actions = menu.actions()
    for i, action in enumerate(actions):
        if action.text().replace("&", "") == "Afsluiten":
            return actions[i - 1] if i > 0 and actions[i - 1].isSeparator() else action
    return None
