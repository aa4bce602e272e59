"""The search result list: a header row per recommendation, then one row per section hit (indented),
snippets with the matched words emphasised. Enter or click opens the row."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView, QWidget

from models.search import SNIPPET_CHARS
from models.search_model import (
    IsGroupRole,
    SearchResultModel,
    SectionRole,
    TargetRole,
    section_label,
)

_SELECTED = QStyle.StateFlag.State_Selected
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus
_VCENTER = Qt.AlignmentFlag.AlignVCenter
ROW_PADDING = 2  # px above and below each row's own size
HIT_INDENT = 20  # px a hit row is indented under its group's header


class _Run:
    """One laid-out piece of a snippet row: its line, where it goes, its text, whether it is a match, and
    its glyphs, prepared when it is first drawn: the view sizes rows it does not show (the last page's, to
    set its scroll bar), and preparing the glyphs is half the cost of laying a row out."""

    __slots__ = ("line", "x", "width", "text", "match", "_font", "_static")

    def __init__(self, line: int, x: int, width: int, text: str, match: bool, font: QFont) -> None:
        self.line, self.x, self.width, self.text, self.match = line, x, width, text, match
        self._font, self._static = font, None

    @property
    def static(self) -> QStaticText:
        if self._static is None:
            self._static = QStaticText(self.text)
            self._static.setTextFormat(Qt.TextFormat.PlainText)
            self._static.prepare(font=self._font)
        return self._static


def _fit(text: str, room: int, metrics: QFontMetrics) -> tuple[int, int]:
    """How many leading characters of ``text`` fit in ``room`` pixels, and their width: a bisection
    over prefix widths (~6 measurements for a 40-character line where one per character took ~40)."""
    width = metrics.horizontalAdvance(text)
    if width <= room:
        return len(text), width
    fits, fits_width, too_long = 0, 0, len(text)  # text[:fits] fits in room, text[:too_long] does not
    while too_long - fits > 1:
        middle = (fits + too_long) // 2
        middle_width = metrics.horizontalAdvance(text[:middle])
        if middle_width <= room:
            fits, fits_width = middle, middle_width
        else:
            too_long = middle
    return fits, fits_width


class SnippetDelegate(QStyledItemDelegate):
    """Draws ``section: snippet`` wrapped over as many lines (at most MAX_LINES) as its about
    SNIPPET_CHARS characters need at the list's width, matches in bold on a highlight background.

    Rows are laid out once (QStaticText runs, cached by text, width and font) and only drawn
    afterwards: a repaint of the list costs a fraction of laying the text out again."""

    MAX_LINES = 3
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
        lines = self.lines(room, fm)
        parts = [label, *snippet.replace("\n", " ").replace("\x03", "\x02").split("\x02")]
        out: list[_Run] = []
        line = x = 0
        for i, part in enumerate(parts):
            match = i > 0 and i % 2 == 0  # parts alternate: label, text, match, text, match, ...
            metrics, face = (fm_bold, bold) if match else (fm, base)
            while part and line < lines:
                n, width = _fit(part, room - x, metrics)
                if n < len(part) and line == lines - 1:  # the last line: end with an ellipsis
                    piece = metrics.elidedText(part, Qt.TextElideMode.ElideRight, room - x)
                    if piece:
                        out.append(_Run(line, x, metrics.horizontalAdvance(piece), piece, match, face))
                    line = lines
                    break
                if n == 0 and x == 0:  # a character wider than the row: show it anyway
                    n, width = 1, metrics.horizontalAdvance(part[:1])
                if n:
                    out.append(_Run(line, x, width, part[:n], match, face))
                    x += width
                    part = part[n:]
                if part:
                    line, x = line + 1, 0
        runs = self._layouts[key] = tuple(out)
        return runs

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        widget = option.widget
        state = option.state
        selected = bool(state & _SELECTED)
        hit = index.model().hit_at(index)  # one call for the row, where data() went through Qt and back
        if hit is None:
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
        rect = option.rect.adjusted(HIT_INDENT + 4, 3, -4, -3)
        runs = self._layout(section_label(hit.section) + "  ", hit.snippet, rect.width(), option.font)
        top, left, step = rect.top(), rect.left(), fm.lineSpacing()
        painter.save()
        for n, run in enumerate(runs):
            y = top + run.line * step
            painter.setFont(bold if run.match else base)
            if run.match and not selected:
                painter.fillRect(QRect(left + run.x, y, run.width, fm.height()), self.MATCH_BACKGROUND)
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
            runs = self._layouts[("", text, -1)] = (_Run(0, 0, 0, text, False, bold),)
        painter.save()
        painter.setFont(bold)
        painter.setPen(
            option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        )
        painter.drawStaticText(
            QPointF(rect.left(), rect.top() + (rect.height() - fm_bold.height()) / 2), runs[0].static
        )
        painter.restore()

    def lines(self, room: int, fm: QFontMetrics) -> int:
        """Lines a hit needs to show its snippet (and section label) at ``room`` pixels."""
        need = fm.horizontalAdvance("中") * (SNIPPET_CHARS + 4)
        return max(1, min(self.MAX_LINES, -(-need // max(room, 1))))

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        """The row's text lines and ROW_PADDING, from the layout paint() uses (not Qt's own size hint,
        which lays the whole snippet out as one line of text only to measure it)."""
        fm = self._metrics(option.font)[2]
        view = self.parent()
        room = view.viewport().width() - HIT_INDENT - 8 if isinstance(view, QTreeView) else 300
        lines = 1
        hit = index.model().hit_at(index)
        if hit is not None:  # as many lines as this hit's text takes, not the most a hit may
            runs = self._layout(section_label(hit.section) + "  ", hit.snippet, room, option.font)
            lines = max((run.line for run in runs), default=0) + 1
        return QSize(room + 8, fm.lineSpacing() * (lines - 1) + fm.height() + 2 * ROW_PADDING + 2)


class SearchResultView(QTreeView):
    """Emits ``hitActivated(target, section)``. A QTreeView showing a flat list: unlike QListView, it
    sizes only the rows it shows (a QListView with rows of different heights sizes every row)."""

    hitActivated = Signal(str, str)

    def __init__(self, model: SearchResultModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(False)  # a group is one line, a hit LINES lines
        # Always there, so the rows' width (and so their wrapping) does not change with the number of
        # hits: a scroll bar that came and went made every other search lay out and paint the list twice.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setItemDelegate(SnippetDelegate(self))
        self.setObjectName("searchResults")
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._row_width = -1  # the viewport width the rows' heights were computed for
        # Laid out as soon as the results change: Qt lays an item view out by a timer, which runs after the
        # window's paint, so a new search painted the window and then the list a second time.
        model.modelReset.connect(self.executeDelayedItemsLayout)
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

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # A hit's height depends on the width: lay the rows out again when it changes. Compared with the
        # width they were laid out at, not event.oldSize(): a view shown again gets a resize event to
        # the same size (with no old size), and a second layout there repainted the whole list.
        if self.viewport().width() != self._row_width:
            self._row_width = self.viewport().width()
            self.scheduleDelayedItemsLayout()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_index(self.currentIndex())
            return
        super().keyPressEvent(event)
