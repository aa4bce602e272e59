"""Per-user bookmark store: one small SQLite file, every change committed at once.

Rows are keyed by edition (document symbol + language), kind ("recommendation" |
"review") and number, so bookmarks survive upgrades and content-database rebuilds.
Removing a bookmark keeps its note as a tombstone (``removed`` set), so toggling it
back restores the note and an older import cannot resurrect it.

Schema history (``PRAGMA user_version``):
  1  ``bookmarks(number PRIMARY KEY, note, added REAL)``: recommendations of one edition.
  2  ``bookmark(symbol, language, kind, number, note, created, updated, removed)``.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

SCHEMA_VERSION = 2
KINDS = ("recommendation", "review")
DEFAULT_EDITION = ("CDIP/33/2", "zh")
MAX_NOTE_CHARS = 100_000
BUSY_TIMEOUT_MS = 10_000
_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB

_SCHEMA_V2 = """
CREATE TABLE IF NOT EXISTS bookmark (
    symbol   TEXT NOT NULL,
    language TEXT NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('recommendation', 'review')),
    number   INTEGER NOT NULL CHECK (number > 0),
    note     TEXT NOT NULL DEFAULT '',
    created  TEXT NOT NULL,
    updated  TEXT NOT NULL,
    removed  TEXT,
    PRIMARY KEY (symbol, language, kind, number)
) WITHOUT ROWID;
"""
_COLUMNS = "symbol, language, kind, number, note, created, updated, removed"


class BookmarkStoreError(Exception):
    """Base class; ``str()`` is a user-facing message."""


class StoreTooNewError(BookmarkStoreError):
    """The store was written by a newer version of the app; it is left untouched."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        self.path, self.found, self.supported = path, found, supported
        super().__init__(
            f"书签文件 {path} 由更新版本的程序创建（格式版本 {found}，本程序支持 {supported}）。"
            "为避免损坏，未作任何修改；请升级程序后再打开。"
        )


class StoreUnavailableError(BookmarkStoreError):
    """The store could not be opened or written (locked for too long, disk full, no permission)."""


@dataclass(frozen=True)
class Recovery:
    """A corrupt store was moved aside and a fresh one started."""

    moved_to: Path
    reason: str

    def message(self) -> str:
        return f"书签文件已损坏（{self.reason}），已移至 {self.moved_to}，并新建了空的书签文件。"


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


def default_store_path() -> Path:
    from models.paths import user_data_dir

    return user_data_dir() / "bookmarks.sqlite"


class BookmarkStore:
    """Bookmarks and notes of one edition (reads and writes), plus whole-file export/merge."""

    def __init__(self, path: Path | str | None = None, edition: tuple[str, str] = DEFAULT_EDITION) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        self.edition = edition
        self.recovery: Recovery | None = None
        self.migration_backup: Path | None = None
        self._listeners: list[Listener] = []
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._conn = self._open()
        except StoreTooNewError:
            raise
        except sqlite3.DatabaseError as exc:
            if not _is_corruption(exc):
                raise StoreUnavailableError(f"无法打开书签文件 {self.path}：{exc}") from exc
            self.recovery = self._move_aside(str(exc))
            self._conn = self._open()
        self._data_version = self._pragma("data_version")

    # --- opening, migration, recovery ---------------------------------------------
    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreTooNewError(self.path, version, SCHEMA_VERSION)
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise _CorruptError(check)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            self._migrate(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _migrate(self, conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        if version > 0:  # a consistent copy first (SQLite's backup API cannot run inside our write)
            self.migration_backup = self._backup(conn, version)
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:  # another, newer instance got here first
                raise StoreTooNewError(self.path, version, SCHEMA_VERSION)
            if version == 1:
                self._migrate_1_to_2(conn)
            elif version == 0:
                conn.execute(_SCHEMA_V2)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _backup(self, conn: sqlite3.Connection, version: int) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.stem}.v{version}-backup-{stamp}{self.path.suffix}")
        dest = sqlite3.connect(target)
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        return target

    def _migrate_1_to_2(self, conn: sqlite3.Connection) -> None:
        conn.execute(_SCHEMA_V2)
        symbol, language = self.edition
        for number, note, added in conn.execute("SELECT number, note, added FROM bookmarks").fetchall():
            stamp = datetime.fromtimestamp(float(added), UTC).isoformat(timespec="microseconds")
            conn.execute(
                f"INSERT OR IGNORE INTO bookmark ({_COLUMNS}) VALUES (?, ?, 'recommendation', ?, ?, ?, ?, NULL)",
                (symbol, language, int(number), note or "", stamp, stamp),
            )
        conn.execute("DROP TABLE bookmarks")

    def _move_aside(self, reason: str) -> Recovery:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.stem}.corrupt-{stamp}{self.path.suffix}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.stem}.corrupt-{stamp}-{n}{self.path.suffix}")
        shutil.move(self.path, target)
        for suffix in ("-wal", "-shm"):
            side = Path(str(self.path) + suffix)
            if side.exists():
                shutil.move(side, Path(str(target) + suffix))
        return Recovery(target, reason)

    # --- plumbing -----------------------------------------------------------------
    def _pragma(self, name: str) -> int:
        return int(self._conn.execute(f"PRAGMA {name}").fetchone()[0])

    def _write(self, fn: Callable[[sqlite3.Connection], object]) -> object:
        """Run ``fn`` in one short IMMEDIATE transaction, committed before returning."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreUnavailableError(f"书签文件 {self.path} 暂时无法写入：{exc}") from exc
        try:
            result = fn(self._conn)
            self._conn.execute("COMMIT")
        except BaseException as exc:
            if self._conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.DatabaseError):  # disk full, I/O error, file damaged while open
                raise StoreUnavailableError(f"书签未保存（{self.path}）：{exc}") from exc
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

    def close(self) -> None:
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

    def set_note(self, kind: str, number: int, note: str) -> Bookmark:
        """Save a note (bookmarking the entry if needed); unchanged text writes nothing."""
        current = self.get(kind, number)
        if current is not None and current.note == note:
            return current
        return self.add(kind, number, note)

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


class _CorruptError(sqlite3.DatabaseError):
    sqlite_errorcode = 11


def _is_corruption(exc: sqlite3.DatabaseError) -> bool:
    if isinstance(exc, _CorruptError):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _CORRUPT_CODES
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text


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
        raise ValueError(f"笔记过长（{len(note)} 字，上限 {MAX_NOTE_CHARS}）")


def write_v1_store(path: Path | str, rows: Iterable[tuple[int, str, float]]) -> None:
    """Create a store in the version-1 layout (for migration tests and benches)."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE bookmarks (number INTEGER PRIMARY KEY, note TEXT NOT NULL DEFAULT '', added REAL)")
    conn.executemany("INSERT INTO bookmarks VALUES (?, ?, ?)", list(rows))
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
