"""The filter sidebar: search as you type (debounced), grouped results, facets with live
counts over the current result, clear-all, and an explicit empty state."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QToolBox,
    QVBoxLayout,
    QWidget,
)

from models.filters import MAX_QUERY, FilterResult, FilterState, evaluate
from models.search_model import SearchResultModel
from ui.facets import FacetList
from ui.search_results import SearchResultView

DEBOUNCE_MS = 150


class FilterSidebar(QWidget):
    """Owns the FilterState; emits ``resultChanged(FilterResult)`` after every evaluation and
    ``hitActivated(target, section)`` when a result is opened."""

    resultChanged = Signal(object)
    hitActivated = Signal(str, str)

    def __init__(self, repo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterSidebar")
        self._repo = repo
        self.state = FilterState()
        self.result: FilterResult | None = None
        self.bookmarked_numbers: Callable[[], set[int]] = set
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.apply_now)

        self.search = QLineEdit(self, objectName="searchBox")
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(MAX_QUERY)
        self.search.textEdited.connect(self._on_typed)
        self.search.returnPressed.connect(self._open_first)
        self.summary = QLabel(self, objectName="filterSummary", wordWrap=True)
        self.clear_button = QPushButton(self)
        self.clear_button.clicked.connect(self.clear_all)
        self.empty = QWidget(self, objectName="emptyState")
        self.empty_label = QLabel(self.empty, wordWrap=True)
        self.empty_button = QPushButton(self.empty)
        self.empty_button.clicked.connect(self.clear_all)
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.empty.hide()

        self.hint = QLabel(self, objectName="searchHint", wordWrap=True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.results_model = SearchResultModel(self)
        self.results_model.set_titles({f"rec:{s.number}": s.title for s in repo.summaries()})
        self.results = SearchResultView(self.results_model, self)
        self.results.hitActivated.connect(self.hitActivated)

        self.toolbox = QToolBox(self)
        self.cluster_facet = FacetList()
        self.cluster_facet.set_values([(c.id, f"{c.id} {c.title}") for c in repo.clusters()])
        self.sector_facet = FacetList()
        self.sector_facet.set_values([(s, s) for s in repo.sectors()])
        self.flags = QWidget()
        self.immediate_facet = FacetList()
        self.bookmarked = QCheckBox(self.flags)
        flags_layout = QVBoxLayout(self.flags)
        flags_layout.setContentsMargins(0, 0, 0, 0)
        flags_layout.addWidget(self.immediate_facet)
        flags_layout.addWidget(self.bookmarked)
        self.country_facet = FacetList(searchable=True)
        countries = repo.country_counts()
        self.country_facet.set_values([(c, c) for c in sorted(countries, key=lambda c: -countries[c])])
        self.document_facet = FacetList(searchable=True)
        docs = repo.document_counts()
        self.document_facet.set_values([(d, d) for d in sorted(docs, key=lambda d: (-docs[d], d))])
        for page in (
            self.cluster_facet,
            self.sector_facet,
            self.flags,
            self.country_facet,
            self.document_facet,
        ):
            self.toolbox.addItem(page, "")
        self.cluster_facet.toggled.connect(lambda k, _c: self.toggle("clusters", k))
        self.sector_facet.toggled.connect(lambda k, _c: self.toggle("sectors", k))
        self.immediate_facet.toggled.connect(lambda k, _c: self.toggle("immediate", k))
        self.country_facet.toggled.connect(lambda k, _c: self.toggle("countries", k))
        self.document_facet.toggled.connect(lambda k, _c: self.toggle("documents", k))
        self.bookmarked.toggled.connect(lambda on: self.toggle("bookmarked", on))

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.clear_button)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.empty)
        upper_layout.addWidget(self.hint)
        upper_layout.addWidget(self.results, 1)
        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.addWidget(upper)
        self.split.addWidget(self.toolbox)
        self.split.setChildrenCollapsible(False)
        self.split.setSizes([380, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addLayout(top)
        layout.addWidget(self.split, 1)
        self.retranslate()
        self.apply_now()

    # --- state changes --------------------------------------------------------------
    def _on_typed(self, _text: str) -> None:
        self._timer.start()

    def set_query(self, text: str, immediate: bool = True) -> None:
        self.search.setText(text)
        if immediate:
            self.apply_now()
        else:
            self._timer.start()

    def toggle(self, facet: str, value: object) -> None:
        self.state = self.state.toggled(facet, value)
        self.apply_now()

    def apply_facets(self, pairs: list[tuple[str, object]]) -> None:
        """Replace the facet selection (keeping the query) with these (facet, value) pairs."""
        state = FilterState(query=self.state.query)
        for facet, value in pairs:
            state = state.toggled(facet, value)
        self.state = state
        self.apply_now()

    def clear_all(self) -> None:
        self.search.clear()
        self.state = FilterState()
        self.apply_now()

    def apply_now(self) -> None:
        """Evaluate at once (the debounce timer calls this)."""
        self._timer.stop()
        self.state = FilterState(**{**self.state.__dict__, "query": self.search.text()})
        result = evaluate(self._repo, self.state, self.bookmarked_numbers)
        self.result = result
        self.results_model.set_hits(result.hits)
        searching = bool(self.state.query.strip())
        self.results.setVisible(searching)
        self.hint.setVisible(not searching)
        self._update_facets(result)
        self._update_summary()
        self.resultChanged.emit(result)

    def _update_facets(self, result: FilterResult) -> None:
        f, s = result.facets, self.state
        self.cluster_facet.update_counts(f.cluster, set(s.clusters))
        self.sector_facet.update_counts(f.sector, set(s.sectors))
        self.immediate_facet.update_counts(f.immediate, set() if s.immediate is None else {s.immediate})
        self.country_facet.update_counts(f.country, set(s.countries))
        self.document_facet.update_counts(f.document, set(s.documents))
        self.bookmarked.blockSignals(True)
        self.bookmarked.setChecked(s.bookmarked_only)
        self.bookmarked.setText(self.tr("Bookmarked only (%1)").replace("%1", str(result.bookmarked)))
        self.bookmarked.blockSignals(False)

    def _update_summary(self) -> None:
        r = self.result
        if r is None:
            return
        active = not self.state.is_empty()
        self.clear_button.setEnabled(active)
        nothing = active and not r.numbers and not r.hits
        self.empty.setVisible(nothing)
        if r.error:
            self.summary.setText(self.tr("The search could not run: %1").replace("%1", r.error))
        elif not active:
            self.summary.setText(self.tr("All %1 recommendations").replace("%1", str(len(r.numbers))))
        elif self.state.query.strip():
            self.summary.setText(
                self.tr("%1 recommendations, %2 passages")
                .replace("%1", str(len(r.numbers)))
                .replace("%2", str(self.results_model.hit_count()))
            )
        else:
            self.summary.setText(
                self.tr("%1 recommendations match the filters").replace("%1", str(len(r.numbers)))
            )

    def _open_first(self) -> None:
        self.apply_now()
        model = self.results_model
        if model.rowCount():
            first = model.index(0, 0)
            child = model.index(0, 0, first)
            index = child if child.isValid() else first
            self.results.setCurrentIndex(index)
            self.results.setFocus()
            self.results.open_index(index)

    # --- language -------------------------------------------------------------------
    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search (e.g. 专利, TISC, 中小企业 版权)"))
        self.search.setAccessibleName(self.tr("Search the report"))
        self.clear_button.setText(self.tr("Clear all"))
        self.clear_button.setAccessibleName(self.tr("Clear the search and all filters"))
        self.empty_label.setText(self.tr("No recommendation matches the current search and filters."))
        self.empty_button.setText(self.tr("Clear filters"))
        self.hint.setText(
            self.tr(
                "Type to search every section of the report: Chinese of any length, Latin terms (TISC, WIPO GREEN), "
                "or several terms separated by spaces (all must match). Enter opens the first result.\n\n"
                "Below, tick facets to narrow the tree; the numbers count recommendations in the current result."
            )
        )
        self.results.setAccessibleName(self.tr("Search results"))
        titles = (
            self.tr("Cluster"),
            self.tr("WIPO sector"),
            self.tr("Immediate / bookmarked"),
            self.tr("Country mentioned"),
            self.tr("Document cited"),
        )
        for i, title in enumerate(titles):
            self.toolbox.setItemText(i, title)
        self.cluster_facet.list.setAccessibleName(titles[0])
        self.sector_facet.list.setAccessibleName(titles[1])
        self.immediate_facet.list.setAccessibleName(self.tr("Immediate implementation"))
        self.immediate_facet.set_values(
            [(True, self.tr("★ For immediate implementation")), (False, self.tr("Not marked"))]
        )
        self.country_facet.list.setAccessibleName(titles[3])
        self.document_facet.list.setAccessibleName(titles[4])
        for facet in (self.country_facet, self.document_facet):
            if facet.search is not None:
                facet.search.setPlaceholderText(self.tr("Filter this list"))
                facet.search.setAccessibleName(self.tr("Filter this list"))
        if self.result is not None:
            self._update_facets(self.result)
            self._update_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
