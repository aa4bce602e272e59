"""A faster item delegate for the recommendation tree; it draws the bookmark icon of bookmarked rows
at the right edge, outside the elided text, so a long title never hides it."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

_COUNT = re.compile(r"(.*\S)( \(\d+(?:/\d+)?\))")  # "A  技术援助和能力建设 (8/14)": title, count
# As ints: on PySide's Python enums every `state & flag` builds a new enum member, on each row's paint.
_SELECTED = QStyle.StateFlag.State_Selected.value
_HIGHLIGHTED = (QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_MouseOver).value


class TreeItemDelegate(QStyledItemDelegate):
    """Paints each row's label from a cached pixmap of its text: a row's text drawn by the raster engine
    costs ~40 µs (~20 CJK glyphs), the pixmap ~3 µs, and the labels are the same from one filter to the
    next, so a tree repainted after every keystroke mostly copies pixmaps. Which pixmaps a row takes, and
    where, is kept per row too (``_pieces``): a repaint reads the row's label and copies them, with no
    more Python per row. Rows are sized by the model's size hint (RecommendationTree pads them)."""

    MAX_TEXTS = 2000  # pixmaps kept (a row ~40 KB at 450 px): the whole tree in both groupings, twice

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._texts: dict[tuple, QPixmap] = {}
        self._widths: dict[str, int] = {}  # natural widths of labels' parts, in the view's font
        self._splits: dict[str, tuple[str, str]] = {}  # label -> (title, " (count)") or (label, "")
        self._marks: dict[tuple[int, int, bool], QPixmap] = {}
        self._rows: dict[tuple, tuple[tuple[int, int, QPixmap], ...]] = {}  # a row's pieces (_pieces), by row
        self._arrows: dict[tuple, QPixmap] = {}  # expand arrows (branch_arrow)

    def bookmark_pixmap(self, side: int, ratio: float, selected: bool, colour: QColor) -> QPixmap:
        """The filled bookmark icon; on a selected row in the highlighted-text colour, so it stays visible."""
        key = (side, round(ratio * 100), selected)
        if key not in self._marks:
            from ui.actions import icon

            pixmap = icon("bookmark").pixmap(QSize(side, side), ratio, QIcon.Mode.Normal, QIcon.State.On)
            if selected:
                painter = QPainter(pixmap)
                painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
                painter.fillRect(pixmap.rect(), colour)
                painter.end()
            self._marks[key] = pixmap
        return self._marks[key]

    def branch_arrow(
        self, view: QAbstractItemView, expanded: bool, width: int, height: int, ratio: float
    ) -> QPixmap:
        """A row's expand arrow as ``view``'s style draws it in a branch cell ``width`` × ``height``."""
        key = (expanded, width, height, ratio, view.palette().cacheKey(), view.isRightToLeft())
        pixmap = self._arrows.get(key)
        if pixmap is None:
            option = QStyleOptionViewItem()
            view.initViewItemOption(option)
            option.rect = QRect(0, 0, width, height)
            flag = QStyle.StateFlag
            option.state = (flag.State_Item | flag.State_Children | flag.State_Enabled
                            | (flag.State_Open if expanded else flag.State_None))
            pixmap = QPixmap(max(1, round(width * ratio)), max(1, round(height * ratio)))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            view.style().drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorBranch, option, painter, view)
            painter.end()
            self._arrows[key] = pixmap
        return pixmap

    @staticmethod
    def mark_rect(rect: QRect, height: int) -> QRect:
        """Where the bookmark icon goes in a row: a square at the right end, the text's height."""
        side = max(8, min(height, rect.height()))
        return QRect(rect.right() - side + 1, rect.top() + (rect.height() - side) // 2, side, side)

    def reset(self) -> None:
        """Forget the drawn texts (the view's font or style changed; a new palette colour is a new key)."""
        self._texts.clear()
        self._marks.clear()
        self._widths.clear()
        self._rows.clear()
        self._arrows.clear()

    def text_pixmap(self, text: str, width: int, height: int, font: QFont, colour: QColor, ratio: float) -> QPixmap:
        """``text`` elided to ``width`` and drawn in ``colour`` on a transparent row ``height`` high, as wide as
        the text it shows (the font is not part of the key: the view calls reset() when it changes)."""
        key = (text, width, height, colour.rgba(), ratio)
        pixmap = self._texts.get(key)
        if pixmap is None:
            if len(self._texts) >= self.MAX_TEXTS:
                self._texts.clear()
                self._rows.clear()  # they hold on to the pixmaps
            metrics = QFontMetrics(font)
            elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            width = min(width, metrics.horizontalAdvance(elided) + 2)  # as wide as what it shows
            pixmap = QPixmap(max(1, round(width * ratio)), max(1, round(height * ratio)))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setFont(font)
            painter.setPen(colour)
            painter.drawText(QRect(0, 0, width, height), Qt.AlignmentFlag.AlignVCenter, elided)
            painter.end()
            self._texts[key] = pixmap
        return pixmap

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        state = option.state.value
        if state & _HIGHLIGHTED:
            widget = option.widget
            style = widget.style() if widget is not None else QApplication.style()
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
        rect = option.rect
        ratio = painter.device().devicePixelRatioF()
        label, marked = index.model().painted(index)
        key = (label, marked, rect.width(), rect.height(), state & _HIGHLIGHTED, ratio, option.palette.cacheKey())
        pieces = self._rows.get(key)
        if pieces is None:
            if len(self._rows) >= self.MAX_TEXTS:
                self._rows.clear()
            pieces = self._rows[key] = self._pieces(option, label, marked, ratio)
        x, y = rect.x(), rect.y()
        for dx, dy, pixmap in pieces:
            painter.drawPixmap(x + dx, y + dy, pixmap)

    def _pieces(
        self, option: QStyleOptionViewItem, label: str, marked: bool, ratio: float
    ) -> tuple[tuple[int, int, QPixmap], ...]:
        """The pixmaps a row is drawn from and where they go from its top left: the bookmark mark, the
        label (a group's title and its count). Kept per row and state, so a repaint only copies them."""
        selected = bool(option.state.value & _SELECTED)
        colour = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        rect = QRect(0, 0, option.rect.width(), option.rect.height()).adjusted(3, 0, -3, 0)
        pieces = []
        if marked:
            mark = self.mark_rect(rect, QFontMetrics(option.font).height())
            pieces.append((mark.x(), mark.y(), self.bookmark_pixmap(mark.width(), ratio, selected, colour)))
            rect.setRight(mark.left() - 4)
        title, count = self.split(label)
        if count:  # a group's count: its own small pixmap, so a new count does not draw the title again
            # the title's own width when it fits: the same pixmap whatever the count
            room = max(1, min(self.width(title, option.font), rect.width() - self.width(count, option.font)))
            head = self.text_pixmap(title, room, rect.height(), option.font, colour, ratio)
            tail = self.text_pixmap(count, self.width(count, option.font), rect.height(), option.font, colour, ratio)
            pieces += [(rect.left(), rect.top(), head), (rect.left() + round(head.width() / ratio), rect.top(), tail)]
        else:
            pieces.append((rect.left(), rect.top(), self.text_pixmap(title, rect.width(), rect.height(), option.font,
                                                                      colour, ratio)))
        return tuple(pieces)

    def split(self, label: str) -> tuple[str, str]:
        """A group label's title and its count (" (8/14)"), which filtering changes; other labels whole."""
        parts = self._splits.get(label)
        if parts is None:
            if len(self._splits) > self.MAX_TEXTS:
                self._splits.clear()
            m = _COUNT.fullmatch(label)
            parts = self._splits[label] = (m.group(1), m.group(2)) if m else (label, "")
        return parts

    def width(self, text: str, font: QFont) -> int:
        found = self._widths.get(text)
        if found is None:
            # +2: elidedText() cuts a text given exactly its advance when its glyphs reach 1 px further
            found = self._widths[text] = QFontMetrics(font).horizontalAdvance(text) + 2
        return found
