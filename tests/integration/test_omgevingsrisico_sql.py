"""Omgevingsrisicoklasse per tree and a risicoboom's measure deadline, on a real SQLite file:
stored, edited, imported from a column and exported again (migration 0016_inspect)."""

from datetime import date

import sqlalchemy as sa
from shapely.geometry import Point

from bomenplan.domain.tree import Inspection, Tree
from bomenplan.domain.values import Boomveiligheidsklasse, Omgevingsrisicoklasse
from bomenplan.persistence.database import make_engine
from bomenplan.services import register
from bomenplan.services.exporting import export_trees
from bomenplan.services.importing import guess_mapping, import_trees, read_source

BOTH_BACKENDS = True  # SQLite file and PostgreSQL (tests/integration/conftest.py)


def draft(**kw):
    return Tree(id=None, boomnummer="ASN-1", site_id=None, position=Point(233001.25, 557002.5),
                species_name="Quercus robur", straat="Vaart", wijk="Centrum", **kw)


def test_new_tree_has_no_class_until_the_owner_sets_one(uow_factory):
    tree = register.add_tree(uow_factory(), draft())
    assert register.get_tree(uow_factory(), tree.id).omgevingsrisicoklasse is Omgevingsrisicoklasse.ONBEKEND
    register.update_tree(uow_factory(), tree.id, {"omgevingsrisicoklasse": Omgevingsrisicoklasse.HOOG})
    assert register.get_tree(uow_factory(), tree.id).omgevingsrisicoklasse is Omgevingsrisicoklasse.HOOG
    changes = [(c.field, c.new) for c in register.tree_history(uow_factory(), tree.id)]
    assert ("omgevingsrisicoklasse", "hoog") in changes


def test_measure_deadline_is_stored_with_the_inspection(uow_factory):
    tree = register.add_tree(uow_factory(), draft(omgevingsrisicoklasse=Omgevingsrisicoklasse.HOOG))
    register.record_inspection(uow_factory(), Inspection(
        None, tree.id, date(2026, 3, 15), "P. Jansen", Boomveiligheidsklasse.RISICOBOOM,
        maatregelen=("nader onderzoek",), volgende_controle=date(2026, 3, 22),
        maatregel_uiterlijk=date(2026, 3, 22)))
    [stored] = register.inspections_of(uow_factory(), tree.id)
    assert stored.maatregel_uiterlijk == date(2026, 3, 22)


def test_migration_adds_the_columns(uow_factory, db_path):
    uow_factory()  # the fixture opened (and upgraded) the file
    inspector = sa.inspect(make_engine(db_path))
    assert "omgevingsrisicoklasse" in {c["name"] for c in inspector.get_columns("tree")}
    assert "maatregel_uiterlijk" in {c["name"] for c in inspector.get_columns("inspection")}


def test_import_reads_the_column_and_export_writes_it(uow_factory, tmp_path):
    source = tmp_path / "bron.csv"
    source.write_text("boomnummer;soortnaam;x;y;omgevingsrisicoklasse\n"
                      "A1;Quercus robur;233000;557000;Hoog\n"
                      "A2;Tilia cordata;233010;557000;laag\n"
                      "A3;Tilia cordata;233020;557000;\n", encoding="utf-8")
    src = read_source(source)
    mapping = guess_mapping(src)
    assert mapping.source_of("omgevingsrisicoklasse") == "omgevingsrisicoklasse"
    assert import_trees(uow_factory(), src, mapping).rows_accepted == 3
    with uow_factory() as uow:
        classes = [uow.trees.get(int(i)).omgevingsrisicoklasse for i in uow.trees.columns().id]
    assert classes == [Omgevingsrisicoklasse.HOOG, Omgevingsrisicoklasse.LAAG,
                       Omgevingsrisicoklasse.ONBEKEND]
    out = tmp_path / "uit.csv"
    export_trees(uow_factory(), out)
    header, *rows = out.read_text(encoding="utf-8").splitlines()
    column = header.split(";").index("omgevingsrisicoklasse") if ";" in header else \
        header.split(",").index("omgevingsrisicoklasse")
    sep = ";" if ";" in header else ","
    assert [r.split(sep)[column] for r in rows] == ["hoog", "laag", "onbekend"]
