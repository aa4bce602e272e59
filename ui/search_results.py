"""The search result list: groups per recommendation, one row per section hit, snippets
with the matched words emphasised. Enter or click opens the hit."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView, QWidget

from models.search_model import (
    IsGroupRole,
    SearchResultModel,
    SectionRole,
    SnippetRole,
    TargetRole,
    section_label,
)

_SELECTED = QStyle.StateFlag.State_Selected
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus
_VCENTER = Qt.AlignmentFlag.AlignVCenter


class _Run:
    """One laid-out piece of a snippet row: where it goes, its text, whether it is a match."""

    __slots__ = ("x", "width", "text", "match", "static")

    def __init__(self, x: int, width: int, text: str, match: bool, font: QFont) -> None:
        self.x, self.width, self.text, self.match = x, width, text, match
        self.static = QStaticText(text)
        self.static.setTextFormat(Qt.TextFormat.PlainText)
        self.static.prepare(font=font)


class SnippetDelegate(QStyledItemDelegate):
    """Draws ``section: snippet`` on one line, matches in bold on a highlight background.

    Rows are laid out once (QStaticText runs, cached by text, width and font) and only drawn
    afterwards: a repaint of the list costs a fraction of laying the text out again."""

    MATCH_BACKGROUND = QColor("#ffd54f")
    MATCH_INK = QColor("#000000")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fonts: tuple[QFont, QFont, QFontMetrics, QFontMetrics] | None = None
        self._layouts: dict[tuple[str, str, int], tuple[_Run, ...]] = {}

    def reset(self) -> None:
        """Forget fonts and layouts (the view's font or style changed)."""
        self._fonts = None
        self._layouts.clear()

    def _metrics(self, font: QFont) -> tuple[QFont, QFont, QFontMetrics, QFontMetrics]:
        if self._fonts is None:
            bold = QFont(font)
            bold.setBold(True)
            self._fonts = (QFont(font), bold, QFontMetrics(font), QFontMetrics(bold))
        return self._fonts

    def _layout(self, label: str, snippet: str, room: int, font: QFont) -> tuple[_Run, ...]:
        key = (label, snippet, room)
        runs = self._layouts.get(key)
        if runs is not None:
            return runs
        if len(self._layouts) > 2000:
            self._layouts.clear()
        base, bold, fm, fm_bold = self._metrics(font)
        out = [_Run(0, fm.horizontalAdvance(label), label, False, base)]
        x = out[0].width
        parts = snippet.replace("\n", " ").replace("\x03", "\x02").split("\x02")
        lead_room = (room - x) // 3  # keep the first match in view: trim the text before it
        if len(parts) > 1 and fm.horizontalAdvance(parts[0]) > lead_room:
            parts[0] = "…" + fm.elidedText(parts[0][::-1], Qt.TextElideMode.ElideRight, lead_room)[
                ::-1
            ].lstrip("…")
        for i, part in enumerate(parts):
            if not part:
                continue
            if x >= room:
                break
            match = i % 2 == 1
            metrics = fm_bold if match else fm
            width = metrics.horizontalAdvance(part)
            if x + width > room:
                part = metrics.elidedText(part, Qt.TextElideMode.ElideRight, room - x)
                width = metrics.horizontalAdvance(part)
            out.append(_Run(x, width, part, match, bold if match else base))
            x += width
        runs = self._layouts[key] = tuple(out)
        return runs

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        widget = option.widget
        state = option.state
        selected = bool(state & _SELECTED)
        if index.data(IsGroupRole):
            self._paint_group(painter, option, index, selected)
            return
        if widget is not None and (selected or state & _HAS_FOCUS):
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            opt.text = ""
            widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        pal = option.palette
        ink = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = pal.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        base, bold, fm, _fm_bold = self._metrics(option.font)
        rect = option.rect.adjusted(4, 0, -4, 0)
        label = section_label(index.data(SectionRole) or "") + "  "
        runs = self._layout(label, index.data(SnippetRole) or "", rect.width(), option.font)
        top, height, left = rect.top(), rect.height(), rect.left()
        y = top + (height - fm.height()) / 2
        painter.save()
        for n, run in enumerate(runs):
            painter.setFont(bold if run.match else base)
            if run.match and not selected:
                painter.fillRect(QRect(left + run.x, top + 2, run.width, height - 4), self.MATCH_BACKGROUND)
                painter.setPen(self.MATCH_INK)
            else:
                painter.setPen(muted if n == 0 else ink)
            painter.drawStaticText(QPointF(left + run.x, y), run.static)
        painter.restore()

    def _paint_group(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex, selected: bool
    ) -> None:
        """A group header (recommendation number, title, hit count) in bold, cached like the hits."""
        if selected:
            painter.fillRect(option.rect, option.palette.highlight())
        _base, bold, _fm, fm_bold = self._metrics(option.font)
        rect = option.rect.adjusted(4, 0, -4, 0)
        text = fm_bold.elidedText(index.data() or "", Qt.TextElideMode.ElideRight, rect.width())
        runs = self._layouts.get(("", text, -1))
        if runs is None:
            runs = self._layouts[("", text, -1)] = (_Run(0, 0, text, False, bold),)
        painter.save()
        painter.setFont(bold)
        painter.setPen(
            option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        )
        painter.drawStaticText(
            QPointF(rect.left(), rect.top() + (rect.height() - fm_bold.height()) / 2), runs[0].static
        )
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

    def changeEvent(self, event) -> None:
        if event.type() in (event.Type.FontChange, event.Type.StyleChange):
            self.itemDelegate().reset()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_index(self.currentIndex())
            return
        super().keyPressEvent(event)
