"""Who may change what (issue 15 §3): roles, write permissions and the acting user.

Everyone may read. Each writing use case needs one Permission; a role holds a fixed set of
them (ROLE_PERMISSIONS, documented as the role table in README.md). Services check it with
`services.authorization.authorize`, so the rule holds whoever calls them (GUI, CLI, tests).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bomenplan.domain.errors import BomenplanError, ValidationError


class Role(StrEnum):
    BOOMSPECIALIST = "boomspecialist"
    PLANNER = "planner"
    KLACHTBEHANDELAAR = "klachtbehandelaar"
    BEHEERDER = "beheerder"

    def __str__(self) -> str:
        return self.value


class Permission(StrEnum):
    """A kind of write; the value is the Dutch action named in messages."""

    TREES = "bomen in het register bewerken"
    INSPECTIONS = "boomcontroles vastleggen"
    STANDPLAATS = "standplaatsgegevens vastleggen"
    IMPORT = "bomen importeren of bijwerken uit een bestand"
    WORK_ORDERS = "werkorders bewerken"
    SPECIES = "de soortencatalogus bewerken"
    LANEN = "lanen bewerken"
    REPLANT = "herplantkeuzes vastleggen"
    SORTIMENT = "de sortimentsmatrix bewerken"
    PLANS = "plangebieden toetsen en vastleggen"
    BOMENBANK = "de bomenbank bewerken"
    FUND = "het bomenfonds bewerken"
    COMPLAINTS = "klachten registreren en behandelen"
    CRITERIA = "criteria bewerken en vaststellen"
    USERS = "gebruikers beheren"
    SETTINGS = "instellingen van het register beheren"

    def __str__(self) -> str:
        return self.value


P = Permission
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.BOOMSPECIALIST: frozenset({P.TREES, P.INSPECTIONS, P.STANDPLAATS, P.IMPORT,
                                    P.WORK_ORDERS, P.SPECIES}),
    Role.PLANNER: frozenset({P.LANEN, P.REPLANT, P.SORTIMENT, P.PLANS, P.BOMENBANK, P.FUND,
                             P.WORK_ORDERS, P.SPECIES}),
    Role.KLACHTBEHANDELAAR: frozenset({P.COMPLAINTS}),
    Role.BEHEERDER: frozenset(Permission),
}


def parse_role(text: str) -> Role:
    """'Planner ' → Role.PLANNER; anything else is a ValidationError listing the roles."""
    try:
        return Role(text.strip().lower())
    except ValueError:
        names = ", ".join(r.value for r in Role)
        raise ValidationError("rol", f"'{text}' is geen rol; kies uit {names}") from None


@dataclass(frozen=True)
class Actor:
    """The user on whose behalf a unit of work writes. `role` None: only reading."""

    name: str
    role: Role | None
    reason_read_only: str = ""

    def may(self, permission: Permission) -> bool:
        return self.role is not None and permission in ROLE_PERMISSIONS[self.role]


@dataclass(frozen=True)
class User:
    """A registered user of the register; never deleted (the audit log refers to them)."""

    id: int | None
    name: str
    role: Role
    active: bool = True
    version: int = 1

    def __post_init__(self):
        if not self.name.strip():
            raise ValidationError("naam", "een gebruiker heeft een naam nodig")
        if len(self.name) > 120:
            raise ValidationError("naam", "mag hoogstens 120 tekens lang zijn")


def actor_for(login: str, user: User | None, register_has_users: bool) -> Actor:
    """The rule of who acts: no users at all → the local user is beheerder (one-user register);
    else the active registered `user` whose name is the login; anyone else may only read."""
    if not register_has_users:
        return Actor(login, Role.BEHEERDER)
    if user is None:
        return Actor(login, None, f"gebruiker '{login}' is niet geregistreerd in dit register")
    if not user.active:
        return Actor(user.name, None, f"gebruiker '{user.name}' is gedeactiveerd")
    return Actor(user.name, user.role)


class PermissionDenied(BomenplanError):
    """The acting user's role does not allow this write; nothing was stored."""

    def __init__(self, actor: Actor, permission: Permission):
        self.actor = actor
        self.permission = permission
        if actor.role is None:
            reason = actor.reason_read_only
            text = (f"{reason[:1].upper()}{reason[1:]} en mag alleen lezen, niet {permission}; "
                    "vraag een beheerder om u toe te voegen (Beheer ▸ Gebruikers of "
                    "'bomenplan users add').")
        else:
            text = (f"Gebruiker '{actor.name}' met rol {actor.role} mag niet {permission}; "
                    "vraag een beheerder om een andere rol.")
        super().__init__(text)
