"""Choose the recommendations of a briefing pack (bookmarked ones preselected)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.actions import icon

if TYPE_CHECKING:
    from models.repository import ContentRepository

REVIEW_ROLE = Qt.ItemDataRole.UserRole + 1  # True on Annex II rows


class BriefingDialog(QDialog):
    """A checkable list of the 45 recommendations and the Annex II review recommendations, with
    "all", "bookmarked" and "none" shortcuts."""

    def __init__(self, repo: ContentRepository, checked: Iterable[int], bookmarked: Sequence[int] = (),
                 parent: QWidget | None = None, reviews_checked: Iterable[int] = (),
                 reviews_bookmarked: Sequence[int] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Briefing Pack"))
        self._bookmarked = set(bookmarked)
        self._bookmarked_reviews = set(reviews_bookmarked)
        checked, reviews_checked = set(checked), set(reviews_checked)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Recommendations in the briefing pack"))
        bookmark = icon("bookmark")
        for s in repo.summaries():
            star = " ★" if s.immediate else ""
            label = self.tr("Recommendation %1").replace("%1", str(s.number))
            item = QListWidgetItem(f"{label}{star}  {s.title}")
            if s.number in self._bookmarked:
                item.setIcon(bookmark)
            item.setData(Qt.ItemDataRole.UserRole, s.number)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if s.number in checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        for rv in repo.reviews():
            label = self.tr("Annex II · Review recommendation %1").replace("%1", str(rv.number))
            item = QListWidgetItem(f"{label}  {rv.title}")
            if rv.number in self._bookmarked_reviews:
                item.setIcon(bookmark)
            item.setData(Qt.ItemDataRole.UserRole, rv.number)
            item.setData(REVIEW_ROLE, True)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if rv.number in reviews_checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.count = QLabel(self)
        self.list.itemChanged.connect(self._update)
        shortcuts = QHBoxLayout()
        for label, numbers in (
            (self.tr("All"), None),
            (self.tr("Bookmarked"), (self._bookmarked, self._bookmarked_reviews)),
            (self.tr("None"), set()),
        ):
            button = QPushButton(label, self)
            button.clicked.connect(lambda _=False, n=numbers: self.check(n))
            button.setEnabled(not isinstance(numbers, tuple) or any(numbers))
            shortcuts.addWidget(button)
        shortcuts.addStretch(1)
        shortcuts.addWidget(self.count)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Each recommendation starts on a new page, after a cover and a table "
                                        "of contents."), self))
        layout.addWidget(self.list, 1)
        layout.addLayout(shortcuts)
        layout.addWidget(self.buttons)
        self.resize(560, 640)
        self._update()

    def check(self, numbers: set[int] | tuple[set[int], set[int]] | None) -> None:
        """Check exactly ``numbers`` (None: all; a pair: recommendations and review recommendations)."""
        recs, reviews = numbers if isinstance(numbers, tuple) else (numbers, set())
        for i in range(self.list.count()):
            item = self.list.item(i)
            wanted = reviews if item.data(REVIEW_ROLE) else recs
            on = numbers is None or item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _checked(self, reviews: bool) -> list[int]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
            and bool(self.list.item(i).data(REVIEW_ROLE)) == reviews
        ]

    def selected(self) -> list[int]:
        """The recommendations checked."""
        return self._checked(False)

    def selected_reviews(self) -> list[int]:
        """The Annex II review recommendations checked."""
        return self._checked(True)

    def _update(self, *_: object) -> None:
        n = len(self.selected()) + len(self.selected_reviews())
        self.count.setText(self.tr("%n selected", "", n))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(n > 0)
