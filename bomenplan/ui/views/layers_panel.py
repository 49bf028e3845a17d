"""The layers panel (dock): the map's layers in one list, top drawn on top — check to show,
move up/down to reorder, a slider for the opacity of the chosen layer — and the background."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QListView,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
MOVABLE_ROLE = Qt.ItemDataRole.UserRole + 2
OPACITY_ROLE = Qt.ItemDataRole.UserRole + 3


class LayersPanel(QWidget):
    visibility_changed = Signal(str, bool)  # layer key, shown
    order_changed = Signal(list)  # movable layer keys, top first
    opacity_changed = Signal(str, float)  # layer key, 0–1
    add_requested = Signal()
    remove_requested = Signal(str)
    background_changed = Signal(str)  # background key

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = QStandardItemModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.background = QComboBox()
        self.add_button = QPushButton(self.tr("Laag toevoegen…"))
        self.remove_button = QPushButton(self.tr("Verwijderen"))
        self.up_button = QPushButton(self.tr("Omhoog"))
        self.down_button = QPushButton(self.tr("Omlaag"))
        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setRange(0, 100)
        form = QFormLayout()
        form.addRow(self.tr("Achtergrond"), self.background)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        opacity_row = QFormLayout()
        opacity_row.addRow(self.tr("Dekking"), self.opacity)
        layout.addLayout(opacity_row)
        self.model.itemChanged.connect(self._on_item_changed)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.add_button.clicked.connect(self.add_requested)
        self.remove_button.clicked.connect(self._remove_current)
        self.opacity.valueChanged.connect(self._on_opacity)
        self.background.currentIndexChanged.connect(
            lambda _i: self.background_changed.emit(self.background.currentData() or ""))
        self._on_current_changed()

    # --- filling ---------------------------------------------------------------------------
    def set_backgrounds(self, choices: list[tuple[str, str]], current: str) -> None:
        self.background.blockSignals(True)
        self.background.clear()
        for key, label in choices:
            self.background.addItem(label, key)
        index = max(0, self.background.findData(current))
        self.background.setCurrentIndex(index)
        self.background.blockSignals(False)

    def add_layer(self, key: str, title: str, shown: bool = True, movable: bool = True,
                  opacity: float = 1.0, row: int | None = None) -> None:
        item = QStandardItem(title)
        item.setCheckable(True)
        item.setCheckState(Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked)
        item.setData(key, KEY_ROLE)
        item.setData(movable, MOVABLE_ROLE)
        item.setData(opacity, OPACITY_ROLE)
        self.model.blockSignals(True)
        self.model.insertRow(self.model.rowCount() if row is None else row, item)
        self.model.blockSignals(False)
        self.list.viewport().update()

    def remove_layer(self, key: str) -> None:
        row = self.row_of(key)
        if row >= 0:
            self.model.removeRow(row)

    def keys(self) -> list[str]:
        return [self.model.item(r).data(KEY_ROLE) for r in range(self.model.rowCount())]

    def movable_keys(self) -> list[str]:
        return [k for r, k in enumerate(self.keys()) if self.model.item(r).data(MOVABLE_ROLE)]

    def row_of(self, key: str) -> int:
        return self.keys().index(key) if key in self.keys() else -1

    def is_shown(self, key: str) -> bool:
        return self.model.item(self.row_of(key)).checkState() == Qt.CheckState.Checked

    def select(self, key: str) -> None:
        self.list.setCurrentIndex(self.model.index(self.row_of(key), 0))

    # --- user actions ----------------------------------------------------------------------
    def move_current(self, step: int) -> None:
        """Move the chosen movable layer past the next movable one (fixed rows stay put)."""
        row = self.list.currentIndex().row()
        if row < 0 or not self.model.item(row).data(MOVABLE_ROLE):
            return
        target = row + step
        while 0 <= target < self.model.rowCount() and not self.model.item(target).data(MOVABLE_ROLE):
            target += step
        if not 0 <= target < self.model.rowCount():
            return
        items = self.model.takeRow(row)
        self.model.insertRow(target, items)
        self.list.setCurrentIndex(self.model.index(target, 0))
        self.order_changed.emit(self.movable_keys())

    def _remove_current(self) -> None:
        index = self.list.currentIndex()
        if index.isValid() and self.model.itemFromIndex(index).data(MOVABLE_ROLE):
            self.remove_requested.emit(index.data(KEY_ROLE))

    def _on_item_changed(self, item: QStandardItem) -> None:
        self.visibility_changed.emit(item.data(KEY_ROLE), item.checkState() == Qt.CheckState.Checked)

    def _on_current_changed(self, *args) -> None:
        index = self.list.currentIndex()
        movable = index.isValid() and bool(index.data(MOVABLE_ROLE))
        for button in (self.remove_button, self.up_button, self.down_button):
            button.setEnabled(movable)
        self.opacity.setEnabled(index.isValid())
        if index.isValid():
            self.opacity.blockSignals(True)
            self.opacity.setValue(round(100 * float(index.data(OPACITY_ROLE))))
            self.opacity.blockSignals(False)

    def _on_opacity(self, value: int) -> None:
        index = self.list.currentIndex()
        if index.isValid():
            self.model.blockSignals(True)  # not a visibility change
            self.model.itemFromIndex(index).setData(value / 100, OPACITY_ROLE)
            self.model.blockSignals(False)
            self.opacity_changed.emit(index.data(KEY_ROLE), value / 100)
