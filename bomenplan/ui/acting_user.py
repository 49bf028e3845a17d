"""Units of work that know who acts: the login name from the user profile (Bestand ▸
Gebruiker…), else the operating-system login; the services check its role (issue 15 §3).
The name is copied as plain text, so the factory stays safe to call from worker threads."""

from __future__ import annotations

from collections.abc import Callable

from bomenplan.ui.user_identity import user_name


def acting_as(uow_factory: Callable, settings) -> Callable:
    login = user_name(settings)

    def factory():
        uow = uow_factory()
        uow.login = login
        return uow

    factory.login = login
    factory.wrapped = uow_factory  # the register's own factory (which register is open)
    return factory
