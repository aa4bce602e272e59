"""Adapter between the window and the bookmark store (models/bookmarks.py).

When the store file is refused, nothing is bookmarked and ``error`` says why. Targets are the
window's location strings (models.target: ``rec:6``, ``review:3``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from models.target import Target

if TYPE_CHECKING:  # the store's modules load with the store, after the first paint
    from models.note_drafts import NoteDrafts


def target_key(target: str) -> tuple[str, int] | None:
    """``rec:6`` -> ("recommendation", 6); None for pages that take no bookmark (overview, cover)."""
    return Target.parse(target).bookmark_key


class BookmarkBridge(QObject):
    changed = Signal()

    def __init__(self, edition: tuple[str, str] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = None
        self.notifier = None
        self.error = ""
        self._edition = edition

    def open(self) -> None:
        """Open the per-user store (deferred until after the window's first paint)."""
        if self.store is not None:
            return
        from models.bookmark_signals import BookmarkNotifier
        from models.bookmarks import BookmarkStore

        edition = self._edition
        try:
            self.store = BookmarkStore(edition=edition) if edition else BookmarkStore()
        except Exception as exc:  # StoreTooNewError, StoreUnavailableError: user-facing text
            self.error = str(exc)
            return
        if self.store.recovery is not None:
            self.error = self.store.recovery.message()
        if self.read_only:
            from models.bookmarks import read_only_message

            self.error = read_only_message(self.store.path)
        self.notifier = BookmarkNotifier(self.store, self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)
        self.notifier.changed.connect(lambda *_: self.changed.emit())

    @property
    def available(self) -> bool:
        return self.store is not None

    @property
    def read_only(self) -> bool:
        """The store is shown but cannot be changed (the file or its folder is read-only)."""
        return self.store is not None and self.store.read_only

    @property
    def drafts(self) -> NoteDrafts | None:
        """The window's note text the store has not accepted yet (None without a store)."""
        return self.notifier.drafts if self.notifier else None

    def _open_store(self):
        """The store, unless there is none or it is closing."""
        return self.store if self.store is not None and not self.store.closed else None

    def is_bookmarked(self, target: str) -> bool:
        key, store = target_key(target), self._open_store()
        return bool(store and key and store.is_bookmarked(*key))

    def note(self, target: str) -> str:
        key, store = target_key(target), self._open_store()
        return store.note(*key) if store and key else ""

    def toggle(self, target: str) -> bool:
        key = target_key(target)
        if not (self.store and key):
            return False
        return bool(self.store.toggle(*key))

    def numbers(self) -> set[int]:
        store = self._open_store()
        return set(store.numbers("recommendation")) if store else set()

    def targets(self) -> set[str]:
        store = self._open_store()
        if not store:
            return set()
        return {str(Target.from_bookmark(kind, n)) for kind in ("recommendation", "review")
                for n in store.numbers(kind)}

    def close(self) -> None:
        """Release the store (the window is closing); later queries see no bookmarks."""
        if self.notifier:
            self.notifier.detach()
            self.notifier = None
        if self.store:
            self.store.close()
            self.store = None
