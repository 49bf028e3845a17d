"""Roles hold when the services are called directly (not through the UI), on an SQLite file and
on PostgreSQL; every refused write leaves nothing behind; user admin and the audit log."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from register_fixtures import draft_tree

from bomenplan.domain.complaints import Channel, Complaint, ComplaintCategory
from bomenplan.domain.errors import NotFound, ValidationError
from bomenplan.domain.fund_ledger import EntryKind, LedgerEntry
from bomenplan.domain.roles import PermissionDenied, Role
from bomenplan.domain.tree import Inspection
from bomenplan.domain.values import Boomveiligheidsklasse
from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services import complaints, criteria_admin, fund, register, users
from bomenplan.services.audit import audit_entries

STAFF = {"anna": Role.BEHEERDER, "bert": Role.BOOMSPECIALIST, "piet": Role.PLANNER,
         "kees": Role.KLACHTBEHANDELAAR}


@pytest.fixture
def team(any_db_url):
    """A register with one tree and four users; `as_user(name)` gives that user's factory."""
    engine, sessions = open_database(any_db_url)

    def as_user(name):
        return lambda: SqlUnitOfWork(sessions, login=name)

    tree = register.add_tree(as_user("iemand")(), draft_tree(1))  # no users yet: allowed
    for name, role in STAFF.items():
        users.add_user(as_user("anna")(), name, role)
    yield as_user, tree
    engine.dispose()


def _edit_tree(factory, tree):
    register.update_tree(factory(), tree.id, {"stamdiameter_cm": 55.0})


def _inspect(factory, tree):
    register.record_inspection(factory(), Inspection(
        None, tree.id, date(2026, 3, 2), "P. Jansen", Boomveiligheidsklasse.RISICOBOOM))


def _criteria(factory, _tree):
    active = criteria_admin.active_criteria(factory())
    criteria_admin.copy_as_concept(factory(), active.label, "concept test", "x")


def _complaint(factory, tree):
    complaints.register_complaint(factory(), Complaint(
        None, date(2026, 4, 2), Channel.TELEFOON, (ComplaintCategory.DOOD_HOUT,), "", (tree.id,)))


def _fund(factory, _tree):
    fund.add_entry(factory(), LedgerEntry(None, date(2026, 1, 5), EntryKind.BUDGET, Decimal("10.00")))


def _user_admin(factory, _tree):
    users.add_user(factory(), "nieuw", Role.PLANNER)


# Written out from the README role table (not from domain/roles.py): who may do each write.
WRITES = {
    "boom bewerken": (_edit_tree, {"anna", "bert"}),
    "controle vastleggen": (_inspect, {"anna", "bert"}),
    "criteria bewerken": (_criteria, {"anna"}),
    "melding registreren": (_complaint, {"anna", "kees"}),
    "fonds boeken": (_fund, {"anna", "piet"}),
    "gebruikers beheren": (_user_admin, {"anna"}),
}


@pytest.mark.parametrize("write", sorted(WRITES))
def test_each_role_may_do_exactly_its_writes(team, write):
    as_user, tree = team
    action, allowed = WRITES[write]
    for name in ["kees", "piet", "bert", "onbekend", "anna"]:  # refusals first, then beheerder
        if name in allowed:
            action(as_user(name), tree)
        else:
            with pytest.raises(PermissionDenied):
                action(as_user(name), tree)


def test_klachtbehandelaar_cannot_edit_a_tree_and_nothing_is_stored(team):
    as_user, tree = team
    with pytest.raises(PermissionDenied, match="'kees' met rol klachtbehandelaar mag niet bomen"):
        _edit_tree(as_user("kees"), tree)
    stored = register.get_tree(as_user("kees")(), tree.id)
    assert (stored.stamdiameter_cm, stored.version) == (tree.stamdiameter_cm, tree.version)
    assert [c.field for c in register.tree_history(as_user("kees")(), tree.id)] == ["aangemaakt"]


def test_planner_cannot_record_an_inspection_but_the_boomspecialist_can(team):
    as_user, tree = team
    with pytest.raises(PermissionDenied, match="planner mag niet boomcontroles vastleggen"):
        _inspect(as_user("piet"), tree)
    _inspect(as_user("bert"), tree)
    assert len(register.inspections_of(as_user("piet")(), tree.id)) == 1


def test_unknown_and_deactivated_users_may_only_read(team):
    as_user, tree = team
    with pytest.raises(PermissionDenied, match="niet geregistreerd .* alleen lezen"):
        _edit_tree(as_user("onbekend"), tree)
    assert register.get_tree(as_user("onbekend")(), tree.id).id == tree.id  # reading works
    users.deactivate_user(as_user("anna")(), "bert")
    with pytest.raises(PermissionDenied, match="gedeactiveerd"):
        _edit_tree(as_user("bert"), tree)
    users.reactivate_user(as_user("anna")(), "Bert")  # names match regardless of case
    _edit_tree(as_user("BERT"), tree)


def test_first_user_becomes_beheerder_and_the_last_beheerder_stays(any_db_url):
    engine, sessions = open_database(any_db_url)
    factory = lambda: SqlUnitOfWork(sessions, login="anna")  # noqa: E731
    first = users.add_user(factory(), "anna", Role.PLANNER)
    assert first.role is Role.BEHEERDER
    with pytest.raises(ValidationError, match="bestaat al"):
        users.add_user(factory(), "Anna", Role.PLANNER)
    with pytest.raises(ValidationError, match="laatste actieve beheerder"):
        users.deactivate_user(factory(), "anna")
    with pytest.raises(ValidationError, match="laatste actieve beheerder"):
        users.change_role(factory(), "anna", Role.PLANNER)
    with pytest.raises(NotFound):
        users.change_role(factory(), "niemand", Role.PLANNER)
    assert [(u.name, u.role, u.active) for u in users.list_users(factory())] == [
        ("anna", Role.BEHEERDER, True)]
    engine.dispose()


def test_user_admin_and_tree_edits_are_in_the_audit_log(team):
    as_user, tree = team
    users.change_role(as_user("anna")(), "piet", Role.BOOMSPECIALIST)
    _edit_tree(as_user("piet"), tree)
    piet = [(e.entity, e.field, e.old, e.new) for e in audit_entries(as_user("kees")(), user="piet")]
    assert piet == [("tree", "stamdiameter_cm", "", "55.0")]
    admin = audit_entries(as_user("kees")(), entity="gebruiker", user="anna")
    assert [(e.field, e.old, e.new) for e in admin][:1] == [("rol", "planner", "boomspecialist")]
    assert len(admin) == 1 + len(STAFF)  # the role change and four users added
    per_tree = audit_entries(as_user("kees")(), tree=tree.id)
    assert [e.field for e in per_tree] == ["stamdiameter_cm", "aangemaakt"]
    today = datetime.now().date()
    assert len(audit_entries(as_user("kees")(), since=today, until=today)) == 1 + 1 + 1 + len(STAFF)
    assert audit_entries(as_user("kees")(), until=date(2000, 1, 1)) == []


def test_the_audit_of_a_tree_includes_its_site(team):
    as_user, tree = team
    register.set_status(as_user("bert")(), tree.id, "gekapt", reason="stormschade")
    new = register.plant_on_site(as_user("bert")(), tree.site_id, draft_tree(9))
    old_tree = [(e.entity, e.field, e.new, e.user) for e in audit_entries(as_user("kees")(), tree=tree.id)]
    assert old_tree == [("site", "herplant", "A009", "bert"), ("tree", "status", "gekapt", "bert"),
                        ("tree", "aangemaakt", "A001", "iemand")]
    assert sorted(e.field for e in audit_entries(as_user("kees")(), tree=new.id)) == ["aangemaakt", "herplant"]
    with pytest.raises(NotFound):
        audit_entries(as_user("kees")(), tree=999_999)


def test_only_the_beheerder_changes_the_controle_intervals(team):
    """Issue 15 §3: intervals are a register setting (beheerder); a boomspecialist is refused and
    the stored intervals stay the shipped ones."""
    from bomenplan.domain.inspection_rules import RiskClassRule
    from bomenplan.domain.values import Omgevingsrisicoklasse
    from bomenplan.services.inspection_rules_admin import load_rules, save_rules

    as_user, _tree = team
    shipped = load_rules(as_user("anna")()).by_class[Omgevingsrisicoklasse.LAAG]
    shorter = RiskClassRule(48, shipped.attentieboom_months, shipped.measure_days)
    with pytest.raises(PermissionDenied):
        save_rules(as_user("bert")(), {Omgevingsrisicoklasse.LAAG: shorter})
    assert load_rules(as_user("bert")()).by_class[Omgevingsrisicoklasse.LAAG] == shipped
    save_rules(as_user("anna")(), {Omgevingsrisicoklasse.LAAG: shorter})
    assert load_rules(as_user("bert")()).by_class[Omgevingsrisicoklasse.LAAG].regular_months == 48
