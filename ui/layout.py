"""Reading first: the detail pane keeps a readable width (about 30 CJK characters) however small
the window. When the window, or an opened dock, leaves it less, the side panels give way in order:
the bookmarks dock narrows, the tree narrows, the filter sidebar narrows and then collapses, and
last the tree collapses. What collapsed here comes back when there is room again. On wide
windows, width the page cannot use (its lines stop at MEASURE_CHARS) widens the tree instead, up
to what its longest title needs, and then the sidebar."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QSplitter

from ui.detail_pane import DetailPane
from ui.page_browser import MEASURE_CHARS

if TYPE_CHECKING:  # annotations only: an imported type costs PySide start-up time to build
    from PySide6.QtWidgets import QDockWidget

READING_CHARS = 30  # the narrowest comfortable line of Chinese text
DOCK_MIN = 220
TREE_MIN = 240
SIDEBAR_MIN = 240
SIDEBAR_WIDTH = 300  # what a sidebar coming back gets when there is room
SIDEBAR_WIDE = 400  # what the sidebar grows to (whole facet labels) once the tree has its titles
PAGE_MARGINS = 40  # beside the measure, on wide windows


class ReadingFirst(QObject):
    """Watches the splitter (sidebar | tree | detail) and a dock; ``fit`` applies the order above.
    ``show_panel`` shows or hides the sidebar (0) or the tree (1) on request; ``panelsChanged``
    tells which of them are showing after any change (for the View menu's check marks)."""

    panelsChanged = Signal(bool, bool)  # sidebar shown, tree shown

    def __init__(self, window: QMainWindow, splitter: QSplitter, reading: DetailPane) -> None:
        super().__init__(window)
        self._window = window
        self._splitter = splitter
        self._reading = reading
        self._dock: QDockWidget | None = None
        self._collapsed: set[int] = set()  # splitter indices this class collapsed (and may restore)
        self._pending = False
        self._fitting = False
        self._revealed = False  # the user asked for a panel: nothing collapses until the window resizes
        self.tree_width: Callable[[], int] = lambda: TREE_MIN  # what the tree's whole titles need
        self._hidden: set[int] = set()  # panels the user hid: they do not come back by themselves
        self._last_total = 0
        self._window_width = 0
        splitter.setCollapsible(2, False)
        splitter.splitterMoved.connect(lambda _pos, _index: self._announce())
        reading.installEventFilter(self)  # resized by the splitter (window, dock, handle): fit at once

    def watch_dock(self, dock: QDockWidget) -> None:
        self._dock = dock
        dock.visibilityChanged.connect(lambda _visible: self.schedule())

    def reading_width(self, chars: int = READING_CHARS) -> int:
        """The pane width that shows ``chars`` characters a line at the current text size."""
        return self._reading.width_for(chars)

    def schedule(self) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._reading and event.type() == QEvent.Type.Resize and not self._fitting:
            self._fitting = True
            try:
                self.fit()
            finally:
                self._fitting = False
        return False

    def fit(self) -> None:
        self._pending = False
        sizes = self._splitter.sizes()
        if len(sizes) != 3 or not self._splitter.isVisible():
            return
        resized, self._last_total = sum(sizes) != self._last_total, sum(sizes)
        if self._window.width() != self._window_width:  # not the dock narrowing for a shown panel
            self._revealed, self._window_width = False, self._window.width()
        side, tree, reading = sizes
        self._collapsed = {i for i in self._collapsed if not sizes[i]}  # the user may have dragged it back
        room = reading - self.reading_width()
        if room < 0 and self._docked():
            narrower = max(DOCK_MIN, self._dock.width() + room)
            if narrower < self._dock.width():  # the splitter grows by the difference: fit again then
                self._window.resizeDocks([self._dock], [narrower], Qt.Orientation.Horizontal)
        if room < 0:
            tree, room = _give(tree, TREE_MIN, room)
            side, room = _give(side, SIDEBAR_MIN, room)
        for index in () if self._revealed else (0, 1):  # still short: the sidebar collapses, then the tree
            width = (side, tree)[index]
            if room < 0 and width:
                room += width
                side, tree = (0, tree) if index == 0 else (side, 0)
                self._collapsed.add(index)
        self._collapsed -= self._hidden
        if 1 in self._collapsed and tree == 0 and room >= TREE_MIN:  # room again: the tree first
            tree, room = TREE_MIN, room - TREE_MIN
            self._collapsed.discard(1)
        spare = room + max(0, tree - TREE_MIN)
        if 0 in self._collapsed and side == 0 and tree and spare >= SIDEBAR_MIN:  # then the sidebar
            side = min(SIDEBAR_WIDTH, spare)
            from_tree = max(0, side - room)
            tree, room = tree - from_tree, room - (side - from_tree)
            self._collapsed.discard(0)
        if room > 0 and self._collapsed and tree:  # what the page does not need widens the tree
            tree, room = tree + room, 0
        wide = self.reading_width(MEASURE_CHARS) + PAGE_MARGINS
        whole = self.tree_width()
        if resized and reading > wide and 0 < tree < whole and room > 0:  # not when a handle is dragged
            tree += min(reading - wide, whole - tree)
        spare = sum(sizes) - side - tree - wide
        if resized and spare > 0 and 0 < side < SIDEBAR_WIDE and tree >= whole:  # then the facets' labels
            side += min(spare, SIDEBAR_WIDE - side)
        new = [side, tree, sum(sizes) - side - tree]
        if new != sizes:
            self._splitter.setSizes(new)
        self._announce()

    def _announce(self) -> None:
        side, tree, _reading = self._splitter.sizes()
        self._hidden = {i for i in self._hidden if not (side, tree)[i]}  # dragged back by hand
        self.panelsChanged.emit(side > 0, tree > 0)

    def _docked(self) -> bool:
        return self._dock is not None and self._dock.isVisible() and not self._dock.isFloating()

    def reveal_sidebar(self) -> None:
        """Show a collapsed sidebar (the search shortcut needs it)."""
        self.show_panel(0, True)

    def show_panel(self, index: int, shown: bool) -> None:
        """Show (at its minimum width, taken from the tree down to its minimum, then from the
        page) or hide the sidebar (``index`` 0) or the tree (1). A shown panel is not collapsed
        again until the window is resized; the bookmarks dock narrows for it instead."""
        sizes = self._splitter.sizes()
        if len(sizes) != 3:
            return
        if not shown:
            self._hidden.add(index)
            self._collapsed.discard(index)
            sizes[2] += sizes[index]
            sizes[index] = 0
        elif sizes[index] == 0:
            self._hidden.discard(index)
            self._collapsed.discard(index)
            self._revealed = True
            width = SIDEBAR_MIN if index == 0 else TREE_MIN
            other = 1 - index
            share = min(width, max(0, sizes[other] - (TREE_MIN if other else SIDEBAR_MIN)))
            sizes[index], sizes[other], sizes[2] = width, sizes[other] - share, sizes[2] - (width - share)
        self._splitter.setSizes(sizes)
        self._announce()
        self.schedule()


def _give(size: int, minimum: int, room: int) -> tuple[int, int]:
    """Take up to ``-room`` from ``size`` without going under ``minimum``."""
    take = min(-room, max(0, size - minimum))
    return size - take, room + take
