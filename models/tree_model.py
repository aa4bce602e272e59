"""The recommendation tree: a hand-written QAbstractItemModel over plain Python nodes.

Document → Annex I clusters A–F (or WIPO sectors) → recommendations; an Annex II branch
with the review recommendations; a cover-note node. Filtering hides recommendations that
do not match but keeps every cluster; group counts follow the filter.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)

from models import names
from models.entities import Cluster, Document, RecommendationSummary, ReviewRecommendation
from models.tree_nodes import Node

_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # every row: computed once
_ENTRY_FLAGS = _ROW_FLAGS | Qt.ItemFlag.ItemNeverHasChildren

TargetRole = Qt.ItemDataRole.UserRole + 1  # "rec:6", "review:3", "cover", "overview", "" for groups
KindRole = Qt.ItemDataRole.UserRole + 2  # node kind
NumberRole = Qt.ItemDataRole.UserRole + 3  # recommendation number (0 if none)
BookmarkedRole = Qt.ItemDataRole.UserRole + 4
ImmediateRole = Qt.ItemDataRole.UserRole + 5

_Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def _NUMBER_SEPARATOR() -> str:  # noqa: N802 - reads as the constant it is, in the UI language
    return QCoreApplication.translate("", ", ", "between numbers")


class RecommendationTreeModel(QAbstractItemModel):
    """One column. Call ``set_visible`` to filter, ``set_grouping`` to switch cluster/sector."""

    def __init__(
        self,
        document: Document,
        clusters: list[Cluster],
        summaries: list[RecommendationSummary],
        reviews: list[ReviewRecommendation],
        sectors: list[str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._clusters = clusters
        self._summaries = summaries
        self._reviews = reviews
        self._sectors = sectors or sorted({s for x in summaries for s in x.sectors})
        self._grouping = "cluster"
        self._visible: set[int] | None = None
        self._visible_reviews: set[int] | None = None
        self._bookmarks: set[str] = set()
        self._row_size: QSize | None = None  # every row's size hint (set_row_height)
        self._root = Node("root")
        self._by_target: dict[str, list[Node]] = {}
        self._role_handlers = self._role_table()
        self._build()

    # --- structure ------------------------------------------------------------------
    def _build(self) -> None:
        root = Node("root")
        doc = root.add(Node("document", self._document.symbol))
        doc.add(Node("cover", "cover"))
        shown = [s for s in self._summaries if self._visible is None or s.number in self._visible]
        annex1 = doc.add(Node("annex1", "annex1"))
        if self._grouping == "sector":
            for sector in self._sectors:
                group = annex1.add(
                    Node("sector", sector, total=sum(sector in s.sectors for s in self._summaries))
                )
                for s in shown:
                    if sector in s.sectors:
                        group.add(Node("rec", summary=s))
        else:
            for cluster in self._clusters:
                group = annex1.add(Node("cluster", cluster.id, total=len(cluster.numbers)))
                for s in shown:
                    if s.cluster == cluster.id:
                        group.add(Node("rec", summary=s))
        annex2 = doc.add(Node("annex2", "annex2", total=len(self._reviews)))
        for rv in self._reviews:
            if self._visible_reviews is None or rv.number in self._visible_reviews:
                annex2.add(Node("review", review=rv))
        self._root = root
        self._by_target = {}
        stack = [root]
        while stack:
            node = stack.pop()
            if node.target:
                self._by_target.setdefault(node.target, []).append(node)
            stack.extend(node.children)

    def _rebuild(self) -> None:
        self.beginResetModel()
        self._build()
        self.endResetModel()

    def set_visible(self, numbers: Iterable[int] | None, reviews: Iterable[int] | None = None) -> None:
        """Show only these recommendations (None: all) and review recommendations (None: all)."""
        new = set(numbers) if numbers is not None else None
        new_rev = set(reviews) if reviews is not None else None
        if new == self._visible and new_rev == self._visible_reviews:
            return
        same_rows = self._rows(new, new_rev) == self._rows(self._visible, self._visible_reviews)
        self._visible, self._visible_reviews = new, new_rev
        if same_rows:  # e.g. a first keystroke that all 45 match: only the group counts change
            self._relabel_groups()
        else:
            self._rebuild()

    def _rows(self, numbers: set[int] | None, reviews: set[int] | None) -> tuple[list[int], list[int]]:
        """The recommendations and review recommendations shown under these filters, in order."""
        return (
            [s.number for s in self._summaries if numbers is None or s.number in numbers],
            [r.number for r in self._reviews if reviews is None or r.number in reviews],
        )

    def _relabel_groups(self) -> None:
        """The rows stay: forget the group rows' labels (their counts) and tell the views, with no reset
        (a reset lays out and repaints the whole tree)."""
        for group in self._root.children[0].children:
            for node in (group, *group.children):
                if node.kind in ("annex1", "cluster", "sector") and node.label is not None:
                    node.label = None
                    index = self.createIndex(node.row(), 0, node)
                    self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])

    def set_grouping(self, grouping: str) -> None:
        if grouping not in ("cluster", "sector") or grouping == self._grouping:
            return
        self._grouping = grouping
        self._rebuild()

    @property
    def grouping(self) -> str:
        return self._grouping

    def set_bookmarks(self, targets: Iterable[str]) -> None:
        new = set(targets)
        changed = new ^ self._bookmarks
        self._bookmarks = new
        for target in changed:
            for node in self._by_target.get(target, []):
                node.label = None
            for index in self.indexes_for(target):
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, BookmarkedRole])

    def retranslate(self) -> None:
        """Labels depend on the UI language: forget those shown and tell the views to ask again. The
        rows stay (no reset: expansion and selection are kept; before any row is shown, nothing to do)."""
        stack, parents = [self._root], []
        while stack:
            node = stack.pop()
            forgot, node.label = node.label is not None, None
            if forgot and node.parent is not None:
                parents.append(node.parent)
            stack.extend(node.children)
        for parent in dict.fromkeys(parents):  # each parent once, in order
            first = self.createIndex(0, 0, parent.children[0])
            self.dataChanged.emit(first, self.createIndex(len(parent.children) - 1, 0, parent.children[-1]))

    def set_row_height(self, height: int) -> None:
        """Every row's height, as its size hint (Qt.SizeHintRole; 0: none, the delegate decides). The view
        sets it, so that no Python delegate has to size rows (ui/tree_view.py says why)."""
        self._row_size = QSize(-1, height) if height > 0 else None

    def shown_count(self) -> int:
        return len(self._rows(self._visible, None)[0])

    def total_count(self) -> int:
        return len(self._summaries)

    # --- lookup ---------------------------------------------------------------------
    def indexes_for(self, target: str) -> list[QModelIndex]:
        return [self.createIndex(n.row(), 0, n) for n in self._by_target.get(target, [])]

    def index_for(self, target: str) -> QModelIndex:
        found = self.indexes_for(target)
        return found[0] if found else QModelIndex()

    def neighbour(self, target: str, step: int) -> str | None:
        """The recommendation (or review) ``step`` places after ``target`` by number, among those
        shown; from any other page, the first (or last) recommendation shown. None at either end."""
        kind, _, num = target.partition(":")
        kind = "review" if kind == "review" else "rec"
        recs, reviews = self._rows(self._visible, self._visible_reviews)
        shown = reviews if kind == "review" else recs
        if not shown:
            return None
        if not num.isdigit():
            return f"{kind}:{shown[0] if step > 0 else shown[-1]}"
        n = int(num)
        later = [x for x in shown if (x > n if step > 0 else x < n)]
        if not later:
            return None
        return f"{kind}:{later[0] if step > 0 else later[-1]}"

    def label_for(self, target: str) -> str:
        """The tree's text for ``target`` (for history lists), or the target itself if not in the tree."""
        nodes = self._by_target.get(target)
        return self._label(nodes[0]) if nodes else target

    def node(self, index: _Index) -> Node:
        return index.internalPointer() or self._root  # an invalid index's pointer is None

    # --- QAbstractItemModel ---------------------------------------------------------
    # The view calls index, parent and rowCount hundreds of times per layout and repaint: each reads the
    # node from the index's pointer once, and no more of the index than it needs.
    def index(self, row: int, column: int = 0, parent: _Index = _NO_PARENT) -> QModelIndex:
        children = (parent.internalPointer() or self._root).children
        if column != 0 or not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, index: _Index = _NO_PARENT) -> QModelIndex:  # type: ignore[override]
        node: Node | None = index.internalPointer()
        up = node.parent if node is not None else None
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row_index, 0, up)

    def rowCount(self, parent: _Index = _NO_PARENT) -> int:
        node: Node | None = parent.internalPointer()
        if node is None:
            return len(self._root.children)
        return len(node.children) if parent.column() == 0 else 0

    def columnCount(self, parent: _Index = _NO_PARENT) -> int:
        return 1

    def flags(self, index: _Index) -> Qt.ItemFlag:
        node: Node | None = index.internalPointer()
        if node is None:
            return Qt.ItemFlag.NoItemFlags
        # an entry never has rows: the view then asks no rowCount for it when it lays out or paints
        return _ENTRY_FLAGS if node.kind in ("rec", "review", "cover") else _ROW_FLAGS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if section == 0 and orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr("Recommendations")
        return None

    def data(self, index: _Index, role: int = _DISPLAY):
        if not index.isValid():
            return None
        node: Node = index.internalPointer()
        if role == _DISPLAY:  # by far the most frequent: cached
            if node.label is None:
                node.label = self._label(node)
            return node.label
        handler = self._role_handlers.get(role)
        return handler(node) if handler is not None else None

    def painted(self, index: _Index) -> tuple[str, bool]:
        """What the tree's delegate draws for a row: its label and whether it is bookmarked (one Python call
        on each row's paint, where two data() calls each went through Qt and back)."""
        node: Node = index.internalPointer()
        if node.label is None:
            node.label = self._label(node)
        return node.label, bool(node.target) and node.target in self._bookmarks

    def _role_table(self) -> dict:
        return {
            int(Qt.ItemDataRole.ToolTipRole): self._tooltip,
            int(Qt.ItemDataRole.AccessibleTextRole): self._spoken,
            int(Qt.ItemDataRole.AccessibleDescriptionRole): self._position,
            TargetRole: lambda n: n.target,
            KindRole: lambda n: n.kind,
            NumberRole: lambda n: n.summary.number if n.summary else (n.review.number if n.review else 0),
            BookmarkedRole: lambda n: bool(n.target) and n.target in self._bookmarks,
            ImmediateRole: lambda n: bool(n.summary and n.summary.immediate),
            int(Qt.ItemDataRole.SizeHintRole): lambda _n: self._row_size,
        }

    def _label(self, node: Node) -> str:
        k = node.kind
        if k == "rec" and node.summary:
            s = node.summary
            star = "★" if s.immediate else ""
            joint = f"[⇄{'、'.join(map(str, s.reported_with))}] " if s.reported_with else ""
            return f"{s.number}{star}  {joint}{s.title}"
        if k == "review" and node.review:
            return f"{node.review.number}  {node.review.title}"
        if k == "cluster":
            title = next((c.title for c in self._clusters if c.id == node.key), "")
            return f"{node.key}  {names.shown(title)} ({self._count(node)})"
        if k == "sector":
            return f"{names.shown(node.key)} ({self._count(node)})"
        if k == "document":
            return self._document.symbol + " · " + tr("Overview")
        if k == "cover":
            return tr("Cover note")
        if k == "annex1":
            label = (
                tr("Annex I · 45 recommendations")
                if self._grouping == "cluster"
                else tr("Annex I · by WIPO sector")
            )
            return f"{label} ({self.shown_count()}/{self.total_count()})"
        if k == "annex2":
            return tr("Annex II · Independent review") + f" ({len(node.children)})"
        return ""

    def _spoken(self, node: Node) -> str:
        """The row as a screen reader should say it: words, not glyphs, separated by commas."""
        parts: list[str]
        if node.kind == "rec" and node.summary:
            s = node.summary
            parts = [tr("Recommendation %1").replace("%1", str(s.number))]
            if s.immediate:
                parts.append(tr("for immediate implementation"))
            if s.reported_with:
                parts.append(
                    tr("reported jointly with %1").replace("%1", _NUMBER_SEPARATOR().join(map(str, s.reported_with)))
                )
            parts.append(s.title)
        elif node.kind == "review" and node.review:
            parts = [tr("Review recommendation %1").replace("%1", str(node.review.number)), node.review.title]
        else:
            parts = [self._label(node).replace("  ", " ")]
        if node.target and node.target in self._bookmarks:
            parts.append(tr("bookmarked"))
        return tr(", ").join(parts)

    def _position(self, node: Node) -> str:
        """Level and parent, which Qt's tree cells do not expose to AT-SPI themselves."""
        level, up = 0, node
        while up.parent is not None and up.parent is not self._root:
            level, up = level + 1, up.parent
        text = tr("level %1").replace("%1", str(level + 1))
        if node.parent is not None and node.parent is not self._root:
            parent = self._label(node.parent) if node.parent.label is None else node.parent.label
            text += tr(", ") + tr("in %1").replace("%1", parent)
        return text

    def _count(self, node: Node) -> str:
        shown = len(node.children)
        return str(shown) if self._visible is None else f"{shown}/{node.total}"

    def _tooltip(self, node: Node) -> str | None:
        if node.summary:
            s = node.summary
            lines = [tr("Recommendation %1").replace("%1", str(s.number)) + f" · {s.title}"]
            if s.immediate:
                lines.append(tr("★ for immediate implementation"))
            if node.target in self._bookmarks:
                lines.append(tr("Bookmarked"))
            if s.reported_with:
                lines.append(
                    tr("Reported jointly with recommendations %1").replace(
                        "%1", "、".join(map(str, s.reported_with))
                    )
                )
            return "\n".join(lines)
        if node.review:
            mark = "\n" + tr("Bookmarked") if node.target in self._bookmarks else ""
            return node.review.text[:200] + mark
        return self._label(node) or None  # group rows: the whole label, however narrow the tree
