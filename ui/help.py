"""Help ▸ Keyboard Shortcuts (F1) and Help ▸ User Guide, in the UI language. The dialog
(ui/help_dialog.py) is imported on first use: start-up does not pay for it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu


class Help(QObject):
    """The Help menu's entries (F1: the shortcut sheet; the user guide) and the dialog they open."""

    def __init__(self, window: QMainWindow, menu: QMenu, language) -> None:
        super().__init__(window)
        self.window = window
        self.language = language  # () -> "zh" | "en"
        self.shortcuts = QAction(window)
        self.shortcuts.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.HelpContents) or ["F1"])
        self.shortcuts.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.guide = QAction(window)
        window.addAction(self.shortcuts)
        first = menu.actions()[0] if menu.actions() else None
        menu.insertActions(first, [self.shortcuts, self.guide])
        menu.insertSeparator(first)
        self.shortcuts.triggered.connect(lambda: self.open(0))
        self.guide.triggered.connect(lambda: self.open(1))
        self.dialog = None  # a ui.help_dialog.HelpDialog once opened
        self.retranslate()

    def open(self, tab: int):
        """Show the help dialog at ``tab`` (0: shortcuts, 1: user guide); returns it."""
        from ui.help_dialog import HelpDialog

        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = HelpDialog(self.window, self.language())
        self.dialog.show_tab(tab)
        self.dialog.show()
        return self.dialog

    def retranslate(self) -> None:
        self.shortcuts.setText(self.tr("&Keyboard Shortcuts"))
        self.shortcuts.setToolTip(self.tr("Keyboard Shortcuts"))
        self.guide.setText(self.tr("&User Guide"))
        self.guide.setToolTip(self.tr("User Guide"))
        if self.dialog is not None and self.dialog.isVisible():
            self.open(self.dialog.tabs.currentIndex())
