"""Restore a remembered window geometry so that the window is always on a screen and fits it.

A geometry saved on another monitor set-up (a projector in the meeting room, a docking station at
the office) may lie outside every screen now, be larger than the screen, or be refused by Qt
altogether; in each case the window comes back whole and visible.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

DEFAULT_SIZE = QSize(1360, 860)
# how much of the window must show on a screen for the user to grab it and move it
MIN_VISIBLE = QSize(160, 80)


def restore_geometry(window: QWidget, saved: QByteArray | None, default: QSize = DEFAULT_SIZE) -> None:
    """Restore ``saved`` (or use ``default``), then keep the window on a screen and no larger than it."""
    if saved is None or not window.restoreGeometry(saved):
        screen = _primary()
        size = default if screen is None else default.boundedTo(screen.availableGeometry().size())
        window.resize(size)
        if screen is not None:
            frame = QRect(QPoint(0, 0), size)
            frame.moveCenter(screen.availableGeometry().center())
            window.move(frame.topLeft())
    fit_to_screen(window)
    _RefitWhenShown(window)  # the frame (title bar, borders) is known only once the window is shown


def fit_to_screen(window: QWidget) -> None:
    """Shrink the window to its screen's available area and move it back onto the screen if needed."""
    if window.isMaximized() or window.isFullScreen():
        return  # Qt places those on a screen itself
    rect = window.frameGeometry() if window.isVisible() else window.geometry()
    screen = _screen_showing(rect) or _primary()
    if screen is None:
        return
    area = screen.availableGeometry()
    border = rect.size() - window.size()  # frame thickness: (0, 0) before the window is shown
    size = window.size().boundedTo(area.size() - border)
    if size != window.size():
        window.resize(size)
        rect = QRect(rect.topLeft(), size + border)
    visible = rect.intersected(area)
    if visible.width() < min(MIN_VISIBLE.width(), rect.width()) or visible.height() < min(
        MIN_VISIBLE.height(), rect.height()
    ) or rect.top() < area.top():  # the title bar must be reachable
        x = min(max(rect.left(), area.left()), area.right() + 1 - rect.width())
        y = min(max(rect.top(), area.top()), area.bottom() + 1 - rect.height())
        window.move(QPoint(x, y))


class _RefitWhenShown(QObject):
    """Fits the window again on its first show, with its frame, then removes itself."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self._window and event.type() == QEvent.Type.Show:
            self._window.removeEventFilter(self)
            fit_to_screen(self._window)
            self.deleteLater()
        return False


def _screen_showing(rect: QRect) -> QScreen | None:
    """The screen showing most of ``rect``, if any shows part of it."""
    best, best_area = None, 0
    for screen in QGuiApplication.screens():
        part = rect.intersected(screen.availableGeometry())
        area = part.width() * part.height() if part.isValid() else 0
        if area > best_area:
            best, best_area = screen, area
    return best


def _primary() -> QScreen | None:
    return QGuiApplication.primaryScreen()
