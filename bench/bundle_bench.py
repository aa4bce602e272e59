"""The bundle against a baseline: a bare QMainWindow + QTreeView + QTextBrowser frozen with
PyInstaller's defaults (onedir, windowed, no filtering), built here from bench/baseline_app.py.

Windows (issue 8), from `make dist-windows` in the same `make bench` run: the Windows bundle on disk
<= 1.05x the Linux bundle, the installer <= the zipped Windows folder, and the build itself (toolchain
ready, times written by tools/windows/build.sh) <= 3 min.

Budgets (issues 5, 10): cold start to the window shown with the tree filled <= 1.2x the baseline,
warm start <= 1.3x; size on
disk <= 1.0x; peak RSS <= 1.3x; the frozen app's start with a synthetic 50-edition database (made by
bench.search_bench.replicate) <= 1.5x its start with the single edition. Zipped size and warm start
are reported. Both apps run alternately
in the same X server; a cold start drops the page cache first (root only; otherwise it is skipped
and said so). Needs `make dist` first (`make bench` does it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.frozen import (
    APP_EXE,
    BASELINE_EXE,
    BUILD,
    MB,
    ROOT,
    can_drop_caches,
    disk_usage,
    display,
    median,
    row,
    start_once,
    zipped_size,
)

BASELINE_SOURCE = ROOT / "bench" / "baseline_app.py"
COLD_BUDGET, WARM_BUDGET = 1.2, 1.3  # x the baseline bundle, started alternately in the same run
EDITIONS = 50


def build_baseline() -> float | None:
    """Freeze the baseline with PyInstaller's defaults unless an up-to-date build exists; seconds taken."""
    if BASELINE_EXE.exists() and BASELINE_EXE.stat().st_mtime > BASELINE_SOURCE.stat().st_mtime:
        return None
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--windowed", "--log-level", "WARN",
                    "--name", "baseline", "--distpath", str(BUILD / "dist"), "--workpath", str(BUILD / "work"),
                    "--specpath", str(BUILD), str(BASELINE_SOURCE)], check=True, cwd=ROOT)
    return time.perf_counter() - start


def run() -> list[dict[str, object]]:
    if not APP_EXE.exists():
        raise FileNotFoundError(f"{APP_EXE} missing: run `make dist` first")
    build_seconds = build_baseline()
    n = int(os.environ.get("BENCH_STARTUP_RUNS", "15"))  # more than other figures: single starts vary ±25 %
    cold = can_drop_caches()
    samples: dict[str, dict[str, list]] = {
        k: {"cold": [], "warm": [], "cold_cpu": [], "warm_cpu": [], "rss": [], "exit": []} for k in ("app", "base")
    }
    exes = {"app": APP_EXE, "base": BASELINE_EXE}
    with display() as env:
        for exe in exes.values():  # one unmeasured start each: fontconfig caches, first-run effects
            start_once(exe, env)
        for kind in ("cold", "warm") if cold else ("warm",):  # warm runs after all cold ones
            for i in range(n):
                for key in ("app", "base") if i % 2 == 0 else ("base", "app"):
                    result = start_once(exes[key], env, cold=kind == "cold")
                    samples[key][kind].append(result.seconds * 1000)
                    samples[key][f"{kind}_cpu"].append(result.cpu_seconds * 1000)
                    samples[key]["rss"].append(result.peak_rss_mb)
                    samples[key]["exit"].append(result.exit_code)
    app_dir, base_dir = APP_EXE.parent, BASELINE_EXE.parent
    rows = []
    if cold:
        rows.append(row(f"cold start to tree shown (median of {n})", median(samples["app"]["cold"]), "ms",
                        median(samples["base"]["cold"]), COLD_BUDGET, **_cpu(samples, "cold"),
                        samples={k: v["cold"] for k, v in samples.items()}))
    rows.append(row(f"warm start to tree shown (median of {n})", median(samples["app"]["warm"]), "ms",
                    median(samples["base"]["warm"]), WARM_BUDGET,
                    note=None if cold else "page cache cannot be dropped here: warm starts stand in for cold",
                    **_cpu(samples, "warm"), samples={k: v["warm"] for k, v in samples.items()}))
    rows.append(row("bundle size on disk", disk_usage(app_dir) / MB, "MB", disk_usage(base_dir) / MB, 1.0))
    rows.append(row("bundle size zipped", zipped_size(app_dir) / MB, "MB", zipped_size(base_dir) / MB))
    rows.append(row("peak RSS after start (median)", median(samples["app"]["rss"]), "MB",
                    median(samples["base"]["rss"]), 1.3,
                    exit_codes={k: sorted(set(v["exit"])) for k, v in samples.items()},
                    baseline_build_seconds=build_seconds))
    rows.append(scale_row(n))
    rows.extend(windows_rows())
    return rows


def _cpu(samples: dict[str, dict[str, list]], kind: str) -> dict[str, float]:
    """Median CPU time to the first paint, app and baseline: what the wall clock measures less the
    time the process waited for a core (these machines are shared)."""
    app, base = median(samples["app"][f"{kind}_cpu"]), median(samples["base"][f"{kind}_cpu"])
    fastest = min(samples["app"][kind]) / min(samples["base"][kind])  # the starts least disturbed by other load
    return {"cpu_ms": round(app, 1), "baseline_cpu_ms": round(base, 1), "cpu_ratio": round(app / base, 3),
            "min_ratio": round(fastest, 3)}


def windows_rows() -> list[dict[str, object]]:
    """The Windows build against the Linux one: sizes and build time (tools/windows/build.sh)."""
    import tomllib

    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    folder = ROOT / "dist" / "windows" / "DA Navigator"
    archive = ROOT / "dist" / f"DA-Navigator-{version}-win64.zip"
    setup = ROOT / "dist" / f"DA-Navigator-{version}-setup.exe"
    timing = ROOT / "build" / "windows" / "timing.json"
    missing = [p for p in (folder, archive, setup, timing) if not p.exists()]
    if missing:
        return [{"name": "Windows bundle", "value": None, "unit": "", "baseline": None, "ratio": None,
                 "budget": None, "ok": False, "error": f"missing {missing[0]}: run `make dist-windows` first"}]
    took = json.loads(timing.read_text(encoding="utf-8"))
    return [
        row("Windows bundle on disk vs the Linux bundle", disk_usage(folder) / MB, "MB",
            disk_usage(APP_EXE.parent) / MB, 1.05, files=sum(1 for p in folder.rglob("*") if p.is_file())),
        row("Windows installer vs the Windows zip", setup.stat().st_size / MB, "MB", archive.stat().st_size / MB,
            1.0),
        row("make dist-windows, toolchain ready", float(took["total_s"]), "s", 180.0, 1.0, budget="<= 180 s",
            steps=took, note="wall clock on a shared machine; PyInstaller under wine, zip, makensis"),
    ]


def scale_row(n: int) -> dict[str, object]:
    """Frozen warm start with a 50-edition database against the bundled single edition."""
    from bench.search_bench import replicate

    single = APP_EXE.parent / "_internal" / "data" / "build" / "content.sqlite"
    with tempfile.TemporaryDirectory(prefix="bench-editions-") as tmp, display() as env:
        many = Path(tmp) / "editions.sqlite"
        replicate(single, many, EDITIONS)
        times: dict[str, list[float]] = {"one": [], "many": []}
        start_once(APP_EXE, {**env, "DA_NAVIGATOR_DB": str(many)})
        for _ in range(n):
            times["one"].append(start_once(APP_EXE, env).seconds * 1000)
            times["many"].append(start_once(APP_EXE, {**env, "DA_NAVIGATOR_DB": str(many)}).seconds * 1000)
        size = many.stat().st_size / MB
    return row(f"frozen start, {EDITIONS} editions vs 1 (median of {n})", median(times["many"]), "ms",
               median(times["one"]), 1.5, budget="<= 1.5x single edition", samples=times,
               note=f"{EDITIONS}-edition database: {size:.1f} MB")
