"""The sidebar's facets, one page per ``models.facets.FACETS`` entry (a checkable list of values
with live counts over the current result; long lists get a filter box), and the bookmarked-only
switch. Emits ``toggled(facet, value)``."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QToolBox,
    QVBoxLayout,
    QWidget,
)

from models.facets import FACETS, Facet
from models.filters import FilterResult, FilterState
from ui.immediate import marks_explained, marks_headline
from ui.palette import apply_stylesheet

KeyRole = Qt.ItemDataRole.UserRole + 1


class FacetList(QWidget):
    """One facet's values; emits ``toggled(key, checked)`` when the user checks or unchecks one."""

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
        # A new text has the list laid out again by a timer, so after the window's paint, and painted
        # again then. Laid out now, it is painted with the rest of the window.
        self.list.executeDelayedItemsLayout()

    def item(self, key: object) -> QListWidgetItem | None:
        return self._items.get(key)

    def count_text(self, key: object) -> str:
        item = self._items.get(key)
        return item.text() if item else ""

    def clear_search(self) -> None:
        if self.search is not None:
            self.search.clear()

    def _on_changed(self, item: QListWidgetItem) -> None:
        self.toggled.emit(item.data(KeyRole), item.checkState() == Qt.CheckState.Checked)

    def _on_activated(self, item: QListWidgetItem) -> None:
        checked = item.checkState() != Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _filter_rows(self, text: str) -> None:
        needle = text.strip().lower()
        for key, item in self._items.items():
            item.setHidden(bool(needle) and needle not in self._labels[key].lower())


def _one_scrollbar(page: FacetList, short: bool) -> None:
    """QToolBox puts each page in a scroll area of its own: only one of it and the page's list may
    scroll. A long list scrolls itself (the page shrinks to a couple of rows, the area never
    scrolls); a short list (two values and a note) is as tall as its rows and the area scrolls."""
    area = page.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    rows = page.list.sizeHintForRow(0) if page.list.count() else page.fontMetrics().height() + 4
    frame = 2 * page.list.frameWidth()
    if short:
        page.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        page.list.setFixedHeight(rows * max(1, page.list.count()) + frame)
    else:
        page.list.setMinimumHeight(2 * rows + frame)
        if area is not None:
            area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


class FacetPanel(QWidget):
    """The bookmarked-only switch above one toolbox page per facet; ``show_result`` refreshes counts
    and check marks (the page in view at once, the others when opened)."""

    toggled = Signal(str, object)

    def __init__(self, repo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("facetPanel")
        self._names = {"clusters": {c.id: c.title for c in repo.clusters()}}
        everything = repo.facets([s.number for s in repo.summaries()])
        self._values = {f.key: list(everything.get(f.key, {})) for f in FACETS}  # in the SQL's order
        self.bookmarked = QCheckBox(self)
        self.bookmarked.toggled.connect(lambda on: self.toggled.emit("bookmarked", on))
        self.toolbox = QToolBox(self)
        apply_stylesheet(self.toolbox)  # the tabs' colours and padding (resources/style)
        self._pages: dict[str, FacetList] = {}
        for facet in FACETS:
            page = FacetList(facet.searchable)
            page.toggled.connect(lambda value, _on, key=facet.key: self.toggled.emit(key, value))
            self._pages[facet.key] = page
            self.toolbox.addItem(page, "")
        self._marks = repo.immediate_marks()  # "8 of 19 marked in this edition", and why
        self.immediate_note = QLabel(self._pages["immediate"], objectName="immediateNote", wordWrap=True)
        self._pages["immediate"].layout().addWidget(self.immediate_note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bookmarked)
        layout.addWidget(self.toolbox, 1)
        self._last: tuple[FilterResult, FilterState] | None = None
        self._fresh: set[int] = set()
        self.toolbox.currentChanged.connect(self._refresh)
        self.retranslate()
        for key, page in self._pages.items():
            _one_scrollbar(page, short=key == "immediate")

    def page(self, key: str) -> FacetList:
        return self._pages[key]

    def label(self, facet: Facet, value: object) -> str:
        return facet.label(value, self._names.get(facet.key))

    def clear_searches(self) -> None:
        """Empty every page's filter box (part of "clear all")."""
        for page in self._pages.values():
            page.clear_search()

    def show_result(self, result: FilterResult, state: FilterState) -> None:
        self._last = (result, state)
        self._fresh = set()
        self.bookmarked.blockSignals(True)
        self.bookmarked.setChecked(state.bookmarked_only)
        self.bookmarked.setText(self.tr("Bookmarked only (%1)").replace("%1", str(result.bookmarked)))
        self.bookmarked.blockSignals(False)
        self._refresh(self.toolbox.currentIndex())

    def _refresh(self, index: int) -> None:
        if self._last is None or index in self._fresh or index < 0:
            return
        self._fresh.add(index)
        result, state = self._last
        key = FACETS[index].key
        self._pages[key].update_counts(result.facets.get(key, {}), set(state.chosen.get(key, ())))

    def retranslate(self) -> None:
        for i, facet in enumerate(FACETS):
            title = facet.translated_title()
            self.toolbox.setItemText(i, title)
            page = self._pages[facet.key]
            page.list.setAccessibleName(title)
            page.set_values([(v, self.label(facet, v)) for v in self._values[facet.key]])
            if page.search is not None:
                page.search.setPlaceholderText(self.tr("Filter this list"))
                page.search.setAccessibleName(self.tr("Filter this list"))
        self.bookmarked.setAccessibleName(self.tr("Bookmarked only"))
        self.immediate_note.setText(marks_explained(self._marks))
        immediate = self._pages["immediate"]
        immediate.list.blockSignals(True)  # itemChanged would read as the user ticking the box
        immediate.item(True).setToolTip(marks_headline(self._marks))
        immediate.list.blockSignals(False)
        if self._last is not None:
            self.show_result(*self._last)
            for index in range(len(FACETS)):
                self._refresh(index)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
