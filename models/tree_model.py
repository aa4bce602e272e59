"""The recommendation tree: plain Python nodes, shown through a filtering proxy over Qt's own item model.

Document → Annex I clusters A–F (or WIPO sectors) → recommendations; an Annex II branch
with the review recommendations; a cover-note node. Filtering hides recommendations that
do not match but keeps every cluster; group counts follow the filter.

The rows' structure lives in a QStandardItemModel (each item carries its Node) and the filter is a regular
expression over each row's key, so the view's ~500 index/parent/rowCount/flags calls per repaint stay in
C++: with a Python QAbstractItemModel they made ~60 % of a repaint after each keystroke. What a row shows
comes from its Node (``data``), in Python as before.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel

from models import names
from models.entities import Cluster, Document, RecommendationSummary, ReviewRecommendation
from models.target import Target

_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # every row: computed once

TargetRole = Qt.ItemDataRole.UserRole + 1  # "rec:6", "review:3", "cover", "overview", "" for groups
KindRole = Qt.ItemDataRole.UserRole + 2  # node kind
NumberRole = Qt.ItemDataRole.UserRole + 3  # recommendation number (0 if none)
BookmarkedRole = Qt.ItemDataRole.UserRole + 4
ImmediateRole = Qt.ItemDataRole.UserRole + 5
_NODE = Qt.ItemDataRole.UserRole + 6  # on each item: its Node
_KEY = Qt.ItemDataRole.UserRole + 7  # on each item: what the filter matches ("rec:6", "review:3", "*" for the rest)

_Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def _NUMBER_SEPARATOR() -> str:  # noqa: N802 - reads as the constant it is, in the UI language
    return QCoreApplication.translate("", ", ", "between numbers")


class Node:
    """One row of the tree: its kind and key, its parent and children, and what it shows."""

    __slots__ = ("kind", "key", "parent", "children", "summary", "review", "total", "row_index", "label",
                 "target", "item")

    def __init__(
        self,
        kind: str,  # document | annex1 | cluster | sector | rec | annex2 | review | cover
        key: str = "",
        summary: RecommendationSummary | None = None,
        review: ReviewRecommendation | None = None,
        total: int = 0,
    ) -> None:
        self.kind, self.key, self.summary, self.review, self.total = kind, key, summary, review, total
        self.parent: Node | None = None
        self.children: list[Node] = []
        self.row_index = 0
        self.label: str | None = None  # display text, cached until the counts or the language change
        self.target = self._target()  # asked for on every paint of the row (BookmarkedRole): made once
        self.item: QStandardItem | None = None  # its row in the item model

    def filter_key(self) -> str:
        if self.kind == "rec" and self.summary:
            return f"rec:{self.summary.number}"
        if self.kind == "review" and self.review:
            return f"review:{self.review.number}"
        return "*"  # groups and pages: always shown

    def add(self, child: Node) -> Node:
        child.parent = self
        child.row_index = len(self.children)
        self.children.append(child)
        return child

    def row(self) -> int:
        return self.row_index

    def _target(self) -> str:
        if self.kind == "rec" and self.summary:
            return str(Target.rec(self.summary.number))
        if self.kind == "review" and self.review:
            return str(Target.review(self.review.number))
        if self.kind in ("cluster", "sector"):
            return f"{self.kind}:{self.key}"  # a page listing the group's recommendations
        return {"document": "overview", "cover": "cover", "annex1": "overview", "annex2": "annex2"}.get(
            self.kind, ""
        )


class RecommendationTreeModel(QSortFilterProxyModel):
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
        self.setFilterRole(_KEY)
        self._build()

    # --- structure ------------------------------------------------------------------
    def _build(self) -> None:
        """Every row (filtering only hides), as nodes and as a new item model: a reset for the views."""
        root = Node("root")
        doc = root.add(Node("document", self._document.symbol))
        doc.add(Node("cover", "cover"))
        annex1 = doc.add(Node("annex1", "annex1"))
        if self._grouping == "sector":
            for sector in self._sectors:
                group = annex1.add(Node("sector", sector, total=sum(sector in s.sectors for s in self._summaries)))
                for s in self._summaries:
                    if sector in s.sectors:
                        group.add(Node("rec", summary=s))
        else:
            for cluster in self._clusters:
                group = annex1.add(Node("cluster", cluster.id, total=len(cluster.numbers)))
                for s in self._summaries:
                    if s.cluster == cluster.id:
                        group.add(Node("rec", summary=s))
        annex2 = doc.add(Node("annex2", "annex2", total=len(self._reviews)))
        for rv in self._reviews:
            annex2.add(Node("review", review=rv))
        self._root = root
        self._by_target = {}
        items = QStandardItemModel(self)
        stack = [(root, items.invisibleRootItem())]
        while stack:
            node, parent_item = stack.pop()
            for child in node.children:
                item = child.item = QStandardItem()
                item.setFlags(_ROW_FLAGS)
                item.setData(child, _NODE)
                item.setData(child.filter_key(), _KEY)
                parent_item.appendRow(item)
                if child.target:
                    self._by_target.setdefault(child.target, []).append(child)
                stack.append((child, item))
        old = self.sourceModel()
        self.setFilterRegularExpression(self._filter())
        self.setSourceModel(items)
        if old is not None:
            old.deleteLater()

    def _filter(self) -> QRegularExpression:
        """Matches the keys of the rows shown: groups and pages always, entries when the filter keeps them."""
        if self._visible is None and self._visible_reviews is None:
            return QRegularExpression()  # empty: every row

        def numbers(wanted: set[int] | None) -> str:
            return r"\d+" if wanted is None else "|".join(map(str, sorted(wanted))) or "(?!)"  # (?!): none

        recs, reviews = numbers(self._visible), numbers(self._visible_reviews)
        return QRegularExpression(rf"^(?:\*|rec:(?:{recs})|review:(?:{reviews}))$")

    def _shown(self, node: Node) -> bool:
        if node.kind == "rec" and node.summary:
            return self._visible is None or node.summary.number in self._visible
        if node.kind == "review" and node.review:
            return self._visible_reviews is None or node.review.number in self._visible_reviews
        return True

    def set_visible(self, numbers: Iterable[int] | None, reviews: Iterable[int] | None = None) -> None:
        """Show only these recommendations (None: all) and review recommendations (None: all). The rows
        that stay are not reset (a first keystroke that all 45 match only changes the group counts)."""
        new = set(numbers) if numbers is not None else None
        new_rev = set(reviews) if reviews is not None else None
        if new == self._visible and new_rev == self._visible_reviews:
            return
        self._visible, self._visible_reviews = new, new_rev
        self.setFilterRegularExpression(self._filter())  # rows removed and inserted as needed
        self._relabel_groups()

    def _relabel_groups(self) -> None:
        """Forget the group rows' labels (their counts) and tell the views."""
        for group in self._root.children[0].children:
            for node in (group, *group.children):
                if node.kind in ("annex1", "annex2", "cluster", "sector") and node.label is not None:
                    node.label = None
                    index = self.mapFromSource(node.item.index())
                    self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])

    def set_grouping(self, grouping: str) -> None:
        if grouping not in ("cluster", "sector") or grouping == self._grouping:
            return
        self._grouping = grouping
        self._build()

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
            index = self.mapFromSource(parent.item.index()) if parent.item is not None else QModelIndex()
            if (rows := self.rowCount(index)) and (parent.item is None or index.isValid()):
                self.dataChanged.emit(self.index(0, 0, index), self.index(rows - 1, 0, index))

    def set_row_height(self, height: int) -> None:
        """Every row's height, as its size hint (Qt.SizeHintRole; 0: none, the delegate decides). The view
        sets it, so that no Python delegate has to size rows (ui/tree_view.py says why)."""
        self._row_size = QSize(-1, height) if height > 0 else None

    def shown_count(self) -> int:
        return sum(1 for s in self._summaries if self._visible is None or s.number in self._visible)

    def total_count(self) -> int:
        return len(self._summaries)

    # --- lookup ---------------------------------------------------------------------
    def indexes_for(self, target: str) -> list[QModelIndex]:
        """The rows showing ``target`` (none while the filter hides it)."""
        found = (self.mapFromSource(n.item.index()) for n in self._by_target.get(target, []) if n.item is not None)
        return [index for index in found if index.isValid()]

    def index_for(self, target: str) -> QModelIndex:
        found = self.indexes_for(target)
        return found[0] if found else QModelIndex()

    def neighbour(self, target: str, step: int) -> str | None:
        """The recommendation (or review) ``step`` places after ``target`` by number, among those
        shown; from any other page, the first (or last) recommendation shown. None at either end."""
        kind, _, num = target.partition(":")
        if kind == "review":
            wanted = self._visible_reviews
            shown = [r.number for r in self._reviews if wanted is None or r.number in wanted]
        else:
            kind = "rec"
            shown = [s.number for s in self._summaries if self._visible is None or s.number in self._visible]
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
        if not index.isValid():
            return self._root
        return QSortFilterProxyModel.data(self, index, _NODE) or self._root

    # --- what the rows show (index, parent, rowCount and flags are Qt's) --------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if section == 0 and orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr("Recommendations")
        return None

    def data(self, index: _Index, role: int = _DISPLAY):
        node: Node | None = QSortFilterProxyModel.data(self, index, _NODE) if index.isValid() else None
        if node is None:
            return None
        if role == _DISPLAY:  # by far the most frequent: cached
            if node.label is None:
                node.label = self._label(node)
            return node.label
        handler = self._role_handlers.get(role)
        return handler(node) if handler is not None else None

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
            return tr("Annex II · Independent review") + f" ({sum(map(self._shown, node.children))})"
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
        shown = sum(map(self._shown, node.children))
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
