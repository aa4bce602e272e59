"""The search result list: groups per recommendation, one row per section hit, snippets
with the matched words emphasised. Enter or click opens the hit."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView, QWidget

from models.search_model import (
    IsGroupRole,
    SearchResultModel,
    SectionRole,
    SnippetRole,
    TargetRole,
    section_label,
)


class SnippetDelegate(QStyledItemDelegate):
    """Draws ``section: snippet`` on one line, matches in bold on a highlight background."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if index.data(IsGroupRole):
            opt = QStyleOptionViewItem(option)
            opt.font.setBold(True)
            super().paint(painter, opt, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        style = widget.style() if widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        ink = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = pal.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        rect = option.rect.adjusted(4, 0, -4, 0)
        painter.save()
        base = QFont(option.font)
        bold = QFont(option.font)
        bold.setBold(True)
        x = rect.left()
        label = section_label(index.data(SectionRole) or "") + "  "
        painter.setFont(base)
        painter.setPen(muted)
        fm = QFontMetrics(base)
        painter.drawText(
            QRect(x, rect.top(), rect.width(), rect.height()), Qt.AlignmentFlag.AlignVCenter, label
        )
        x += fm.horizontalAdvance(label)
        snippet = (index.data(SnippetRole) or "").replace("\n", " ")
        for i, part in enumerate(snippet.replace("\x03", "\x02").split("\x02")):
            if not part or x >= rect.right():
                continue
            match = i % 2 == 1
            font = bold if match else base
            metrics = QFontMetrics(font)
            room = rect.right() - x
            text = metrics.elidedText(part, Qt.TextElideMode.ElideRight, room)
            width = metrics.horizontalAdvance(text)
            painter.setFont(font)
            if match and not selected:
                painter.fillRect(QRect(x, rect.top() + 2, width, rect.height() - 4), QColor("#ffd54f"))
                painter.setPen(QColor("#000000"))
            else:
                painter.setPen(ink)
            painter.drawText(
                QRect(x, rect.top(), width + 1, rect.height()), Qt.AlignmentFlag.AlignVCenter, text
            )
            x += width
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), QFontMetrics(option.font).height() + 6))


class SearchResultView(QTreeView):
    """Emits ``hitActivated(target, section)``."""

    hitActivated = Signal(str, str)

    def __init__(self, model: SearchResultModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setRootIsDecorated(False)
        self.setItemDelegate(SnippetDelegate(self))
        self.setObjectName("searchResults")
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        model.modelReset.connect(self.expandAll)
        self.clicked.connect(self.open_index)
        self.activated.connect(self.open_index)

    def open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            section = "" if index.data(IsGroupRole) else index.data(SectionRole)
            self.hitActivated.emit(index.data(TargetRole), section or "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_index(self.currentIndex())
            return
        super().keyPressEvent(event)
