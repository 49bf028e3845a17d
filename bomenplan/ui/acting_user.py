"""Units of work that know who acts: the login name from the user profile (Bestand ▸
Gebruiker…), else the operating-system login; the services check its role (issue 15 §3).
The name is kept as plain text, so the factory stays safe to call from worker threads."""

from __future__ import annotations

from collections.abc import Callable

from bomenplan.ui.user_identity import user_name


def acting_as(uow_factory: Callable, settings) -> Callable:
    login = [user_name(settings)]  # replaced whole (one reference store) when the profile changes

    def factory():
        uow = uow_factory()
        uow.login = login[0]
        return uow

    def set_login(name: str) -> None:
        login[0] = name

    factory.login = lambda: login[0]
    factory.set_login = set_login
    factory.wrapped = uow_factory  # the register's own factory (which register is open)
    return factory


def follow_profile(window) -> None:
    """After Bestand ▸ Gebruiker…: later writes act as the new name; the services check its role
    and the menus and dock buttons show that role's limits at once."""
    set_login = getattr(window.uow_factory, "set_login", None)
    settings = getattr(window, "settings", None)
    if set_login is None or settings is None:
        return
    name = user_name(settings)
    if name != window.uow_factory.login():
        set_login(name)
        from bomenplan.ui.access import follow_actor

        follow_actor(window)
        window.statusBar().showMessage(window.tr("U werkt nu als {0}.").format(name), 15000)
