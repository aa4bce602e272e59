"""Adapter between the window and the bookmark store (models/bookmarks.py, owned separately).

Works without the store (the module missing or the file refused): nothing is bookmarked and
``error`` says why. Targets are the window's location strings (``rec:6``, ``review:3``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

KIND = {"rec": "recommendation", "review": "review"}


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
        edition = self._edition
        try:
            from models.bookmark_signals import BookmarkNotifier
            from models.bookmarks import BookmarkStore
        except ImportError:
            return
        try:
            self.store = BookmarkStore(edition=edition) if edition else BookmarkStore()
        except Exception as exc:  # StoreTooNewError, StoreUnavailableError: user-facing text
            self.error = str(exc)
            return
        recovery = getattr(self.store, "recovery", None)
        if recovery is not None:
            self.error = recovery.message() if callable(getattr(recovery, "message", None)) else str(recovery)
        self.notifier = BookmarkNotifier(self.store, self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)
        self.notifier.changed.connect(lambda *_: self.changed.emit())

    @property
    def available(self) -> bool:
        return self.store is not None

    @staticmethod
    def _split(target: str) -> tuple[str, int] | None:
        kind, _, num = target.partition(":")
        return (KIND[kind], int(num)) if kind in KIND and num.isdigit() else None

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
        return {f"rec:{n}" for n in self.store.numbers("recommendation")} | {
            f"review:{n}" for n in self.store.numbers("review")
        }

    def close(self) -> None:
        """Release the store (the window is closing); later queries see no bookmarks."""
        if self.notifier:
            self.notifier.detach()
            self.notifier = None
        if self.store:
            self.store.close()
            self.store = None
