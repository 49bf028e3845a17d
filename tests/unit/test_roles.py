"""The role table of README.md ("Gebruikers en rollen"), written out by hand: each role against
each kind of write. Issue 15 §3 names the core: boomspecialist (trees, inspections, standplaats),
planner (lanen, sortiment matrix, replanting, bomenbank, fund), klachtbehandelaar (complaints;
not trees, not criteria), beheerder (criteria, users, settings — and everything else)."""

import pytest

from bomenplan.domain.errors import BomenplanError, ValidationError
from bomenplan.domain.roles import (
    Actor,
    Permission,
    PermissionDenied,
    Role,
    User,
    actor_for,
    parse_role,
)

# permission → (boomspecialist, planner, klachtbehandelaar, beheerder), as in the README table
TABLE = {
    "TREES":       (True,  False, False, True),
    "INSPECTIONS": (True,  False, False, True),
    "STANDPLAATS": (True,  False, False, True),
    "IMPORT":      (True,  False, False, True),
    "WORK_ORDERS": (True,  True,  False, True),
    "SPECIES":     (True,  True,  False, True),
    "LANEN":       (False, True,  False, True),
    "REPLANT":     (False, True,  False, True),
    "SORTIMENT":   (False, True,  False, True),
    "PLANS":       (False, True,  False, True),
    "BOMENBANK":   (False, True,  False, True),
    "FUND":        (False, True,  False, True),
    "COMPLAINTS":  (False, False, True,  True),
    "CRITERIA":    (False, False, False, True),
    "USERS":       (False, False, False, True),
    "SETTINGS":    (False, False, False, True),
}
ROLES = (Role.BOOMSPECIALIST, Role.PLANNER, Role.KLACHTBEHANDELAAR, Role.BEHEERDER)


def test_the_table_covers_every_permission():
    assert set(TABLE) == {p.name for p in Permission}


@pytest.mark.parametrize("permission", sorted(TABLE))
@pytest.mark.parametrize("column", range(4))
def test_role_may_exactly_what_the_table_says(permission, column):
    role = ROLES[column]
    assert Actor("x", role).may(Permission[permission]) is TABLE[permission][column]


def test_a_register_without_users_makes_the_local_user_beheerder():
    actor = actor_for("anna", None, register_has_users=False)
    assert actor.role is Role.BEHEERDER and actor.name == "anna"


def test_an_unknown_or_deactivated_user_may_only_read():
    stranger = actor_for("onbekend", None, register_has_users=True)
    gone = actor_for("piet", User(3, "Piet", Role.PLANNER, active=False), register_has_users=True)
    for actor in (stranger, gone):
        assert actor.role is None
        assert not any(actor.may(p) for p in Permission)
    assert "niet geregistreerd" in stranger.reason_read_only
    assert "gedeactiveerd" in gone.reason_read_only


def test_a_registered_user_acts_with_their_role_and_stored_name():
    actor = actor_for("piet", User(3, "Piet", Role.PLANNER), register_has_users=True)
    assert (actor.name, actor.role) == ("Piet", Role.PLANNER)


def test_permission_denied_names_user_role_and_action_in_dutch():
    error = PermissionDenied(Actor("Kees", Role.KLACHTBEHANDELAAR), Permission.TREES)
    assert isinstance(error, BomenplanError)
    assert str(error).startswith("Gebruiker 'Kees' met rol klachtbehandelaar mag niet bomen "
                                 "in het register bewerken")
    read_only = PermissionDenied(actor_for("x", None, True), Permission.CRITERIA)
    assert str(read_only).startswith("Gebruiker 'x' is niet geregistreerd in dit register en mag "
                                     "alleen lezen, niet criteria bewerken")


def test_parse_role_accepts_any_case_and_lists_the_roles_otherwise():
    assert parse_role(" Planner ") is Role.PLANNER
    with pytest.raises(ValidationError, match="boomspecialist, planner, klachtbehandelaar, "
                                              "beheerder"):
        parse_role("tuinman")


def test_a_user_needs_a_name():
    with pytest.raises(ValidationError):
        User(None, "  ", Role.PLANNER)
