"""The recommendation tree widget: keyboard navigation, number jump, expansion kept across filters."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from models.target import Target
from models.tree_model import KindRole, NumberRole, RecommendationTreeModel, TargetRole

if TYPE_CHECKING:  # annotations only: an imported type costs PySide start-up time to build
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QKeyEvent, QPainter

    from ui.tree_delegate import TreeItemDelegate

ROW_PADDING = 3  # px above and below each row's text: set in code, not by a stylesheet (ui/palette.py)
MEASURED_ROWS = 8  # needed_width(): labels measured exactly, the widest by estimate


class RecommendationTree(QTreeView):
    """Emits ``targetActivated`` when the current item changes (by mouse or keyboard)."""

    targetActivated = Signal(str)

    def __init__(self, model: RecommendationTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._collapsed: set[str] = set()
        self._current = ""
        self._silent = False
        self._digits = ""
        self._digit_timer = QTimer(self, singleShot=True, interval=900)
        self._digit_timer.timeout.connect(self._reset_digits)
        self.context_actions: list[QAction] = []
        self._arrows: TreeItemDelegate | None = None  # draws the expand arrows (drawBranches), once set
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        # Always there: a filter that leaves few rows hid the bar, the rows grew 14 px wider, and Qt drew
        # the whole tree twice (the hidden header's column resize repaints it once more) with every
        # label laid out again at the new width.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._pad_rows()
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.selectionModel().currentChanged.connect(self._on_current)
        model.modelAboutToBeReset.connect(self._remember)
        model.modelReset.connect(self._restore)
        self.collapsed.connect(lambda i: self._collapsed.add(self._key(i)))
        self.expanded.connect(lambda i: self._collapsed.discard(self._key(i)))
        self._width: int | None = None  # needed_width(), until rows, labels, expansion or font change
        for signal in (model.modelReset, model.dataChanged, self.expanded, self.collapsed):
            signal.connect(self._forget_width)
        self.setObjectName("recommendationTree")
        self.setAccessibleName(self.tr("Recommendations"))
        self._restore()

    def _key(self, index: QModelIndex) -> str:
        node = self._model.node(index)
        return f"{node.kind}:{node.key}"

    def _remember(self) -> None:
        self._silent = True

    def _restore(self) -> None:
        if self._collapsed:
            self._expand(QModelIndex())
        else:  # the usual case: Qt expands every row in one pass, where _expand asks the model row by row
            self.expandAll()
        if self._current:
            index = self._model.index_for(self._current)
            if index.isValid():
                self.setCurrentIndex(index)
                self.scrollTo(index)
        self._silent = False

    def _expand(self, parent: QModelIndex) -> None:
        for row in range(self._model.rowCount(parent)):
            index = self._model.index(row, 0, parent)
            if self._model.rowCount(index) and self._key(index) not in self._collapsed:
                self.setExpanded(index, True)
                self._expand(index)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._silent or not current.isValid():
            return
        target = current.data(TargetRole)
        if target:
            self._current = target
            self.targetActivated.emit(target)

    def _pad_rows(self) -> None:
        """Rows 2 × ROW_PADDING taller than the delegate's own size, given to the model as every row's size
        hint: a delegate overriding sizeHint in Python makes PySide build the QStyleOptionViewItem type
        before the first paint, ~4.5 ms."""
        self._model.set_row_height(0)  # the delegate's own height first
        natural = self.sizeHintForRow(0)
        self._model.set_row_height(natural + 2 * ROW_PADDING if natural > 0 else 0)

    def use_fast_delegate(self) -> None:
        """Switch to the cached static-text delegate (after the first paint: importing QStyle
        costs ~10 ms of start-up)."""
        from ui.tree_delegate import TreeItemDelegate

        delegate = TreeItemDelegate(self)
        self.setItemDelegate(delegate)
        # Fusion (ui.app) draws nothing in a row's branch area but its expand arrow, the same in every state
        self._arrows = delegate if self.style().name() == "fusion" else None

    def drawBranches(self, painter: QPainter, rect: QRect, index: QModelIndex) -> None:
        """The branch area left of a row. Qt's own walks up the row's ancestors, asking the Python model
        about each, on every row of every repaint (a third of the tree's repaint); this draws the expand
        arrow of a row with children from a pixmap, and nothing for the others, as Fusion does."""
        if self._arrows is None:  # the first paint, or another style
            super().drawBranches(painter, rect, index)
        elif self._model.node(index).children:
            indent = self.indentation()
            ratio = painter.device().devicePixelRatioF()
            arrow = self._arrows.branch_arrow(self, self.isExpanded(index), indent, rect.height(), ratio)
            painter.drawPixmap(rect.left() if self.isRightToLeft() else rect.right() + 1 - indent, rect.top(), arrow)

    def select_target(self, target: str) -> None:
        """Make ``target`` current without emitting ``targetActivated``."""
        self._current = target
        if self.currentIndex().data(TargetRole) == target:
            return  # already there: a second row with the same target (Annex I → overview) keeps the cursor
        index = self._model.index_for(target)
        self._silent = True
        try:
            if index.isValid():
                self.setCurrentIndex(index)
                self.scrollTo(index)
            else:
                self.selectionModel().clearSelection()
        finally:
            self._silent = False

    def set_context_actions(self, actions: list[QAction]) -> None:
        """The actions of the right-click menu on a recommendation or review row."""
        self.context_actions = list(actions)

    def _forget_width(self, *_args) -> None:
        self._width = None

    def needed_width(self) -> int:
        """The width that shows every expanded row's whole label, its bookmark mark and the
        scroll bar (sizeHintForColumn measures only the rows in view); kept until it can change."""
        if self._width is None:
            self._width = self._measure_width()
        return self._width

    def _measure_width(self) -> int:
        metrics, model = self.fontMetrics(), self.model()
        rows, stack = [], [(model.index(r, 0), 1) for r in range(model.rowCount())]
        while stack:
            index, depth = stack.pop()
            rows.append((depth * self.indentation(), index.data() or ""))
            if self.isExpanded(index):
                stack.extend((model.index(r, 0, index), depth + 1) for r in range(model.rowCount(index)))
        # Shaping every label loads hundreds of CJK glyphs before the first paint: estimate each width
        # (a Chinese character is one em wide, others about half), then measure the widest few exactly.
        em = metrics.horizontalAdvance("中")
        rows.sort(key=lambda row: row[0] + sum(em if ord(c) >= 0x2E80 else em // 2 for c in row[1]), reverse=True)
        widest = max((indent + metrics.horizontalAdvance(text) for indent, text in rows[:MEASURED_ROWS]), default=0)
        mark = 2 * metrics.height()  # the bookmark mark at the right edge, and the delegate's padding
        # The scroll bar's own size hint, not style().pixelMetric(): touching QStyle from Python builds
        # its ~600 enum members, ~8 ms of start-up (this runs before the first paint).
        bar = self.verticalScrollBar().sizeHint().width()
        return widest + mark + 2 * self.frameWidth() + bar

    def current_target(self) -> str:
        return self._current

    # --- typing a number jumps to that recommendation --------------------------------
    def changeEvent(self, event) -> None:
        if event.type() in (event.Type.FontChange, event.Type.StyleChange):
            self._width = None
            reset = getattr(self.itemDelegate(), "reset", None)
            if reset is not None:
                reset()
            self._pad_rows()
            self.scheduleDelayedItemsLayout()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self._digits = (self._digits + text)[-2:]
            self._digit_timer.start()
            self.jump_to_number(int(self._digits))
            return
        super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:
        if not search.isdigit():
            super().keyboardSearch(search)

    def jump_to_number(self, number: int) -> bool:
        index = self._model.index_for(str(Target.rec(number)))
        if not index.isValid():
            return False
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def _reset_digits(self) -> None:
        self._digits = ""

    def _menu(self, pos: QPoint) -> None:
        index = self.indexAt(pos)
        if not index.isValid() or index.data(KindRole) not in ("rec", "review") or not self.context_actions:
            return
        self.setCurrentIndex(index)
        from PySide6.QtWidgets import QMenu  # on use: its type costs start-up time

        menu = QMenu(self)
        for action in self.context_actions:
            menu.addAction(action)
        menu.exec(self.viewport().mapToGlobal(pos))

    def current_number(self) -> int:
        index = self.currentIndex()
        return int(index.data(NumberRole) or 0) if index.isValid() else 0
