"""The bookmarks panel (dock content): bookmarked entries with notes edited in place, export/import.

Each row's note is a NoteEditor (ui/note_editor.py): it saves itself, keeps text the store
refuses, and never overwrites text the user is editing when another window changes the note.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.bookmark_io import ImportRejected, export_csv, export_json, import_file, valid_numbers_from_repo
from models.bookmark_signals import BookmarkNotifier
from models.bookmarks import Bookmark, BookmarkStoreError
from ui.file_dialogs import open_file, save_file
from ui.messages import Icon, message_box, show_message
from ui.note_editor import NoteEditor

if TYPE_CHECKING:
    from models.repository import ContentRepository


class _Row(QFrame):
    """One bookmark: title (opens it), date added, remove button, and its note (a NoteEditor)."""

    def __init__(self, panel: BookmarksPanel, bookmark: Bookmark, title: str) -> None:
        super().__init__(panel.rows_host)
        self.panel, self.kind, self.number = panel, bookmark.kind, bookmark.number
        self.setObjectName("bookmarkRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title.linkActivated.connect(lambda _: self.open())
        self.set_title(title)
        self.remove_button = QToolButton(self)
        self.remove_button.setText("✕")
        self.remove_button.clicked.connect(lambda: panel.remove(self.kind, self.number))
        self.added = QLabel(self)
        self.added.setEnabled(False)  # greyed: secondary information
        self.note = NoteEditor(panel.drafts, self)
        self.note.load(self.kind, self.number)
        self.editor, self.state = self.note.editor, self.note.state
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.added)
        self.set_created(bookmark.created)
        self.remove_button.setEnabled(not panel.store.read_only)  # the note editor is read-only too
        self.retranslate()

    def set_title(self, title: str) -> None:
        head, _, rest = title.partition("  ")
        self.title.setText(f'<a href="open" style="font-weight:bold;text-decoration:none">{html.escape(head)}</a>'
                           f" {html.escape(rest)}")
        self.title.setToolTip(title)

    def open(self) -> None:
        self.panel.openRequested.emit(self.kind, self.number)

    @property
    def dirty(self) -> bool:
        return self.note.dirty

    def set_created(self, created: str) -> None:
        self.created = created
        self.added.setText(self.tr("Added %1").replace("%1", created[:10]))

    def retranslate(self) -> None:
        self.remove_button.setToolTip(self.tr("Remove bookmark (the note is kept if you bookmark it again)"))

    def update_from(self, bookmark: Bookmark) -> None:
        """Show a change made elsewhere, unless this row holds an unsaved edit of the note."""
        self.set_created(bookmark.created)
        self.note.reload()

    def save(self) -> bool:
        """Write the note now if it changed; True when the store holds what the editor shows."""
        return self.note.save()


class BookmarksPanel(QWidget):
    """Bookmarked recommendations and review recommendations, sorted by number or by date added."""

    openRequested = Signal(str, int)  # kind, number

    def __init__(self, notifier: BookmarkNotifier, repo: ContentRepository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarksPanel")
        self.notifier, self.store, self.repo = notifier, notifier.store, repo
        self.drafts = notifier.drafts
        self.rows: dict[tuple[str, int], _Row] = {}
        self.sort = QComboBox(self)
        self.sort.currentIndexChanged.connect(self.refresh)
        self.count = QLabel(self)
        self.rows_host = QWidget(self)
        self.rows_layout = QVBoxLayout(self.rows_host)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.addStretch(1)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.rows_host)
        self.export_button = QPushButton(self)
        self.export_menu = QMenu(self)
        self.export_json = self.export_menu.addAction("JSON…", lambda: self.export("json"))
        self.export_csv = self.export_menu.addAction("CSV…", lambda: self.export("csv"))
        self.export_button.setMenu(self.export_menu)
        self.import_button = QPushButton(self)
        self.import_button.clicked.connect(lambda: self.import_from())
        self.pack_button = QPushButton(self)
        self.pack_button.clicked.connect(self.briefing_pack)
        self.import_button.setEnabled(not self.store.read_only)
        head = QHBoxLayout()
        head.addWidget(self.sort, 1)
        head.addWidget(self.count)
        foot = QHBoxLayout()
        for button in (self.export_button, self.import_button, self.pack_button):
            foot.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(head)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        layout.addLayout(foot)
        self._titles = {("recommendation", s.number): s for s in repo.summaries()}
        self._reviews = {("review", r.number): r for r in repo.reviews()}
        notifier.changed.connect(lambda *_: self.refresh())
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush)
        self.retranslate()

    # --- content ------------------------------------------------------------------
    def title(self, kind: str, number: int) -> str:
        if kind == "recommendation":
            s = self._titles.get((kind, number))
            head = self.tr("Recommendation %1").replace("%1", str(number)) + (" ★" if s and s.immediate else "")
            return f"{head}  {s.title}" if s else head
        r = self._reviews.get((kind, number))
        head = self.tr("Review recommendation %1").replace("%1", str(number))
        return f"{head}  {r.title}" if r else head

    def refresh(self) -> None:
        """Rebuild the list from the store, keeping rows (and unsaved edits) that still exist."""
        if self.store.closed:  # the window is closing
            return
        order = "created" if self.sort.currentIndex() == 1 else "number"
        bookmarks = self.store.list(order=order)
        keys = [(b.kind, b.number) for b in bookmarks]
        for key in [k for k in self.rows if k not in keys]:
            row = self.rows.pop(key)
            row.setParent(None)
            row.deleteLater()
        for index, b in enumerate(bookmarks):
            row = self.rows.get((b.kind, b.number))
            if row is None:
                row = self.rows[(b.kind, b.number)] = _Row(self, b, self.title(b.kind, b.number))
            else:
                row.update_from(b)
            self.rows_layout.insertWidget(index, row)
        self.count.setText(self.tr("%n bookmark(s)", "", len(bookmarks)))
        self.empty.setVisible(not bookmarks)
        self.pack_button.setEnabled(any(k == "recommendation" for k, _ in keys))

    def flush(self) -> bool:
        """Save every pending note now (before closing); True if all are saved."""
        return all([row.save() for row in self.rows.values()])

    def remove(self, kind: str, number: int) -> bool:
        """Un-bookmark (the note is kept); a store that refuses says so. True when removed."""
        row = self.rows.get((kind, number))
        if row is not None:
            row.save()
        try:
            return self.store.remove(kind, number)
        except BookmarkStoreError as exc:
            box = message_box(self, Icon.Warning, self.tr("Bookmark not removed"), str(exc))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            return False

    # --- export / import / briefing pack ----------------------------------------------
    def export(self, fmt: str, path: str | None = None) -> int | None:
        self.flush()
        if path is None:
            pattern = self.tr("JSON files (*.json)") if fmt == "json" else self.tr("CSV files (*.csv)")
            path, _ = save_file(self, self.tr("Export Bookmarks"), f"bookmarks.{fmt}", pattern)
            if not path:
                return None
        try:
            count = (export_json if fmt == "json" else export_csv)(self.store, path)
        except OSError as exc:
            show_message(self, Icon.Warning, self.tr("Export Bookmarks"), str(exc))
            return None
        self.count.setText(self.tr("Exported %n bookmark(s)", "", count))
        return count

    def import_from(self, path: str | None = None, quiet: bool = False) -> str:
        """Merge a JSON or CSV export; returns the message shown (the summary or why it was rejected)."""
        self.flush()
        if path is None:
            path = open_file(self, self.tr("Import Bookmarks"), self.tr("Bookmark exports (*.json *.csv)"))
            if not path:
                return ""
        try:
            result = import_file(self.store, path, valid_numbers_from_repo(self.repo))
        except ImportRejected as exc:
            message = str(exc)
            if not quiet:
                show_message(self, Icon.Warning, self.tr("Import Bookmarks"), message)
            return message
        except BookmarkStoreError as exc:
            message = str(exc)
            if not quiet:
                show_message(self, Icon.Warning, self.tr("Import Bookmarks"), message)
            return message
        message = result.message()
        if not quiet:
            show_message(self, Icon.Information, self.tr("Import Bookmarks"), message)
        return message

    def briefing_pack(self) -> None:
        self.flush()
        from ui.printing import export_briefing_pack

        marked = sorted(self.store.numbers("recommendation"))
        export_briefing_pack(self, self.repo, marked, self.store)

    # --- language -----------------------------------------------------------------
    def retranslate(self) -> None:
        index = max(self.sort.currentIndex(), 0)
        self.sort.blockSignals(True)
        self.sort.clear()
        self.sort.addItems([self.tr("Sort by number"), self.tr("Sort by date added (newest first)")])
        self.sort.setCurrentIndex(index)
        self.sort.blockSignals(False)
        self.empty.setText(self.tr("No bookmarks yet. Press Ctrl+D or click the bookmark button "
                                   "to bookmark the recommendation shown."))
        self.export_button.setText(self.tr("Export"))
        self.import_button.setText(self.tr("Import…"))
        self.pack_button.setText(self.tr("Briefing Pack…"))
        for row in self.rows.values():
            row.set_title(self.title(row.kind, row.number))
            row.retranslate()
            row.set_created(row.created)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
