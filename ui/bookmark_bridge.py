"""Adapter between the window and the bookmark store (models/bookmarks.py).

When the store file is refused, nothing is bookmarked and ``error`` says why. Targets are the
window's location strings (models.target: ``rec:6``, ``review:3``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

from models.target import Target


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

    @staticmethod
    def _split(target: str) -> tuple[str, int] | None:
        return Target.parse(target).bookmark_key

    def is_bookmarked(self, target: str) -> bool:
        key = self._split(target)
        return bool(self.store and key and self.store.is_bookmarked(*key))

    def note(self, target: str) -> str:
        key = self._split(target)
        return self.store.note(*key) if self.store and key and self.store.is_bookmarked(*key) else ""

    def toggle(self, target: str) -> bool:
        key = self._split(target)
        if not (self.store and key):
            return False
        return bool(self.store.toggle(*key))

    def numbers(self) -> set[int]:
        return set(self.store.numbers("recommendation")) if self.store else set()

    def targets(self) -> set[str]:
        if not self.store:
            return set()
        return {str(Target.from_bookmark(kind, n)) for kind in ("recommendation", "review")
                for n in self.store.numbers(kind)}

    def close(self) -> None:
        """Release the store (the window is closing); later queries see no bookmarks."""
        if self.notifier:
            self.notifier.detach()
            self.notifier = None
        if self.store:
            self.store.close()
            self.store = None
