"""Find in page for a QTextBrowser: match count, next/previous, all matches highlighted."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextBrowser, QTextEdit, QToolButton, QWidget


class FindBar(QWidget):
    """Hidden until ``activate``; Esc closes; Enter / Shift+Enter step through matches."""

    closed = Signal()

    def __init__(self, browser: QTextBrowser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._browser = browser
        self._matches: list[QTextCursor] = []
        self._index = -1
        self.edit = QLineEdit(self)
        self.edit.setClearButtonEnabled(True)
        self.edit.setMaxLength(200)
        self.count = QLabel(self)
        self.count.setMinimumWidth(70)
        self.prev_button = QToolButton(self, text="▲", autoRaise=True)
        self.next_button = QToolButton(self, text="▼", autoRaise=True)
        self.close_button = QToolButton(self, text="✕", autoRaise=True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.label = QLabel(self)
        self.label.setBuddy(self.edit)
        for w in (self.label, self.edit, self.count, self.prev_button, self.next_button, self.close_button):
            layout.addWidget(w)
        self.edit.textChanged.connect(self.search)
        self.edit.returnPressed.connect(self.next)
        self.next_button.clicked.connect(self.next)
        self.prev_button.clicked.connect(self.previous)
        self.close_button.clicked.connect(self.close_bar)
        self.edit.installEventFilter(self)
        self.retranslate()
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if (
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                self.previous()
                return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.label.setText(self.tr("&Find:"))
        self.edit.setPlaceholderText(self.tr("Find in page"))
        self.edit.setAccessibleName(self.tr("Find in page"))
        self.prev_button.setToolTip(self.tr("Previous match (Shift+Enter)"))
        self.prev_button.setAccessibleName(self.tr("Previous match"))
        self.next_button.setToolTip(self.tr("Next match (Enter)"))
        self.next_button.setAccessibleName(self.tr("Next match"))
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self.close_button.setAccessibleName(self.tr("Close find bar"))
        self._update_label()

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def activate(self) -> None:
        self.show()
        selected = self._browser.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.edit.setText(selected[:200])
        self.edit.setFocus()
        self.edit.selectAll()
        self.search(self.edit.text())

    def close_bar(self) -> None:
        self._browser.setExtraSelections([])
        self.hide()
        self._browser.setFocus()
        self.closed.emit()

    def refresh(self) -> None:
        """Re-run the search after the page changed."""
        if self.isVisible():
            self.search(self.edit.text())

    def search(self, text: str) -> None:
        self._matches = []
        self._index = -1
        text = text.replace("\x00", "")
        if text:
            doc = self._browser.document()
            cursor = QTextCursor(doc)
            while len(self._matches) < 5000:
                cursor = doc.find(text, cursor, QTextDocument.FindFlag(0))
                if cursor.isNull():
                    break
                self._matches.append(QTextCursor(cursor))
        if self._matches:
            here = self._browser.textCursor().selectionStart()
            self._index = next((i for i, c in enumerate(self._matches) if c.selectionStart() >= here), 0)
        self._show()

    def match_count(self) -> int:
        return len(self._matches)

    def current_match(self) -> int:
        """1-based index of the current match (0 if none)."""
        return self._index + 1

    def next(self) -> None:
        if self._matches:
            self._index = (self._index + 1) % len(self._matches)
            self._show()

    def previous(self) -> None:
        if self._matches:
            self._index = (self._index - 1) % len(self._matches)
            self._show()

    def _show(self) -> None:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#fff176"))
        fmt.setForeground(QColor("#000000"))
        current = QTextCharFormat()
        current.setBackground(QColor("#ff9800"))
        current.setForeground(QColor("#000000"))
        selections = []
        for i, cursor in enumerate(self._matches):
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            sel.format = current if i == self._index else fmt
            selections.append(sel)
        self._browser.setExtraSelections(selections)
        if 0 <= self._index < len(self._matches):
            self._browser.setTextCursor(self._matches[self._index])
            self._browser.ensureCursorVisible()
        elif self._browser.textCursor().hasSelection():  # no match: nothing may stay highlighted
            cursor = self._browser.textCursor()
            cursor.setPosition(cursor.selectionStart())  # the next search starts where the last match was
            self._browser.setTextCursor(cursor)
        self._update_label()

    def _update_label(self) -> None:
        if not self.edit.text():
            self.count.setText("")
        elif not self._matches:
            self.count.setText(self.tr("No matches"))
        else:
            self.count.setText(
                self.tr("%1 of %2").replace("%1", str(self._index + 1)).replace("%2", str(len(self._matches)))
            )
