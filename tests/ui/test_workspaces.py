"""§1 Room for each screen: at 1366×768 every workspace shows its key controls without
scrolling, keeps its arrangement per workspace, and a selected tree brings the Boom form forward."""

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QDockWidget, QPushButton, QTableView
from real_window import shown_main_window

from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services.demo import create_demo

# The offscreen platform says so whenever a workspace changes the window's size constraints.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """The demo municipality made once; each test gets its own copy."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    engine, sessions = open_database(path)
    create_demo(lambda: SqlUnitOfWork(sessions))
    engine.dispose()
    return path


def _fully_visible(widget, window) -> bool:
    """Shown, not hidden behind a scroll area's edge, and inside the window."""
    if not widget.isVisible() or widget.visibleRegion().isEmpty():
        return False
    if widget.visibleRegion().boundingRect().size() != widget.rect().size():
        return False  # partly scrolled away or clipped by a parent
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))


def _no_horizontal_scrolling(widget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.horizontalScrollBar().isVisible() \
                and not isinstance(parent, QTableView):
            return False
        parent = parent.parentWidget()
    return True


@pytest.fixture
def window(qtbot, tmp_path, demo_db):
    (tmp_path / "register.sqlite").write_bytes(demo_db.read_bytes())
    with shown_main_window(qtbot, tmp_path, lambda _factory: None) as win:
        win.resize(1366, 768)
        qtbot.waitUntil(lambda: win.width() == 1366, timeout=2000)
        yield win


def _dock(window, title) -> QDockWidget:
    return next(d for d in window.findChildren(QDockWidget) if d.windowTitle() == title)


def _buttons(dock, *labels):
    found = {b.text(): b for b in dock.findChildren(QPushButton)}
    return [found[label] for label in labels]


KEY_CONTROLS = {
    "lanen": ("Overzicht lanen", ("Accepteren", "Rij aanpassen op kaart", "Kies")),
    "meldingen": ("Meldingen", ("Nieuwe melding…", "Exporteren (CSV)…", "Overzicht (PDF)…")),
    "bomenbank": ("Bomenbank", ("Reserveren", "Vernieuwen")),
    "standplaats": ("Plangebied", ("Tekenen", "Importeren…")),
    "werkorders": ("Werkorders", ("Toewijzen…", "Gereed melden…", "Werklijst (PDF/CSV)…")),
}


@pytest.mark.parametrize("name", sorted(KEY_CONTROLS))
def test_key_controls_of_each_workspace_are_visible_without_scrolling(window, qtbot, name):
    window.workspaces.switch_to(name)
    qtbot.wait(50)
    title, labels = KEY_CONTROLS[name]
    dock = _dock(window, title)
    assert dock.isVisible() and not dock.visibleRegion().isEmpty()
    assert dock.width() >= 0.4 * window.width()  # the screen gets the room it needs
    for button in _buttons(dock, *labels):
        assert _fully_visible(button, window), button.text()
        assert _no_horizontal_scrolling(button), button.text()
    others = [d for d in window.findChildren(QDockWidget)
              if d.isVisible() and d.windowTitle() != title]
    assert others == []
    assert not window.table.isVisible()  # the map keeps the rest


def test_laan_detail_columns_fit_and_the_list_shows_several_lanen(window, qtbot):
    window.workspaces.switch_to("lanen")
    qtbot.wait(50)
    screen = _dock(window, "Overzicht lanen")
    gap_view = next(v for v in screen.findChildren(QTableView)
                    if v.model().headerData(4, Qt.Orientation.Horizontal) == "Oorzaak")
    header = gap_view.horizontalHeader()
    right_edge = header.sectionViewportPosition(4) + header.sectionSize(4)
    assert header.sectionSize(4) >= 80 and right_edge <= gap_view.viewport().width()
    lanen_list = next(v for v in screen.findChildren(QTableView)
                      if v.model().headerData(0, Qt.Orientation.Horizontal) == "Laan")
    rows_in_view = lanen_list.viewport().height() // lanen_list.verticalHeader().defaultSectionSize()
    assert rows_in_view >= 6


def test_register_workspace_shows_table_form_and_history(window, qtbot):
    window.workspaces.switch_to("meldingen")
    window.workspaces.switch_to("register")
    qtbot.wait(50)
    assert _fully_visible(window.search_field, window) and window.table.isVisible()
    assert _dock(window, "Boom").isVisible() and _dock(window, "Geschiedenis").isVisible()
    assert not _dock(window, "Meldingen").isVisible()


def test_selecting_a_tree_brings_the_boom_form_forward(window, qtbot):
    window.workspaces.switch_to("register")
    boom, history = _dock(window, "Boom"), _dock(window, "Geschiedenis")
    window.tabifyDockWidget(boom, history)  # the user put them in one tab group
    history.raise_()
    qtbot.wait(20)
    assert boom.visibleRegion().isEmpty()
    window.select_tree_ids([window.tree_model.columns.id[0].item()])
    qtbot.wait(20)
    assert not boom.visibleRegion().isEmpty()


def test_each_workspace_keeps_its_own_arrangement(window, qtbot):
    window.workspaces.switch_to("meldingen")
    qtbot.wait(20)
    dock = _dock(window, "Meldingen")
    window.resizeDocks([dock], [500], Qt.Orientation.Horizontal)
    qtbot.wait(20)
    width = dock.width()
    window.workspaces.switch_to("lanen")
    qtbot.wait(20)
    assert not dock.isVisible()
    window.workspaces.switch_to("meldingen")
    qtbot.wait(20)
    assert dock.isVisible() and abs(dock.width() - width) <= 2
