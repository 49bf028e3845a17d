"""Letters, CLI batch triage, and the rule that personal data appears in no export or report."""

from datetime import date
from io import BytesIO

from shapely.geometry import Point

from bomenplan.cli.main import run_cli
from bomenplan.domain.complaints import (
    Channel,
    Complainant,
    Complaint,
    ComplaintCategory,
    ComplaintFacts,
)
from bomenplan.domain.tree import Tree
from bomenplan.reports.complaint_letter import write_letter
from bomenplan.reports.complaint_overview import write_overview
from bomenplan.services import complaints, register
from bomenplan.services.complaint_export import complaints_with_decisions, export_complaints_csv
from bomenplan.services.exporting import export_trees
from tests.pdf_text import pdf_text

BOTH_BACKENDS = True  # SQLite file and PostgreSQL (tests/integration/conftest.py)

C = ComplaintCategory
PERSON = Complainant(None, "Jantine Veldkamp-Oosting", "Kloosterstraat 17", "9401 KD", "Assen",
                     "0592-366123", "j.veldkamp@example.nl")
PERSONAL = ("Veldkamp", "Kloosterstraat", "9401 KD", "366123", "j.veldkamp@example.nl")


def stored_case(uow_factory):
    tree = register.add_tree(uow_factory(), Tree(
        id=None, boomnummer="ASN-7", site_id=None, position=Point(233001.0, 557002.0),
        species_name="Tilia x europaea", straat="Nobellaan", wijk="Centrum"))
    record = complaints.register_complaint(
        uow_factory(), Complaint(None, date(2026, 4, 2), Channel.EMAIL,
                                 (C.TAKKEN_GEVEL_DAK, C.ZONNEPANELEN),
                                 "De takken hangen over mijn dak en over mijn zonnepanelen",
                                 (tree.id,)),
        ComplaintFacts(afstand_gevel_m=0.4), PERSON)
    complaints.triage_complaint(uow_factory(), record.complaint.id, user="anna")
    return tree, record.complaint.id


def test_letter_says_panels_are_no_reason_and_is_deterministic(uow_factory):
    _tree, cid = stored_case(uow_factory)
    content = complaints.letter_content(uow_factory(), cid, handler="A. de Vries",
                                        on=date(2026, 11, 23))
    first, second = BytesIO(), BytesIO()
    write_letter(content, first)
    write_letter(content, second)
    assert first.getvalue() == second.getvalue()
    text = pdf_text(first.getvalue())
    assert "Veldkamp-Oosting" in text and "Kloosterstraat 17" in text  # the addressee
    assert "Zonnepanelen zijn geen reden" in text and "3.6" in text
    assert "BOM-2026-" in text and "23 november 2026" in text


def test_personal_data_is_absent_from_every_export_and_report(uow_factory, tmp_path):
    stored_case(uow_factory)
    outputs = []
    export_complaints_csv(uow_factory(), tmp_path / "meldingen.csv")
    outputs.append((tmp_path / "meldingen.csv").read_text(encoding="utf-8"))
    for name in ("register.csv", "register.geojson"):
        export_trees(uow_factory(), tmp_path / name)
        outputs.append((tmp_path / name).read_text(encoding="utf-8-sig"))
    records, decisions = complaints_with_decisions(uow_factory())
    write_overview(records, decisions, date(2026, 11, 23), tmp_path / "overzicht.pdf")
    outputs.append(pdf_text(tmp_path / "overzicht.pdf"))
    assert "takken tegen gevel of dak" in outputs[3]  # the report holds the complaint …
    assert "ingrijpen" in outputs[0]
    for text in outputs:  # … and none of the complainant's data
        for secret in PERSONAL:
            assert secret not in text


def test_cli_batch_triage_reports_bad_rows_and_writes_decisions(uow_factory, db_path, tmp_path,
                                                                capsys):
    tree, _cid = stored_case(uow_factory)
    source = tmp_path / "achterstand.csv"
    source.write_text(
        "id;category;text;boomnummer;eigenaar;vrije_doorrijhoogte_over;vrije_doorrijhoogte_m\n"
        "A1;vrije doorrijhoogte;laag;;gemeente;fietspad;2,1\n"
        "A2;zonnepanelen;zon weg;ASN-7;;;\n"
        "A3;bladval;;;gemeente;;\n"
        "A4;vrije doorrijhoogte;;;gemeente;snelweg;3\n"
        "A5;schaduw;;ONBEKEND-1;;;\n", encoding="utf-8")
    out = tmp_path / "besluiten.csv"
    code = run_cli(["complaints", "triage", "--db", str(db_path), "--in", str(source),
                    "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert "regel 5, veld vrije_doorrijhoogte_over" in err and "regel 6, veld boomnummer" in err
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == ("id,besluit,reden,maatregel,maatregel_tekst,bron,criteriaversie,route,urgent,"
                        "feiten_uit_tekst")
    assert [line.split(",")[:2] for line in lines[1:]] == [
        ["A1", "ingrijpen"], ["A2", "niet ingrijpen"], ["A3", "niet ingrijpen"]]
    assert all("2026-1 standaard" in line for line in lines[1:])
    for secret in PERSONAL:
        assert secret not in out.read_text(encoding="utf-8")


def test_cli_letter_and_purge(uow_factory, db_path, tmp_path):
    _tree, cid = stored_case(uow_factory)
    letter = tmp_path / "brief.pdf"
    assert run_cli(["complaints", "letter", "--db", str(db_path), "--id", str(cid),
                    "--out", str(letter)]) == 0
    assert "Veldkamp-Oosting" in pdf_text(letter)
    assert run_cli(["complaints", "purge", "--db", str(db_path), "--today", "2027-04-02"]) == 0
    assert complaints.complainant_of(uow_factory(), cid) is None
    assert run_cli(["complaints", "letter", "--db", str(db_path), "--id", str(cid),
                    "--out", str(tmp_path / "x.pdf")]) == 1
