"""What the acting user may do, shown in the window (issue 15 §3): menu actions and the write
buttons of docks (registered with `guard_writes`) that their role does not allow stay disabled
with a tooltip saying why (the services refuse them anyway); a new profile name re-evaluates at
once (`AccessGuard.apply`). The Beheer menu holds Gebruikers… (beheerder) and
Wijzigingslogboek… (everyone)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
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
    "Reservekopie terugzetten": P.SETTINGS,
}


def guard_writes(window, permission: Permission, *widgets) -> None:
    """Dock buttons (or actions) that write with `permission`: disabled, with the reason, when
    the acting user's role lacks it. Call at install time; the guard applies it now or later."""
    pairs = [(w, permission) for w in widgets]
    registered = getattr(window, "write_widgets", None)
    if registered is None:
        registered = window.write_widgets = []
    registered.extend(pairs)
    guard = getattr(window, "access_guard", None)
    if guard is not None:
        for widget, needed in pairs:
            guard.check(widget, needed)


def plain_text(action: QAction) -> str:
    return action.text().replace("&", "").replace("\u2026", "").replace("...", "").strip()


def denial_text(actor: Actor, permission: Permission) -> str:
    if actor.role is None:
        return f"Alleen lezen: {actor.reason_read_only}."
    return f"Uw rol ({actor.role}) mag niet {permission}."


class AccessGuard(QObject):
    """Keeps forbidden actions and buttons disabled, also when a feature enables them again
    later; `apply` with another actor gives back what the new role allows."""

    def __init__(self, window, actor: Actor):
        super().__init__(window)
        self.window = window
        self.actor = actor
        self.denied: dict[object, str] = {}
        self._wanted: dict[object, bool] = {}  # what the feature asked for while denied
        self._tips: dict[object, str] = {}
        self._hooked: set[int] = set()

    def apply(self, actor: Actor) -> None:
        """Re-evaluate everything for `actor` (after the profile name changed)."""
        self.actor = actor
        self.guard_menus()
        self.guard_tree_form()
        for widget, permission in getattr(self.window, "write_widgets", ()):
            self.check(widget, permission)
        users = getattr(self.window, "users_action", None)
        if users is not None:
            self.check(users, P.USERS)

    def guard_menus(self) -> None:
        for menu_action in self.window.menuBar().actions():
            menu = menu_action.menu()
            for action in menu.actions() if menu is not None else ():
                permission = GUARDED_ACTIONS.get(plain_text(action))
                if permission is not None:
                    self.check(action, permission)

    def check(self, target, permission: Permission) -> None:
        if self.actor.may(permission):
            self.allow(target)
        else:
            self.deny(target, denial_text(self.actor, permission))

    def deny(self, target, why: str) -> None:
        if target not in self.denied:
            self._wanted[target] = target.isEnabled()
            self._tips[target] = target.toolTip()
        self.denied[target] = why
        target.setToolTip(self.tr(why))
        target.setStatusTip(self.tr(why))
        target.setEnabled(False)
        self._hook(target)
        menu = target.parent()
        if isinstance(target, QAction) and hasattr(menu, "setToolTipsVisible"):
            menu.setToolTipsVisible(True)

    def allow(self, target) -> None:
        if self.denied.pop(target, None) is None:
            return
        target.setToolTip(self._tips.pop(target, ""))
        target.setStatusTip("")
        target.setEnabled(self._wanted.pop(target, True))

    def _hook(self, target) -> None:
        """Once per target: a feature enabling it while denied is noted, then undone."""
        if id(target) in self._hooked:
            return
        self._hooked.add(id(target))
        if isinstance(target, QAction):
            target.enabledChanged.connect(lambda on, a=target: self._keep_denied(a, on))
        else:
            target.installEventFilter(self)

    def _keep_denied(self, target, enabled: bool) -> None:
        if enabled and target in self.denied:
            self._wanted[target] = True
            target.setEnabled(False)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.EnabledChange and watched in self.denied:
            self._keep_denied(watched, watched.isEnabled())
        return False

    def guard_tree_form(self) -> None:
        editing = getattr(self.window, "register_editing", None)
        if editing is not None:  # fields stay readable
            self.check(editing.form.save_button, P.TREES)


def install(window) -> AccessGuard | None:
    try:
        actor = acting_user(window.uow_factory())
    except BomenplanError:  # no users table reachable: the services decide per write
        return None
    guard = AccessGuard(window, actor)
    window.access_guard = guard
    _add_beheer_menu(window, actor)
    guard.apply(actor)
    if actor.role is None:
        window.statusBar().showMessage(window.tr(denial_text(actor, P.TREES)), 15000)
    return guard


def follow_actor(window) -> None:
    """The profile name changed: menus and dock buttons show the new role's limits now."""
    guard = getattr(window, "access_guard", None)
    if guard is None:
        return
    try:
        guard.apply(acting_user(window.uow_factory()))
    except BomenplanError:
        pass


def _add_beheer_menu(window, actor: Actor) -> None:
    menu = window.feature_menu(window.tr("Be&heer"))
    users = menu.addAction(window.tr("&Gebruikers\u2026"))
    users.triggered.connect(lambda: _open_users(window))
    log = menu.addAction(window.tr("&Wijzigingslogboek\u2026"))
    log.triggered.connect(lambda: _open_audit(window))
    window.users_action, window.audit_action = users, log
    window.access_guard.check(users, P.USERS)


def _open_users(window) -> None:
    from bomenplan.ui.dialogs.users_dialog import UsersDialog

    UsersDialog(window.uow_factory, window).exec()


def _open_audit(window) -> None:
    from bomenplan.ui.dialogs.audit_dialog import AuditDialog

    ids = window.selected_tree_ids()
    AuditDialog(window.uow_factory, window, tree_id=ids[0] if len(ids) == 1 else None).exec()
