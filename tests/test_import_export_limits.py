"""Import and export at the limits: the largest store round-trips, every malformed input is a clear
message that changes nothing (also under fuzzing), and CSV cells cannot run as spreadsheet formulas."""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.bookmark_io import ImportRejected, export_csv, export_json, import_file, read_import
from models.bookmarks import MAX_NOTE_CHARS, BookmarkStore
from tests.test_bookmarks_io import ED, REC, VALID, entry, snapshot, write_json


@pytest.fixture
def store(tmp_path: Path) -> BookmarkStore:
    return BookmarkStore(tmp_path / "bookmarks.sqlite", ED)


# Characters that make an export as large as it gets: 3-byte hanzi, 6-byte JSON escapes of control
# characters, quotes doubled in CSV.
WORST = "长\x1f\"" * (MAX_NOTE_CHARS // 3) + "长" * (MAX_NOTE_CHARS % 3)


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_the_largest_store_round_trips(tmp_path: Path, store: BookmarkStore, fmt: str) -> None:
    assert len(WORST) == MAX_NOTE_CHARS
    for number in range(1, 46):
        store.set_note(REC, number, WORST)
    out = tmp_path / f"all.{fmt}"
    assert (export_json if fmt == "json" else export_csv)(store, out) == 45
    assert out.stat().st_size > 5 * 1024 * 1024  # the size the old fixed 4 MB cap refused
    fresh = BookmarkStore(tmp_path / "fresh.sqlite", ED)
    assert import_file(fresh, out, VALID).added == 45
    assert all(fresh.note(REC, n) == WORST for n in range(1, 46))


def _json_bytes(rows: list[object]) -> bytes:
    return json.dumps({"format": "da-navigator-bookmarks", "version": 1, "bookmarks": rows}).encode()


MALFORMED = {
    "lone surrogate in a note": _json_bytes([entry(1) | {"note": "\ud800"}]),
    "lone surrogate in a symbol": _json_bytes([entry(1) | {"symbol": "\udfff"}]),
    "3,000,000-digit number": (b'{"format": "da-navigator-bookmarks", "version": 1, "bookmarks": [{"number": '
                               + b"9" * 3_000_000 + b"}]}"),
    "timestamp out of range (low)": _json_bytes([entry(1, updated="0001-01-01T00:00:00+05:00")]),
    "timestamp out of range (high)": _json_bytes([entry(1, updated="9999-12-31T23:59:59-05:00")]),
}
CSV_HEAD = "symbol,language,kind,number,note,created,updated\r\n"
MALFORMED_CSV = {
    "² as a number": CSV_HEAD + "CDIP/33/2,zh,recommendation,²,,2024-01-01T00:00:00Z,2024-01-02T00:00:00Z\r\n",
    "3,000,000 digits in CSV": CSV_HEAD + "CDIP/33/2,zh,recommendation," + "7" * 3_000_000
    + ",,2024-01-01T00:00:00Z,2024-01-02T00:00:00Z\r\n",
}


@pytest.mark.parametrize("name", sorted(MALFORMED) + sorted(MALFORMED_CSV))
def test_malformed_input_is_a_message_and_changes_nothing(tmp_path: Path, store: BookmarkStore,
                                                          name: str) -> None:
    store.set_note(REC, 1, "keep me")
    before = snapshot(store)
    if name in MALFORMED:
        path = tmp_path / "in.json"
        path.write_bytes(MALFORMED[name])
    else:
        path = tmp_path / "in.csv"
        path.write_text(MALFORMED_CSV[name], encoding="utf-8")
    with pytest.raises(ImportRejected) as info:
        import_file(store, path, VALID)
    assert str(info.value) and "Traceback" not in str(info.value)
    assert snapshot(store) == before


def test_unreadable_files_are_a_message(tmp_path: Path, store: BookmarkStore) -> None:
    with pytest.raises(ImportRejected, match="无法读取"):
        import_file(store, "/proc/self/mem", VALID)
    locked = write_json(tmp_path / "locked.json", [entry(1)])
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads anyway: a read that fails the same way stands in
        import builtins

        real_open = builtins.open

        def refuse(file, *args, **kwargs):
            if str(file) == str(locked):
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(builtins, "open", refuse)
            with pytest.raises(ImportRejected, match="Permission denied"):
                import_file(store, locked, VALID)
    else:
        with pytest.raises(ImportRejected, match="Permission denied"):
            import_file(store, locked, VALID)
    assert store.list() == []


def test_csv_export_neutralises_formulas_and_import_restores_them(tmp_path: Path, store: BookmarkStore) -> None:
    notes = {1: "=HYPERLINK(\"http://x\")", 2: "+1", 3: "-2", 4: "@SUM(A1)", 5: "\tx", 6: "\rx",
             7: "'=already quoted", 8: "plain 'quote", 9: "'just a quote"}
    for number, note in notes.items():
        store.set_note(REC, number, note)
    out = tmp_path / "out.csv"
    export_csv(store, out)
    import csv

    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    cells = {int(r[3]): r[4] for r in rows[1:]}
    for number in (1, 2, 3, 4, 5, 6):
        assert cells[number] == "'" + notes[number]
    assert cells[7] == "''=already quoted" and cells[8] == notes[8] and cells[9] == notes[9]
    fresh = BookmarkStore(tmp_path / "fresh.sqlite", ED)
    import_file(fresh, out, VALID)
    assert {n: fresh.note(REC, n) for n in notes} == notes


# --- fuzzing -------------------------------------------------------------------------------------
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30))
fields = st.fixed_dictionaries(
    {}, optional={k: scalars for k in ("symbol", "language", "kind", "number", "note", "created", "updated")})
records = st.one_of(fields, st.builds(lambda n, note, t: entry(n, note, t),
                                      st.integers(-5, 60), st.text(max_size=50),
                                      st.one_of(st.text(max_size=30),
                                                st.datetimes().map(lambda d: d.isoformat()))))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(records, max_size=5))
def test_fuzzed_json_import_is_all_or_nothing(tmp_path: Path, store: BookmarkStore, rows: list) -> None:
    path = tmp_path / "fuzz.json"
    path.write_text(json.dumps({"format": "da-navigator-bookmarks", "version": 1, "bookmarks": rows}),
                    encoding="utf-8")
    before = snapshot(store)
    try:
        import_file(store, path, VALID)
    except ImportRejected as exc:
        assert str(exc)
        assert snapshot(store) == before


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_fuzzed_bytes_never_escape_as_exceptions(tmp_path: Path, data: bytes) -> None:
    for suffix in (".json", ".csv"):
        path = tmp_path / f"fuzz{suffix}"
        path.write_bytes(data)
        with contextlib.suppress(ImportRejected):  # any other exception fails the test
            read_import(path, VALID)
