"""Printing benchmarks: one summary PDF, a briefing pack of all 45, and the command line end to end.

Baseline, measured side by side: Qt's own ``QTextDocument.print_()`` of the same summary HTML
to a QPdfWriter (no running header/footer, no page-by-page control).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = (6, 10, 13, 25, 45, 1, 15, 32)


def _runs(default: int) -> int:
    return max(1, int(os.environ.get("BENCH_RUNS", default)))


def _row(name: str, value: float, unit: str = "ms", baseline: float | None = None, budget: str | None = None,
         ok: bool | None = None, **extra: object) -> dict[str, object]:
    return {"name": name, "value": round(value, 2), "unit": unit, "baseline": baseline and round(baseline, 2),
            "ratio": round(value / baseline, 2) if baseline else None, "budget": budget, "ok": ok, **extra}


def run() -> list[dict[str, object]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QPdfWriter, QTextDocument

    from models import print_html
    from models.repository import ContentRepository
    from ui.print_render import briefing_job, ensure_gui_app, page_layout, print_font, summary_job, write_pdf

    ensure_gui_app()
    repo = ContentRepository()
    tmp = Path(tempfile.mkdtemp(prefix="print-bench-"))
    rows: list[dict[str, object]] = []

    start = time.perf_counter()
    write_pdf(summary_job(repo, 6), tmp / "cold.pdf")
    rows.append(_row("first summary PDF in a process (fonts loaded)", (time.perf_counter() - start) * 1000))

    def ours(n: int) -> None:
        write_pdf(summary_job(repo, n), tmp / f"r{n}.pdf")

    def qt_print(n: int) -> None:
        rec = repo.recommendation(n)
        doc = QTextDocument()
        doc.setDefaultFont(print_font(10.5))
        doc.setDefaultStyleSheet(print_html.stylesheet())
        doc.setHtml(print_html.summary_html(repo.document(), rec, "", ""))
        writer = QPdfWriter(str(tmp / f"q{n}.pdf"))
        writer.setPageLayout(page_layout("a4"))
        doc.print_(writer)

    samples: dict[str, list[float]] = {"ours": [], "qt": []}
    for i in range(_runs(5) * len(SAMPLE)):
        n = SAMPLE[i % len(SAMPLE)]
        for key, fn in (("ours", ours), ("qt", qt_print)):
            start = time.perf_counter()
            fn(n)
            samples[key].append((time.perf_counter() - start) * 1000)
    median, base = statistics.median(samples["ours"]), statistics.median(samples["qt"])
    rows.append(_row(f"summary PDF export (median of {len(samples['ours'])})", median, baseline=base,
                     budget="<= 300 ms", ok=median <= 300, samples=len(samples["ours"]),
                     note="baseline: QTextDocument.print_() of the same HTML"))

    pack: list[float] = []
    pages = 0
    for _ in range(_runs(3)):
        start = time.perf_counter()
        pages = write_pdf(briefing_job(repo, list(range(1, 46))), tmp / "pack.pdf")
        pack.append(time.perf_counter() - start)
    value = statistics.median(pack)
    rows.append(_row(f"briefing pack of all 45 ({pages} pages, median of {len(pack)})", value, unit="s",
                     budget="<= 5 s", ok=value <= 5, size_kib=round((tmp / "pack.pdf").stat().st_size / 1024)))

    cli: list[float] = []
    env = {**os.environ, "DA_NAVIGATOR_USER_DIR": str(tmp / "user")}
    for _ in range(_runs(3)):
        start = time.perf_counter()
        subprocess.run([sys.executable, "main.py", "--print-summary", "6", "--output", str(tmp / "cli.pdf")],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        cli.append((time.perf_counter() - start) * 1000)
    rows.append(_row("main.py --print-summary 6 (process start to exit)", statistics.median(cli)))
    return rows
