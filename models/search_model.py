"""Search results grouped by recommendation (top level) and section (children).

Rows under a group are the hits; ``SnippetRole`` keeps the \\x02…\\x03 match markers for
the delegate, DisplayRole is plain text.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from models.entities import SECTIONS, SearchHit
from models.markdown_html import plain_snippet
from models.page_html import section_title
from models.target import Target

_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # every row: computed once
_HIT_FLAGS = _ROW_FLAGS | Qt.ItemFlag.ItemNeverHasChildren

TargetRole = Qt.ItemDataRole.UserRole + 1
SectionRole = Qt.ItemDataRole.UserRole + 2
SnippetRole = Qt.ItemDataRole.UserRole + 3
IsGroupRole = Qt.ItemDataRole.UserRole + 4

_Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()


class _Top:
    """Internal pointer of top-level (group) rows; hit rows point at their group."""


_TOP = _Top()


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


@functools.cache
def _target(kind: str, number: int) -> str:
    return "cover" if kind == "cover" else str(Target.from_bookmark(kind, number))  # the same two kinds


def hit_target(hit: SearchHit) -> str:
    return _target(hit.kind, hit.number)


def section_label(key: str) -> str:
    return section_title(key, short=True)


class _Group:
    """One recommendation's hits (the first level of the model)."""

    __slots__ = ("target", "kind", "number", "row", "hits")

    def __init__(self, target: str, kind: str, number: int, row: int) -> None:
        self.target, self.kind, self.number, self.row = target, kind, number, row
        self.hits: list[SearchHit] = []


class SearchResultModel(QAbstractItemModel):
    """Two levels: group (one per recommendation) → hit (section + snippet)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[_Group] = []
        self._titles: dict[str, str] = {}

    def set_titles(self, titles: dict[str, str]) -> None:
        """Short titles by target, shown next to the group's number."""
        self._titles = dict(titles)

    def set_hits(self, hits: list[SearchHit], allowed: set[str] | None = None) -> None:
        """Replace the results; ``allowed`` restricts to these targets (facet filters)."""
        order = {k: i for i, k in enumerate(SECTIONS)}
        groups: dict[str, _Group] = {}
        for hit in hits:
            target = hit_target(hit)
            if allowed is not None and target not in allowed:
                continue
            group = groups.get(target)
            if group is None:
                group = groups[target] = _Group(target, hit.kind, hit.number, len(groups))
            group.hits.append(hit)
        for group in groups.values():
            group.hits.sort(key=lambda h: order.get(h.section, 99))
        self.beginResetModel()
        self._groups = list(groups.values())
        self.endResetModel()

    def clear(self) -> None:
        self.set_hits([])

    def group_count(self) -> int:
        return len(self._groups)

    def hit_count(self) -> int:
        return sum(len(g.hits) for g in self._groups)

    def hit_at(self, index: _Index) -> SearchHit | None:
        """The hit a row shows; None for a group row (the delegate's one call per row it sizes or paints)."""
        group = index.internalPointer()
        return None if group is None or group is _TOP else group.hits[index.row()]

    def targets(self) -> list[str]:
        return [g.target for g in self._groups]

    # --- QAbstractItemModel ---------------------------------------------------------
    # The view calls index and rowCount for every row at each reset (expandAll lays all of them out):
    # each reads the index's pointer once (None: the top level, _TOP: a group, a _Group: a hit).
    def index(self, row: int, column: int = 0, parent: _Index = _NO_PARENT) -> QModelIndex:
        owner = parent.internalPointer()
        if owner is None:
            if column == 0 and 0 <= row < len(self._groups):
                return self.createIndex(row, 0, _TOP)
        elif owner is _TOP and column == 0:
            group = self._groups[parent.row()]
            if 0 <= row < len(group.hits):
                return self.createIndex(row, 0, group)
        return QModelIndex()

    def parent(self, index: _Index = _NO_PARENT) -> QModelIndex:  # type: ignore[override]
        group = index.internalPointer()
        if group is None or group is _TOP:
            return QModelIndex()
        return self.createIndex(group.row, 0, _TOP)

    def rowCount(self, parent: _Index = _NO_PARENT) -> int:
        owner = parent.internalPointer()
        if owner is None:
            return len(self._groups)
        if owner is not _TOP or parent.column() != 0:
            return 0
        return len(self._groups[parent.row()].hits)

    def columnCount(self, parent: _Index = _NO_PARENT) -> int:
        return 1

    def flags(self, index: _Index) -> Qt.ItemFlag:
        owner = index.internalPointer()
        if owner is None:
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS if owner is _TOP else _HIT_FLAGS  # a hit never has rows: the view asks no further

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        """The (hidden) column header, which screen readers announce: a name, not Qt's default "1"."""
        if section == 0 and orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr("Search results")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        group = index.internalPointer()
        if group is _TOP:
            g = self._groups[index.row()]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self._group_label(g)
            if role == TargetRole:
                return g.target
            if role == IsGroupRole:
                return True
            if role == SectionRole:
                return g.hits[0].section if g.hits else ""
            return None
        hit = group.hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{section_label(hit.section)}: {plain_snippet(hit.snippet)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_snippet(hit.snippet)
        if role == TargetRole:
            return group.target
        if role == SectionRole:
            return hit.section
        if role == SnippetRole:
            return hit.snippet
        if role == IsGroupRole:
            return False
        return None

    def _group_label(self, g: _Group) -> str:
        if g.kind == "recommendation":
            head = tr("Recommendation %1").replace("%1", str(g.number))
        elif g.kind == "review":
            head = tr("Review recommendation %1").replace("%1", str(g.number))
        else:
            head = tr("Cover note")
        title = self._titles.get(g.target, "")
        return f"{head} · {title} ({len(g.hits)})" if title else f"{head} ({len(g.hits)})"
