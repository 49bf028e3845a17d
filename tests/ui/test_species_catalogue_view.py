"""Catalogue screen: search, score breakdown, undoable edit, add, import/export."""

import csv

import numpy as np
import pytest
from PySide6.QtGui import QUndoStack

from bomenplan.domain.ecology import DEFAULT_WEIGHTS
from bomenplan.domain.species import Species
from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services.species_catalogue import ensure_catalogue
from bomenplan.ui.views.species_catalogue_view import SpeciesCatalogueView


@pytest.fixture(scope="module")
def template_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("species") / "template.sqlite"
    engine, sessions = open_database(path)
    ensure_catalogue(SqlUnitOfWork(sessions))
    engine.dispose()
    return path


@pytest.fixture
def uow_factory(template_db, tmp_path):
    path = tmp_path / "r.sqlite"
    path.write_bytes(template_db.read_bytes())
    engine, sessions = open_database(path)
    yield lambda: SqlUnitOfWork(sessions)
    engine.dispose()


@pytest.fixture
def view(qtbot, uow_factory):
    stack = QUndoStack()
    widget = SpeciesCatalogueView(uow_factory, stack)
    widget.undo_stack_ref = stack
    qtbot.addWidget(widget)
    return widget


def visible_names(view):
    return [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]


def open_species(view, full_name):
    view.search.setText(full_name)
    row = visible_names(view).index(full_name)
    view.table.setCurrentIndex(view.proxy.index(row, 0))
    assert view.detail.entry.species.full_name == full_name


def test_models_pass_the_model_tester(view, qtmodeltester):
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.proxy)
    open_species(view, "Quercus robur")
    qtmodeltester.check(view.detail.components)


def test_search_filters_on_scientific_and_dutch_names(view):
    assert view.proxy.rowCount() >= 150
    view.search.setText("zomereik")
    assert sorted(visible_names(view)) == ["Quercus robur", "Quercus robur 'Fastigiata Koster'",
                                           "Quercus robur 'Fastigiata'"]
    view.search.setText("tilia pallida")
    assert visible_names(view) == ["Tilia × europaea 'Pallida'"]


def test_breakdown_shows_components_summing_to_score(view):
    open_species(view, "Salix alba")
    heights = view.detail.bar_heights()
    assert len(heights) == 8
    assert heights.sum() == pytest.approx(view.detail.score.total)
    assert "Southwood" in view.detail.components.index(0, 4).data()
    assert "Imkerpedia" in view.detail.sources.text()


def test_edit_updates_breakdown_and_can_be_undone(view):
    open_species(view, "Prunus serrulata 'Kanzan'")
    before = view.detail.score.total
    bars_before = view.detail.bar_heights().copy()
    view.detail.select_field("nectar")
    assert view.detail.value_edit.text() == "0"
    view.detail.value_edit.setText("5")
    view.detail.source_edit.setText("eigen waarneming")
    view.detail.apply_button.click()
    stack = view.undo_stack_ref
    assert stack.count() == 1
    assert view.detail.entry.profile.nectar == 5
    nectar_weight = DEFAULT_WEIGHTS.weights["nectar"]  # nectar 0 → 5 adds the full weight
    assert view.detail.score.total == pytest.approx(before + nectar_weight)
    assert not np.array_equal(view.detail.bar_heights(), bars_before)
    assert view.model.index(view.model.row_of_id(view.detail.entry.species.id), 4).data() == \
        f"{before + nectar_weight:.0f}"
    stack.undo()
    assert view.detail.entry.profile.nectar == 0
    assert view.detail.score.total == pytest.approx(before)
    np.testing.assert_allclose(view.detail.bar_heights(), bars_before)
    stack.redo()
    assert view.detail.entry.profile.nectar == 5


def test_edit_without_source_or_with_bad_value_is_refused(view):
    open_species(view, "Quercus robur")
    view.detail.select_field("nectar")
    view.detail.value_edit.setText("3")
    view.detail.apply_button.click()
    assert view.undo_stack_ref.count() == 0 and "bron" in view.status.text()
    view.detail.value_edit.setText("9")
    view.detail.source_edit.setText("x")
    view.detail.apply_button.click()
    assert view.undo_stack_ref.count() == 0 and "nectar" in view.status.text()


def test_add_species_and_export_import(view, tmp_path):
    entry = view.add_species(Species(None, "Quercus × turneri", "Turners eik", "", "Quercus",
                                     "Fagaceae"))
    assert entry is not None and view.detail.entry.species.full_name == "Quercus × turneri"
    out = tmp_path / "s.csv"
    view.export_csv(str(out))
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert any(r["scientific_name"] == "Quercus × turneri" for r in rows)
    bad = tmp_path / "bad.csv"
    bad.write_text("scientific_name,pollen\nAcer x,8\n", encoding="utf-8")
    view.import_csv(str(bad))
    assert "regel 2" in view.status.text()


def test_catalogue_headers_are_not_cut(view):
    from PySide6.QtCore import Qt

    header = view.table.horizontalHeader()
    for column in range(view.model.columnCount()):
        text = view.model.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(text), text
