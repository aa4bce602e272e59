"""Message boxes and tooltips that show user or file text as plain text, never as HTML.

Qt guesses the format of a message box's text (Qt::AutoText): a note, a file name or an imported
file's ``"version": "<img src=…>"`` would be rendered as HTML. Every box that can carry such text
goes through :func:`show_message`; tooltips with user text through :func:`plain_tooltip`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

Icon = QMessageBox.Icon


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    """An OK box with ``text`` as plain text (the caller shows it: exec() or open())."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    """Show a modal plain-text box and free it afterwards."""
    box = message_box(parent, icon, title, text)
    box.exec()
    box.deleteLater()


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally (tooltips, too, guess rich text)."""
    if not text:
        return ""
    return f'<p style="white-space:pre-wrap">{html.escape(text)}</p>'
