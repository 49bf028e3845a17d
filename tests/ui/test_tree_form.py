"""TreeForm: shows the selected tree, validates through the domain, saves as an undoable edit."""

import pytest
from PySide6.QtGui import QUndoStack
from register_fixtures import FakeTreeModel, trees, uow_factory  # noqa: F401

from bomenplan.domain.values import Beheertype, Omgevingsrisicoklasse, TreeStatus
from bomenplan.services import register
from bomenplan.ui.commands import EditContext
from bomenplan.ui.dialogs.tree_form import TreeForm


@pytest.fixture
def form(qtbot, uow_factory, trees):  # noqa: F811
    context = EditContext(uow_factory, FakeTreeModel(uow_factory))
    widget = TreeForm(context, QUndoStack())
    qtbot.addWidget(widget)
    widget.set_species_names(context.tree_model.columns.species_name)
    widget.show_tree(trees[0])
    return widget


def test_shows_the_tree_with_dutch_labels(form, trees):  # noqa: F811
    assert form.editors["boomnummer"].text() == "A000"
    assert form.editors["plantjaar"].text() == "1980"
    assert form.editors["beheertype"].currentText() == "Vrij uitgroeiend"
    assert form.editors["status"].currentData() == TreeStatus.LEVEND.value
    assert not form.editors["status"].isEnabled()
    species = form.editors["species_name"]
    assert [species.itemText(i) for i in range(species.count())] == sorted(
        {t.species_name for t in trees})


def test_species_completion_matches_part_of_a_name(form):
    completer = form.editors["species_name"].completer()
    completer.setCompletionPrefix("robur")
    assert completer.currentCompletion() == "Quercus robur"


def test_save_pushes_an_undoable_edit(form, uow_factory, trees):  # noqa: F811
    form.editors["plantjaar"].setText("1962")
    form.editors["beheertype"].setCurrentIndex(form.editors["beheertype"].findData(Beheertype.KNOT.value))
    form.editors["stamdiameter_cm"].setText("41,5")
    assert form.save()
    stored = register.get_tree(uow_factory(), trees[0].id)
    assert (stored.plantjaar, stored.beheertype, stored.stamdiameter_cm) == (1962, Beheertype.KNOT, 41.5)
    assert form.tree.version == stored.version  # the form follows the stored tree
    form.undo_stack.undo()
    assert register.get_tree(uow_factory(), trees[0].id).plantjaar == 1980
    assert form.editors["plantjaar"].text() == "1980"


@pytest.mark.parametrize(("field", "text", "message"), [
    ("plantjaar", "1200", "1200 ligt niet tussen 1500"),
    ("plantjaar", "ooit", "\u201cooit\u201d is geen getal"),
    ("stamdiameter_cm", "900", "onmogelijk"),
    ("boomnummer", "  ", "is verplicht"),
])
def test_invalid_values_show_the_domain_message_next_to_the_field(form, uow_factory, trees,  # noqa: F811
                                                                   field, text, message):
    form.editors[field].setText(text)
    assert not form.save()
    assert message in form.error_text(field)
    assert not form.errors[field].isHidden()
    assert form.undo_stack.count() == 0
    assert register.get_tree(uow_factory(), trees[0].id) == trees[0]


def test_a_living_tree_needs_a_species(form):
    form.editors["species_name"].setEditText("")
    assert not form.save()
    assert "soort" in form.error_text("species_name")


def test_no_tree_disables_the_form(form):
    form.show_tree(None)
    assert not form.isEnabled()
    assert not form.save()


def test_omgevingsrisicoklasse_is_a_tree_field_saved_undoably(form, uow_factory, trees):  # noqa: F811
    editor = form.editors["omgevingsrisicoklasse"]
    assert editor.currentData() == Omgevingsrisicoklasse.ONBEKEND.value
    editor.setCurrentIndex(editor.findData(Omgevingsrisicoklasse.HOOG.value))
    assert form.save()
    stored = register.get_tree(uow_factory(), trees[0].id)
    assert stored.omgevingsrisicoklasse is Omgevingsrisicoklasse.HOOG
    form.undo_stack.undo()
    assert register.get_tree(uow_factory(), trees[0].id).omgevingsrisicoklasse is \
        Omgevingsrisicoklasse.ONBEKEND


def test_nvtb_value_is_entered_with_a_dutch_decimal_comma(form, uow_factory, trees):  # noqa: F811
    from decimal import Decimal

    assert form.editors["nvtb_waarde_eur"].text() == ""
    form.editors["nvtb_waarde_eur"].setText("4.250,5")
    assert form.save()
    assert register.get_tree(uow_factory(), trees[0].id).nvtb_waarde_eur == Decimal("4250.50")
    assert form.editors["nvtb_waarde_eur"].text() == "4.250,50"
    form.editors["nvtb_waarde_eur"].setText("veel")
    assert not form.save()
    assert "geen bedrag" in form.error_text("nvtb_waarde_eur")
    form.undo_stack.undo()
    assert register.get_tree(uow_factory(), trees[0].id).nvtb_waarde_eur is None
