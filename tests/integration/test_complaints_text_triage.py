"""Batch triage from the complaint's words alone, and the letter's wording for concept criteria."""

import csv
from datetime import date
from io import BytesIO

from test_complaints_outputs import PERSON, stored_case

from bomenplan.cli.context import uow_factory
from bomenplan.cli.main import run_cli
from bomenplan.reports.complaint_letter import write_letter
from bomenplan.services import complaints, criteria_admin
from tests.pdf_text import pdf_text

BOTH_BACKENDS = True  # SQLite file and PostgreSQL (tests/integration/conftest.py)


def test_batch_triage_with_only_text_and_locatie_decides(db_path, tmp_path):
    source = tmp_path / "achterstand.csv"
    source.write_text(
        "id;category;text;locatie\n"
        "T1;;Er hangt een afgebroken tak boven het fietspad;Hoofdlaan\n"
        "T2;;De takken van de boom schuren over ons dak;Kloosterstraat 3\n"
        "T3;;De wortels drukken de stoep omhoog, ik ben gestruikeld;Nobellaan\n"
        "T4;;De hele vogelkers zit onder het spinsel met rupsen;parkje achter de flat\n"
        "T5;;Rupsen met brandharen in de eik;naast de basisschool\n"
        "T6;;De boom geeft veel schaduw, geen dode takken;Vaart ZZ\n"
        "T7;;;\n", encoding="utf-8")
    out = tmp_path / "besluiten.csv"
    uow_factory(db_path, create=True)  # batch triage needs an existing register
    code = run_cli(["complaints", "triage", "--db", str(db_path), "--in", str(source),
                    "--out", str(out)])
    assert code == 1  # T7 has neither category nor text
    rows = {r["id"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert set(rows) == {"T1", "T2", "T3", "T4", "T5", "T6"}
    # dead wood over a path: remove, urgent (Leopoldsburg; duty of care BW 6:174)
    assert (rows["T1"]["besluit"], rows["T1"]["maatregel"], rows["T1"]["urgent"]) == (
        "ingrijpen", "snoeien", "ja")
    assert "'afgebroken'" in rows["T1"]["feiten_uit_tekst"]
    # branches touching the roof: prune (Leopoldsburg; Vijfheerenlanden < 1 m)
    assert (rows["T2"]["besluit"], rows["T2"]["maatregel"]) == ("ingrijpen", "snoeien")
    # trip hazard on a footpath: repair, urgent
    assert (rows["T3"]["besluit"], rows["T3"]["maatregel"], rows["T3"]["urgent"]) == (
        "ingrijpen", "herstel verharding", "ja")
    # webs over a whole bird cherry: spinselmot, no action (RIVM: EPR lives on oaks)
    assert rows["T4"]["besluit"] == "niet ingrijpen" and "spinselmot" in rows["T4"]["reden"]
    # oak next to a school: high-risk location, treat soon (Leidraad EPR 2019)
    assert (rows["T5"]["besluit"], rows["T5"]["maatregel"], rows["T5"]["urgent"]) == (
        "ingrijpen", "bestrijding", "ja")
    # shade only; "geen dode takken" is negated
    assert rows["T6"]["besluit"] == "niet ingrijpen"
    assert "dood hout" not in rows["T6"]["feiten_uit_tekst"]


def test_letter_under_concept_criteria_does_not_call_them_adopted(uow_factory):
    _tree, cid = stored_case(uow_factory)
    assert complaints.complainant_of(uow_factory(), cid).naam == PERSON.naam
    content = complaints.letter_content(uow_factory(), cid, on=date(2026, 11, 23))
    assert not content.criteria_adopted
    pdf = BytesIO()
    write_letter(content, pdf)
    text = " ".join(pdf_text(pdf.getvalue()).split())
    assert "conceptcriteria" in text and "vastgestelde criteria" not in text


def test_letter_after_adoption_names_the_criteria_adopted(uow_factory):
    label = criteria_admin.active_criteria(uow_factory()).label
    criteria_admin.adopt_version(uow_factory(), label, date(2026, 3, 1))
    _tree, cid = stored_case(uow_factory)
    content = complaints.letter_content(uow_factory(), cid, on=date(2026, 11, 23))
    pdf = BytesIO()
    write_letter(content, pdf)
    assert content.criteria_adopted
    assert "vastgestelde criteria" in " ".join(pdf_text(pdf.getvalue()).split())


def test_private_tree_over_the_road_gets_an_enforcement_letter(uow_factory):
    """APV art. 2:15-type: the municipality orders the owner to prune; not 'we cannot act'."""
    from bomenplan.domain.complaints import Channel, Complaint, ComplaintCategory, ComplaintFacts

    record = complaints.register_complaint(
        uow_factory(), Complaint(None, date(2026, 5, 4), Channel.EMAIL,
                                 (ComplaintCategory.DOORRIJHOOGTE,),
                                 "De takken van de boom van de buren hangen laag over het fietspad"),
        ComplaintFacts(eigenaar="particulier", locatie="Vaart NZ 12"), PERSON)
    result = complaints.triage_complaint(uow_factory(), record.complaint.id)
    assert (result.decision, result.measure, result.path) == ("ingrijpen", "handhaving eigenaar",
                                                              "handhaving eigenaar")
    assert "CVDR695960" in result.citation and "6:174" in result.citation
    content = complaints.letter_content(uow_factory(), record.complaint.id, on=date(2026, 5, 20))
    pdf = BytesIO()
    write_letter(content, pdf)
    text = " ".join(pdf_text(pdf.getvalue()).split())
    assert "schrijven de eigenaar van de boom aan" in text and "werkopdracht" not in text
