"""The filter sidebar: search as you type (debounced), grouped results, facets with live
counts over the current result, clear-all, and an explicit empty state."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QMargins, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models.filters import FilterResult, FilterState, evaluate
from models.search import MAX_QUERY_CHARS
from models.target import Target
from ui.palette import apply_stylesheet

if TYPE_CHECKING:  # annotations only: an imported type costs PySide start-up time to build
    from PySide6.QtGui import QAction

DEBOUNCE_MS = 150
LAYOUT_PASSES = 6  # lay_out_now()
SEARCH_POINT_SIZE = 11  # the search box reads a little larger than the rest of the sidebar
SEARCH_PADDING = QMargins(5, 4, 5, 4)


def lay_out_now() -> None:
    """Do now the layouts that a new result asked for, before the window paints it. A widget whose size
    hint changes asks its parent to lay out again in the next turn of the event loop, and that parent
    its own: left to that, the window painted the new result, was laid out again, and painted parts of
    it a second time. Each pass goes one level up; the sidebar's deepest change is five below the window."""
    for _ in range(LAYOUT_PASSES):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def clear_action(edit: QLineEdit, text: str) -> QAction:
    """A clear button at the end of ``edit``, enabled and drawn only while there is text. Qt's own
    (setClearButtonEnabled) fades in over 160 ms and repaints the box at each step, while the window is
    drawing the first key's results; this one is always there, so the text never moves either. (Made
    after the first paint: its types cost start-up time to build.)"""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon, QPixmap
    from PySide6.QtWidgets import QStyle

    style = edit.style()
    normal = style.standardIcon(QStyle.StandardPixmap.SP_LineEditClearButton)
    icon = QIcon()
    side = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
    blank = QPixmap(side, side)
    blank.fill(Qt.GlobalColor.transparent)
    for size in normal.availableSizes() or [QSize(side, side)]:
        icon.addPixmap(normal.pixmap(size), QIcon.Mode.Normal)
        icon.addPixmap(normal.pixmap(size), QIcon.Mode.Active)
        icon.addPixmap(blank.scaled(size), QIcon.Mode.Disabled)  # nothing to clear: nothing drawn
    action = edit.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
    action.setText(text)  # the button's name for screen readers, and its tooltip
    action.setEnabled(bool(edit.text()))
    action.triggered.connect(edit.clear)
    edit.textChanged.connect(lambda text: action.setEnabled(bool(text)))
    return action


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
        self._populated = False
        self.result: FilterResult | None = None
        self.bookmarked_numbers: Callable[[], set[int]] = set
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._on_quiet)
        self._pending = False
        self._own_edit = False

        self.search = QLineEdit(self, objectName="searchBox")
        self.clear_search: QAction | None = None  # the box's clear button, added in populate()
        self.search.setMaxLength(MAX_QUERY_CHARS)
        # textChanged, not textEdited: assistive technology (AT-SPI setTextContents) and voice input set
        # the text without "editing" it; our own set_query/clear_all apply at once (``_own_edit``).
        self.search.textChanged.connect(self._on_typed)
        self.search.returnPressed.connect(self._open_first)
        self.search.setTextMargins(SEARCH_PADDING)  # in code, not a stylesheet (ui/palette.py says why)
        font = self.search.font()
        font.setPointSizeF(SEARCH_POINT_SIZE)
        self.search.setFont(font)
        self.search.installEventFilter(self)
        self.summary = QLabel(self, objectName="filterSummary", wordWrap=True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # may quote the user's query
        self.summary.setContentsMargins(0, 2, 0, 2)
        self.clear_button = QPushButton(self)
        self.clear_button.clicked.connect(self.clear_all)
        self.empty = QFrame(self, objectName="emptyState")
        self.empty_label = QLabel(self.empty, wordWrap=True)
        self.empty_button = QPushButton(self.empty)
        self.empty_button.clicked.connect(self.clear_all)
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.empty.hide()

        self.hint = QLabel(objectName="searchHint", wordWrap=True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # In a scroll area: where even the facets' minimum leaves it too little room (a short window,
        # a narrow sidebar, English), the text scrolls instead of being cut off.
        self.hint_area = QScrollArea(self, objectName="searchHintArea", widgetResizable=True)
        self.hint_area.setFrameShape(QFrame.Shape.NoFrame)
        self.hint_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.hint_area.setWidget(self.hint)
        self.results_model = None  # a SearchResultModel, built after the first paint (populate)
        self._results = None  # the result view, built at the first search

        self.facets = None  # a FacetPanel, built after the first paint (populate)
        self.facets_holder = QFrame(self)
        self.facets_layout = QVBoxLayout(self.facets_holder)
        self.facets_layout.setContentsMargins(0, 0, 0, 0)

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.clear_button)
        upper = QFrame(self)  # QFrame, not QWidget: see DetailPane (start-up cost)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.empty)
        upper_layout.addWidget(self.hint_area)
        self._upper_layout = upper_layout
        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.addWidget(upper)
        self.split.addWidget(self.facets_holder)
        self.split.setChildrenCollapsible(False)
        self.split.setSizes([380, 420])
        self.hint_area.installEventFilter(self)  # its height follows the width (_fit_hint)
        self._hint_timer = QTimer(self, singleShot=True, interval=0)
        self._hint_timer.timeout.connect(self._fit_hint)
        self.split.splitterMoved.connect(lambda _pos, _index: self._hint_timer.start())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addLayout(top)
        layout.addWidget(self.split, 1)
        self.retranslate()

    @property
    def results(self):
        """The search result view (SearchResultView), built on first use."""
        if self._results is None:
            from ui.search_results import SearchResultView

            self._results = SearchResultView(self.results_model, self)
            self._results.hitActivated.connect(self.hitActivated)
            self._results.setAccessibleName(self.tr("Search results"))
            self._upper_layout.addWidget(self._results, 1)
        return self._results

    def set_bookmark_source(self, numbers: Callable[[], set[int]]) -> None:
        """Where the "bookmarked only" filter reads the bookmarked recommendation numbers from."""
        self.bookmarked_numbers = numbers

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def terms(self) -> list[str]:
        """The current query's terms (what the detail pane highlights)."""
        return list(self.result.terms) if self.result else []

    def populate(self) -> None:
        """Build the facets and evaluate the filters (deferred until after the first paint)."""
        if not self._populated:
            self._populated = True
            # Not needed while the box is empty, and ~8 ms on X11 (the icon theme is searched for it).
            self.clear_search = clear_action(self.search, self.tr("Clear the search"))
            from models.search_model import SearchResultModel

            self.results_model = SearchResultModel(self)
            self.results_model.set_titles({str(Target.rec(s.number)): s.title for s in self._repo.summaries()})
            from ui.facet_panel import FacetPanel

            self.facets = FacetPanel(self._repo, self.facets_holder)
            self.facets.toggled.connect(self.toggle)
            self.facets_layout.addWidget(self.facets)
        self.apply_now()

    # --- state changes --------------------------------------------------------------
    def _on_typed(self, _text: str) -> None:
        """Leading-edge debounce: a keystroke after a pause is applied at once; keystrokes
        arriving within DEBOUNCE_MS of the last evaluation are coalesced into one at the end."""
        if self._own_edit:
            return
        if self._timer.isActive():
            self._pending = True
            self._timer.start()
        else:
            self.apply_now()
            self._timer.start()

    def _on_quiet(self) -> None:
        if self._pending:
            self.apply_now()

    def set_query(self, text: str, immediate: bool = True) -> None:
        self._own_edit = True
        self.search.setText(text)
        self._own_edit = False
        if immediate:
            self.apply_now()
        else:
            self._pending = True
            self._timer.start()

    def toggle(self, facet: str, value: object) -> None:
        self.state = self.state.toggled(facet, value)
        self.apply_now()

    def remove_filter(self, facet: str, value: object) -> None:
        """Drop one active filter: the query (``query``), the switch (``bookmarked``) or a facet value."""
        if facet == "query":
            self.search.clear()
            self.apply_now()
        elif facet == "bookmarked":
            self.toggle("bookmarked", False)
        elif value in self.state.chosen.get(facet, ()):
            self.toggle(facet, value)

    def apply_facets(self, pairs: list[tuple[str, object]]) -> None:
        """Replace the facet selection (keeping the query) with these (facet, value) pairs."""
        state = FilterState(query=self.state.query)
        for facet, value in pairs:
            state = state.toggled(facet, value)
        self.state = state
        self.apply_now()

    def clear_all(self) -> None:
        """Clear the query, every facet value and the facet lists' own filter boxes."""
        self._own_edit = True
        self.search.clear()
        self._own_edit = False
        if self.facets is not None:
            self.facets.clear_searches()
        self.state = FilterState()
        self.apply_now()

    def apply_now(self) -> None:
        """Evaluate the current query and facets at once."""
        self._pending = False
        if not self._populated:
            self.populate()
            return
        self.state = self.state._replace(query=self.search.text())
        result = evaluate(self._repo, self.state, self.bookmarked_numbers)
        self.result = result
        self.results_model.set_hits(result.hits)
        searching = bool(self.state.query.strip())
        # The one shown is hidden first: the other then gets the whole room in one layout pass.
        shown, hidden = (self.results, self.hint_area) if searching else (self.hint_area, self._results)
        if hidden is not None:
            hidden.hide()
        shown.show()
        self._update_facets(result)
        self._update_summary()
        self.resultChanged.emit(result)
        lay_out_now()

    def _update_facets(self, result: FilterResult) -> None:
        if self.facets is not None:
            self.facets.show_result(result, self.state)

    def _update_summary(self) -> None:
        r = self.result
        if r is None:
            return
        active = not self.state.is_empty()
        self.clear_button.setEnabled(active)
        nothing = active and not r.numbers and not r.hits
        if nothing and not self.empty.styleSheet():
            apply_stylesheet(self.empty)  # its tinted box (resources/style), only once it is needed
        self.empty.setVisible(nothing)
        if r.error:
            self.summary.setText(self.tr("The search could not run: %1").replace("%1", r.error))
        elif not active:
            self.summary.setText(self.tr("All %1 recommendations").replace("%1", str(len(r.numbers))))
        elif self.state.query.strip():
            self.summary.setText(
                self.tr("%n recommendations", "", len(r.numbers))
                + self.tr(", ")
                + self.tr("%n passages", "", self.results_model.hit_count())
            )
        else:
            self.summary.setText(self.tr("%n recommendations match the filters", "", len(r.numbers)))

    def _open_first(self) -> None:
        self.apply_now()
        index = self.results_model.first_hit()
        if index.isValid():
            self.results.setCurrentIndex(index)
            self.results.setFocus()
            self.results.open_index(index)

    # --- language -------------------------------------------------------------------
    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search (e.g. 专利, TISC, 中小企业 版权)"))
        if self.clear_search is not None:
            self.clear_search.setText(self.tr("Clear the search"))
        self.search.setAccessibleName(self.tr("Search the report"))
        self.clear_button.setText(self.tr("Clear all"))
        self.clear_button.setAccessibleName(self.tr("Clear the search and all filters"))
        self.empty_label.setText(self.tr("No recommendation matches the current search and filters."))
        self.empty_button.setText(self.tr("Clear filters"))
        self.hint.setText(
            self.tr(
                "Type to search every section of the report: Chinese of any length, Latin terms (TISC, WIPO GREEN), "
                "or several terms separated by spaces (all must match). Enter opens the first result.\n\n"
                "Below, tick facets to narrow the tree; the numbers count recommendations in the current result. "
                "Values ticked in one facet combine with OR, different facets with AND."
            )
        )
        self._hint_timer.start()
        if self._results is not None:
            self._results.setAccessibleName(self.tr("Search results"))
        if self.result is not None:
            self._update_facets(self.result)
            self._update_summary()

    def eventFilter(self, watched, event: QEvent) -> bool:
        """Down in the search box moves into the result list (Enter there opens a hit); the
        help text's pane is never shorter than the text at its width."""
        if watched is self.hint_area and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._hint_timer.start()  # after the resize: never from inside one
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.results_model is not None
            and self.results_model.rowCount()
        ):
            self.results.setCurrentIndex(self.results_model.first_hit())
            self.results.setFocus()
            return True
        return super().eventFilter(watched, event)

    def _fit_hint(self) -> None:
        """Give the help text's pane the height its text needs at its width, taken from the facets
        down to their minimum (not a minimum size: that would reach up to the window's); what is
        still missing then, the text scrolls."""
        area = self.hint_area
        if not area.isVisibleTo(self) or not self.split.isVisible():
            return
        room = area.maximumViewportSize()  # not viewport(): its first call costs PySide ~14 ms of types
        need = self.hint.heightForWidth(room.width()) - room.height()
        upper, lower = self.split.sizes()
        give = min(need, lower - self.facets_holder.minimumSizeHint().height())
        if give > 0:
            self.split.setSizes([upper + give, lower - give])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
