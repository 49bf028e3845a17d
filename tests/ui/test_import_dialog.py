"""Import dialog flow: broken files and failed imports change nothing; results are shown."""

import pytest
from register_fixtures import make_fake_window, trees, uow_factory  # noqa: F401

from bomenplan.services import register
from bomenplan.services.importing import guess_mapping, read_source
from bomenplan.ui.dialogs import import_dialog
from bomenplan.ui.dialogs.import_dialog import ColumnMappingDialog, ImportController
from bomenplan.ui.dialogs.import_result_dialog import ImportResultDialog

CSV = """boomnummer;soortnaam;x;y;plantjaar
B1;Tilia x europaea;234100;557100;1990
B2;Quercus robur;234110;557100;abc
B3;;234120;557100;1980
B4;Fagus sylvatica;234130;557100;1985
"""


@pytest.fixture
def flow(qtbot, uow_factory, trees, monkeypatch):  # noqa: F811
    window = make_fake_window(uow_factory)
    qtbot.addWidget(window)
    controller = ImportController(window)
    seen = {"errors": [], "reports": [], "cancelled": 0, "dialogs": []}
    monkeypatch.setattr(controller, "show_error", seen["errors"].append)
    monkeypatch.setattr(controller, "show_cancelled", lambda: seen.__setitem__("cancelled", 1))
    monkeypatch.setattr(ImportResultDialog, "show_report",
                        classmethod(lambda cls, parent, report: seen["reports"].append(report)))

    def accept_guess(cls, parent, source, mapping, grid_dir=""):
        dialog = cls(source, mapping, grid_dir, parent)
        seen["dialogs"].append(dialog)
        if seen.get("crs") is not None:
            dialog.crs.setText(seen["crs"])
        return dialog.choice()

    monkeypatch.setattr(ColumnMappingDialog, "ask", classmethod(accept_guess))
    return window, controller, seen


def snapshot(uow_factory):  # noqa: F811
    columns = register.load_register(uow_factory())
    return list(columns.id), list(columns.species_name)


def test_unreadable_file_shows_the_error_and_changes_nothing(flow, tmp_path, uow_factory):  # noqa: F811
    window, controller, seen = flow
    broken = tmp_path / "bomen.gpkg"
    broken.write_text("dit is geen geopackage")
    before = snapshot(uow_factory)
    controller.start(str(broken))
    assert len(seen["errors"]) == 1 and "bomen.gpkg" in seen["errors"][0]
    assert seen["dialogs"] == [] and seen["reports"] == []
    assert snapshot(uow_factory) == before
    assert window.reloads == 0


def test_failing_import_changes_nothing(flow, tmp_path, uow_factory):  # noqa: F811
    window, controller, seen = flow
    path = tmp_path / "bomen.csv"
    path.write_text(CSV, encoding="utf-8")
    seen["crs"] = "EPSG:999999"
    before = snapshot(uow_factory)
    controller.start(str(path))
    assert len(seen["errors"]) == 1 and "999999" in seen["errors"][0]
    assert snapshot(uow_factory) == before
    assert window.reloads == 0


def test_cancelled_import_changes_nothing(flow, tmp_path, uow_factory):  # noqa: F811
    window, controller, seen = flow
    path = tmp_path / "bomen.csv"
    path.write_text(CSV, encoding="utf-8")
    window.run_task = lambda fn, on_done, label: on_done(fn(lambda _f: None, lambda: True))
    before = snapshot(uow_factory)
    controller.start(str(path))
    assert seen["cancelled"] == 1 and seen["reports"] == []
    assert snapshot(uow_factory) == before


def test_import_adds_the_good_rows_and_reports_the_rest(flow, tmp_path, uow_factory):  # noqa: F811
    window, controller, seen = flow
    path = tmp_path / "bomen.csv"
    path.write_text(CSV, encoding="utf-8")
    controller.start(str(path))
    assert seen["errors"] == []
    report = seen["reports"][0]
    assert (report.rows_read, report.rows_accepted, report.rows_rejected) == (4, 2, 2)
    assert sorted((r.line, r.field) for r in report.rejections) == [(3, "plantjaar"), (4, "species_name")]
    assert len(register.load_register(uow_factory())) == 3 + 2
    assert window.reloads == 1 and window.loaded_in_worker  # not read on the GUI thread
    assert window.tree_model.total_count() == 5


def test_mapping_dialog_shows_preview_and_guesses(qtbot, tmp_path, qtmodeltester):
    path = tmp_path / "bomen.csv"
    path.write_text(CSV, encoding="utf-8")
    source = read_source(path)
    dialog = ColumnMappingDialog(source, guess_mapping(source))
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.preview)
    assert dialog.preview.index(0, 1).data() == "Tilia x europaea"
    assert dialog.combos["species_name"].currentData() == "soortnaam"
    assert dialog.combos["eigenaar"].currentData() == ""
    dialog.crs.setText("4326")
    dialog.swap_xy.setChecked(True)
    dialog.combos["eigenaar"].setCurrentIndex(dialog.combos["eigenaar"].findData("boomnummer"))
    choice = dialog.choice()
    assert choice.crs == "EPSG:4326" and choice.mapping.swap_xy
    assert choice.mapping.fields["eigenaar"] == "boomnummer"
    assert choice.mapping.fields["status"] is None


def test_result_dialog_lists_rejections_and_saves_them(qtbot, tmp_path, uow_factory, monkeypatch):  # noqa: F811
    path = tmp_path / "bomen.csv"
    path.write_text(CSV, encoding="utf-8")
    source = read_source(path)
    report = import_dialog.import_trees(uow_factory(), source, guess_mapping(source))
    dialog = ImportResultDialog(report)
    qtbot.addWidget(dialog)
    assert dialog.rejections.rowCount() == 2
    assert dialog.rejections.index(0, 2).data() == "Plantjaar"
    out = tmp_path / "afgewezen.csv"
    monkeypatch.setattr(dialog, "ask_save_path", lambda: str(out))
    assert dialog.save_rejections() == str(out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "bestand,regel,veld,waarde,reden" and len(lines) == 3


def test_result_dialog_lists_the_translated_type_values(qtbot, tmp_path, uow_factory):  # noqa: F811
    path = tmp_path / "bomen.csv"
    path.write_text("boomnummer;soortnaam;x;y;typeobject\n"
                    "B1;Tilia x europaea;234100;557100;Boom niet vrij uitgroeiend\n"
                    "B2;Quercus robur;234110;557100;Boom niet vrij uitgroeiend\n"
                    "B3;Salix alba;234120;557100;Knotboom\n", encoding="utf-8")
    source = read_source(path)
    report = import_dialog.import_trees(uow_factory(), source, guess_mapping(source))
    dialog = ImportResultDialog(report)
    qtbot.addWidget(dialog)
    rows = [[dialog.value_mappings.index(r, c).data() for c in range(4)]
            for r in range(dialog.value_mappings.rowCount())]
    assert rows == [["Beheertype", "Boom niet vrij uitgroeiend", "niet vrij uitgroeiend", "2"],
                    ["Beheertype", "Knotboom", "knot", "1"]]


def test_nothing_accepted_lets_the_user_fix_the_mapping_and_retry(flow, tmp_path, uow_factory,  # noqa: F811
                                                                  monkeypatch):
    window, controller, seen = flow
    path = tmp_path / "bomen.csv"
    path.write_text(CSV, encoding="utf-8")
    crs_per_attempt = iter(["EPSG:4326", "EPSG:28992"])
    prefilled = []

    def ask(cls, parent, source, mapping, grid_dir=""):
        dialog = cls(source, mapping, grid_dir, parent)
        prefilled.append(dialog.crs.text())
        dialog.crs.setText(next(crs_per_attempt))
        return dialog.choice()

    monkeypatch.setattr(ColumnMappingDialog, "ask", classmethod(ask))
    monkeypatch.setattr(ImportResultDialog, "show_report", classmethod(
        lambda cls, parent, report: seen["reports"].append(report) or report.rows_accepted == 0))
    controller.start(str(path))
    assert [r.rows_accepted for r in seen["reports"]] == [0, 2]
    assert prefilled == ["EPSG:28992", "EPSG:4326"]  # the retry starts from the previous choice
    assert window.reloads == 1


def test_unknown_crs_is_asked_for_instead_of_assuming_rd_new(flow, tmp_path, uow_factory,  # noqa: F811
                                                           monkeypatch):
    window, controller, seen = flow
    path = tmp_path / "ver.csv"
    path.write_text("boomnummer;soortnaam;x;y\nV1;Tilia cordata;900000;900000\n", encoding="utf-8")
    answers = iter(["", "EPSG:4326"])

    def ask(cls, parent, source, mapping, grid_dir=""):
        dialog = cls(source, mapping, grid_dir, parent)
        assert mapping.crs is None  # nothing guessed: the field starts empty
        dialog.crs.setText(next(answers))
        return dialog.choice()

    monkeypatch.setattr(ColumnMappingDialog, "ask", classmethod(ask))
    before = snapshot(uow_factory)
    controller.start(str(path))
    assert len(seen["errors"]) == 1 and "coördinatenstelsel onbekend" in seen["errors"][0]
    assert seen["reports"] and seen["reports"][0].crs == "EPSG:4326"  # asked again, then imported
    assert snapshot(uow_factory) == before  # 900000 degrees: every row rejected, nothing stored


CHANGED = """boomnummer;soortnaam;x;y;plantjaar
B1;Tilia x europaea;234100;557100;1991
B4;Fagus sylvatica;234130;557100;1985
B9;Fagus sylvatica;234140;557100;2000
"""


def test_reimport_shows_the_preview_and_applies_only_after_yes(flow, tmp_path, uow_factory,  # noqa: F811
                                                              monkeypatch):
    from bomenplan.ui.dialogs.import_preview_dialog import ImportPreviewDialog, PreviewChoice

    window, controller, seen = flow
    first, second = tmp_path / "bomen.csv", tmp_path / "bijgewerkt.csv"
    first.write_text(CSV, encoding="utf-8")
    second.write_text(CHANGED, encoding="utf-8")
    controller.start(str(first))  # B1, B4 stored; nothing matched: no question
    answers, plans = [None, PreviewChoice()], []

    def ask(cls, parent, plan, source_name):
        dialog = cls(plan, source_name, parent)  # built, so its labels are checked too
        plans.append({k: label.text() for k, label in dialog.counts.items()})
        return answers.pop(0)

    monkeypatch.setattr(ImportPreviewDialog, "ask", classmethod(ask))
    before = snapshot(uow_factory)
    controller.start(str(second))  # cancelled at the preview
    assert snapshot(uow_factory) == before and seen["cancelled"] == 1
    # by hand: B1 plantjaar 1990 → 1991 (changed), B4 unchanged, B9 new; the 3 fixture trees
    # and nothing else are missing from the file
    assert plans[0] == {"new": "1", "changed": "1", "unchanged": "1", "duplicates": "0",
                        "copies": "0", "missing": "3", "blanks": "0"}
    controller.start(str(second))
    assert len(register.load_register(uow_factory())) == 3 + 2 + 1
    with uow_factory() as uow:
        tree = uow.trees.by_boomnummer("B1")
        assert tree.plantjaar == 1991
        log = uow.changes.for_entity("tree", tree.id)
    assert [(c.field, c.old, c.new) for c in log] == [("plantjaar", "1990", "1991")]


BLANK_YEARS = """boomnummer;soortnaam;x;y;plantjaar
B1;Tilia x europaea;234100;557100;
B4;Fagus sylvatica;234130;557100;
"""


def test_reimport_keeps_stored_values_for_empty_cells_unless_the_box_is_ticked(
        flow, tmp_path, uow_factory, monkeypatch):  # noqa: F811
    from bomenplan.ui.dialogs.import_preview_dialog import ImportPreviewDialog, PreviewChoice

    window, controller, seen = flow
    first, second = tmp_path / "bomen.csv", tmp_path / "leeg.csv"
    first.write_text(CSV, encoding="utf-8")
    second.write_text(BLANK_YEARS, encoding="utf-8")
    controller.start(str(first))  # B1 (1990) and B4 (1985) stored
    answers, blanks = [PreviewChoice(), PreviewChoice(clear_empty=True)], []

    def ask(cls, parent, plan, source_name):
        dialog = cls(plan, source_name, parent)
        blanks.append((dialog.counts["blanks"].text(), dialog.clear_empty.isEnabled()))
        return answers.pop(0)

    monkeypatch.setattr(ImportPreviewDialog, "ask", classmethod(ask))

    def years():
        with uow_factory() as uow:
            return [uow.trees.by_boomnummer(n).plantjaar for n in ("B1", "B4")]

    controller.start(str(second))  # empty cells: no change
    assert years() == [1990, 1985]
    controller.start(str(second))  # box ticked: empty cells clear
    assert years() == [None, None]
    assert blanks == [("2", True), ("2", True)]
