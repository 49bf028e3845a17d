"""What the acting user may do, shown in the window (issue 15 §3): menu actions their role does
not allow stay disabled with a tooltip saying why (the services refuse them anyway), and the
Beheer menu holds Gebruikers… (beheerder) and Wijzigingslogboek… (everyone)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from bomenplan.domain.errors import BomenplanError
from bomenplan.domain.roles import Actor, Permission
from bomenplan.services.authorization import acting_user

P = Permission
# Menu texts (as written in the features, without '&' and '…') → the permission they need.
GUARDED_ACTIONS: dict[str, Permission] = {
    "Nieuwe boom (klik op de kaart)": P.TREES,
    "Verplaatsen (klik de nieuwe plek)": P.TREES,
    "Status wijzigen": P.TREES,
    "Controle vastleggen": P.INSPECTIONS,
    "Importeren": P.IMPORT,
    "Nieuwe melding": P.COMPLAINTS,
    "Persoonsgegevens opschonen": P.COMPLAINTS,
    "Criteria": P.CRITERIA,
    "Geselecteerde verplantbare bomen opnemen": P.BOMENBANK,
    "Bomen importeren uit CSV": P.BOMENBANK,
    "Standplaats van gekozen boom": P.STANDPLAATS,
    "Plangebied tekenen": P.PLANS,
    "Plangebied importeren": P.PLANS,
    "Lanen herkennen": P.LANEN,
    "Controle-intervallen": P.SETTINGS,
}


def plain_text(action: QAction) -> str:
    return action.text().replace("&", "").replace("\u2026", "").replace("...", "").strip()


def denial_text(actor: Actor, permission: Permission) -> str:
    if actor.role is None:
        return f"Alleen lezen: {actor.reason_read_only}."
    return f"Uw rol ({actor.role}) mag niet {permission}."


class AccessGuard(QObject):
    """Keeps forbidden actions disabled, also when a feature enables them again later."""

    def __init__(self, window, actor: Actor):
        super().__init__(window)
        self.window = window
        self.actor = actor
        self.denied: dict[QAction, str] = {}

    def guard_menus(self) -> None:
        for menu_action in self.window.menuBar().actions():
            menu = menu_action.menu()
            for action in menu.actions() if menu is not None else ():
                permission = GUARDED_ACTIONS.get(plain_text(action))
                if permission is not None and not self.actor.may(permission):
                    self.deny(action, denial_text(self.actor, permission))

    def deny(self, action: QAction, why: str) -> None:
        self.denied[action] = why
        action.setToolTip(self.tr(why))
        action.setStatusTip(self.tr(why))
        action.setEnabled(False)
        action.enabledChanged.connect(lambda on, a=action: on and a.setEnabled(False))
        menu = action.parent()
        if hasattr(menu, "setToolTipsVisible"):
            menu.setToolTipsVisible(True)

    def guard_tree_form(self) -> None:
        editing = getattr(self.window, "register_editing", None)
        if editing is not None and not self.actor.may(P.TREES):  # fields stay readable
            editing.form.save_button.setEnabled(False)
            editing.form.save_button.setToolTip(self.tr(denial_text(self.actor, P.TREES)))


def install(window) -> AccessGuard | None:
    try:
        actor = acting_user(window.uow_factory())
    except BomenplanError:  # no users table reachable: the services decide per write
        return None
    guard = AccessGuard(window, actor)
    window.access_guard = guard
    guard.guard_menus()
    guard.guard_tree_form()
    _add_beheer_menu(window, actor)
    if actor.role is None:
        window.statusBar().showMessage(window.tr(denial_text(actor, P.TREES)), 15000)
    return guard


def _add_beheer_menu(window, actor: Actor) -> None:
    menu = window.feature_menu(window.tr("Be&heer"))
    users = menu.addAction(window.tr("&Gebruikers\u2026"))
    users.triggered.connect(lambda: _open_users(window))
    log = menu.addAction(window.tr("&Wijzigingslogboek\u2026"))
    log.triggered.connect(lambda: _open_audit(window))
    window.users_action, window.audit_action = users, log
    if not actor.may(P.USERS):
        window.access_guard.deny(users, denial_text(actor, P.USERS))


def _open_users(window) -> None:
    from bomenplan.ui.dialogs.users_dialog import UsersDialog

    UsersDialog(window.uow_factory, window).exec()


def _open_audit(window) -> None:
    from bomenplan.ui.dialogs.audit_dialog import AuditDialog

    ids = window.selected_tree_ids()
    AuditDialog(window.uow_factory, window, tree_id=ids[0] if len(ids) == 1 else None).exec()
