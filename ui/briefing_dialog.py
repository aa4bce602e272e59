"""Choose the recommendations of a briefing pack (bookmarked ones preselected)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

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


class BriefingDialog(QDialog):
    """A checkable list of the 45 recommendations with "all", "bookmarked" and "none" shortcuts."""

    def __init__(self, repo: object, checked: Iterable[int], bookmarked: Sequence[int] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Briefing Pack"))
        self._bookmarked = set(bookmarked)
        checked = set(checked)
        self.list = QListWidget(self)
        for s in repo.summaries():  # type: ignore[attr-defined]
            star = " ★" if s.immediate else ""
            mark = " ⚑" if s.number in self._bookmarked else ""
            label = self.tr("Recommendation %1").replace("%1", str(s.number))
            item = QListWidgetItem(f"{label}{star}{mark}  {s.title}")
            item.setData(Qt.ItemDataRole.UserRole, s.number)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if s.number in checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.count = QLabel(self)
        self.list.itemChanged.connect(self._update)
        shortcuts = QHBoxLayout()
        for label, numbers in (
            (self.tr("All"), None),
            (self.tr("Bookmarked"), self._bookmarked),
            (self.tr("None"), set()),
        ):
            button = QPushButton(label, self)
            button.clicked.connect(lambda _=False, n=numbers: self.check(n))
            button.setEnabled(numbers is not self._bookmarked or bool(self._bookmarked))
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

    def check(self, numbers: set[int] | None) -> None:
        """Check exactly ``numbers`` (None: all)."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            on = numbers is None or item.data(Qt.ItemDataRole.UserRole) in numbers
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def selected(self) -> list[int]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _update(self, *_: object) -> None:
        n = len(self.selected())
        self.count.setText(self.tr("%n selected", "", n))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(n > 0)
