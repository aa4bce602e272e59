"""Search results grouped by recommendation: a flat list of each group's header row and its hits
(one per matching section). ``SnippetRole`` keeps the \\x02…\\x03 match markers for the delegate,
DisplayRole is plain text.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import (
    QAbstractListModel,
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

TargetRole = Qt.ItemDataRole.UserRole + 1
SectionRole = Qt.ItemDataRole.UserRole + 2
SnippetRole = Qt.ItemDataRole.UserRole + 3
IsGroupRole = Qt.ItemDataRole.UserRole + 4

_Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()


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
    """One recommendation's hits: its header row and the hit rows under it."""

    __slots__ = ("target", "kind", "number", "row", "hits")

    def __init__(self, target: str, kind: str, number: int) -> None:
        self.target, self.kind, self.number = target, kind, number
        self.row = 0  # its header's row
        self.hits: list[SearchHit] = []


class SearchResultModel(QAbstractListModel):
    """The hits grouped by recommendation, as one flat list: each group's header row, then its hits.

    Flat, not a two-level tree: a view lays a tree out by expanding every group, asking the model about
    each row twice more, which for a one-character query (~40 groups, ~100 hits) took longer than the
    rest of the list's update. A list model also answers ``index``, ``parent`` and ``flags`` in Qt's
    C++, so only ``rowCount`` and ``data`` come back to Python."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[_Group] = []
        self._hits: list[SearchHit | None] = []  # per row: its hit, None on a group's header row
        self._owners: list[_Group] = []  # per row: its group
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
                group = groups[target] = _Group(target, hit.kind, hit.number)
            group.hits.append(hit)
        rows: list[SearchHit | None] = []
        owners: list[_Group] = []
        for group in groups.values():
            group.hits.sort(key=lambda h: order.get(h.section, 99))
            group.row = len(rows)
            rows.append(None)
            rows.extend(group.hits)
            owners.extend([group] * (len(group.hits) + 1))
        self.beginResetModel()
        self._groups, self._hits, self._owners = list(groups.values()), rows, owners
        self.endResetModel()

    def clear(self) -> None:
        self.set_hits([])

    def group_count(self) -> int:
        return len(self._groups)

    def hit_count(self) -> int:
        return len(self._hits) - len(self._groups)

    def hit_at(self, index: _Index) -> SearchHit | None:
        """The hit a row shows; None for a group's header row (the delegate's one call per row it sizes
        or paints)."""
        return self._hits[index.row()]

    def targets(self) -> list[str]:
        return [g.target for g in self._groups]

    def group_rows(self) -> list[int]:
        """The rows of the groups' headers, in order."""
        return [g.row for g in self._groups]

    def first_hit(self) -> QModelIndex:
        """The first hit's row (what Enter in the search box opens); invalid when there are none."""
        return self.index(1) if self._groups else QModelIndex()

    # --- QAbstractListModel ---------------------------------------------------------
    def rowCount(self, parent: _Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        """The (hidden) column header, which screen readers announce: a name, not Qt's default "1"."""
        if section == 0 and orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr("Search results")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = index.row()
        hit, group = self._hits[row], self._owners[row]
        if role == TargetRole:
            return group.target
        if role == IsGroupRole:
            return hit is None
        if hit is None:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self._group_label(group)
            if role == SectionRole:
                return group.hits[0].section if group.hits else ""
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{section_label(hit.section)}: {plain_snippet(hit.snippet)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_snippet(hit.snippet)
        if role == SectionRole:
            return hit.section
        if role == SnippetRole:
            return hit.snippet
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
