"""Bookmark export and import: round trips, merge rules, hostile files rejected with nothing changed."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from models.bookmark_io import (
    ImportRejected,
    export_csv,
    export_json,
    import_file,
    import_size_limit,
    read_import,
)
from models.bookmarks import BookmarkStore

REC = "recommendation"
ED = ("CDIP/33/2", "zh")
VALID = {(*ED, REC): set(range(1, 46)), (*ED, "review"): set(range(1, 7))}


def entry(number: int, note: str = "", updated: str = "2024-01-01T00:00:00+00:00", kind: str = REC,
          **extra: object) -> dict[str, object]:
    row: dict[str, object] = {"symbol": ED[0], "language": ED[1], "kind": kind, "number": number,
                              "note": note, "created": "2023-12-01T00:00:00+00:00", "updated": updated}
    row.update(extra)
    return row


def write_json(path: Path, rows: list[dict[str, object]], **top: object) -> Path:
    payload = {"format": "da-navigator-bookmarks", "version": 1, "bookmarks": rows, **top}
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    return path


def snapshot(store: BookmarkStore) -> list[object]:
    return store.all_rows(include_removed=True)


@pytest.fixture
def store(tmp_path: Path) -> BookmarkStore:
    return BookmarkStore(tmp_path / "bookmarks.sqlite", ED)


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_import_round_trip(tmp_path: Path, store: BookmarkStore, fmt: str) -> None:
    store.set_note(REC, 6, "多行\n笔记，含“引号”, commas")
    store.add(REC, 12)
    store.add("review", 2)
    out = tmp_path / f"bookmarks.{fmt}"
    assert (export_json if fmt == "json" else export_csv)(store, out) == 3
    fresh = BookmarkStore(tmp_path / "other.sqlite", ED)
    summary = import_file(fresh, out, VALID)
    assert (summary.added, summary.updated, summary.unchanged, summary.skipped) == (3, 0, 0, 0)
    assert [(b.kind, b.number, b.note, b.created, b.updated) for b in fresh.list()] == [
        (b.kind, b.number, b.note, b.created, b.updated) for b in store.list()
    ]
    again = import_file(fresh, out, VALID)  # importing twice adds no duplicates
    assert (again.added, again.unchanged) == (0, 3)
    assert len(fresh.all_rows(include_removed=True)) == 3


def test_csv_has_bom_and_header(tmp_path: Path, store: BookmarkStore) -> None:
    store.set_note(REC, 1, "甲")
    out = tmp_path / "b.csv"
    export_csv(store, out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfsymbol,language,kind,number,note,created,updated\r\n")


def test_newer_note_wins(tmp_path: Path, store: BookmarkStore) -> None:
    store.set_note(REC, 6, "local")  # updated now
    store.set_note(REC, 7, "local old")
    local7 = store.get(REC, 7)
    assert local7 is not None
    newer = (datetime.fromisoformat(local7.updated) + timedelta(seconds=5)).isoformat()
    path = write_json(tmp_path / "in.json", [
        entry(6, "imported, older", updated="2020-01-01T00:00:00Z"),
        entry(7, "imported, newer", updated=newer),
        entry(8, "brand new"),
    ])
    summary = import_file(store, path, VALID)
    assert (summary.added, summary.updated, summary.unchanged, summary.skipped) == (1, 1, 1, 0)
    assert store.note(REC, 6) == "local"
    assert store.note(REC, 7) == "imported, newer"
    assert store.note(REC, 8) == "brand new"
    assert "新增 1" in summary.message() and "更新 1" in summary.message()


def test_removed_locally_after_import_is_skipped(tmp_path: Path, store: BookmarkStore) -> None:
    store.set_note(REC, 5, "x")
    store.remove(REC, 5)
    path = write_json(tmp_path / "in.json", [entry(5, "old", updated="2020-01-01T00:00:00Z")])
    summary = import_file(store, path, VALID)
    assert summary.skipped == 1 and not store.is_bookmarked(REC, 5)


def test_duplicates_in_file_keep_newest(tmp_path: Path, store: BookmarkStore) -> None:
    path = write_json(tmp_path / "in.json", [
        entry(3, "first", updated="2021-01-01T00:00:00Z"),
        entry(3, "second", updated="2022-01-01T00:00:00Z"),
        entry(3, "third", updated="2020-01-01T00:00:00Z"),
    ])
    summary = import_file(store, path, VALID)
    assert summary.added == 1 and store.note(REC, 3) == "second"


HOSTILE = {
    "not json": b"{this is not json",
    "wrong format tag": json.dumps({"format": "other", "version": 1, "bookmarks": []}).encode(),
    "newer version": json.dumps({"format": "da-navigator-bookmarks", "version": 99, "bookmarks": []}).encode(),
    "bookmarks not a list": json.dumps({"format": "da-navigator-bookmarks", "version": 1, "bookmarks": {}}).encode(),
    "invalid utf-8": b'{"format": "da-navigator-bookmarks", "note": "\xff\xfe\xfa"}',
    "deep nesting": b"[" * 100_000 + b"]" * 100_000,
    "csv bad header": b"a,b,c\n1,2,3\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files_change_nothing(tmp_path: Path, store: BookmarkStore, name: str) -> None:
    store.set_note(REC, 1, "keep me")
    before = snapshot(store)
    suffix = ".csv" if name.startswith("csv") else ".json"
    path = tmp_path / f"hostile{suffix}"
    path.write_bytes(HOSTILE[name])
    with pytest.raises(ImportRejected) as info:
        import_file(store, path, VALID)
    assert str(info.value)
    assert snapshot(store) == before


BAD_ENTRIES = {
    "number is text": entry(1) | {"number": "6"},
    "number is bool": entry(1) | {"number": True},
    "note is a list": entry(1) | {"note": ["x"]},
    "missing field": {k: v for k, v in entry(1).items() if k != "updated"},
    "unknown recommendation": entry(46),
    "unknown review": entry(9, kind="review"),
    "unknown kind": entry(1, kind="chapter"),
    "unknown edition": entry(1) | {"symbol": "CDIP/99/9"},
    "bad timestamp": entry(1, updated="yesterday"),
    "future timestamp": entry(1, updated="2999-01-01T00:00:00Z"),
    "huge note": entry(1, note="长" * 200_000),
    "entry not an object": "6",
}


@pytest.mark.parametrize("name", sorted(BAD_ENTRIES))
def test_one_bad_entry_rejects_everything(tmp_path: Path, store: BookmarkStore, name: str) -> None:
    store.set_note(REC, 2, "keep")
    before = snapshot(store)
    path = write_json(tmp_path / "in.json", [entry(10, "good"), BAD_ENTRIES[name], entry(11, "good")])
    with pytest.raises(ImportRejected) as info:
        import_file(store, path, VALID)
    assert "第 2 条" in str(info.value) and "未作任何修改" in str(info.value)
    assert snapshot(store) == before


def test_unknown_number_message_names_it(tmp_path: Path, store: BookmarkStore) -> None:
    path = write_json(tmp_path / "in.json", [entry(99)])
    with pytest.raises(ImportRejected, match="建议 99"):
        read_import(path, VALID)


def test_100_mb_file_rejected_before_reading(tmp_path: Path, store: BookmarkStore,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.json"
    with open(path, "wb") as f:  # sparse: instant, and reading it would be the bug
        f.truncate(100 * 1024 * 1024)
    opened: list[object] = []
    real_open = open
    monkeypatch.setattr("builtins.open", lambda *a, **k: opened.append(a) or real_open(*a, **k))
    with pytest.raises(ImportRejected, match="过大"):
        import_file(store, path, VALID)
    assert not [a for a in opened if str(a[0]) == str(path)]
    assert store.list() == []
    assert import_size_limit(VALID) < 100 * 1024 * 1024


def test_missing_file_is_a_clear_message(tmp_path: Path, store: BookmarkStore) -> None:
    with pytest.raises(ImportRejected, match="无法读取"):
        import_file(store, tmp_path / "nope.json", VALID)


def test_csv_import_validates_too(tmp_path: Path, store: BookmarkStore) -> None:
    path = tmp_path / "in.csv"
    header = "symbol,language,kind,number,note,created,updated\r\n"
    good = 'CDIP/33/2,zh,recommendation,4,"两行\n笔记",2024-01-01T00:00:00Z,2024-01-02T00:00:00Z\r\n'
    bad = "CDIP/33/2,zh,recommendation,abc,,2024-01-01T00:00:00Z,2024-01-02T00:00:00Z\r\n"
    path.write_bytes((header + good + bad).encode("utf-8"))
    with pytest.raises(ImportRejected, match="第 2 条"):
        import_file(store, path, VALID)
    assert store.list() == []
    path.write_bytes((header + good).encode("utf-8"))
    assert import_file(store, path, VALID).added == 1
    assert store.note(REC, 4) == "两行\n笔记"


def test_export_is_atomic_and_leaves_no_temp(tmp_path: Path, store: BookmarkStore) -> None:
    store.add(REC, 1)
    out = tmp_path / "b.json"
    out.write_text("old", encoding="utf-8")
    export_json(store, out)
    assert json.loads(out.read_text(encoding="utf-8"))["bookmarks"][0]["number"] == 1
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("b.json")) == ["b.json"]


def test_valid_numbers_from_the_real_repository(repo) -> None:
    from models.bookmark_io import valid_numbers_from_repo

    valid = valid_numbers_from_repo(repo)
    assert valid[("CDIP/33/2", "zh", "recommendation")] == set(range(1, 46))
    assert valid[("CDIP/33/2", "zh", "review")] == {r.number for r in repo.reviews()}


def test_folder_and_pipe_are_not_files(tmp_path: Path, store: BookmarkStore) -> None:
    import os

    with pytest.raises(ImportRejected, match="不是普通文件"):
        import_file(store, tmp_path, VALID)
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(ImportRejected, match="不是普通文件"):  # would block forever if opened
        import_file(store, fifo, VALID)
