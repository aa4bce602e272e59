"""The help dialog: the keyboard-shortcut sheet, built from the window's own menus and actions (so it
always lists the keys that really work), and the user guide (resources/help/guide.<lang>.html)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
)

from models.markdown_html import escape
from models.paths import resource
from ui.accessibility import name_qt_controls
from ui.actions import plain_text


class HelpDialog(QDialog):
    """Two tabs: the shortcut sheet and the user guide."""

    def __init__(self, window: QMainWindow, language: str) -> None:
        super().__init__(window)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("DA Navigator Help"))
        self.tabs = QTabWidget(self)
        self.shortcuts = QTextBrowser(self, objectName="shortcutSheet")
        self.shortcuts.setHtml(shortcut_sheet(window))
        self.shortcuts.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.guide = QTextBrowser(self, objectName="userGuide")
        self.guide.setOpenExternalLinks(False)
        self.guide.setHtml(user_guide(language))
        self.guide.setAccessibleName(self.tr("User guide"))
        self.tabs.addTab(self.shortcuts, self.tr("&Keyboard Shortcuts"))
        self.tabs.addTab(self.guide, self.tr("&User Guide"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(640, 560)
        name_qt_controls(self)

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        self.tabs.currentWidget().setFocus()


def _keys(action: QAction) -> str:
    """The action's keys as the user types them (dedicated media keys such as Find or Exit left out)."""
    keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
    typed = [k for k in keys if "+" in k or re.fullmatch(r"F\d+", k)]
    return " · ".join(typed or keys[:1])


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def shortcut_sheet(window: QMainWindow) -> str:
    """HTML: one table per menu (every action with a key), then the keys that belong to a pane."""
    heading, in_panes = tr("Keyboard shortcuts"), tr("In the panes")
    out = [f"<h2>{escape(heading)}</h2>"]
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        rows = _menu_rows(menu) if isinstance(menu, QMenu) else []
        if rows:
            out.append(f"<h3>{escape(plain_text(menu_action.text()))}</h3>")
            out.append(_table(rows))
    panes = [
        (tr("In the tree"), tr("Type a number (e.g. 42) to jump to that recommendation; arrows move")),
        (tr("In the search box"), tr("Down moves into the results; Enter opens the first result")),
        (tr("In the results"), tr("Enter opens the result at its section")),
        (tr("In the detail pane"), tr("Tab and Shift+Tab move between links; Enter follows the link")),
        (tr("In the find bar"), tr("Enter: next match; Shift+Enter: previous; Esc closes it")),
        (tr("On the overview"), tr("Arrows move between cells and bars; Enter applies that filter")),
    ]
    out.append(f"<h3>{escape(in_panes)}</h3>")
    out.append(_table(panes))
    return "\n".join(out)


def _menu_rows(menu: QMenu) -> list[tuple[str, str]]:
    rows = []
    for action in menu.actions():
        if action.menu() is not None:
            rows += _menu_rows(action.menu())
        elif not action.isSeparator() and action.shortcuts():
            rows.append((_keys(action), plain_text(action.text())))
    return rows


def _table(rows: list[tuple[str, str]]) -> str:
    body = "".join(
        f'<tr><td style="padding-right:16px; white-space:nowrap"><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>'
        for k, v in rows
    )
    return f'<table cellspacing="0" cellpadding="3">{body}</table>'


def user_guide(language: str) -> str:
    path = resource("help", f"guide.{'zh' if language == 'zh' else 'en'}.html")
    return path.read_text(encoding="utf-8") if path.exists() else ""
