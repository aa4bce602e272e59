"""Opening the bookmark file: version check, migration with a backup first, corruption recovery.

Schema history (``PRAGMA user_version``):
  1  ``bookmarks(number PRIMARY KEY, note, added REAL)``: recommendations of one edition.
  2  ``bookmark(symbol, language, kind, number, note, created, updated, removed)``.

A file newer than ``SCHEMA_VERSION`` is refused before anything is written to it (not even the
journal mode). A corrupt file is moved aside with a timestamp and a fresh one is started.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from PySide6.QtCore import QCoreApplication

SCHEMA_VERSION = 2
BUSY_TIMEOUT_MS = 10_000
_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB

SCHEMA_V2 = """
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
COLUMNS = "symbol, language, kind, number, note, created, updated, removed"


def tr(text: str) -> str:
    """Store messages in the UI language (English source, Chinese in the app's .ts file)."""
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


class BookmarkStoreError(Exception):
    """Base class; ``str()`` is a user-facing message."""


class StoreTooNewError(BookmarkStoreError):
    """The store was written by a newer version of the app; it is left untouched."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        self.path, self.found, self.supported = path, found, supported
        super().__init__(
            tr("The bookmark file %1 was made by a newer version of the app (format %2; this version "
               "reads format %3). It was left untouched; update the app to open it.")
            .replace("%1", str(path)).replace("%2", str(found)).replace("%3", str(supported))
        )


class StoreUnavailableError(BookmarkStoreError):
    """The store could not be opened or written (locked for too long, disk full, no permission)."""


@dataclass(frozen=True)
class Recovery:
    """A corrupt store was moved aside and a fresh one started."""

    moved_to: Path
    reason: str

    def message(self) -> str:
        return (
            tr("The bookmark file was damaged (%1). It was moved to %2 and a new, empty one was started.")
            .replace("%1", self.reason).replace("%2", str(self.moved_to))
        )


@dataclass
class Opened:
    conn: sqlite3.Connection
    recovery: Recovery | None = None
    migration_backup: Path | None = None
    read_only: bool = False


def open_store(path: Path, edition: tuple[str, str]) -> Opened:
    """Open (creating, migrating or recovering as needed) the store at ``path``; a store the user
    cannot write to is opened read-only (its bookmarks shown, not hidden)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreUnavailableError(_cannot_open(path, exc)) from exc
    if path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return _open_read_only(path)
    try:
        return _open(path, edition)
    except StoreTooNewError:
        raise
    except sqlite3.DatabaseError as exc:
        if _is_read_only(exc) and path.exists():
            return _open_read_only(path)
        if not _is_corruption(exc):
            raise StoreUnavailableError(_cannot_open(path, exc)) from exc
        recovery = _move_aside(path, str(exc))
    opened = _open(path, edition)
    opened.recovery = recovery
    return opened


def _cannot_open(path: Path, exc: Exception) -> str:
    return tr("The bookmark file %1 cannot be opened: %2").replace("%1", str(path)).replace("%2", str(exc))


def _open_read_only(path: Path) -> Opened:
    """Open a store the user cannot write to, for reading; a WAL file in a read-only folder needs
    ``immutable`` (nobody can change it there anyway)."""
    last: Exception | None = None
    for query in ("mode=ro", "mode=ro&immutable=1"):
        conn = sqlite3.connect(f"file:{quote(str(path))}?{query}", uri=True, isolation_level=None)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreTooNewError(path, version, SCHEMA_VERSION)
            if version != SCHEMA_VERSION:  # an older format cannot be migrated without writing
                raise StoreUnavailableError(
                    tr("The bookmark file %1 is read-only and in an older format, so it cannot be shown.")
                    .replace("%1", str(path))
                )
            conn.execute("SELECT count(*) FROM bookmark").fetchone()
        except sqlite3.DatabaseError as exc:
            conn.close()
            last = exc
            continue
        except BaseException:
            conn.close()
            raise
        return Opened(conn, read_only=True)
    raise StoreUnavailableError(_cannot_open(path, last or OSError())) from last


def _is_read_only(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and code & 0xFF == 8  # SQLITE_READONLY and its extended codes


def _open(path: Path, edition: tuple[str, str]) -> Opened:
    conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreTooNewError(path, version, SCHEMA_VERSION)
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise _CorruptError(check)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        backup = _migrate(conn, path, edition)
    except BaseException:
        conn.close()
        raise
    return Opened(conn, migration_backup=backup)


def _migrate(conn: sqlite3.Connection, path: Path, edition: tuple[str, str]) -> Path | None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return None
    backup = None
    if version > 0:  # a consistent copy first (SQLite's backup API cannot run inside our write)
        backup = _backup(conn, path, version)
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:  # another, newer instance got here first
            raise StoreTooNewError(path, version, SCHEMA_VERSION)
        if version == 1:
            _migrate_1_to_2(conn, edition)
        elif version == 0:
            conn.execute(SCHEMA_V2)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return backup


def _backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.v{version}-backup-{stamp}{path.suffix}")
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    return target


def _migrate_1_to_2(conn: sqlite3.Connection, edition: tuple[str, str]) -> None:
    conn.execute(SCHEMA_V2)
    symbol, language = edition
    for number, note, added in conn.execute("SELECT number, note, added FROM bookmarks").fetchall():
        stamp = datetime.fromtimestamp(float(added), UTC).isoformat(timespec="microseconds")
        conn.execute(
            f"INSERT OR IGNORE INTO bookmark ({COLUMNS}) VALUES (?, ?, 'recommendation', ?, ?, ?, ?, NULL)",
            (symbol, language, int(number), note or "", stamp, stamp),
        )
    conn.execute("DROP TABLE bookmarks")


def _move_aside(path: Path, reason: str) -> Recovery:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.corrupt-{stamp}{path.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}.corrupt-{stamp}-{n}{path.suffix}")
    shutil.move(path, target)
    for suffix in ("-wal", "-shm"):
        side = Path(str(path) + suffix)
        if side.exists():
            shutil.move(side, Path(str(target) + suffix))
    return Recovery(target, reason)


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


def write_v1_store(path: Path | str, rows: Iterable[tuple[int, str, float]]) -> None:
    """Create a store in the version-1 layout (for migration tests and benches)."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE bookmarks (number INTEGER PRIMARY KEY, note TEXT NOT NULL DEFAULT '', added REAL)")
    conn.executemany("INSERT INTO bookmarks VALUES (?, ?, ?)", list(rows))
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
