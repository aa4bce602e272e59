"""The sidebar's facets: cluster, WIPO sector, immediate/bookmarked, country, document cited,
each with live counts over the current result. Emits ``toggled(facet, value)``."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QCheckBox, QToolBox, QVBoxLayout, QWidget

from models import names
from models.filters import FilterResult, FilterState
from ui.facets import FacetList


class FacetPanel(QToolBox):
    """One page per facet; ``show_result`` refreshes counts and check marks."""

    toggled = Signal(str, object)

    def __init__(self, repo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("facetPanel")
        self._clusters, self._sectors = repo.clusters(), repo.sectors()
        self.cluster = FacetList()
        self.sector = FacetList()
        self.flags = QWidget()
        self.immediate = FacetList()
        self.bookmarked = QCheckBox(self.flags)
        flags_layout = QVBoxLayout(self.flags)
        flags_layout.setContentsMargins(0, 0, 0, 0)
        flags_layout.addWidget(self.immediate)
        flags_layout.addWidget(self.bookmarked)
        self.country = FacetList(searchable=True)
        countries = repo.country_counts()
        self.country.set_values([(c, c) for c in sorted(countries, key=lambda c: (-countries[c], c))])
        self.document = FacetList(searchable=True)
        docs = repo.document_counts()
        self.document.set_values([(d, d) for d in sorted(docs, key=lambda d: (-docs[d], d))])
        for page in (self.cluster, self.sector, self.flags, self.country, self.document):
            self.addItem(page, "")
        self.cluster.toggled.connect(lambda k, _c: self.toggled.emit("clusters", k))
        self.sector.toggled.connect(lambda k, _c: self.toggled.emit("sectors", k))
        self.immediate.toggled.connect(lambda k, _c: self.toggled.emit("immediate", k))
        self.country.toggled.connect(lambda k, _c: self.toggled.emit("countries", k))
        self.document.toggled.connect(lambda k, _c: self.toggled.emit("documents", k))
        self.bookmarked.toggled.connect(lambda on: self.toggled.emit("bookmarked", on))
        self._last: tuple[FilterResult, FilterState] | None = None
        self._fresh: set[int] = set()
        self.currentChanged.connect(self._refresh)
        self.retranslate()

    def show_result(self, result: FilterResult, state: FilterState) -> None:
        """Refresh the page in view now; the hidden pages when they are opened (fewer items to touch
        on every keystroke)."""
        self._last = (result, state)
        self._fresh = set()
        self._refresh(self.currentIndex())

    def _refresh(self, page: int) -> None:
        if self._last is None or page in self._fresh or page < 0:
            return
        self._fresh.add(page)
        result, state = self._last
        f = result.facets
        if page == 0:
            self.cluster.update_counts(f.cluster, set(state.clusters))
        elif page == 1:
            self.sector.update_counts(f.sector, set(state.sectors))
        elif page == 2:
            self.immediate.update_counts(f.immediate, set() if state.immediate is None else {state.immediate})
            self.bookmarked.blockSignals(True)
            self.bookmarked.setChecked(state.bookmarked_only)
            self.bookmarked.setText(self.tr("Bookmarked only (%1)").replace("%1", str(result.bookmarked)))
            self.bookmarked.blockSignals(False)
        elif page == 3:
            self.country.update_counts(f.country, set(state.countries))
        elif page == 4:
            self.document.update_counts(f.document, set(state.documents))

    def retranslate(self) -> None:
        titles = (
            self.tr("Cluster"),
            self.tr("WIPO sector"),
            self.tr("Immediate / bookmarked"),
            self.tr("Country mentioned"),
            self.tr("Document cited"),
        )
        for i, title in enumerate(titles):
            self.setItemText(i, title)
        for facet, name in zip(
            (self.cluster, self.sector, self.immediate, self.country, self.document),
            (titles[0], titles[1], self.tr("Immediate implementation"), titles[3], titles[4]),
            strict=True,
        ):
            facet.list.setAccessibleName(name)
        self.cluster.set_values([(c.id, f"{c.id} {names.shown(c.title)}") for c in self._clusters])
        self.sector.set_values([(s, names.shown(s)) for s in self._sectors])
        self.immediate.set_values(
            [(True, self.tr("★ For immediate implementation")), (False, self.tr("Not marked"))]
        )
        for facet in (self.country, self.document):
            if facet.search is not None:
                facet.search.setPlaceholderText(self.tr("Filter this list"))
                facet.search.setAccessibleName(self.tr("Filter this list"))
        self.bookmarked.setAccessibleName(self.tr("Bookmarked only"))
        if self._last is not None:
            self.show_result(*self._last)
            self._fresh.clear()
            for page in range(self.count()):
                self._refresh(page)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
