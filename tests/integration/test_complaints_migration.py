"""Migration 0004_complaints creates exactly the complaint tables the rows declare."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bomenplan.persistence import tables_complaints
from bomenplan.persistence.database import make_engine, upgrade

COMPLAINT_TABLES = {t.name for t in tables_complaints.Base.metadata.sorted_tables
                    if t.name in ("complaint", "complaint_tree", "complainant", "criteria_version",
                                  "triage_decision", "work_order")}


def test_upgrade_from_empty_matches_the_complaint_rows(tmp_path):
    engine = make_engine(tmp_path / "leeg.sqlite")
    upgrade(engine)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection),
                                tables_complaints.Base.metadata)
    ours = [d for d in diff if any(name in repr(d) for name in COMPLAINT_TABLES)]
    assert len(COMPLAINT_TABLES) == 6
    assert ours == []
    engine.dispose()


def test_old_shipped_default_marked_adopted_becomes_the_corrected_concept(tmp_path):
    """A database from before 0015 holds the shipped set as 'vastgesteld' on 2026-01-01 with
    dead wood inverted; after the upgrade it is the current shipped concept."""
    import json

    from alembic import command
    from sqlalchemy import text

    from bomenplan.persistence.database import alembic_config
    from bomenplan.services.criteria_defaults import default_criteria

    engine = make_engine(tmp_path / "oud.sqlite")
    config = alembic_config(engine)
    command.upgrade(config, "0004_complaints")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO criteria_version (label, status, auteur, aangemaakt_op, vastgesteld_op, "
            "toelichting, rules_json, updated_at, version) VALUES ('2026-1 standaard', "
            "'vastgesteld', 'Team Bomen, gemeente Assen', '2026-01-01', '2026-01-01', 'oud', "
            "'[]', '2026-01-01 00:00:00', 1), ('2027 eigen', 'vastgesteld', 'beleid', "
            "'2027-01-01', '2026-01-01', 'eigen', '[]', '2027-01-01 00:00:00', 1)"))
    upgrade(engine)
    with engine.connect() as connection:
        rows = {r.label: r for r in connection.execute(text(
            "SELECT label, status, vastgesteld_op, rules_json FROM criteria_version"))}
    shipped = rows["2026-1 standaard"]
    assert shipped.status == "concept" and shipped.vastgesteld_op is None
    codes = {rule["code"] for rule in json.loads(shipped.rules_json)}
    assert codes == {r.code for r in default_criteria().rules}
    assert rows["2027 eigen"].status == "vastgesteld" and rows["2027 eigen"].rules_json == "[]"
    engine.dispose()


def _insert(connection, table: str, values: dict) -> None:
    """A row with `values`; other NOT NULL columns without a default get 0 / '' (old schema)."""
    from sqlalchemy import text

    for column in connection.execute(text(f"PRAGMA table_info({table})")):
        _cid, name, kind, notnull, default, primary = column
        if notnull and default is None and not primary and name not in values:
            values[name] = 0 if kind.upper() in ("INTEGER", "FLOAT", "BOOLEAN") else ""
    names = ", ".join(values)
    connection.execute(text(f"INSERT INTO {table} ({names}) VALUES "
                            f"({', '.join(':' + n for n in values)})"), values)


def test_existing_work_orders_get_type_and_wijk_and_keep_their_status(tmp_path):
    """0022_workorders: the type follows from the stored measure, the wijk from the tree's site."""
    from alembic import command
    from sqlalchemy import text

    from bomenplan.persistence.database import alembic_config

    engine = make_engine(tmp_path / "oud.sqlite")
    command.upgrade(alembic_config(engine), "0015_triage")
    with engine.begin() as connection:
        _insert(connection, "site", {"id": 1, "x": 1.0, "y": 2.0, "geom": b"", "wijk": "Noord"})
        _insert(connection, "tree", {"id": 7, "boomnummer": "B-7", "site_id": 1})
        _insert(connection, "complaint", {"id": 3, "datum": "2026-03-03", "kanaal": "app",
                                          "categories": "dood hout of gebroken tak"})
        for order_id, tree_id, measure in ((1, 7, "kappen"), (2, None, "snoeien")):
            _insert(connection, "work_order", {"id": order_id, "complaint_id": 3,
                                               "tree_id": tree_id, "created_at": "2026-03-03 10:00:00",
                                               "measure": measure, "status": "open"})
    upgrade(engine)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT id, type, wijk, status, version, aannemer, remark "
                                       "FROM work_order ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [(1, "kap", "Noord", "open", 1, "", ""),
                                        (2, "snoei", "", "open", 1, "", "")]
    engine.dispose()
