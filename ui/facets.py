"""One facet of the filter sidebar: a checkable list of values with live counts (and an
optional search box for long lists such as countries)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

KeyRole = Qt.ItemDataRole.UserRole + 1


class FacetList(QWidget):
    """Emits ``toggled(key, checked)`` when the user checks or unchecks a value."""

    toggled = Signal(object, bool)

    def __init__(self, searchable: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setUniformItemSizes(True)
        self.search = QLineEdit(self) if searchable else None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        if self.search is not None:
            self.search.setClearButtonEnabled(True)
            self.search.textChanged.connect(self._filter_rows)
            layout.addWidget(self.search)
        layout.addWidget(self.list)
        self._items: dict[object, QListWidgetItem] = {}
        self._labels: dict[object, str] = {}
        self.list.itemChanged.connect(self._on_changed)
        self.list.itemActivated.connect(self._on_activated)

    def set_values(self, values: list[tuple[object, str]]) -> None:
        """The full list of values (key, label), in display order."""
        self.list.blockSignals(True)
        self.list.clear()
        self._items, self._labels = {}, {}
        for key, label in values:
            item = QListWidgetItem(label)
            item.setData(KeyRole, key)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
            )
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
            self._items[key] = item
            self._labels[key] = label
        self.list.blockSignals(False)

    def update_counts(self, counts: dict, selected: set) -> None:
        """Show each value's count in the current result; values with none are greyed."""
        self.list.blockSignals(True)
        for key, item in self._items.items():
            n = counts.get(key, 0)
            checked = key in selected
            item.setText(f"{self._labels[key]}  ({n})")
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            item.setForeground(self.palette().text() if n or checked else self.palette().placeholderText())
        self.list.blockSignals(False)

    def item(self, key: object) -> QListWidgetItem | None:
        return self._items.get(key)

    def count_text(self, key: object) -> str:
        item = self._items.get(key)
        return item.text() if item else ""

    def _on_changed(self, item: QListWidgetItem) -> None:
        self.toggled.emit(item.data(KeyRole), item.checkState() == Qt.CheckState.Checked)

    def _on_activated(self, item: QListWidgetItem) -> None:
        checked = item.checkState() != Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _filter_rows(self, text: str) -> None:
        needle = text.strip().lower()
        for key, item in self._items.items():
            item.setHidden(bool(needle) and needle not in self._labels[key].lower())
