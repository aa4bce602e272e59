"""The main window: assembles sidebar, tree and detail pane, menus, toolbar, status bar,
and persists window state. Behaviour lives in the widgets; this module only wires them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFrame, QLabel, QMainWindow, QMenu, QMenuBar, QSplitter, QToolBar, QWidget

from models import names
from models.filters import FilterResult
from models.settings import Settings
from models.target import Target
from models.tree_model import RecommendationTreeModel
from ui.actions import Actions
from ui.bookmark_bridge import BookmarkBridge
from ui.detail_pane import DetailPane
from ui.extras import Extras
from ui.filter_chips import FilterChips
from ui.filter_sidebar import FilterSidebar
from ui.i18n import Translations
from ui.layout import ReadingFirst
from ui.navigation import Navigator
from ui.tree_view import RecommendationTree
from ui.window_geometry import restore_geometry

if TYPE_CHECKING:  # annotations only: an imported type costs PySide start-up time to build
    from PySide6.QtGui import QCloseEvent, QMouseEvent


def _menu(parent: QMenuBar | QMenu, *actions: QAction | None) -> QMenu:
    """A menu (retranslate() titles it) holding ``actions``; None stands for a separator."""
    menu = parent.addMenu("")
    for action in actions:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)
    return menu


class _AfterFirstPaint(QObject):
    """Calls ``callback`` once, right after ``widget``'s first paint, then detaches itself."""

    def __init__(self, widget: QWidget, callback) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


class MainWindow(QMainWindow):
    started = Signal()  # finish_startup() is done: everything the first paint did not need is in place

    def __init__(
        self,
        repo,
        translations: Translations | None = None,
        settings: Settings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._started = False  # finish_startup() has run (after the first paint)
        self.repo = repo
        self.doc = repo.document()
        self.settings = settings or Settings()
        self.translations = translations or Translations()
        self.bookmarks = BookmarkBridge((self.doc.symbol, self.doc.language), self)
        self.actions_ = Actions(self)

        self.tree_model = RecommendationTreeModel(
            self.doc, repo.clusters(), repo.summaries(), repo.reviews(), repo.sectors(), self
        )
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)  # the panes are made in it (moving
        self.splitter.setObjectName("mainSplitter")  # a built pane to another parent costs ~3 ms at start-up)
        self.sidebar = FilterSidebar(repo, self.splitter)
        self.sidebar.set_bookmark_source(self.bookmarks.numbers)
        tree_column = QFrame(self.splitter)
        self.chips = FilterChips({c.id: c.title for c in repo.clusters()}, tree_column)
        self.tree = RecommendationTree(self.tree_model, tree_column)
        self.chips.place_above(self.tree)  # the active filters above the tree they narrow
        self.detail = DetailPane(repo, self._make_overview, self.splitter)
        self.detail.set_marks(self.bookmarks.is_bookmarked, lambda _t: "")  # the note: an editor under the page
        for w in (self.sidebar, tree_column, self.detail):
            self.splitter.addWidget(w)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([300, 330, 770])
        self.setCentralWidget(self.splitter)
        self.reading_first = ReadingFirst(self, self.splitter, self.detail)
        self.reading_first.tree_width = self.tree.needed_width
        self.edition_label = QLabel(self)
        self.count_label = QLabel(self)
        for label in (self.edition_label, self.count_label):
            label.setContentsMargins(6, 0, 6, 0)
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.edition_label)
        self.toolbar = QToolBar(self, objectName="mainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)
        self.extras = Extras(self)  # printing and the bookmarks panel, wired after the first paint
        self._build_menus()
        self._connect()
        self._restore()
        self.retranslate()
        self._first_paint = _AfterFirstPaint(self, self.finish_startup)
        QTimer.singleShot(1500, self.finish_startup)  # in case nothing is painted (minimised start)

    def finish_startup(self) -> None:
        """What the first paint does not need: bookmark store, long facet lists, filter counts."""
        if self._started:
            return
        self._started = True
        from ui.help import Help

        self.help = Help(self, self.help_menu, lambda: self.translations.language)
        self.detail.install_viewport_filter()
        self.tree.viewport().installEventFilter(self.detail)  # mouse back/forward over the tree too
        self.tree.use_fast_delegate()
        self.bookmarks.open()
        self.tree_model.set_bookmarks(self.bookmarks.targets())
        self.extras.bookmarks_ready()
        self._attach_note()
        self.detail.refresh()  # the first page was drawn before the store opened: its mark
        if self.extras.dock is not None:
            self.reading_first.watch_dock(self.extras.dock)
        self._on_target(self.detail.target)
        self.sidebar.populate()
        self._name_qt_controls()
        from models.paths import user_data

        data = user_data()  # a refused portable folder is worth a word even when bookmarks work
        problem = "\n\n".join(t for t in (data.message() if data.folder else "", self.bookmarks.error) if t)
        if problem:
            self.statusBar().showMessage(problem, 15000)
            self._tell_store_problem(problem)
        self.started.emit()

    def _attach_note(self) -> None:
        """The note editor under the page (ui/note_editor.py), following the page shown."""
        self.note = None
        if self.bookmarks.drafts is None:
            return
        from ui.bookmark_bridge import target_key
        from ui.note_editor import DetailNote

        self.note = DetailNote(self.bookmarks.drafts, self.detail)
        self.detail.add_below_page(self.note)
        self.detail.targetChanged.connect(lambda t: self.note.show_for(target_key(t)))
        self.note.show_for(target_key(self.detail.target))

    def _tell_store_problem(self, text: str) -> None:
        """A moved-aside or unusable bookmark store must not go unnoticed: a non-blocking message box."""
        from PySide6.QtWidgets import QMessageBox

        from ui.messages import message_box

        box = message_box(self, QMessageBox.Icon.Warning, self.tr("Bookmarks"), text)
        box.setObjectName("bookmarkStoreProblem")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    @property
    def overview(self):
        """The overview page (built on first use)."""
        return self.detail.overview

    def _make_overview(self) -> QWidget:
        from ui.overview import OverviewPage

        page = OverviewPage(self.repo, self)
        page.filterRequested.connect(self._on_overview_filter)
        return page

    # --- assembly -------------------------------------------------------------------
    def _build_menus(self) -> None:
        a, bar = self.actions_, self.menuBar()
        self.file_menu = _menu(bar, a.print_summary, a.export_pdf, a.briefing_pack, None, a.quit)
        self.edit_menu = _menu(bar, a.copy_citation, a.find, a.find_next, a.find_previous, a.focus_search,
                               a.clear_filters, a.toggle_bookmark)
        self.view_menu = _menu(bar, a.overview, a.group_by_sector, a.show_sidebar, a.show_tree, a.show_bookmarks,
                               a.zoom_in, a.zoom_out, a.zoom_reset, a.focus_tree)
        self.lang_menu = _menu(self.view_menu, a.lang_zh, a.lang_en)
        self.go_menu = _menu(bar)  # filled by the Navigator
        self.help_menu = _menu(bar, a.about)
        self.help = None  # F1 and the user guide (ui/help.py), wired after the first paint
        for action in (a.back, a.forward, a.overview, a.group_by_sector, a.toggle_bookmark, a.print_summary,
                       a.zoom_out, a.zoom_in):
            self.toolbar.addAction(action)
        self.navigator = Navigator(a, self.detail, self.tree_model, self.toolbar, self)
        self.navigator.fill_menu(self.go_menu)
        self.tree.set_context_actions([a.toggle_bookmark, a.copy_citation, a.print_summary, a.export_pdf])

    def _connect(self) -> None:
        a, d, s = self.actions_, self.detail, self.sidebar
        self.tree.targetActivated.connect(lambda t: d.show_target(t, s.terms()))
        d.targetChanged.connect(self._on_target)
        d.historyChanged.connect(lambda back, fwd: (a.back.setEnabled(back), a.forward.setEnabled(fwd)))
        d.documentRequested.connect(lambda sym: s.apply_facets([("documents", sym)]))
        d.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        d.zoomChanged.connect(self.settings.set_zoom)
        s.resultChanged.connect(self._on_result)
        self.chips.removeRequested.connect(s.remove_filter)
        self.chips.clearRequested.connect(s.clear_all)
        s.hitActivated.connect(lambda t, sec: d.show_target(t, s.terms(), sec or None))
        self.bookmarks.changed.connect(self._on_bookmarks)
        a.back.triggered.connect(d.back)
        a.forward.triggered.connect(d.forward)
        a.find.triggered.connect(self._find)
        a.find_next.triggered.connect(d.find_next)
        a.find_previous.triggered.connect(d.find_previous)
        a.zoom_in.triggered.connect(d.zoom_in)
        a.zoom_out.triggered.connect(d.zoom_out)
        a.zoom_reset.triggered.connect(lambda: d.set_zoom(0))
        a.copy_citation.triggered.connect(self.copy_citation)
        a.focus_search.triggered.connect(lambda: (self.reading_first.reveal_sidebar(), s.focus_search()))
        a.focus_tree.triggered.connect(lambda: (self.reading_first.show_panel(1, True), self.tree.setFocus()))
        a.show_sidebar.triggered.connect(lambda on: self.reading_first.show_panel(0, on))
        a.show_tree.triggered.connect(lambda on: self.reading_first.show_panel(1, on))
        self.reading_first.panelsChanged.connect(lambda side, tree: (a.show_sidebar.setChecked(side),
                                                                     a.show_tree.setChecked(tree)))
        a.clear_filters.triggered.connect(s.clear_all)
        a.overview.triggered.connect(lambda: d.show_target("overview"))
        a.group_by_sector.toggled.connect(self._on_grouping)
        a.toggle_bookmark.triggered.connect(self.toggle_bookmark)
        a.quit.triggered.connect(self.close)
        a.about.triggered.connect(self._about)
        a.lang_zh.triggered.connect(lambda: self.set_language("zh"))
        a.lang_en.triggered.connect(lambda: self.set_language("en"))

    # --- reactions ------------------------------------------------------------------
    def _on_target(self, target: str) -> None:
        self.tree.select_target(target)
        marked = self.bookmarks.is_bookmarked(target)
        self.actions_.toggle_bookmark.setEnabled(
            self.bookmarks.available and not self.bookmarks.read_only and Target.parse(target).is_entry
        )
        self.actions_.toggle_bookmark.setChecked(marked)
        self.extras.target_changed(target)
        self.settings.set_last_target(target)

    def _on_result(self, result: FilterResult) -> None:
        self.detail.set_terms(result.terms)  # highlights always follow the current query
        active = not self.sidebar.state.is_empty()
        self.chips.show_state(self.sidebar.state)
        self.tree_model.set_visible(result.numbers if active else None, result.reviews if active else None)
        self._update_count()

    def _update_count(self) -> None:
        m = self.tree_model
        self.count_label.setText(
            self.tr("%1 of %2 recommendations shown")
            .replace("%1", str(m.shown_count()))
            .replace("%2", str(m.total_count()))
        )

    def _on_overview_filter(self, pairs: list) -> None:
        self.sidebar.apply_facets(pairs)
        self.tree.setFocus()

    def _on_grouping(self, by_sector: bool) -> None:
        self.tree_model.set_grouping("sector" if by_sector else "cluster")
        self.settings.set_grouping(self.tree_model.grouping)
        self.tree.select_target(self.detail.target)

    def _on_bookmarks(self) -> None:
        self.tree_model.set_bookmarks(self.bookmarks.targets())
        self.actions_.toggle_bookmark.setChecked(self.bookmarks.is_bookmarked(self.detail.target))
        self.detail.refresh()
        if self.sidebar.state.bookmarked_only or self.sidebar.result is not None:
            self.sidebar.apply_now()

    def toggle_bookmark(self) -> None:
        target = self.detail.target
        if not self.bookmarks.available or not Target.parse(target).is_entry:
            self.actions_.toggle_bookmark.setChecked(False)
            return
        try:
            on = self.bookmarks.toggle(target)
        except Exception as exc:  # the store refused the write: say so, keep the old state
            from PySide6.QtWidgets import QMessageBox  # not imported at start-up: its enums cost time

            from ui.messages import show_message

            show_message(self, QMessageBox.Icon.Warning, self.tr("Bookmark not saved"), str(exc))
            on = self.bookmarks.is_bookmarked(target)
        self.actions_.toggle_bookmark.setChecked(on)
        self.statusBar().showMessage(self.tr("Bookmark saved") if on else self.tr("Bookmark removed"), 3000)

    def copy_citation(self) -> None:
        text = self.detail.citation()
        QGuiApplication.clipboard().setText(text)
        self.statusBar().showMessage(self.tr("Copied: %1").replace("%1", text[:120]), 5000)

    def _find(self) -> None:
        if self.detail.target in ("", "overview"):
            self.actions_.focus_search.trigger()
            return
        self.detail.find_in_page()
        self._name_qt_controls(self.detail)

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            self.tr("About DA Navigator"),
            self.tr(
                "DA Navigator (发展议程导航) — an offline reader for %1 (%2), the progress report on "
                "the 45 WIPO Development Agenda recommendations."
            )
            .replace("%1", self.doc.symbol)
            .replace("%2", self.doc.date),
        )

    # --- language ---------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        if not self.translations.switch(lang):
            self.statusBar().showMessage(
                self.tr("Translation file missing: %1 (run make i18n)").replace(
                    "%1", ", ".join(self.translations.missing)
                ),
                8000,
            )
        self.settings.set_language(lang)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("DA Navigator — %1").replace("%1", self.doc.symbol))
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.lang_menu.setTitle(self.tr("&Language"))
        self.go_menu.setTitle(self.tr("&Go"))
        self.help_menu.setTitle(self.tr("&Help"))
        if self.help is not None:
            self.help.retranslate()
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.actions_.retranslate()
        self.actions_.lang_zh.setChecked(self.translations.language == "zh")
        self.actions_.lang_en.setChecked(self.translations.language != "zh")
        self.tree_model.retranslate()
        self.tree.setAccessibleName(self.tr("Recommendations"))
        self.edition_label.setText(f"{self.doc.symbol} · {self.doc.date} · {names.language_name(self.doc.language)}")
        self.edition_label.setToolTip(self.tr("Edition: document symbol · date · language"))
        self.extras.retranslate()
        self.navigator.retranslate()
        self._update_count()
        if self._started:  # before that, finish_startup names them
            self._name_qt_controls()

    def _name_qt_controls(self, root: QWidget | None = None) -> None:
        from ui.accessibility import name_qt_controls

        name_qt_controls(root or self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- persistence ------------------------------------------------------------------
    def _restore(self) -> None:
        st = self.settings
        restore_geometry(self, st.geometry())  # on a screen and no larger than it, whatever was saved
        if (state := st.window_state()) is not None:
            self.restoreState(state)
        if (sizes := st.splitter()) is not None:
            self.splitter.restoreState(sizes)
        self.detail.set_zoom(st.zoom())
        self.actions_.group_by_sector.setChecked(st.grouping() == "sector")

    def save_state(self) -> None:
        st = self.settings
        st.set_geometry(self.saveGeometry())
        st.set_window_state(self.saveState())
        st.set_splitter(self.splitter.saveState())
        st.set_zoom(self.detail.zoom())
        st.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        from ui.note_editor import confirm_close

        if not confirm_close(self, self.bookmarks.drafts):  # unsaved note text: the user chose to stay
            event.ignore()
            return
        self.save_state()
        self.extras.flush()  # pending note edits; the store itself closes when the application quits
        super().closeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.BackButton:
            self.detail.back()
        elif event.button() == Qt.MouseButton.ForwardButton:
            self.detail.forward()
        else:
            super().mousePressEvent(event)
