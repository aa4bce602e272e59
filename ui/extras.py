"""Printing actions and the bookmarks dock: wired after the window's first paint, because
QtPrintSupport and the bookmarks panel are not needed to show the first page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from models.target import Target

if TYPE_CHECKING:  # annotations only: an imported type costs PySide start-up time to build
    from PySide6.QtWidgets import QDockWidget, QMainWindow


class Extras(QObject):
    """The print/export actions (ui.printing, imported at first use) and the bookmarks dock."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dock: QDockWidget | None = None
        self.panel = None
        self._ready = False
        a = window.actions_
        for action in (a.print_summary, a.export_pdf, a.briefing_pack, a.show_bookmarks):
            action.setEnabled(False)
        a.print_summary.triggered.connect(lambda: self._print("print_summary"))
        a.export_pdf.triggered.connect(lambda: self._print("export_summary_pdf"))
        a.briefing_pack.triggered.connect(lambda: self._print("export_briefing_pack"))

    def bookmarks_ready(self) -> None:
        """Add the bookmarks dock (when the store opened) and enable printing."""
        from ui.bookmarks_panel import BookmarksPanel

        window, a = self.window, self.window.actions_
        self._ready = True
        a.briefing_pack.setEnabled(True)
        self.target_changed(window.detail.target)
        if not window.bookmarks.available:
            return
        self.panel = BookmarksPanel(window.bookmarks.notifier, window.repo, window)
        self.panel.openRequested.connect(
            lambda kind, number: window.detail.show_target(str(Target.from_bookmark(kind, number)))
        )
        from PySide6.QtWidgets import QDockWidget

        self.dock = QDockWidget(window)
        self.dock.setObjectName("bookmarksDock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.dock.hide()
        a.show_bookmarks.setEnabled(True)
        a.show_bookmarks.toggled.connect(self.dock.setVisible)
        self.dock.visibilityChanged.connect(a.show_bookmarks.setChecked)
        if (state := window.settings.window_state()) is not None:
            window.restoreState(state)  # the dock did not exist at _restore(): reopen it if it was open
        self.retranslate()

    def _print(self, name: str) -> None:
        from ui import printing

        w = self.window
        target = Target.parse(w.detail.target)
        numbers = [target.number] if target.is_rec else []
        reviews = [target.number] if target.is_entry and not target.is_rec else []  # Annex II
        extra = {"status": w.statusBar()} if name != "print_summary" else {}
        getattr(printing, name)(w, w.repo, numbers, w.bookmarks.store, reviews=reviews, **extra)

    def flush(self) -> None:
        """Save note edits still pending in the panel."""
        if self.panel is not None:
            self.panel.flush()

    def target_changed(self, target: str) -> None:
        printable = Target.parse(target).is_entry  # a recommendation or an Annex II review recommendation
        a = self.window.actions_
        for action in (a.print_summary, a.export_pdf):
            action.setEnabled(self._ready and printable)

    def retranslate(self) -> None:
        if self.dock is not None:
            self.dock.setWindowTitle(self.tr("Bookmarks"))
