"""Bookmark store: round trip, restart, migration, refusal, recovery, crash safety, concurrency."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from models.bookmarks import (
    SCHEMA_VERSION,
    BookmarkStore,
    StoreTooNewError,
    write_v1_store,
)

ROOT = Path(__file__).resolve().parent.parent
REC = "recommendation"


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "bookmarks.sqlite"


def test_round_trip_and_notes(store_path: Path) -> None:
    store = BookmarkStore(store_path)
    assert store.toggle(REC, 6) is True
    assert store.is_bookmarked(REC, 6)
    store.set_note(REC, 6, "第一行\n第二行")
    store.add("review", 3)
    assert store.note(REC, 6) == "第一行\n第二行"
    assert store.numbers(REC) == {6}
    assert store.numbers("review") == {3}
    assert [(b.kind, b.number) for b in store.list()] == [(REC, 6), ("review", 3)]
    assert store.toggle(REC, 6) is False
    assert not store.is_bookmarked(REC, 6) and store.note(REC, 6) == ""
    store.toggle(REC, 6)  # note comes back with the bookmark
    assert store.note(REC, 6) == "第一行\n第二行"


def test_order_by_date_added(store_path: Path) -> None:
    store = BookmarkStore(store_path)
    for n in (12, 3, 45):
        store.add(REC, n)
    assert [b.number for b in store.list(order="number")] == [3, 12, 45]
    assert [b.number for b in store.list(order="created")] == [45, 3, 12]


def test_editions_are_separate(store_path: Path) -> None:
    BookmarkStore(store_path, ("CDIP/33/2", "zh")).add(REC, 1)
    other = BookmarkStore(store_path, ("CDIP/33/2", "en"))
    assert other.numbers(REC) == set()
    assert len(other.all_rows()) == 1


def test_bad_arguments_rejected(store_path: Path) -> None:
    store = BookmarkStore(store_path)
    with pytest.raises(ValueError):
        store.add("chapter", 1)
    with pytest.raises(ValueError):
        store.add(REC, 0)
    with pytest.raises(ValueError):
        store.set_note(REC, 1, "x" * 200_000)
    assert store.list() == []


def test_persists_across_restart(store_path: Path) -> None:
    store = BookmarkStore(store_path)
    store.set_note(REC, 12, "立场：支持")
    store.close()
    again = BookmarkStore(store_path)
    assert again.note(REC, 12) == "立场：支持"
    assert sqlite3.connect(store_path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert again._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_listeners_are_called(store_path: Path) -> None:
    store = BookmarkStore(store_path)
    seen: list[tuple[str, int]] = []
    unsubscribe = store.subscribe(lambda kind, number: seen.append((kind, number)))
    store.toggle(REC, 5)
    store.set_note(REC, 5, "x")
    store.set_note(REC, 5, "x")  # unchanged: no write, no event
    unsubscribe()
    store.toggle(REC, 5)
    assert seen == [(REC, 5), (REC, 5)]


def test_poll_sees_other_instance(store_path: Path) -> None:
    a, b = BookmarkStore(store_path), BookmarkStore(store_path)
    seen: list[tuple[str, int]] = []
    a.subscribe(lambda *args: seen.append(args))
    assert a.poll_external() is False
    b.add(REC, 9)
    assert a.poll_external() is True
    assert seen == [("", 0)] and a.is_bookmarked(REC, 9)


def test_migration_from_v1_with_backup(store_path: Path) -> None:
    write_v1_store(store_path, [(3, "旧笔记", 1_700_000_000.25), (7, "", 1_700_000_100.0)])
    store = BookmarkStore(store_path)
    assert store.migration_backup is not None and store.migration_backup.exists()
    old = sqlite3.connect(store.migration_backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT number, note FROM bookmarks ORDER BY number").fetchall() == [(3, "旧笔记"), (7, "")]
    old.close()
    rows = store.list()
    assert [(b.symbol, b.language, b.kind, b.number, b.note) for b in rows] == [
        ("CDIP/33/2", "zh", REC, 3, "旧笔记"),
        ("CDIP/33/2", "zh", REC, 7, ""),
    ]
    assert rows[0].created.startswith("2023-11-14T22:13:20.250000")
    store.close()
    again = BookmarkStore(store_path)  # already migrated: no second backup
    assert again.migration_backup is None and again.note(REC, 3) == "旧笔记"


def test_newer_store_refused_and_untouched(store_path: Path) -> None:
    conn = sqlite3.connect(store_path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = store_path.read_bytes()
    with pytest.raises(StoreTooNewError) as info:
        BookmarkStore(store_path)
    assert info.value.found == SCHEMA_VERSION + 1
    assert "newer version" in str(info.value)
    assert store_path.read_bytes() == before
    assert sorted(p.name for p in store_path.parent.iterdir()) == [store_path.name]


@pytest.mark.parametrize("damage", ["garbage", "truncated_pages"])
def test_corrupt_store_moved_aside(store_path: Path, damage: str) -> None:
    if damage == "garbage":
        store_path.write_bytes(b"this is not sqlite" * 500)
    else:
        store = BookmarkStore(store_path)
        for n in range(1, 46):
            store.set_note(REC, n, "笔记" * 300)
        store.close()
        data = bytearray(store_path.read_bytes())
        for offset in range(4096, len(data), 4096):  # break every b-tree page header
            data[offset : offset + 12] = b"\xff" * 12
        store_path.write_bytes(bytes(data))
    original = store_path.read_bytes()
    fresh = BookmarkStore(store_path)
    assert fresh.recovery is not None
    moved = fresh.recovery.moved_to
    assert moved.exists() and moved.read_bytes() == original and "corrupt-" in moved.name
    assert str(moved) in fresh.recovery.message()
    assert fresh.list() == []
    fresh.add(REC, 1)
    assert BookmarkStore(store_path).is_bookmarked(REC, 1)


_WRITER = """
import sys
from models.bookmarks import BookmarkStore
store = BookmarkStore(sys.argv[1])
start, count = int(sys.argv[2]), int(sys.argv[3])
for n in range(start, start + count):
    store.set_note("recommendation", n, f"note {n}")
    print(n, flush=True)
sys.stdin.readline()  # wait to be killed
"""


def _writer(path: Path, start: int, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(path), str(start), str(count)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_kill_9_loses_nothing_committed(store_path: Path) -> None:
    proc = _writer(store_path, 1, 400)
    acknowledged: list[int] = []
    assert proc.stdout is not None
    while len(acknowledged) < 150:
        line = proc.stdout.readline()
        assert line, "writer died"
        acknowledged.append(int(line))
    os.kill(proc.pid, signal.SIGKILL)  # mid-stream: it is still writing
    proc.communicate()  # reap it and close the pipes
    assert proc.returncode == -signal.SIGKILL
    store = BookmarkStore(store_path)
    assert store.recovery is None
    for n in acknowledged:
        assert store.note(REC, n) == f"note {n}"


def test_concurrent_writer_processes(store_path: Path) -> None:
    BookmarkStore(store_path).close()
    procs = [_writer(store_path, start, 150) for start in (1, 1001)]
    for proc in procs:
        out, _ = proc.communicate("\n", timeout=120)
        assert proc.returncode == 0
        assert len(out.split()) == 150
    store = BookmarkStore(store_path)
    assert store.numbers(REC) == set(range(1, 151)) | set(range(1001, 1151))
    assert store.recovery is None


def test_two_instances_interleaved(store_path: Path) -> None:
    a, b = BookmarkStore(store_path), BookmarkStore(store_path)
    a.set_note(REC, 1, "from a")
    b.set_note(REC, 2, "from b")
    a.remove(REC, 1)
    b.set_note(REC, 1, "b again")
    assert a.note(REC, 1) == "b again" and a.note(REC, 2) == "from b"
    assert b.numbers(REC) == {1, 2}


def test_failed_write_is_a_clear_error_and_changes_nothing(store_path: Path) -> None:
    from models.bookmarks import StoreUnavailableError

    store = BookmarkStore(store_path)
    store.add(REC, 1)
    other = sqlite3.connect(store_path, timeout=0)
    other.execute("BEGIN EXCLUSIVE")  # another process holds the write lock for too long
    store._conn.execute("PRAGMA busy_timeout = 50")
    with pytest.raises(StoreUnavailableError, match="cannot be written to right now"):
        store.add(REC, 2)
    other.execute("ROLLBACK")
    other.close()
    assert store.numbers(REC) == {1}
    store.add(REC, 2)  # and it works again once the lock is gone
    assert store.numbers(REC) == {1, 2}
