"""Optional pieces owned by the bookmarks/printing work (ui/printing.py, ui/bookmarks_panel.py),
wired into the window only when present, so the window works before and without them."""

from __future__ import annotations

import importlib

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow


def _optional(name: str):
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


class Extras(QObject):
    """Printing actions and the bookmarks dock; disabled with a tooltip when the module is missing."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.printing = None
        self.dock: QDockWidget | None = None
        self.panel = None
        a = window.actions_
        for action in (a.print_summary, a.export_pdf, a.briefing_pack, a.show_bookmarks):
            action.setEnabled(False)

    def bookmarks_ready(self) -> None:
        """Import and wire the optional modules (after the first paint: QtPrintSupport is not cheap)."""
        window, a = self.window, self.window.actions_
        self.printing = _optional("ui.printing")
        panel_module = _optional("ui.bookmarks_panel")
        if panel_module is not None and window.bookmarks.available:
            self.panel = self._make_panel(panel_module)
        if self.panel is not None:
            self.dock = QDockWidget(window)
            self.dock.setObjectName("bookmarksDock")
            self.dock.setWidget(self.panel)
            window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
            self.dock.hide()
            a.show_bookmarks.setEnabled(True)
            a.show_bookmarks.toggled.connect(self.dock.setVisible)
            self.dock.visibilityChanged.connect(a.show_bookmarks.setChecked)
            self.retranslate()
        for action, name in (
            (a.print_summary, "print_summary"),
            (a.export_pdf, "export_summary_pdf"),
            (a.briefing_pack, "export_briefing_pack"),
        ):
            fn = getattr(self.printing, name, None) if self.printing else None
            action.setEnabled(fn is not None)
            if fn is not None:
                action.triggered.connect(lambda _=False, f=fn: self._call(f))

    def _make_panel(self, module):
        cls = getattr(module, "BookmarksPanel", None)
        if cls is None:
            return None
        w = self.window
        try:
            panel = cls(w.bookmarks.notifier, w.repo, w)
        except TypeError:
            return None
        opened = getattr(panel, "openRequested", None)
        if opened is not None:
            opened.connect(
                lambda kind, number: w.detail.show_target(
                    f"{'rec' if kind == 'recommendation' else 'review'}:{number}"
                )
            )
        return panel

    def _call(self, fn) -> None:
        w = self.window
        target = w.detail.target
        kind, _, num = target.partition(":")
        numbers = [int(num)] if kind == "rec" and num.isdigit() else []
        fn(w, w.repo, numbers, w.bookmarks.store)

    def flush(self) -> None:
        """Save note edits still pending in the panel."""
        flush = getattr(self.panel, "flush", None)
        if flush is not None:
            flush()

    def target_changed(self, target: str) -> None:
        is_rec = target.startswith("rec:")
        a = self.window.actions_
        for action in (a.print_summary, a.export_pdf):
            action.setEnabled(bool(self.printing) and is_rec)

    def retranslate(self) -> None:
        if self.dock is not None:
            self.dock.setWindowTitle(self.tr("Bookmarks"))
