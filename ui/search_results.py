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

    MATCH_BACKGROUND = QColor("#ffd54f")
    MATCH_INK = QColor("#000000")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fonts_key: str = ""
        self._fonts: tuple[QFont, QFont, QFontMetrics, QFontMetrics] | None = None

    def _metrics(self, font: QFont) -> tuple[QFont, QFont, QFontMetrics, QFontMetrics]:
        key = font.key()
        if self._fonts is None or key != self._fonts_key:
            bold = QFont(font)
            bold.setBold(True)
            self._fonts_key = key
            self._fonts = (QFont(font), bold, QFontMetrics(font), QFontMetrics(bold))
        return self._fonts

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if index.data(IsGroupRole):
            opt = QStyleOptionViewItem(option)
            opt.font.setBold(True)
            super().paint(painter, opt, index)
            return
        widget = option.widget
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if widget is not None and (selected or option.state & QStyle.StateFlag.State_HasFocus):
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            opt.text = ""
            widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        pal = option.palette
        ink = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = pal.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        base, bold, fm, fm_bold = self._metrics(option.font)
        rect = option.rect.adjusted(4, 0, -4, 0)
        top, height, right = rect.top(), rect.height(), rect.right()
        flags = Qt.AlignmentFlag.AlignVCenter
        painter.save()
        x = rect.left()
        label = section_label(index.data(SectionRole) or "") + "  "
        painter.setFont(base)
        painter.setPen(muted)
        width = fm.horizontalAdvance(label)
        painter.drawText(QRect(x, top, width + 1, height), flags, label)
        x += width
        snippet = (index.data(SnippetRole) or "").replace("\n", " ")
        parts = snippet.replace("\x03", "\x02").split("\x02")
        lead_room = (right - x) // 3  # keep the first match in view: trim the text before it
        if len(parts) > 1 and fm.horizontalAdvance(parts[0]) > lead_room:
            parts[0] = "…" + fm.elidedText(parts[0][::-1], Qt.TextElideMode.ElideRight, lead_room)[::-1].lstrip("…")
        for i, part in enumerate(parts):
            if not part:
                continue
            if x >= right:
                break
            match = i % 2 == 1
            metrics = fm_bold if match else fm
            width = metrics.horizontalAdvance(part)
            if x + width > right:
                part = metrics.elidedText(part, Qt.TextElideMode.ElideRight, right - x)
                width = metrics.horizontalAdvance(part)
            painter.setFont(bold if match else base)
            if match and not selected:
                painter.fillRect(QRect(x, top + 2, width, height - 4), self.MATCH_BACKGROUND)
                painter.setPen(self.MATCH_INK)
            else:
                painter.setPen(ink)
            painter.drawText(QRect(x, top, width + 1, height), flags, part)
            x += width
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), self._metrics(option.font)[2].height() + 6))


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
        self.expandAll()
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
