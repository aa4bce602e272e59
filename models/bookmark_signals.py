"""QtCore wrapper around BookmarkStore: one ``changed`` signal for the tree, detail pane and facets."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from models.bookmarks import BookmarkStore
from models.note_drafts import NoteDrafts


class BookmarkNotifier(QObject):
    """Re-emits store changes as ``changed(kind, number)``; ("", 0) means "reload everything".

    Also polls the file now and then so changes made by another running instance show up, and
    holds the window's unsaved note drafts (``drafts``), shared by every note editor.
    """

    changed = Signal(str, int)

    def __init__(self, store: BookmarkStore, parent: QObject | None = None, poll_ms: int = 2000) -> None:
        super().__init__(parent)
        self.store = store
        self.drafts = NoteDrafts(store, self)
        self._unsubscribe = store.subscribe(self.changed.emit)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._poll)
        if poll_ms > 0:
            self._timer.start(poll_ms)

    def _poll(self) -> None:
        if not self.store.closed:
            self.store.poll_external()

    def detach(self) -> None:
        self._timer.stop()
        self._unsubscribe()
        self.drafts.detach()
