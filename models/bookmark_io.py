"""Export bookmarks and notes to JSON / CSV, and merge an import back in (all or nothing).

An import is checked completely before anything is written: size (before reading),
UTF-8, structure, types, timestamps and numbers against the edition's real entries.
Any problem rejects the whole file with a user-facing message and changes nothing.
The size limit follows from the note limit, so every store the app allows round-trips.
CSV cells that a spreadsheet would run as a formula get a leading ``'`` on export (OWASP's
CSV-injection advice); import removes it again.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from models.atomic_write import write_bytes
from models.bookmarks import KINDS, MAX_NOTE_CHARS, Bookmark, BookmarkStore

if TYPE_CHECKING:
    from models.repository import ContentRepository

FORMAT = "da-navigator-bookmarks"
FORMAT_VERSION = 1
MAX_ENTRIES = 20_000
#: Worst case bytes one note character takes in an export: a control character in JSON (``\u001f``).
BYTES_PER_CHAR = 6
ENTRY_OVERHEAD = 1024  # the other fields, keys, quotes and separators of one entry, generously
NUMBER = re.compile(r"[0-9]{1,9}")  # ASCII digits only: "²".isdigit() is True, int("²") fails
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_FIELDS = ("symbol", "language", "kind", "number", "note", "created", "updated")
KIND_LABEL = {"recommendation": "建议", "review": "审查建议"}

#: (symbol, language, kind) -> numbers that exist in that edition.
ValidNumbers = Mapping[tuple[str, str, str], Collection[int]]


class ImportRejected(Exception):
    """The file was not imported; ``str()`` says why, in words for the user."""


@dataclass(frozen=True)
class ImportSummary:
    added: int
    updated: int
    unchanged: int
    skipped: int

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged + self.skipped

    def message(self) -> str:
        return (
            f"共 {self.total} 条：新增 {self.added}，更新 {self.updated}，"
            f"未变 {self.unchanged}，跳过 {self.skipped}（本机在其后已删除）。"
        )


def import_size_limit(valid: ValidNumbers) -> int:
    """The largest export a store can produce: every known entry with a note at the note limit."""
    entries = sum(len(numbers) for numbers in valid.values())
    return 64 * 1024 + max(entries, 1) * (MAX_NOTE_CHARS * BYTES_PER_CHAR + ENTRY_OVERHEAD)


def valid_numbers_from_repo(repo: ContentRepository) -> dict[tuple[str, str, str], set[int]]:
    """Valid numbers of every edition in the repository's database, for ``import_file``."""
    return repo.valid_numbers()


# --- export ---------------------------------------------------------------------------
def export_json(store: BookmarkStore, path: Path | str) -> int:
    """Write all active bookmarks (every edition) as JSON; returns how many."""
    rows = store.all_rows()
    payload = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported": datetime.now(UTC).isoformat(timespec="seconds"),
        "bookmarks": [{f: getattr(r, f) for f in CSV_FIELDS} for r in rows],
    }
    write_bytes(path, json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8"))
    return len(rows)


def export_csv(store: BookmarkStore, path: Path | str) -> int:
    """Write all active bookmarks as CSV (UTF-8 with BOM, so spreadsheets read the Chinese)."""
    rows = store.all_rows()
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_FIELDS)
    for r in rows:
        writer.writerow([_defuse(getattr(r, f)) for f in CSV_FIELDS])
    write_bytes(path, ("\ufeff" + buf.getvalue()).encode("utf-8"))
    return len(rows)


def _defuse(value: object) -> object:
    """A cell a spreadsheet would evaluate gets a leading ' (also one that already starts with ' + trigger,
    so that import, which removes one ', gives back the original)."""
    if isinstance(value, str) and value.lstrip("'").startswith(FORMULA_START):
        return "'" + value
    return value


def _restore(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_START) else cell


# --- import ---------------------------------------------------------------------------
def import_file(store: BookmarkStore, path: Path | str, valid: ValidNumbers) -> ImportSummary:
    """Validate ``path`` (JSON or CSV) completely, then merge it in one transaction."""
    rows = read_import(path, valid)
    counts = store.merge(rows)
    return ImportSummary(counts.added, counts.updated, counts.unchanged, counts.skipped)


def read_import(path: Path | str, valid: ValidNumbers) -> list[Bookmark]:
    """Parse and check an import file; raises ImportRejected. Duplicate keys: the newer wins."""
    path = Path(path)
    limit = import_size_limit(valid)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise ImportRejected(f"无法读取文件 {path.name}：{exc.strerror}") from exc
    if not stat.S_ISREG(info.st_mode):  # a folder, pipe or device would block or make no sense
        raise ImportRejected(f"{path.name} 不是普通文件。")
    size = info.st_size
    if size > limit:
        raise ImportRejected(
            f"文件过大（{size / 1048576:.1f} MB，上限 {limit / 1048576:.0f} MB），不是书签导出文件。"
        )
    try:
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:  # permission denied, /proc/self/mem (EIO), a file gone meanwhile
        raise ImportRejected(f"无法读取文件 {path.name}：{exc.strerror or exc}") from exc
    if len(data) > limit:  # grew while we looked
        raise ImportRejected("文件过大，不是书签导出文件。")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRejected(f"文件不是有效的 UTF-8 文本（第 {exc.start} 字节处）。") from exc
    stripped = text.lstrip()
    if stripped.startswith("{") or path.suffix.lower() == ".json":
        records = _records_from_json(stripped)
    else:
        records = _records_from_csv(text)
    if len(records) > MAX_ENTRIES:
        raise ImportRejected(f"条目过多（{len(records)}，上限 {MAX_ENTRIES}）。")
    errors: list[str] = []
    rows: dict[tuple[str, str, str, int], Bookmark] = {}
    for i, record in enumerate(records, start=1):
        try:
            row = _check_record(record, valid)
        except ValueError as exc:
            errors.append(f"第 {i} 条：{exc}")
            if len(errors) >= 5:
                break
            continue
        if row.key not in rows or rows[row.key].updated < row.updated:
            rows[row.key] = row
    if errors:
        raise ImportRejected("文件未导入，未作任何修改。\n" + "\n".join(errors))
    return list(rows.values())


def _records_from_json(text: str) -> list[object]:
    try:
        payload = json.loads(text)
    except (ValueError, RecursionError) as exc:  # ValueError: also a number of 3,000,000 digits
        where = f"（第 {exc.lineno} 行）" if isinstance(exc, json.JSONDecodeError) else ""
        raise ImportRejected(f"JSON 格式错误{where}：不是书签导出文件。") from exc
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ImportRejected("这不是 DA Navigator 书签导出文件（缺少 \"format\": \"da-navigator-bookmarks\"）。")
    version = payload.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version > FORMAT_VERSION:
        raise ImportRejected(f"不支持的书签文件版本 {version!r}（本程序支持 {FORMAT_VERSION}）。")
    records = payload.get("bookmarks")
    if not isinstance(records, list):
        raise ImportRejected("\"bookmarks\" 必须是列表。")
    return records


def _records_from_csv(text: str) -> list[object]:
    try:
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        header = next(reader, None)
        if header is None or tuple(h.strip() for h in header) != CSV_FIELDS:
            raise ImportRejected("CSV 表头应为：" + ",".join(CSV_FIELDS))
        records: list[object] = []
        for line in reader:
            if not line:
                continue
            if len(line) != len(CSV_FIELDS):
                raise ImportRejected(f"CSV 第 {reader.line_num} 行应有 {len(CSV_FIELDS)} 列，实有 {len(line)} 列。")
            record: dict[str, object] = dict(zip(CSV_FIELDS, map(_restore, line), strict=True))
            num = str(record["number"]).strip()
            record["number"] = int(num) if NUMBER.fullmatch(num) else num
            records.append(record)
    except csv.Error as exc:
        raise ImportRejected(f"CSV 格式错误：{exc}") from exc
    return records


def _check_record(record: object, valid: ValidNumbers) -> Bookmark:
    if not isinstance(record, dict):
        raise ValueError("应为对象（字典）")
    for name in ("symbol", "language", "kind", "note", "created", "updated"):
        value = record.get(name)
        if not isinstance(value, str):
            raise ValueError(f"字段 {name} 缺失或不是文本")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate ("\ud800") from a JSON escape
            raise ValueError(f"字段 {name} 含有无效字符（孤立的代理项）") from None
    number = record.get("number")
    if not isinstance(number, int) or isinstance(number, bool):
        raise ValueError(f"字段 number 应为整数，实为 {number!r:.40}")
    kind = record["kind"]
    if kind not in KINDS:
        raise ValueError(f"未知类型 {kind!r:.40}")
    edition = (record["symbol"], record["language"], kind)
    if edition not in valid:
        raise ValueError(f"未知版本 {record['symbol']!r:.40}（{record['language']!r:.10}）")
    if number not in valid[edition]:
        raise ValueError(f"{KIND_LABEL[kind]} {number} 在 {record['symbol']} 中不存在")
    note = record["note"]
    if len(note) > MAX_NOTE_CHARS:
        raise ValueError(f"备注过长（{len(note)} 字，上限 {MAX_NOTE_CHARS} 字）")
    if "\x00" in note:
        raise ValueError("备注含有空字符")
    created, updated = _timestamp(record["created"]), _timestamp(record["updated"])
    return Bookmark(record["symbol"], record["language"], kind, number, note, min(created, updated), updated)


def _timestamp(value: str) -> str:
    try:
        stamp = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        if stamp.tzinfo is None:
            stamp = stamp.replace(tzinfo=UTC)
        stamp = stamp.astimezone(UTC)
    except (ValueError, OverflowError):  # OverflowError: year 1 or 9999 shifted out of range
        raise ValueError(f"时间格式无效或超出范围 {value!r:.40}") from None
    if stamp > datetime.now(UTC) + timedelta(days=1):
        raise ValueError(f"时间在未来 {value!r:.40}")
    return stamp.isoformat(timespec="microseconds")
