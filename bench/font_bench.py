"""The bundled fonts' cost: file size, memory after loading and drawing, build time.

DA Navigator's subsets (tools/build_font.py: all of GB 2312 + the app's text, one code point per
glyph, plus the DejaVu-based symbols subset) against a baseline built in the same run the way the
bundle was built before: Noto CJK cut to the app's own text only (Regular and Bold). Memory is
measured in a fresh offscreen process with no system fonts (empty fontconfig): RSS before the fonts
are registered, and after registering them and laying out GB 2312's 3,755 level-1 hanzi in both
weights (so the glyphs are actually read). Budgets: files <= 6 MB in all; RSS growth and build
time reported. Runs once (BENCH_RUNS repeats the memory probe; the median is kept).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from bench.frozen import MB, ROOT, median, row, runs
from tools import build_font as bf

DB = ROOT / "data" / "build" / "content.sqlite"

PROBE = """
import json, sys
from pathlib import Path
import qt_compat
qt_compat.apply()
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QImage, QPainter
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
app = QGuiApplication([])
before = rss()
families = []
for path in sys.argv[1:-1]:
    families += QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(path))
text = Path(sys.argv[-1]).read_text(encoding="utf-8")
image = QImage(2000, 2000, QImage.Format.Format_ARGB32)
painter = QPainter(image)
for bold in (False, True):
    font = QFont()
    font.setFamilies(list(dict.fromkeys(families)))
    font.setBold(bold)
    painter.setFont(font)
    for start in range(0, len(text), 60):
        painter.drawText(10, 40, text[start:start + 60])
painter.end()
print(json.dumps({"before": before, "after": rss()}))
"""


def cpu_seconds() -> float:
    """User + system CPU of this process and its finished children (the subsetting workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def baseline_build(out: Path) -> list[Path]:
    """The previous bundle's subsets: Noto CJK cut to the app's text and the RANGES, both weights."""
    chars = bf.drawable(bf.app_text(DB) | bf.range_characters())
    jobs = [bf.Job(bf.NOTO_DIR / name, bf.SC_FACE, bf.FAMILY, style, bf.output_for(out, style))
            for style, name in bf.WEIGHTS.items()]
    with ProcessPoolExecutor(max_workers=2) as pool:  # as tools.build_font does
        for future in [pool.submit(bf.subset_face, job, chars) for job in jobs]:
            future.result()
    return [job.output for job in jobs]


def memory(fonts: list[Path], text: Path, work: Path) -> float:
    conf = work / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><fontconfig><cachedir>{work}/cache</cachedir></fontconfig>')
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FONTCONFIG_FILE": str(conf), "FONTCONFIG_PATH": str(work)}
    samples = []
    for _ in range(runs(3)):
        out = subprocess.run([sys.executable, "-c", PROBE, *map(str, fonts), str(text)], cwd=ROOT, env=env,
                             capture_output=True, text=True, check=True).stdout
        probe = json.loads(out)
        samples.append((probe["after"] - probe["before"]) / MB)
    return median(samples)


def run() -> list[dict[str, object]]:
    if not DB.exists():
        raise FileNotFoundError(f"{DB} missing: run `make db` first")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "app").mkdir()
        (work / "base").mkdir()
        start, cpu = time.perf_counter(), cpu_seconds()
        counts, _ = bf.build(DB, work / "app" / "DANavigatorCJK.otf")
        app_seconds, app_cpu = time.perf_counter() - start, cpu_seconds() - cpu
        app_fonts = sorted(counts)
        start, cpu = time.perf_counter(), cpu_seconds()
        base_fonts = baseline_build(work / "base" / "DANavigatorCJK.otf")
        base_seconds, base_cpu = time.perf_counter() - start, cpu_seconds() - cpu
        text = work / "level1.txt"
        text.write_text("".join(bf.gb2312_hanzi(1)), encoding="utf-8")
        app_size = sum(p.stat().st_size for p in app_fonts) / MB
        base_size = sum(p.stat().st_size for p in base_fonts) / MB
        app_rss, base_rss = memory(app_fonts, text, work), memory(base_fonts, text, work)
        return [
            row("font files (all weights)", app_size, "MB", base_size, budget="<= 6 MB", ok=app_size <= 6,
                files={p.name: p.stat().st_size for p in app_fonts}, characters={p.name: n for p, n in counts.items()}),
            row("RSS growth: register + draw 3,755 hanzi in 2 weights", app_rss, "MB", base_rss),
            row("font build time (2 processes, wall clock)", app_seconds, "s", base_seconds),
            row("font build CPU time (all processes)", app_cpu, "s", base_cpu),
        ]
