"""Per-user bookmark store: one small SQLite file, every change committed at once.

Rows are keyed by edition (document symbol + language), kind ("recommendation" |
"review") and number, so bookmarks survive upgrades and content-database rebuilds.
Removing a bookmark keeps its note as a tombstone (``removed`` set), so toggling it
back restores the note and an older import cannot resurrect it. Opening, migration and
recovery live in models.bookmark_schema.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from models.bookmark_schema import COLUMNS as _COLUMNS
from models.bookmark_schema import (  # re-exported: callers import everything from here
    SCHEMA_VERSION,
    BookmarkStoreError,
    Recovery,
    StoreTooNewError,
    StoreUnavailableError,
    open_store,
    tr,
    write_v1_store,
)
from models.vocabulary import EDITION

__all__ = [
    "MAX_NOTE_CHARS", "SCHEMA_VERSION", "Bookmark", "BookmarkStore", "BookmarkStoreError", "MergeCounts",
    "NoteConflict", "NoteTooLongError", "Recovery", "StoreTooNewError", "StoreUnavailableError",
    "default_store_path", "write_v1_store",
]

KINDS = ("recommendation", "review")
DEFAULT_EDITION = EDITION
MAX_NOTE_CHARS = 100_000
"""The one note length limit (characters) of the store, the note editors, import and export."""


class NoteTooLongError(ValueError):
    """A note longer than MAX_NOTE_CHARS; ``str()`` is a user-facing message."""


class NoteConflict(BookmarkStoreError):
    """The stored note changed (another window or instance) since the editor loaded it: nothing written.

    ``theirs`` is the text now stored; the caller still holds its own text.
    """

    def __init__(self, kind: str, number: int, theirs: str) -> None:
        self.kind, self.number, self.theirs = kind, number, theirs
        super().__init__(f"{kind} {number}: the note was changed elsewhere since it was loaded")


@dataclass(frozen=True)
class Bookmark:
    symbol: str
    language: str
    kind: str
    number: int
    note: str
    created: str  # ISO 8601 UTC, microseconds: sorts as text
    updated: str
    removed: str | None = None

    @property
    def key(self) -> tuple[str, str, str, int]:
        return (self.symbol, self.language, self.kind, self.number)


@dataclass
class MergeCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0


Listener = Callable[[str, int], None]  # (kind, number); ("", 0) means "many may have changed"


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def read_only_message(path: Path) -> str:
    return tr("The bookmark file %1 is read-only: bookmarks and notes are shown but cannot be changed.").replace(
        "%1", str(path)
    )


def default_store_path() -> Path:
    from models.paths import BOOKMARK_FILE, user_data_dir

    return user_data_dir() / BOOKMARK_FILE


class BookmarkStore:
    """Bookmarks and notes of one edition (reads and writes), plus whole-file export/merge."""

    def __init__(self, path: Path | str | None = None, edition: tuple[str, str] = DEFAULT_EDITION) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        self.edition = edition
        self._listeners: list[Listener] = []
        self._closed = False
        opened = open_store(self.path, edition)
        self._conn = opened.conn
        self.recovery = opened.recovery
        self.migration_backup = opened.migration_backup
        self.read_only = opened.read_only
        self._data_version = self._pragma("data_version")

    # --- plumbing -----------------------------------------------------------------
    def _pragma(self, name: str) -> int:
        return int(self._conn.execute(f"PRAGMA {name}").fetchone()[0])

    def _write(self, fn: Callable[[sqlite3.Connection], object]) -> object:
        """Run ``fn`` in one short IMMEDIATE transaction, committed before returning."""
        if self.read_only:
            raise StoreUnavailableError(read_only_message(self.path))
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreUnavailableError(
                tr("The bookmark file %1 cannot be written to right now: %2")
                .replace("%1", str(self.path)).replace("%2", str(exc))
            ) from exc
        try:
            result = fn(self._conn)
            self._conn.execute("COMMIT")
        except BaseException as exc:
            if self._conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.DatabaseError):  # disk full, I/O error, file damaged while open
                raise StoreUnavailableError(
                    tr("Bookmark not saved (%1): %2").replace("%1", str(self.path)).replace("%2", str(exc))
                ) from exc
            raise
        return result

    def _row(self, kind: str, number: int) -> Bookmark | None:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM bookmark WHERE symbol=? AND language=? AND kind=? AND number=?",
            (*self.edition, kind, number),
        ).fetchone()
        return Bookmark(*row) if row else None

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(kind, number)`` after every change; returns the unsubscribe function."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _notify(self, kind: str, number: int) -> None:
        self._data_version = self._pragma("data_version")
        for listener in list(self._listeners):
            listener(kind, number)

    def poll_external(self) -> bool:
        """Notify listeners ("", 0) if another process changed the store since the last look."""
        version = self._pragma("data_version")
        if version == self._data_version:
            return False
        self._notify("", 0)
        return True

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        self._closed = True
        self._conn.close()

    # --- reading ------------------------------------------------------------------
    def get(self, kind: str, number: int) -> Bookmark | None:
        """The active bookmark, or None."""
        row = self._row(_kind(kind), number)
        return row if row and row.removed is None else None

    def is_bookmarked(self, kind: str, number: int) -> bool:
        return self.get(kind, number) is not None

    def note(self, kind: str, number: int) -> str:
        row = self.get(kind, number)
        return row.note if row else ""

    def numbers(self, kind: str = "recommendation") -> set[int]:
        rows = self._conn.execute(
            "SELECT number FROM bookmark WHERE symbol=? AND language=? AND kind=? AND removed IS NULL",
            (*self.edition, _kind(kind)),
        )
        return {r[0] for r in rows}

    def list(self, kind: str | None = None, order: str = "number") -> list[Bookmark]:
        """Active bookmarks of this edition; ``order`` is "number" or "created" (newest first)."""
        sort = "kind, number" if order == "number" else "created DESC, kind, number"
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM bookmark WHERE symbol=? AND language=? AND removed IS NULL"
            f" AND (? IS NULL OR kind=?) ORDER BY {sort}",
            (*self.edition, kind, kind),
        )
        return [Bookmark(*r) for r in rows]

    def all_rows(self, include_removed: bool = False) -> list[Bookmark]:
        """Every edition's rows, for export."""
        where = "" if include_removed else "WHERE removed IS NULL"
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM bookmark {where} ORDER BY symbol, language, kind, number")
        return [Bookmark(*r) for r in rows]

    # --- writing ------------------------------------------------------------------
    def add(self, kind: str, number: int, note: str | None = None) -> Bookmark:
        """Bookmark (or keep bookmarked); a removed bookmark comes back with its old note."""
        kind = _kind(kind)
        _check_number(number)
        if note is not None:
            _check_note(note)

        def do(conn: sqlite3.Connection) -> None:
            stamp = now_iso()
            conn.execute(
                f"INSERT INTO bookmark ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)"
                " ON CONFLICT DO UPDATE SET removed=NULL, updated=excluded.updated,"
                " note=CASE WHEN ? IS NULL THEN note ELSE excluded.note END",
                (*self.edition, kind, number, note or "", stamp, stamp, note),
            )

        self._write(do)
        self._notify(kind, number)
        return self.get(kind, number)  # type: ignore[return-value]

    def remove(self, kind: str, number: int) -> bool:
        """Un-bookmark; the note is kept in a tombstone. Returns whether it was bookmarked."""
        kind = _kind(kind)

        def do(conn: sqlite3.Connection) -> int:
            stamp = now_iso()
            return conn.execute(
                "UPDATE bookmark SET removed=?, updated=? WHERE symbol=? AND language=? AND kind=?"
                " AND number=? AND removed IS NULL",
                (stamp, stamp, *self.edition, kind, number),
            ).rowcount

        changed = bool(self._write(do))
        if changed:
            self._notify(kind, number)
        return changed

    def toggle(self, kind: str, number: int) -> bool:
        """Flip the bookmark; returns the new state (True = bookmarked)."""
        if self.is_bookmarked(kind, number):
            self.remove(kind, number)
            return False
        self.add(kind, number)
        return True

    def set_note(self, kind: str, number: int, note: str, base: str | None = None) -> Bookmark:
        """Save a note (bookmarking the entry if needed); unchanged text writes nothing.

        ``base`` is the stored text the edit started from: if the stored note is no longer ``base``
        (another window saved in between), NoteConflict is raised and nothing is written. The
        check and the write are one transaction, so two instances cannot both pass it.
        """
        kind = _kind(kind)
        _check_number(number)
        _check_note(note)
        current = self.get(kind, number)
        if current is not None and current.note == note:
            return current

        def do(conn: sqlite3.Connection) -> None:
            row = conn.execute(
                "SELECT note FROM bookmark WHERE symbol=? AND language=? AND kind=? AND number=?"
                " AND removed IS NULL",
                (*self.edition, kind, number),
            ).fetchone()
            stored = row[0] if row else ""
            if base is not None and stored != base and stored != note:
                raise NoteConflict(kind, number, stored)
            stamp = now_iso()
            conn.execute(
                f"INSERT INTO bookmark ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)"
                " ON CONFLICT DO UPDATE SET removed=NULL, updated=excluded.updated, note=excluded.note",
                (*self.edition, kind, number, note, stamp, stamp),
            )

        self._write(do)
        self._notify(kind, number)
        return self.get(kind, number)  # type: ignore[return-value]

    def merge(self, rows: Iterable[Bookmark]) -> MergeCounts:
        """Merge validated rows in one transaction: new keys are added, the newer ``updated`` wins."""
        counts = MergeCounts()

        def do(conn: sqlite3.Connection) -> None:
            for row in rows:
                old = conn.execute(
                    f"SELECT {_COLUMNS} FROM bookmark WHERE symbol=? AND language=? AND kind=? AND number=?",
                    row.key,
                ).fetchone()
                mine = Bookmark(*old) if old else None
                if mine is None:
                    counts.added += 1
                elif row.updated <= mine.updated:
                    if mine.removed is not None:
                        counts.skipped += 1  # removed here after the imported change
                    else:
                        counts.unchanged += 1
                    continue
                elif mine.removed is None and mine.note == row.note:
                    counts.unchanged += 1
                    continue
                elif mine.removed is not None:
                    counts.added += 1
                else:
                    counts.updated += 1
                created = min(row.created, mine.created) if mine else row.created
                conn.execute(
                    f"INSERT OR REPLACE INTO bookmark ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)",
                    (*row.key, row.note, created, row.updated),
                )

        self._write(do)
        if counts.added or counts.updated:
            self._notify("", 0)
        return counts


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    return kind


def _check_number(number: int) -> None:
    if not isinstance(number, int) or isinstance(number, bool) or number <= 0:
        raise ValueError(f"invalid number {number!r}")


def _check_note(note: str) -> None:
    if not isinstance(note, str):
        raise ValueError("note must be text")
    if len(note) > MAX_NOTE_CHARS:
        raise NoteTooLongError(
            tr("The note is too long (%1 characters; the limit is %2).")
            .replace("%1", str(len(note))).replace("%2", str(MAX_NOTE_CHARS))
        )
