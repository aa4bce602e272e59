"""Note text the store has not accepted yet: kept, retried, and never dropped silently.

Every note editor of a window saves through one NoteDrafts. A save that fails (disk full, store
not writable or closed) leaves a draft that is retried on a timer; a save refused because another
window changed the note in between (NoteConflict) leaves a draft holding both texts until the user
chooses. ``unsaved()`` is what the window asks about before it closes.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from models.bookmarks import BookmarkStore, BookmarkStoreError, NoteConflict

RETRY_FIRST_MS = 3_000
RETRY_MAX_MS = 60_000
BOTH_SEPARATOR = "\n\n――――\n\n"

Key = tuple[str, int]  # (kind, number)


@dataclass
class Draft:
    """Text typed for one note that is not in the store."""

    text: str
    base: str  # the stored text the edit started from
    error: str = ""  # why the last save failed ("" for a conflict)
    theirs: str | None = None  # a conflict: the text another window stored meanwhile
    retryable: bool = False  # the store failed (disk full, locked, read-only): try again later

    @property
    def conflict(self) -> bool:
        return self.theirs is not None


class NoteDrafts(QObject):
    """Saves notes for the editors; ``changed(kind, number)`` when a note's draft appears or goes.

    ``detach()`` stops following the store (it is closing).
    """

    changed = Signal(str, int)
    stored_changed = Signal(str, int)  # the store's note changed (here or elsewhere); ("", 0): any

    def __init__(self, store: BookmarkStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.detach = store.subscribe(self.stored_changed.emit)
        self._drafts: dict[Key, Draft] = {}
        self._retry = QTimer(self, singleShot=True, interval=RETRY_FIRST_MS)
        self._retry.timeout.connect(self.retry)

    def get(self, kind: str, number: int) -> Draft | None:
        return self._drafts.get((kind, number))

    def unsaved(self) -> dict[Key, Draft]:
        return dict(self._drafts)

    def stored(self, kind: str, number: int) -> str:
        return "" if self.store.closed else self.store.note(kind, number)

    def save(self, kind: str, number: int, text: str, base: str) -> Draft | None:
        """Write ``text`` (edited from ``base``); returns None when stored, else the kept draft."""
        key = (kind, number)
        old = self._drafts.get(key)
        if old is not None and old.conflict and old.base == base:
            old.text = text  # still unresolved: keep both, write nothing
            return old
        try:
            if self.store.closed:
                raise BookmarkStoreError(self.tr("The bookmark store is closed."))
            self.store.set_note(kind, number, text, base=base)
        except NoteConflict as exc:
            return self._keep(key, Draft(text, base, theirs=exc.theirs))
        except ValueError as exc:  # too long: retrying cannot help
            return self._keep(key, Draft(text, base, error=str(exc)))
        except (BookmarkStoreError, sqlite3.Error) as exc:
            draft = self._keep(key, Draft(text, base, error=str(exc), retryable=True))
            if not self._retry.isActive():
                self._retry.start()
            return draft
        if self._drafts.pop(key, None) is not None:
            self.changed.emit(kind, number)
        return None

    def _keep(self, key: Key, draft: Draft) -> Draft:
        self._drafts[key] = draft
        self.changed.emit(*key)
        return draft

    def retry(self) -> None:
        """Try the failed (not conflicting) drafts again; back off while the store keeps refusing."""
        failed = [(k, d) for k, d in self._drafts.items() if d.retryable]
        for (kind, number), draft in failed:
            self.save(kind, number, draft.text, draft.base)
        if any(d.retryable for d in self._drafts.values()):
            self._retry.setInterval(min(self._retry.interval() * 2, RETRY_MAX_MS))
            self._retry.start()
        else:
            self._retry.setInterval(RETRY_FIRST_MS)

    def resolve(self, kind: str, number: int, choice: str) -> Draft | None:
        """Settle a conflict: "mine" (store my text), "theirs" (drop mine) or "both" (mine, then theirs)."""
        draft = self._drafts.get((kind, number))
        if draft is None or not draft.conflict:
            return draft
        theirs = draft.theirs or ""
        if choice == "theirs":
            self.discard(kind, number)
            return None
        text = draft.text if choice == "mine" else draft.text + BOTH_SEPARATOR + theirs
        del self._drafts[(kind, number)]
        return self.save(kind, number, text, base=theirs)

    def discard(self, kind: str, number: int) -> None:
        if self._drafts.pop((kind, number), None) is not None:
            self.changed.emit(kind, number)
