"""QPainter charts for the overview: a heat map and a horizontal bar chart.

Both follow the palette (light or dark), show tooltips, and are keyboard operable:
arrows move the focus mark, Enter/Space activates it, as a click does.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ui.palette import ink_for


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    t = max(0.0, min(1.0, t))
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


def _ink(background: QColor) -> QColor:
    return ink_for(background)  # by WCAG contrast, not lightness: at least 4.5:1 on any cell


class _Chart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._focus = 0
        self._cells: list[tuple[QRect, object, str]] = []  # rect, key, tooltip

    def _accent(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Highlight)

    def _at(self, pos: QPoint) -> int:
        return next((i for i, (r, _k, _t) in enumerate(self._cells) if r.contains(pos)), -1)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self._at(event.position().toPoint())
        self.setCursor(Qt.CursorShape.PointingHandCursor if hit >= 0 else Qt.CursorShape.ArrowCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        hit = self._at(event.position().toPoint())
        if hit >= 0 and event.button() == Qt.MouseButton.LeftButton:
            self._focus = hit
            self.update()
            self.activate(self._cells[hit][1])
        else:
            super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            hit = self._at(event.pos())
            if hit >= 0:
                QToolTip.showText(event.globalPos(), self._cells[hit][2], self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._cells:
            return super().keyPressEvent(event)
        key = event.key()
        step = self._step(key)
        if step:
            self._focus = max(0, min(len(self._cells) - 1, self._focus + step))
            self.update()
            QToolTip.showText(
                self.mapToGlobal(self._cells[self._focus][0].center()), self._cells[self._focus][2], self
            )
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activate(self._cells[self._focus][1])
        else:
            super().keyPressEvent(event)

    def _step(self, key: int) -> int:
        return {Qt.Key.Key_Down: 1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_Left: -1}.get(key, 0)

    def _draw_focus(self, p: QPainter) -> None:
        if self.hasFocus() and 0 <= self._focus < len(self._cells):
            p.setPen(self.palette().color(QPalette.ColorRole.Text))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(self._cells[self._focus][0].adjusted(0, 0, -1, -1))

    def activate(self, key: object) -> None:
        raise NotImplementedError

    def cell_rects(self) -> list[tuple[QRect, object]]:
        """Clickable areas (for tests and accessibility)."""
        return [(r, k) for r, k, _t in self._cells]


class HeatMap(_Chart):
    """Rows × columns of counts; emits ``cellActivated(row_key, column_key)``."""

    cellActivated = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str]] = []  # key, label
        self._cols: list[tuple[str, str]] = []
        self._values: dict[tuple[str, str], int] = {}
        self.tooltip_format = "%1 × %2: %3"

    def set_data(
        self, rows: list[tuple[str, str]], cols: list[tuple[str, str]], values: dict[tuple[str, str], int]
    ) -> None:
        self._rows, self._cols, self._values = rows, cols, dict(values)
        self.updateGeometry()
        self.update()

    def value(self, row: str, col: str) -> int:
        return self._values.get((row, col), 0)

    def _layout(self) -> tuple[int, int, int, int]:
        fm = QFontMetrics(self.font())
        label_w = max((fm.horizontalAdvance(label) for _k, label in self._rows), default=40) + 12
        head_h = fm.height() + 10
        cell_h = max(26, fm.height() + 10)
        return label_w, head_h, cell_h, fm.height()

    def sizeHint(self) -> QSize:
        label_w, head_h, cell_h, _ = self._layout()
        return QSize(label_w + 60 * max(1, len(self._cols)), head_h + cell_h * len(self._rows) + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def _step(self, key: int) -> int:
        cols = max(1, len(self._cols))
        return {Qt.Key.Key_Down: cols, Qt.Key.Key_Up: -cols, Qt.Key.Key_Right: 1, Qt.Key.Key_Left: -1}.get(
            key, 0
        )

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        base, text = pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text)
        accent = self._accent()
        label_w, head_h, cell_h, _fh = self._layout()
        cell_w = max(36, (self.width() - label_w - 4) // max(1, len(self._cols)))
        top = max(self._values.values(), default=0) or 1
        self._cells = []
        p.setPen(text)
        for c, (_key, label) in enumerate(self._cols):
            p.drawText(QRect(label_w + c * cell_w, 0, cell_w, head_h), Qt.AlignmentFlag.AlignCenter, label)
        for r, (row_key, row_label) in enumerate(self._rows):
            y = head_h + r * cell_h
            p.setPen(text)
            p.drawText(
                QRect(0, y, label_w - 8, cell_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                row_label,
            )
            for c, (col_key, col_label) in enumerate(self._cols):
                n = self._values.get((row_key, col_key), 0)
                rect = QRect(label_w + c * cell_w + 1, y + 1, cell_w - 2, cell_h - 2)
                fill = _mix(base, accent, 0.12 + 0.88 * n / top) if n else base
                p.setPen(_mix(base, text, 0.15))
                p.setBrush(fill)
                p.drawRoundedRect(QRectF(rect), 3, 3)
                if n:
                    p.setPen(_ink(fill))
                    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(n))
                tip = (
                    self.tooltip_format.replace("%1", col_label)
                    .replace("%2", row_label)
                    .replace("%3", str(n))
                )
                self._cells.append((rect, (row_key, col_key), tip))
        self._draw_focus(p)
        p.end()

    def activate(self, key: object) -> None:
        row, col = key  # type: ignore[misc]
        self.cellActivated.emit(row, col)


class BarChart(_Chart):
    """Horizontal bars, largest first; emits ``barActivated(key)``."""

    barActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[tuple[str, int]] = []
        self.tooltip_format = "%1: %2"

    def set_data(self, counts: dict[str, int], limit: int = 12) -> None:
        self._items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        self.updateGeometry()
        self.update()

    def items(self) -> list[tuple[str, int]]:
        return list(self._items)

    def _row_h(self) -> int:
        return max(22, QFontMetrics(self.font()).height() + 8)

    def sizeHint(self) -> QSize:
        return QSize(360, self._row_h() * max(1, len(self._items)) + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text, accent = pal.color(QPalette.ColorRole.Text), self._accent()
        fm = QFontMetrics(self.font())
        label_w = min(
            self.width() // 2, max((fm.horizontalAdvance(k) for k, _ in self._items), default=40) + 12
        )
        value_w = fm.horizontalAdvance("0000") + 8
        row_h = self._row_h()
        top = max((v for _k, v in self._items), default=0) or 1
        span = max(10, self.width() - label_w - value_w - 8)
        self._cells = []
        for i, (key, value) in enumerate(self._items):
            y = i * row_h
            p.setPen(text)
            label = fm.elidedText(key, Qt.TextElideMode.ElideRight, label_w - 8)
            p.drawText(
                QRect(0, y, label_w - 8, row_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                label,
            )
            bar = QRect(label_w, y + 4, max(2, round(span * value / top)), row_h - 8)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(accent)
            p.drawRoundedRect(QRectF(bar), 3, 3)
            p.setPen(text)
            p.drawText(QRect(bar.right() + 6, y, value_w, row_h), Qt.AlignmentFlag.AlignVCenter, str(value))
            area = QRect(0, y, self.width(), row_h)
            self._cells.append((area, key, self.tooltip_format.replace("%1", key).replace("%2", str(value))))
        self._draw_focus(p)
        p.end()

    def activate(self, key: object) -> None:
        self.barActivated.emit(str(key))
