"""The detail pane's text browser: the reading measure (about 45 Chinese characters a line, margins on
wide panes), a visible focus ring on links, and copied text without the invisible word joiners."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QTextBrowser

from models.markdown_html import strip_joiners

MEASURE_CHARS = 45  # the longest comfortable line of Chinese text; wider panes get side margins


class PageBrowser(QTextBrowser):
    """A QTextBrowser whose copied text leaves out the invisible line-break guards, whose
    keyboard-focused link has a clearly visible focus ring (Qt's own is a faint dotted box), and
    whose lines are never longer than MEASURE_CHARS characters (the page is centred with margins).
    ``measureChanged(extra)`` tells how far (px, beyond the usual document margin) the text now
    stands in from each side, for what sits under the page to line up with it."""

    measureChanged = Signal(int)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self.hasFocus():
            return
        cursor = self.textCursor()
        if not (cursor.hasSelection() and self._on_link(cursor)):
            return
        # Imported here: the first paint needs none of these types (each costs PySide ~1-2 ms to build).
        from PySide6.QtCore import QRect
        from PySide6.QtGui import QPainter, QPalette, QPen, QTextCursor

        start, end = QTextCursor(cursor), QTextCursor(cursor)
        start.setPosition(cursor.selectionStart())
        end.setPosition(cursor.selectionEnd())
        first, last = self.cursorRect(start), self.cursorRect(end)
        if first.top() == last.top():
            rects = [QRect(first.left(), first.top(), last.left() - first.left(), first.height())]
        else:  # the link wraps: ring both parts
            width = self.viewport().width()
            rects = [QRect(first.left(), first.top(), width - first.left() - 2, first.height()),
                     QRect(2, last.top(), last.left() - 2, last.height())]
        painter = QPainter(self.viewport())
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
        for rect in rects:
            painter.drawRoundedRect(rect.adjusted(-3, -1, 3, 1), 2, 2)
        painter.end()

    @staticmethod
    def _on_link(cursor) -> bool:
        from PySide6.QtGui import QTextCursor

        probe = QTextCursor(cursor)
        probe.setPosition(cursor.selectionStart() + 1)
        return probe.charFormat().isAnchor()


    def setHtml(self, text: str) -> None:
        super().setHtml(text)
        self.fit_measure()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_measure()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # zoom
            self.fit_measure()

    def page_width(self) -> float:
        """The viewport's width, as QTextEdit keeps it in the document's page size (0 before the first
        layout). Not ``viewport().width()``: the first ``viewport()`` call makes PySide build its QWidget
        wrapper type, ~20-50 ms that the first paint does not need."""
        return self.document().pageSize().width()

    def fit_measure(self) -> None:
        doc = self.document()
        measure = self.fontMetrics().horizontalAdvance("中" * MEASURE_CHARS)
        side = max(doc.documentMargin(), (self.page_width() - measure) / 2)
        frame = doc.rootFrame()
        fmt = frame.frameFormat()
        if abs(fmt.leftMargin() - side) >= 1:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            frame.setFrameFormat(fmt)
            self.measureChanged.emit(round(side - doc.documentMargin()))

    def createMimeDataFromSelection(self):
        data = super().createMimeDataFromSelection()
        if data.hasText():
            data.setText(strip_joiners(data.text()))
        if data.hasHtml():
            data.setHtml(strip_joiners(data.html()))
        return data


