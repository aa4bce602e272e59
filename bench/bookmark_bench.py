"""Bookmark store benchmarks: toggle to saved (committed, fsynced), note save, open, import/export.

Baseline, measured side by side: the same INSERT/DELETE committed through a plain sqlite3
connection in the default rollback-journal mode (what a naive store would do).
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path


def _runs(default: int) -> int:
    return max(1, int(os.environ.get("BENCH_RUNS", default)))


def _ms(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.95) - 1]


def run() -> list[dict[str, object]]:
    from models.bookmark_io import export_json, import_file
    from models.bookmarks import BookmarkStore

    tmp = Path(tempfile.mkdtemp(prefix="bookmark-bench-"))
    count = 40 * _runs(5)
    store = BookmarkStore(tmp / "bookmarks.sqlite")
    toggles: list[float] = []
    for i in range(count):
        start = time.perf_counter()
        store.toggle("recommendation", i % 45 + 1)
        toggles.append((time.perf_counter() - start) * 1000)

    naive = sqlite3.connect(tmp / "naive.sqlite")
    naive.execute("CREATE TABLE b (number INTEGER PRIMARY KEY, note TEXT)")
    base: list[float] = []
    for i in range(count):
        start = time.perf_counter()
        n = i % 45 + 1
        if naive.execute("SELECT 1 FROM b WHERE number=?", (n,)).fetchone():
            naive.execute("DELETE FROM b WHERE number=?", (n,))
        else:
            naive.execute("INSERT INTO b VALUES (?, '')", (n,))
        naive.commit()
        base.append((time.perf_counter() - start) * 1000)
    median, p95 = _ms(toggles)
    base_median, _ = _ms(base)
    rows: list[dict[str, object]] = [{
        "name": f"bookmark toggle to saved (median of {count})", "value": round(median, 3), "unit": "ms",
        "baseline": round(base_median, 3), "ratio": round(median / base_median, 2) if base_median else None,
        "budget": "<= 10 ms", "ok": median <= 10, "p95_ms": round(p95, 3),
        "note": "WAL + synchronous=FULL, committed before returning; baseline: rollback journal",
    }]

    notes: list[float] = []
    for i in range(count):
        start = time.perf_counter()
        store.set_note("recommendation", i % 45 + 1, f"笔记 {i}\n第二行")
        notes.append((time.perf_counter() - start) * 1000)
    median, p95 = _ms(notes)
    rows.append({"name": f"note save (median of {count})", "value": round(median, 3), "unit": "ms",
                 "baseline": None, "ratio": None, "budget": "<= 10 ms", "ok": median <= 10, "p95_ms": round(p95, 3)})
    store.close()

    opens: list[float] = []
    for _ in range(_runs(5) * 4):
        start = time.perf_counter()
        BookmarkStore(tmp / "bookmarks.sqlite").close()
        opens.append((time.perf_counter() - start) * 1000)
    rows.append({"name": "open store (integrity check included)", "value": round(statistics.median(opens), 2),
                 "unit": "ms", "baseline": None, "ratio": None, "budget": None, "ok": None})

    big = BookmarkStore(tmp / "big.sqlite", ("CDIP/33/2", "zh"))
    for n in range(1, 46):
        big.set_note("recommendation", n, "较长的笔记。" * 200)
    start = time.perf_counter()
    export_json(big, tmp / "export.json")
    export_ms = (time.perf_counter() - start) * 1000
    target = BookmarkStore(tmp / "target.sqlite")
    valid = {("CDIP/33/2", "zh", "recommendation"): set(range(1, 46)), ("CDIP/33/2", "zh", "review"): set()}
    start = time.perf_counter()
    import_file(target, tmp / "export.json", valid)
    import_ms = (time.perf_counter() - start) * 1000
    rows.append({"name": "export 45 bookmarks with 1,200-character notes (JSON)", "value": round(export_ms, 2),
                 "unit": "ms", "baseline": None, "ratio": None, "budget": None, "ok": None})
    rows.append({"name": "import and merge the same file (validated, one transaction)", "value": round(import_ms, 2),
                 "unit": "ms", "baseline": None, "ratio": None, "budget": None, "ok": None})
    return rows
