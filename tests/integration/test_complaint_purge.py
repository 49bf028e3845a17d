"""After the retention period nothing that names the complainant remains anywhere in the database:
not the personal data kept apart, not the free text, photo references or location."""

from datetime import date

from shapely.geometry import Point
from sqlalchemy import inspect, text

from bomenplan.domain.complaints import (
    Channel,
    Complainant,
    Complaint,
    ComplaintCategory,
    ComplaintFacts,
)
from bomenplan.domain.tree import Tree
from bomenplan.persistence.database import make_engine
from bomenplan.services import complaints, register

BOTH_BACKENDS = True  # SQLite file and PostgreSQL (tests/integration/conftest.py)

TEXT = ("Mevr. J. de Vries, Kerkstraat 12, 9401 AB Assen, 06-12345678, j.devries@example.nl: "
        "de takken van de linde hangen over mijn dak")
PERSONAL = ("Vries", "Kerkstraat 12", "9401 AB", "06-12345678", "j.devries@example.nl", "devries")
PERSON = Complainant(None, "J. de Vries", "Kerkstraat 12", "9401 AB", "Assen", "06-12345678",
                     "j.devries@example.nl")


def _complaint(tree_ids, datum) -> Complaint:
    return Complaint(None, datum, Channel.EMAIL, (ComplaintCategory.TAKKEN_GEVEL_DAK,), TEXT,
                     tree_ids, photos=("/foto/devries_kerkstraat12_dak.jpg",))


def _every_cell(db_path) -> list[str]:
    engine = make_engine(db_path)  # an SQLite file or a PostgreSQL URL
    cells = []
    with engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                cells += [bytes(v).decode("latin-1") if isinstance(v, bytes | memoryview) else str(v) for v in row]
    engine.dispose()
    return cells


def _found(cells) -> set[str]:
    return {p for p in PERSONAL for c in cells if p.lower() in c.lower()}


def test_purge_leaves_no_name_address_postcode_phone_or_email(uow_factory, db_path):
    tree = register.add_tree(uow_factory(), Tree(
        id=None, boomnummer="ASN-9", site_id=None, position=Point(233001.0, 557002.0),
        species_name="Tilia x europaea", straat="Nobellaan", wijk="Centrum",
        eigenaar="Gemeente Assen", stamdiameter_cm=48))
    with_tree = complaints.register_complaint(
        uow_factory(), _complaint((tree.id,), date(2025, 3, 1)),
        ComplaintFacts(afstand_gevel_m=0.4, locatie="voor Kerkstraat 12"), PERSON)
    without_tree = complaints.register_complaint(  # no complainant stored, text still personal
        uow_factory(), _complaint((), date(2025, 3, 2)),
        ComplaintFacts(locatie="Kerkstraat 12, 9401 AB Assen"))
    recent = complaints.register_complaint(uow_factory(), _complaint((tree.id,), date(2026, 5, 1)),
                                           None, PERSON)
    complaints.triage_complaint(uow_factory(), with_tree.complaint.id, user="anna")
    assert _found(_every_cell(db_path)) == set(PERSONAL)  # the test data really is there

    assert complaints.purge_personal_data(uow_factory(), today=date(2026, 5, 10)) == 1

    old_ids = (with_tree.complaint.id, without_tree.complaint.id)
    for cid in old_ids:
        record = complaints.get_complaint(uow_factory(), cid)
        assert record.complaint.tekst == complaints.ANONYMISED_TEXT
        assert record.complaint.photos == ()
        assert complaints.complainant_of(uow_factory(), cid) is None
    assert complaints.get_complaint(uow_factory(), with_tree.complaint.id).facts.locatie == "Nobellaan"
    assert complaints.get_complaint(uow_factory(), without_tree.complaint.id).facts.locatie == ""
    kept = complaints.get_complaint(uow_factory(), recent.complaint.id).complaint
    assert kept.tekst == TEXT  # within the retention period nothing is touched
    # remove the recent one's data by hand to check that the old ones left no trace anywhere
    complaints.purge_personal_data(uow_factory(), today=date(2027, 5, 2))
    assert _found(_every_cell(db_path)) == set()

